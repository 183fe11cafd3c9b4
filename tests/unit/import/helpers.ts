import { readFileSync } from 'node:fs';
import { parseStatement, type ParsedStatement, type ParseOptions } from '$lib/server/import';

export function fixture(name: string): Uint8Array {
	return new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));
}

export function parseFixture(name: string, options?: ParseOptions): ParsedStatement {
	return parseStatement(fixture(name), options);
}

export function bytes(text: string): Uint8Array {
	return new TextEncoder().encode(text);
}

/** Windows-1252 bytes for text made of Latin-1 characters plus €. */
export function cp1252(text: string): Uint8Array {
	return new Uint8Array([...text].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0))));
}

/** Catches the error thrown by fn (fails when nothing is thrown). */
export function caught(fn: () => unknown): Error & { line?: number | null } {
	try {
		fn();
	} catch (e) {
		return e as Error & { line?: number | null };
	}
	throw new Error('expected an error');
}
