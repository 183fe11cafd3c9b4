import { describe, expect, test } from 'vitest';
import { readCsv, sniffDelimiter, tokenizeCsv } from '$lib/server/import/csv-reader';
import { decodeBytes } from '$lib/server/import/encoding';
import { readdirSync } from 'node:fs';
import { fixture } from './helpers';

describe('CSV reader', () => {
	test('every record of every CSV fixture starts on the physical line it claims', () => {
		for (const f of readdirSync('tests/fixtures/import').filter((x) => x.endsWith('.csv'))) {
			const text = decodeBytes(fixture(f)).text.replace(/\r\n?/g, '\n');
			const lines = text.split('\n');
			for (const row of tokenizeCsv(text, sniffDelimiter(text))) {
				const first = row.cells[0] ?? '';
				const physical = lines[row.line - 1] ?? '';
				expect(
					physical.replace(/^"/, '').startsWith(first.split('\n')[0].replace(/"/g, '')) || first.includes('"'),
					`${f}:${row.line}`
				).toBe(true);
			}
		}
	});

	test('quoted newlines, "" escapes, CRLF, trailing separator, line numbers', () => {
		const rows = readCsv('a;"b\r\nc";d;\r\n\r\n"x""y";2\r\n="0123";3', ';');
		expect(rows.map((r) => ({ cells: r.cells, line: r.line }))).toEqual([
			{ cells: ['a', 'b\nc', 'd', ''], line: 1 },
			{ cells: ['x"y', '2'], line: 4 },
			{ cells: ['="0123"', '3'], line: 5 }
		]);
	});

	test('separator sniffed from the last lines, not the preamble', () => {
		expect(
			sniffDelimiter('Code : 1, agence : 2\nx\nDate;Libellé;Débit;Crédit\n01/01/2026;A;-1,00;\n02/01/2026;B;;2,00\n')
		).toBe(';');
		expect(sniffDelimiter('Type,Product,Amount\nA,B,-1.00\nC,D,2.00\n')).toBe(',');
		expect(sniffDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
	});
});
