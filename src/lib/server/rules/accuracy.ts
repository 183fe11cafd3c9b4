/**
 * Accuracy of a rule set on a hand-labelled set of bank labels: right, wrong (a category other than the
 * expected one — the defect to avoid) and uncategorised (left for the person to decide). Used by the
 * accuracy tests and by `bgv bench`. Pure: the caller reads the files.
 *
 * Two CSV layouts are read (`;`, header line, no quoted fields):
 * - the independent sets (tests/fixtures/rules/independent): `raw_label;amount;payee;expected_category;bank;note`,
 *   where `payee` is the counterparty a file would give beside the label (the categoriser's `filePayee`);
 * - the project's own set (tests/fixtures/rules/labels.csv): `raw_label;amount;expected_category;expected_payee;bank`,
 *   where `expected_payee` is the payee the engine should display.
 */
import { parseMoneyString, type Cents } from '$lib/money';
import { UNCATEGORISED } from '$lib/categories';
import { categorise, type RuleSet } from './engine';
import type { CategorisationResult } from './types';

export interface LabelledRow {
	raw: string;
	amount: Cents;
	/** The file's payee, given to the categoriser ('' when the file gives none). */
	filePayee: string;
	expected: string;
	/** The payee the engine should display ('' when not checked). */
	expectedPayee: string;
	bank: string;
}

const INDEPENDENT_HEADER = 'raw_label;amount;payee;expected_category;bank;note';
const OWN_HEADER = 'raw_label;amount;expected_category;expected_payee;bank';

/** Reads a labelled set in either layout (see module comment); throws on an unknown header or a bad row. */
export function parseLabelledSet(text: string): LabelledRow[] {
	const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
	const header = lines[0].trim();
	if (header !== INDEPENDENT_HEADER && header !== OWN_HEADER) throw new Error(`en-tête inconnu : ${header}`);
	const independent = header === INDEPENDENT_HEADER;
	const rows: LabelledRow[] = [];
	for (let i = 1; i < lines.length; i++) {
		if (lines[i].trim() === '') continue;
		const f = lines[i].split(';');
		if (f.length < 5) throw new Error(`ligne ${i + 1} : ${f.length} champs`);
		rows.push(
			independent
				? { raw: f[0], amount: parseMoneyString(f[1]), filePayee: f[2], expected: f[3], expectedPayee: '', bank: f[4] }
				: { raw: f[0], amount: parseMoneyString(f[1]), filePayee: '', expected: f[2], expectedPayee: f[3], bank: f[4] }
		);
	}
	return rows;
}

export interface RowResult {
	row: LabelledRow;
	got: CategorisationResult;
}

export interface AccuracyFigures {
	total: number;
	right: number;
	wrong: number;
	/** Left uncategorised although a category was expected. */
	uncategorised: number;
	/** right / total, wrong / total, uncategorised / total (0–1, rounded to 4 decimals). */
	rightShare: number;
	wrongShare: number;
	uncategorisedShare: number;
}

/** Categorises every row (booking date fixed, so the result does not depend on the day the test runs). */
export function categoriseRows(set: RuleSet, rows: readonly LabelledRow[], date = '2026-03-01'): RowResult[] {
	return rows.map((row) => ({
		row,
		got: categorise(set, {
			rawLabel: row.raw,
			amount: row.amount,
			date,
			filePayee: row.filePayee === '' ? null : row.filePayee
		})
	}));
}

export function isWrong(r: RowResult): boolean {
	return r.got.category !== r.row.expected && r.got.category !== UNCATEGORISED;
}

export function isMissed(r: RowResult): boolean {
	return r.got.category === UNCATEGORISED && r.row.expected !== UNCATEGORISED;
}

function share(n: number, total: number): number {
	return total === 0 ? 0 : Math.round((n / total) * 10_000) / 10_000;
}

/** The totals of a categorised set (no row detail: safe to print for a held-out set). */
export function accuracyFigures(results: readonly RowResult[]): AccuracyFigures {
	const total = results.length;
	const right = results.filter((r) => r.got.category === r.row.expected).length;
	const wrong = results.filter(isWrong).length;
	const uncategorised = results.filter(isMissed).length;
	return {
		total,
		right,
		wrong,
		uncategorised,
		rightShare: share(right, total),
		wrongShare: share(wrong, total),
		uncategorisedShare: share(uncategorised, total)
	};
}
