/**
 * Accuracy of the default French rules, set by set, with the file's payee and the amount's sign:
 * - labels.csv: the project's own set, written beside the rules (tests/fixtures/rules/SOURCE.md);
 * - probe*.csv: labels the rules' authors wrote to probe the labelling conventions and the vocabulary (not
 *   independent);
 * - independent/dev.csv: written independently of the rules; the rules were tuned against it;
 * - independent/dev2.csv: a second set written by another author without reading the rules, then tuned
 *   against too (independent/SOURCE.md);
 * - independent/dev3.csv: a third development set, written before its rows were run through the rules (by an
 *   author who had read them), then tuned against (independent/SOURCE.md);
 * - independent/holdout.csv: written independently, never looked at row by row. Only its totals are
 *   printed or asserted here — never a row — so that it keeps measuring how the rules generalise.
 * Each set's figures are printed (right, wrong = another category than expected, uncategorised).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATEGORY_IDS } from '$lib/categories';
import { compileRules, DEFAULT_RULES } from '$lib/server/rules';
import {
	accuracyFigures,
	categoriseRows,
	isMissed,
	isWrong,
	parseLabelledSet,
	type AccuracyFigures,
	type RowResult
} from '$lib/server/rules/accuracy';

const set = compileRules(DEFAULT_RULES);

function load(name: string): RowResult[] {
	const text = readFileSync(fileURLToPath(new URL(`../../fixtures/rules/${name}`, import.meta.url)), 'utf8');
	return categoriseRows(set, parseLabelledSet(text));
}

function print(name: string, f: AccuracyFigures): void {
	const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
	console.log(
		`${name}: ${f.right}/${f.total} right (${pct(f.rightShare)}), ${f.wrong} wrong (${pct(f.wrongShare)}), ` +
			`${f.uncategorised} uncategorised (${pct(f.uncategorisedShare)})`
	);
}

/** The rows in error, for the failure message of a set that may be looked at (never the held-out one). */
function errors(results: readonly RowResult[]): string {
	return results
		.filter((r) => isWrong(r) || isMissed(r))
		.map((r) => `${r.row.raw} → ${r.got.category} (attendu ${r.row.expected}, ${r.got.ruleId})`)
		.join('\n');
}

describe('default rules accuracy, per labelled set', () => {
	it('labels.csv (the rules’ own set): ≥ 95 % right, ≤ 1 % wrong, expected payees ≥ 90 %', () => {
		const results = load('labels.csv');
		const f = accuracyFigures(results);
		print('labels.csv', f);
		expect(f.total).toBeGreaterThanOrEqual(300);
		expect(new Set(results.map((r) => r.row.bank)).size).toBeGreaterThanOrEqual(10);
		for (const r of results) expect(BUILTIN_CATEGORY_IDS.has(r.row.expected), r.row.expected).toBe(true);
		expect(f.rightShare, errors(results)).toBeGreaterThanOrEqual(0.95);
		expect(f.wrongShare, errors(results)).toBeLessThanOrEqual(0.01);
		const withPayee = results.filter((r) => r.row.expectedPayee !== '');
		const bad = withPayee
			.filter((r) => r.got.payee !== r.row.expectedPayee)
			.map((r) => `${r.row.raw} → ${r.got.payee} (attendu ${r.row.expectedPayee})`);
		expect(withPayee.length).toBeGreaterThanOrEqual(100);
		expect((withPayee.length - bad.length) / withPayee.length, bad.join('\n')).toBeGreaterThanOrEqual(0.9);
	});

	it('probe sets (conventions, written by the rules’ author): ≥ 98 % right, ≤ 1 % wrong', () => {
		const results = [
			'probe.csv',
			'probe2.csv',
			'probe3.csv',
			'brands-probe.csv',
			'trades-probe.csv',
			'probe4.csv',
			'probe5.csv'
		].flatMap(load);
		const f = accuracyFigures(results);
		print('probe*.csv', f);
		expect(f.total).toBeGreaterThanOrEqual(1000);
		expect(f.rightShare, errors(results)).toBeGreaterThanOrEqual(0.98);
		expect(f.wrongShare, errors(results)).toBeLessThanOrEqual(0.01);
	});

	it('independent dev set (tuned against): ≥ 97 % right, ≤ 1 % wrong', () => {
		const results = load('independent/dev.csv');
		const f = accuracyFigures(results);
		print('independent/dev.csv', f);
		expect(f.total).toBeGreaterThanOrEqual(500);
		expect(f.rightShare, errors(results)).toBeGreaterThanOrEqual(0.97);
		expect(f.wrongShare, errors(results)).toBeLessThanOrEqual(0.01);
	});

	it('second independent dev set (tuned against): ≥ 98.5 % right, ≤ 0.5 % wrong (goal 97 % and 1 %)', () => {
		const results = load('independent/dev2.csv');
		const f = accuracyFigures(results);
		print('independent/dev2.csv', f);
		expect(f.total).toBeGreaterThanOrEqual(500);
		expect(new Set(results.map((r) => r.row.bank)).size).toBeGreaterThanOrEqual(15);
		for (const r of results) expect(BUILTIN_CATEGORY_IDS.has(r.row.expected), r.row.expected).toBe(true);
		expect(f.rightShare, errors(results)).toBeGreaterThanOrEqual(0.985);
		expect(f.wrongShare, errors(results)).toBeLessThanOrEqual(0.005);
	});

	it('third dev set (written before running the rules, then tuned against): ≥ 97 % right, ≤ 1.5 % wrong', () => {
		const results = load('independent/dev3.csv');
		const f = accuracyFigures(results);
		print('independent/dev3.csv', f);
		expect(f.total).toBeGreaterThanOrEqual(900);
		for (const r of results) expect(BUILTIN_CATEGORY_IDS.has(r.row.expected), r.row.expected).toBe(true);
		expect(f.rightShare, errors(results)).toBeGreaterThanOrEqual(0.97);
		expect(f.wrongShare, errors(results)).toBeLessThanOrEqual(0.015);
	});

	// Measured after the dev3 work: 336/349 right (96.3 %), 5 wrong (1.4 %), 8 uncategorised (before: 94.8 %, 2.3 %;
	// before the dev2 work: 91.7 %, 2.6 %).
	it('independent held-out set (totals only): ≥ 95 % right, ≤ 2 % wrong', () => {
		const f = accuracyFigures(load('independent/holdout.csv'));
		print('independent/holdout.csv', f);
		expect(f.total).toBeGreaterThanOrEqual(300);
		// The message is the totals alone: a failing row of the held-out set must not be shown.
		expect(f.rightShare, JSON.stringify(f)).toBeGreaterThanOrEqual(0.95);
		expect(f.wrongShare, JSON.stringify(f)).toBeLessThanOrEqual(0.02);
	});
});
