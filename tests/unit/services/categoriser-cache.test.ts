/**
 * The categoriser's caches (label analyses, and the rules' outcome when no rule the label reaches looks past the
 * label and the amount's sign) must give what the uncached engine gives, row by row.
 */
import { expect, test } from 'vitest';
import { UNCATEGORISED } from '$lib/categories';
import {
	categorise,
	compileRules,
	DEFAULT_RULES,
	generateTransactions,
	type Rule,
	type RuleSet
} from '$lib/server/rules';
import { categoriserFor, type CategoriserInput } from '$lib/server/services/categoriser';

function uncached(set: RuleSet, tx: CategoriserInput) {
	const r = categorise(set, {
		rawLabel: tx.rawLabel,
		amount: tx.amount,
		date: tx.date,
		accountId: tx.accountId,
		filePayee: tx.filePayee
	});
	return {
		category: r.category ?? UNCATEGORISED,
		payee: r.payee ?? tx.filePayee ?? r.normalised.payee ?? null,
		ruleId: r.ruleId,
		normalisedLabel: r.normalised.search,
		cardDate: r.normalised.cardDate,
		tags: r.tags,
		internalTransfer: r.internalTransfer,
		operationType: r.normalised.operationType
	};
}

function inputs(): CategoriserInput[] {
	return generateTransactions(4_000, 21).flatMap((t, i) => {
		const base = {
			rawLabel: t.rawLabel,
			amount: t.amount,
			date: t.date ?? '2026-01-15',
			accountId: 1 + (i % 2),
			filePayee: i % 7 === 0 ? 'Payé par le fichier' : null
		};
		// the same labels again on other days, with both signs, zero and other amounts
		return [
			base,
			{ ...base, date: '2026-12-02', amount: -base.amount },
			{ ...base, amount: 0 },
			{ ...base, amount: base.amount * 3 }
		];
	});
}

/** Labels that reach the few default rules reading the amount, each with amounts on both sides of their bounds. */
function amountInputs(): CategoriserInput[] {
	const rows: [string, number][] = [
		['CARTE X1234 01/04 RATP PARIS', -8880],
		['CARTE X1234 01/04 RATP PARIS', -250],
		['CARTE X1234 01/04 RATP PARIS', -8880],
		['VIR SEPA RECU /DE CPAM DU VAR', 1240],
		['VIR SEPA RECU /DE CPAM DU VAR', 145000],
		['VIR SEPA RECU /DE CPAM DU VAR', 1240]
	];
	return rows.map(([rawLabel, amount]) => ({ rawLabel, amount, date: '2026-04-02', accountId: 1, filePayee: null }));
}

test('default rules: cached outcomes equal the engine, card dates per row', () => {
	const set = compileRules(DEFAULT_RULES);
	// A handful of default rules read the amount (the Navigo month at the RATP, a small CPAM credit): only the
	// outcomes of the labels that reach them are left out of the cache.
	expect(set.contextFree).toBe(false);
	categorise(set, { rawLabel: 'CB LIDL 1234 LILLE', amount: -2000 });
	expect(set.lastRunReadContext).toBe(false);
	categorise(set, { rawLabel: 'CARTE X1234 01/04 RATP PARIS', amount: -250 });
	expect(set.lastRunReadContext).toBe(true);
	const cat = categoriserFor(set);
	for (const tx of [...inputs(), ...amountInputs()]) expect(cat(tx)).toEqual(uncached(set, tx));
});

test('rules on amount, day or account: no outcome cache, same results', () => {
	const extra: Rule[] = [
		{
			id: 'h.big',
			scope: 'household',
			priority: 50,
			match: 'all',
			conditions: [{ field: 'amount', op: 'gt', value: 10_000 }],
			actions: { category: 'savings', tag: 'gros' }
		},
		{
			id: 'h.day',
			scope: 'household',
			priority: 40,
			match: 'all',
			conditions: [{ field: 'dayOfMonth', op: 'equals', value: 2 }],
			actions: { tag: 'le-2' }
		},
		{
			id: 'h.acc',
			scope: 'household',
			priority: 30,
			match: 'all',
			conditions: [
				{ field: 'account', op: 'equals', value: '2' },
				{ field: 'label', op: 'contains', value: 'EDF' }
			],
			actions: { payee: 'Électricité' }
		}
	] as Rule[];
	const set = compileRules([...DEFAULT_RULES, ...extra]);
	expect(set.contextFree).toBe(false);
	const cat = categoriserFor(set);
	for (const tx of inputs()) expect(cat(tx)).toEqual(uncached(set, tx));
});
