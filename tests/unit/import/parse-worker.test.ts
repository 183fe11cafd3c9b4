import { afterAll, describe, expect, test } from 'vitest';
import { ImportError, NeedsDateOrderError, NeedsMappingError, parseStatement } from '$lib/server/import';
import { generateLargeCsv } from '$lib/server/import/bench-data';
import { closeParseWorkers, parseStatementOffThread } from '$lib/server/import/parse-worker';
import { bytes, fixture } from './helpers';

afterAll(() => closeParseWorkers());

const failure = (p: Promise<unknown>) =>
	p.then(
		() => {
			throw new Error('expected a refusal');
		},
		(e: unknown) => e as ImportError
	);

describe('parseStatementOffThread', () => {
	test('gives the same statement as parseStatement, several files at once', async () => {
		const files = ['boursobank-2026.csv', 'bp-multi.ofx', 'camt053-v08.xml', 'boursobank-fr.qif', 'qonto.csv'];
		const off = await Promise.all(files.map((f) => parseStatementOffThread(fixture(f))));
		expect(off).toEqual(files.map((f) => parseStatement(fixture(f))));
	});
	test('rebuilds the error classes with their line, preview and candidates', async () => {
		const mapping = await failure(parseStatementOffThread(fixture('unidentified-fr.csv')));
		expect(mapping).toBeInstanceOf(NeedsMappingError);
		expect((mapping as NeedsMappingError).preview.columns.length).toBeGreaterThan(2);
		const order = await failure(parseStatementOffThread(bytes('!Type:Bank\nD03/04/2024\nT-1.00\nPA\n^\n')));
		expect(order).toBeInstanceOf(NeedsDateOrderError);
		expect((order as NeedsDateOrderError).candidates).toEqual(['dmy', 'mdy']);
		const plain = await failure(parseStatementOffThread(bytes('!Type:Bank\nD13/03/2026\nTdix\n^\n')));
		expect(plain).toBeInstanceOf(ImportError);
		expect(plain.line).toBe(3);
		// options reach the worker
		const s = await parseStatementOffThread(bytes('!Type:Bank\nD03/04/2024\nT-1.00\nPA\n^\n'), { dateOrder: 'dmy' });
		expect(s.accounts[0].transactions[0].bookingDate).toBe('2024-04-03');
	});
	test('past its time budget the worker is ended and the file refused in French; the next file is read', async () => {
		const e = await failure(parseStatementOffThread(generateLargeCsv(50_000), {}, { timeoutMs: 1 }));
		expect(e).toBeInstanceOf(ImportError);
		expect(e.message).toMatch(/^La lecture de ce fichier a pris plus de 1 s : il est trop gros ou mal formé/);
		expect((await parseStatementOffThread(fixture('n26.csv'))).layout).toBe('n26');
	});
	test('a worker out of heap dies alone and the file is refused in French', async () => {
		const e = await failure(parseStatementOffThread(generateLargeCsv(100_000), {}, { maxMemoryMb: 8 }));
		expect(e.message).toBe(
			'La lecture de ce fichier demande trop de mémoire : il est trop gros ou mal formé. Exportez une période plus courte.'
		);
		expect((await parseStatementOffThread(fixture('n26.csv'), {}, { maxMemoryMb: 8 })).layout).toBe('n26');
	});
});
