/**
 * Preview of a new or edited rule: which of the given transactions it would change, before saving.
 * Manual categories are never changed (reported separately).
 */
import type { Cents } from '$lib/money';
import type { IsoDate } from '$lib/dates';
import { categorise, compileRules, shouldApply } from './engine';
import type { CategorySource, NormalisedLabel, Rule } from './types';

export interface PreviewTransaction {
	id: string | number;
	rawLabel: string;
	/** Signed cents, negative = debit. */
	amount: Cents;
	date?: IsoDate;
	accountId?: string | number;
	category: string;
	categorySource: CategorySource;
	payee?: string | null;
	normalised?: NormalisedLabel;
}

export interface PreviewChange {
	id: string | number;
	before: { category: string; payee: string | null };
	after: { category: string; payee: string | null };
}

export interface PreviewResult {
	/** Transactions the rule matches (changed or not). */
	matched: number;
	/** Transactions whose category or payee would change. */
	changes: PreviewChange[];
	/** Matching transactions left alone because their category was set by hand. */
	skippedManual: (string | number)[];
}

/** Runs one rule alone over transactions and lists what it would change. */
export function previewRule(rule: Rule, txs: readonly PreviewTransaction[]): PreviewResult {
	const set = compileRules([{ ...rule, enabled: true }]);
	const changes: PreviewChange[] = [];
	const skippedManual: (string | number)[] = [];
	let matched = 0;
	for (const tx of txs) {
		const r = categorise(set, tx, tx.normalised);
		const hit = r.explanation !== null;
		if (!hit) continue;
		matched++;
		if (!shouldApply(tx.categorySource)) {
			skippedManual.push(tx.id);
			continue;
		}
		const before = { category: tx.category, payee: tx.payee ?? null };
		const after = {
			category: rule.actions.category ?? tx.category,
			payee: rule.actions.payee ?? before.payee
		};
		if (after.category !== before.category || after.payee !== before.payee) changes.push({ id: tx.id, before, after });
	}
	return { matched, changes, skippedManual };
}
