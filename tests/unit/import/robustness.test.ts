import { describe, expect, test } from 'vitest';
import { ImportError, parseStatement } from '$lib/server/import';
import { generateLargeCsv } from '$lib/server/import/bench-data';
import { readdirSync } from 'node:fs';
import { bytes, fixture } from './helpers';

/** Deterministic pseudo-random generator for the fuzz cases. */
function rng(seed: number) {
	let s = seed;
	return () => {
		s = (s * 1103515245 + 12345) & 0x7fffffff;
		return s / 0x7fffffff;
	};
}

function onlyImportErrors(input: Uint8Array): void {
	try {
		parseStatement(input);
	} catch (e) {
		if (!(e instanceof ImportError)) throw new Error(`non-ImportError thrown: ${String(e)}`, { cause: e });
	}
}

describe('robustness', () => {
	const files = readdirSync('tests/fixtures/import').filter((f) => !f.endsWith('.md'));
	test('truncated fixtures, random byte flips and emoji throw nothing but ImportError', () => {
		const rand = rng(7);
		for (const f of files) {
			const b = fixture(f);
			for (const cut of [1, 7, 0.25, 0.5, 0.9])
				onlyImportErrors(b.slice(0, cut < 1 ? Math.floor(b.length * cut) : cut));
			for (let k = 0; k < 20; k++) {
				const copy = b.slice();
				for (let j = 0; j < 5; j++) copy[Math.floor(rand() * copy.length)] = Math.floor(rand() * 256);
				onlyImportErrors(copy);
			}
			const text = new TextDecoder('latin1').decode(b);
			onlyImportErrors(bytes(text.replace(/[aeiou]/g, '😀')));
		}
	});
	test('random bytes and hostile markup', () => {
		const rand = rng(11);
		for (let k = 0; k < 200; k++) {
			const n = 1 + Math.floor(rand() * 400);
			onlyImportErrors(new Uint8Array(n).map(() => Math.floor(rand() * 256)));
		}
		onlyImportErrors(bytes('OFXHEADER:100\n<OFX>' + '<A>'.repeat(50_000)));
		onlyImportErrors(
			bytes(
				'<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">' +
					'<Stmt>'.repeat(20_000)
			)
		);
		onlyImportErrors(bytes('!Type:Bank\nD99/99/9999\nT1\n^\n'));
		onlyImportErrors(bytes('"unterminated;quote\n1;2\n'));
		onlyImportErrors(bytes('😀;😀\n😀;😀\n'));
	});
	test('more than 200,000 rows is refused', () => {
		const e = (() => {
			try {
				const rows = ['Date opération;Date valeur;libellé;Débit;Crédit;'];
				for (let i = 0; i < 200_010; i++) rows.push('01/02/2026;01/02/2026;CB X;-1,00;');
				parseStatement(new TextEncoder().encode(rows.join('\n')));
			} catch (err) {
				return err as ImportError;
			}
			return null;
		})();
		expect(e).toBeInstanceOf(ImportError);
		expect(e?.message).toContain('plus de 200\u202f000');
	});
});

// Its speed is measured by `npm run bench`, never by a test (shared machines).
test('100,000-row CSV parses exactly', () => {
	const data = generateLargeCsv(100_000);
	const s = parseStatement(data);
	expect(s.layout).toBe('boursobank');
	expect(s.accounts[0].transactions).toHaveLength(100_000);
	expect(Number.isSafeInteger(s.accounts[0].transactions.reduce((n, t) => n + t.amount, 0))).toBe(true);
});
