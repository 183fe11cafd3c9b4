/**
 * Rule suggestions from history: payees that stay uncategorised three times or more get a ready-made
 * rule (payee + sign) for the adviser or household to complete with a category and accept.
 */
import type { Cents } from '$lib/money';
import { UNCATEGORISED } from '$lib/categories';
import { foldText } from './text';
import { slugify } from './default-rules-builder';
import type { Rule } from './types';

export interface SuggestInput {
	payee: string | null;
	rawLabel: string;
	/** Signed cents, negative = debit. */
	amount: Cents;
	category: string;
}

export interface RuleSuggestion {
	/** Household rule without a category yet (actions.payee is the name shown). */
	rule: Rule;
	payee: string;
	sign: 'debit' | 'credit';
	count: number;
	/** Up to 3 raw labels. */
	examples: string[];
	/** Sum of the amounts in cents (negative for debits). */
	total: Cents;
}

/** Grouping key when there is no payee: folded label without digits and punctuation, first 3 words. */
function labelKey(raw: string): string {
	return foldText(raw)
		.replace(/[^A-Z ]+/g, ' ')
		.split(' ')
		.filter((w) => w.length > 1)
		.slice(0, 3)
		.join(' ');
}

/**
 * Suggests one rule per (payee, sign) seen `minCount` times or more among uncategorised transactions,
 * most frequent first.
 */
export function suggestRules(txs: readonly SuggestInput[], minCount = 3): RuleSuggestion[] {
	const groups = new Map<
		string,
		{ payee: string; field: 'payee' | 'label'; sign: 'debit' | 'credit'; items: SuggestInput[] }
	>();
	for (const tx of txs) {
		if (tx.category !== UNCATEGORISED || tx.amount === 0) continue;
		const sign = tx.amount < 0 ? 'debit' : 'credit';
		const payee = tx.payee?.trim() ?? '';
		const field: 'payee' | 'label' = payee.length > 0 ? 'payee' : 'label';
		const key = field === 'payee' ? foldText(payee) : labelKey(tx.rawLabel);
		if (key.length === 0) continue;
		const k = `${field}|${sign}|${key}`;
		const g = groups.get(k);
		if (g) g.items.push(tx);
		else groups.set(k, { payee: field === 'payee' ? payee : key, field, sign, items: [tx] });
	}
	const out: RuleSuggestion[] = [];
	for (const g of groups.values()) {
		if (g.items.length < minCount) continue;
		const value = g.field === 'payee' ? foldText(g.payee) : labelKey(g.items[0].rawLabel);
		const rule: Rule = {
			id: `suggestion.${slugify(value)}.${g.sign}`,
			scope: 'household',
			priority: 0,
			match: 'all',
			conditions: [
				g.field === 'payee'
					? { field: 'payee', op: 'equals', value }
					: { field: 'label', op: 'contains', value, wholeWord: true },
				{ field: 'amount', op: 'sign', value: g.sign }
			],
			actions: { payee: g.payee }
		};
		out.push({
			rule,
			payee: g.payee,
			sign: g.sign,
			count: g.items.length,
			examples: [...new Set(g.items.map((t) => t.rawLabel))].slice(0, 3),
			total: g.items.reduce((s, t) => s + t.amount, 0)
		});
	}
	return out.sort((a, b) => b.count - a.count || (a.payee < b.payee ? -1 : 1));
}
