/**
 * Accuracy of the default French rules on a hand-labelled set of realistic bank labels
 * (tests/fixtures/rules/labels.csv, written for this project from the label shapes of each bank).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseMoneyString } from '$lib/money';
import { BUILTIN_CATEGORY_IDS } from '$lib/categories';
import { categorise, compileRules, DEFAULT_RULES } from '$lib/server/rules';

interface Row {
	raw: string;
	amount: number;
	expected: string;
	payee: string;
	bank: string;
}

const csv = readFileSync(fileURLToPath(new URL('../../fixtures/rules/labels.csv', import.meta.url)), 'utf8');
const rows: Row[] = csv
	.split('\n')
	.slice(1)
	.filter((l) => l.trim().length > 0)
	.map((line) => {
		const [raw, amount, expected, payee, bank] = line.split(';');
		return { raw, amount: parseMoneyString(amount), expected, payee: payee ?? '', bank: bank ?? '' };
	});

describe('default rules accuracy', () => {
	const set = compileRules(DEFAULT_RULES);
	const results = rows.map((r) => ({
		row: r,
		got: categorise(set, { rawLabel: r.raw, amount: r.amount, date: '2026-03-01' })
	}));
	const correct = results.filter((x) => x.got.category === x.row.expected);
	const wrong = results.filter((x) => x.got.category !== x.row.expected && x.got.category !== 'uncategorised');
	const missed = results.filter((x) => x.got.category === 'uncategorised' && x.row.expected !== 'uncategorised');

	it('uses a labelled set of at least 300 labels from many banks, with valid categories', () => {
		expect(rows.length).toBeGreaterThanOrEqual(300);
		expect(new Set(rows.map((r) => r.bank)).size).toBeGreaterThanOrEqual(10);
		for (const r of rows) expect(BUILTIN_CATEGORY_IDS.has(r.expected), r.expected).toBe(true);
	});

	it('gets at least 95 % right and at most 1 % wrong', () => {
		const report = {
			total: rows.length,
			correct: correct.length,
			wrong: wrong.map((x) => `${x.row.raw} → ${x.got.category} (attendu ${x.row.expected}, ${x.got.ruleId})`),
			missed: missed.map((x) => `${x.row.raw} (attendu ${x.row.expected})`)
		};
		expect(correct.length / rows.length, JSON.stringify(report, null, 1)).toBeGreaterThanOrEqual(0.95);
		expect(wrong.length / rows.length, JSON.stringify(report.wrong, null, 1)).toBeLessThanOrEqual(0.01);
	});

	it('extracts the expected payee where one is given (≥ 90 %)', () => {
		const withPayee = results.filter((x) => x.row.payee !== '');
		const ok = withPayee.filter((x) => x.got.payee === x.row.payee);
		const bad = withPayee
			.filter((x) => x.got.payee !== x.row.payee)
			.map((x) => `${x.row.raw} → ${x.got.payee} (attendu ${x.row.payee})`);
		expect(withPayee.length).toBeGreaterThanOrEqual(100);
		expect(ok.length / withPayee.length, JSON.stringify(bad, null, 1)).toBeGreaterThanOrEqual(0.9);
	});
});
