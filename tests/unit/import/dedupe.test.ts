import { describe, expect, test } from 'vitest';
import {
	dedupeKeys,
	findProbableDuplicates,
	maskAccountNumber,
	normaliseForDedupe,
	reconcile,
	statedClosingBalance,
	type ParsedTransaction
} from '$lib/server/import';
import { parseFixture } from './helpers';

const tx = (
	bookingDate: string,
	amount: number,
	rawLabel: string,
	bankId: string | null = null,
	line = 1
): ParsedTransaction => ({
	line,
	bookingDate,
	operationDate: null,
	amount,
	rawLabel,
	payee: null,
	memo: null,
	bankId
});

describe('dedupe keys', () => {
	test('normalisation: upper case, accents stripped, whitespace collapsed', () => {
		expect(normaliseForDedupe('  Prélèvement   Échéance\tprêt ')).toBe('PRELEVEMENT ECHEANCE PRET');
	});

	test('two identical coffees on the same day stay two rows; re-import gives the same keys', () => {
		const s = parseFixture('boursobank-2026.csv');
		const t = s.accounts[0].transactions;
		const keys = dedupeKeys('acc1', t);
		expect(new Set(keys).size).toBe(5);
		expect(keys[1]).not.toBe(keys[2]);
		expect(dedupeKeys('acc1', parseFixture('boursobank-2026.csv').accounts[0].transactions)).toEqual(keys);
	});

	test('an overlapping statement yields the same keys for the shared rows', () => {
		const march = [
			tx('2026-03-30', -350, 'CAFE'),
			tx('2026-03-31', -350, 'CAFE'),
			tx('2026-03-31', -350, 'CAFE'),
			tx('2026-03-31', -1200, 'MONOP')
		];
		const overlap = [
			tx('2026-03-31', -350, 'café'),
			tx('2026-03-31', -1200, 'MONOP'),
			tx('2026-03-31', -350, 'CAFE'),
			tx('2026-04-01', -350, 'CAFE')
		];
		const a = dedupeKeys('acc', march);
		const b = dedupeKeys('acc', overlap);
		expect(b[0]).toBe(a[1]);
		expect(b[1]).toBe(a[3]);
		expect(b[2]).toBe(a[2]);
		expect(a).not.toContain(b[3]);
	});

	test('bank ids are scoped by account, and a reused id on another amount is a different row', () => {
		const t = [
			tx('2026-03-01', -100, 'A', 'FIT1'),
			tx('2026-03-02', -200, 'B', 'FIT1'),
			tx('2026-03-02', -200, 'B', 'FIT1')
		];
		const k = dedupeKeys('acc', t);
		expect(new Set(k).size).toBe(3);
		expect(dedupeKeys('other', t)[0]).not.toBe(k[0]);
		expect(dedupeKeys('acc', [tx('2026-03-05', -100, 'relabelled', 'FIT1')])[0]).toBe(k[0]);
	});
});

test('probable duplicates: same account and amount, ±3 days, different label', () => {
	const incoming = [
		{ accountKey: 'a', bookingDate: '2026-03-10', amount: -7892, rawLabel: '140326 CB****6516 AUCHAN' },
		{ accountKey: 'a', bookingDate: '2026-03-10', amount: -500, rawLabel: 'X' },
		{ accountKey: 'b', bookingDate: '2026-03-10', amount: -7892, rawLabel: 'Y' }
	];
	const existing = [
		{ accountKey: 'a', bookingDate: '2026-03-13', amount: -7892, rawLabel: 'CB AUCHAN SUPER MARCHE', id: 1 },
		{ accountKey: 'a', bookingDate: '2026-03-14', amount: -7892, rawLabel: 'CB AUCHAN', id: 2 },
		{ accountKey: 'a', bookingDate: '2026-03-10', amount: -500, rawLabel: 'x', id: 3 }
	];
	const pairs = findProbableDuplicates(incoming, existing);
	expect(pairs.map((p) => [p.incoming.rawLabel, p.existing.id, p.daysApart])).toEqual([
		['140326 CB****6516 AUCHAN', 1, 3]
	]);
});

describe('reconcile', () => {
	test('reports a missing row as a gap in cents', () => {
		const t = [tx('2026-03-02', -1000, 'A'), tx('2026-03-05', 5000, 'B')];
		const balances = [
			{ date: '2026-03-01', amount: 10000, kind: 'opening' as const },
			{ date: '2026-03-03', amount: 9000, kind: 'closing' as const },
			{ date: '2026-03-31', amount: 13500, kind: 'closing' as const }
		];
		expect(reconcile(t, balances)).toEqual([
			{ date: '2026-03-31', kind: 'closing', stated: 13500, computed: 14000, difference: -500 }
		]);
	});
	test('uses a known opening balance', () => {
		const t = [tx('2026-03-02', -1000, 'A')];
		expect(
			reconcile(t, [{ date: '2026-03-02', amount: 4000, kind: 'closing' }], { date: '2026-03-01', amount: 5000 })
		).toEqual([]);
		expect(
			reconcile(t, [{ date: '2026-03-02', amount: 4000, kind: 'closing' }], { date: '2026-03-01', amount: 6000 })[0]
				.difference
		).toBe(-1000);
	});
	test('running balances in a newest-first file use the first row of each day', () => {
		const t = [
			tx('2026-03-03', -100, 'C', null, 2),
			tx('2026-03-03', -200, 'B', null, 3),
			tx('2026-03-01', 1000, 'A', null, 4)
		];
		const b = [
			{ date: '2026-03-03', amount: 700, kind: 'running' as const, line: 2 },
			{ date: '2026-03-03', amount: 800, kind: 'running' as const, line: 3 },
			{ date: '2026-03-01', amount: 1000, kind: 'running' as const, line: 4 }
		];
		expect(reconcile(t, b)).toEqual([]);
		expect(statedClosingBalance(t, b)).toEqual({ date: '2026-03-03', amount: 700 });
		b[0].amount = 650;
		expect(reconcile(t, b)).toEqual([
			{ date: '2026-03-03', kind: 'running', stated: 650, computed: 700, difference: -50, line: 2 }
		]);
	});
});

test('masking', () => {
	expect(maskAccountNumber('62731234567')).toBe('•••• 4567');
	expect(maskAccountNumber('FR76 3000 6000 0112 3456 7890 189')).toBe('FR76 •••• •••• 0189');
	expect(maskAccountNumber('****1234')).toBe('•••• 1234');
	expect(maskAccountNumber('')).toBe('••••');
});

test('stated closing balance of an ascending file with running balances', () => {
	const a = parseFixture('cmut_extra_columns.csv').accounts[0];
	expect(statedClosingBalance(a.transactions, a.balances)).toEqual({ date: '2025-12-11', amount: 2835969 });
	const c = parseFixture('ce-old.csv').accounts[0];
	expect(statedClosingBalance(c.transactions, c.balances)).toEqual({ date: '2020-11-30', amount: 3212723 });
});
