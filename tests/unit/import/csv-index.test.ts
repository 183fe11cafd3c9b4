import { describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { cellOf, indexRecords } from '$lib/server/import/csv-index';
import { readCsv, sniffDelimiter, tokenizeCsv } from '$lib/server/import/csv-reader';
import { decodeBytes } from '$lib/server/import/encoding';
import { fixture } from './helpers';

/** The records of the index, as plain rows. */
function indexed(text: string, delimiter: string) {
	const index = indexRecords(text, delimiter);
	if (!index) return null;
	return Array.from({ length: index.count }, (_, r) => ({ cells: index.cells(r), line: index.lines[r] }));
}

/** A deterministic pseudo-random generator (no shared state between tests). */
function generator(seed: number) {
	let s = seed;
	return () => {
		s = (s * 1103515245 + 12345) & 0x7fffffff;
		return s;
	};
}

describe('CSV record index', () => {
	test('reads every CSV fixture exactly as papaparse does', () => {
		let read = 0;
		for (const f of readdirSync('tests/fixtures/import').filter((x) => x.endsWith('.csv'))) {
			const text = decodeBytes(fixture(f))
				.text.replace(/^\ufeff/, '')
				.replace(/\r\n?/g, '\n');
			const sep = sniffDelimiter(text);
			const mine = indexed(text, sep);
			if (mine === null) continue;
			read++;
			expect(mine, f).toEqual(tokenizeCsv(text, sep));
		}
		// the fixtures are well-formed exports: all of them are indexed
		expect(read).toBe(readdirSync('tests/fixtures/import').filter((x) => x.endsWith('.csv')).length);
	});

	test('agrees with papaparse on 20,000 random texts of separators, quotes and newlines', () => {
		const alphabet = ['a', 'b', ';', ';', '"', '"', '\n', ' ', 'é', ',', '""'];
		const rand = generator(7);
		let indexedCount = 0;
		for (let n = 0; n < 20_000; n++) {
			const length = rand() % 24;
			let text = '';
			for (let i = 0; i < length; i++) text += alphabet[rand() % alphabet.length];
			const mine = indexed(text, ';');
			if (mine === null) continue;
			indexedCount++;
			expect(mine, JSON.stringify(text)).toEqual(tokenizeCsv(text, ';'));
		}
		// most random texts are indexed; the others (odd quotes) go to papaparse
		expect(indexedCount).toBeGreaterThan(8_000);
	});

	test('leaves to papaparse what it reads in its own way', () => {
		expect(indexRecords('"a" ;b', ';')).toBeNull();
		expect(indexRecords('"a"x;b', ';')).toBeNull();
		expect(indexRecords('a;"bc', ';')).toBeNull();
		expect(indexRecords('a;b', '')).toBeNull();
		expect(indexRecords('a;b', ';;')).toBeNull();
		// the rows are the same either way
		for (const text of ['"a" ;b\nc;d', 'x;"a"x;b\n1;2', 'a;"b\nc']) {
			expect(readCsv(text, ';').map((r) => ({ cells: r.cells, line: r.line }))).toEqual(
				tokenizeCsv(text, ';').filter((r) => r.cells.some((c) => c.trim() !== ''))
			);
		}
	});

	test('stops past 4,000,000 cells, which papaparse then refuses at the line that passes the bound', () => {
		const text = `${'x;'.repeat(999)}x\n`.repeat(4_100);
		expect(indexRecords(text, ';')).toBeNull();
		expect(indexRecords(`${'x;'.repeat(999)}x\n`.repeat(3_999), ';')?.count).toBe(4_000);
	});

	test('a cell is measured once its quotes are read: 120,000 characters of text, 60,001 of cell', () => {
		const half = '""'.repeat(30_000);
		const [row] = readCsv(`2024-01-02;"${half}\n${half}";-1,50`, ';');
		expect(cellOf(row, 1).length).toBe(60_001);
		const long = 'x'.repeat(60_000);
		expect(() => readCsv(`2024-01-02;"${long}\n${long}";-1,50`, ';')).toThrow(/cellule de plus de 100/);
	});

	test('a row slices one cell without the others, quotes read, past the end empty', () => {
		const [row] = readCsv('2024-01-02;"say ""hi""";-1,50', ';');
		expect(cellOf(row, 1)).toBe('say "hi"');
		expect(cellOf(row, 2)).toBe('-1,50');
		expect(cellOf(row, 9)).toBe('');
		expect(row.cells).toEqual(['2024-01-02', 'say "hi"', '-1,50']);
	});

	test('blank records are told apart from records with only non-ASCII text', () => {
		const rows = readCsv('a;b\n ;\u00a0\n"";""\né;\n', ';');
		expect(rows.map((r) => r.cells)).toEqual([
			['a', 'b'],
			['é', '']
		]);
		expect(rows.map((r) => r.line)).toEqual([1, 4]);
	});
});
