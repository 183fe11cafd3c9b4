import { describe, expect, it } from 'vitest';
import { categorise, compileRules, shouldApply, type Condition, type Rule } from '$lib/server/rules';

function rule(id: string, conditions: Condition[], actions: Rule['actions'], extra: Partial<Rule> = {}): Rule {
	return { id, scope: 'household', priority: 0, match: 'all', conditions, actions, ...extra };
}

function cat(
	rules: Rule[],
	rawLabel: string,
	amount = -1000,
	more: { date?: string; accountId?: number | string } = {}
) {
	return categorise(compileRules(rules), { rawLabel, amount, ...more });
}

const on = (c: Condition) =>
	cat([rule('r', [c], { category: 'daily.other' })], 'CARTE 12/01 CAFÉ DE LA GARE PARIS', -1234, {
		date: '2026-01-14',
		accountId: 7
	}).category;

describe('operators', () => {
	it.each<[string, Condition, boolean]>([
		['contains, accents and case folded', { field: 'label', op: 'contains', value: 'café de la' }, true],
		['contains a list', { field: 'label', op: 'contains', value: ['NOPE', 'GARE'] }, true],
		[
			'contains whole word refuses a part of a word',
			{ field: 'label', op: 'contains', value: 'GAR', wholeWord: true },
			false
		],
		['contains whole word', { field: 'label', op: 'contains', value: 'GARE', wholeWord: true }, true],
		['contains non-ASCII literal', { field: 'label', op: 'contains', value: '€' }, false],
		['startsWith on label', { field: 'label', op: 'startsWith', value: 'carte 12' }, true],
		['startsWith fails', { field: 'label', op: 'startsWith', value: 'CAFE' }, false],
		['equals on payee', { field: 'payee', op: 'equals', value: 'Café de la Gare' }, true],
		['oneOf on payee', { field: 'payee', op: 'oneOf', value: ['X', 'CAFE DE LA GARE'] }, true],
		['regex', { field: 'label', op: 'regex', value: 'caf[ée]\\s+de' }, true],
		['regex keeps \\D meaning', { field: 'label', op: 'regex', value: '^\\D+$' }, false],
		['invalid regex never matches', { field: 'label', op: 'regex', value: '(' }, false],
		['operationType equals', { field: 'operationType', op: 'equals', value: 'card' }, true],
		['operationType oneOf', { field: 'operationType', op: 'oneOf', value: ['direct_debit', 'cheque'] }, false],
		['sign debit', { field: 'amount', op: 'sign', value: 'debit' }, true],
		['sign credit', { field: 'amount', op: 'sign', value: 'credit' }, false],
		['amount equals (absolute cents)', { field: 'amount', op: 'equals', value: 1234 }, true],
		['amount between', { field: 'amount', op: 'between', value: [1000, 1300] }, true],
		['amount between reversed bounds', { field: 'amount', op: 'between', value: [1300, 1000] }, true],
		['amount gt', { field: 'amount', op: 'gt', value: 1234 }, false],
		['amount lt', { field: 'amount', op: 'lt', value: 1235 }, true],
		['amount approx ±10 %', { field: 'amount', op: 'approx', value: 1122 }, true],
		['amount approx just outside', { field: 'amount', op: 'approx', value: 1100 }, false],
		['amount approx with tolerance', { field: 'amount', op: 'approx', value: 1100, tolerance: 15 }, true],
		['dayOfMonth equals', { field: 'dayOfMonth', op: 'equals', value: 14 }, true],
		['dayOfMonth approx ±2', { field: 'dayOfMonth', op: 'approx', value: 12 }, true],
		['dayOfMonth between', { field: 'dayOfMonth', op: 'between', value: [1, 5] }, false],
		['dayOfMonth oneOf', { field: 'dayOfMonth', op: 'oneOf', value: ['14', '15'] }, true],
		['account equals', { field: 'account', op: 'equals', value: '7' }, true],
		['account oneOf', { field: 'account', op: 'oneOf', value: ['1', '2'] }, false]
	])('%s', (_name, condition, expected) => {
		expect(on(condition)).toBe(expected ? 'daily.other' : 'uncategorised');
	});

	it('amount approx uses the absolute amount and exact integers', () => {
		const r = [
			rule(
				'loyer',
				[
					{ field: 'amount', op: 'approx', value: 65000 },
					{ field: 'amount', op: 'sign', value: 'debit' }
				],
				{ category: 'housing.rent' }
			)
		];
		expect(cat(r, 'VIR X', -71500).category).toBe('housing.rent');
		expect(cat(r, 'VIR X', -71501).category).toBe('uncategorised');
		expect(cat(r, 'VIR X', 65000).category).toBe('uncategorised');
	});
});

describe('negation and ANY/ALL', () => {
	const base: Condition[] = [
		{ field: 'label', op: 'contains', value: 'EDF' },
		{ field: 'amount', op: 'sign', value: 'credit' }
	];
	it('ALL needs every condition', () => {
		expect(cat([rule('a', base, { category: 'income.other' })], 'VIR EDF', 500).category).toBe('income.other');
		expect(cat([rule('a', base, { category: 'income.other' })], 'PRLV EDF', -500).category).toBe('uncategorised');
	});
	it('ANY needs one condition', () => {
		const r = [rule('a', base, { category: 'income.other' }, { match: 'any' })];
		expect(cat(r, 'PRLV EDF', -500).category).toBe('income.other');
		expect(cat(r, 'VIR CAF', 500).category).toBe('income.other');
		expect(cat(r, 'PRLV CAF', -500).category).toBe('uncategorised');
	});
	it('negated condition', () => {
		const r = [
			rule('a', [base[0], { field: 'label', op: 'contains', value: 'REJET', negate: true }], {
				category: 'housing.energy'
			})
		];
		expect(cat(r, 'PRLV EDF').category).toBe('housing.energy');
		expect(cat(r, 'REJET PRLV EDF').category).toBe('uncategorised');
	});
	it('negated rule', () => {
		const r = [rule('a', [{ field: 'label', op: 'contains', value: 'EDF' }], { tag: 'pas-edf' }, { negate: true })];
		expect(cat(r, 'PRLV EDF').tags).toEqual([]);
		expect(cat(r, 'PRLV ENGIE').tags).toEqual(['pas-edf']);
	});
	it('disabled rules and rules without conditions never apply', () => {
		expect(cat([rule('a', [base[0]], { category: 'housing.energy' }, { enabled: false })], 'PRLV EDF').category).toBe(
			'uncategorised'
		);
		expect(cat([rule('b', [], { category: 'housing.energy' })], 'PRLV EDF').category).toBe('uncategorised');
	});
});

describe('order of application', () => {
	const edf: Condition = { field: 'label', op: 'contains', value: 'EDF' };
	it('household rules before default rules, whatever the priority', () => {
		const r = [
			rule('d', [edf], { category: 'housing.energy' }, { scope: 'default', priority: 100 }),
			rule('h', [edf], { category: 'daily.other' }, { scope: 'household', priority: -5 })
		];
		const res = cat(r, 'PRLV EDF');
		expect(res.category).toBe('daily.other');
		expect(res.explanation?.layer).toBe('household');
	});
	it('higher priority first within a layer', () => {
		const r = [
			rule('a', [edf], { category: 'housing.energy' }, { priority: 1 }),
			rule('b', [edf], { category: 'daily.other' }, { priority: 2 })
		];
		expect(cat(r, 'PRLV EDF').ruleId).toBe('b');
	});
	it('then the more specific rule (longer literal, more conditions), then the id', () => {
		const r = [
			rule('z-short', [edf], { category: 'housing.energy' }),
			rule('y-long', [{ field: 'label', op: 'contains', value: 'EDF CLIENTS' }], { category: 'daily.other' })
		];
		expect(cat(r, 'PRLV EDF CLIENTS').ruleId).toBe('y-long');
		const same = [rule('b', [edf], { category: 'housing.energy' }), rule('a', [edf], { category: 'daily.other' })];
		expect(cat(same, 'PRLV EDF').ruleId).toBe('a');
		const more = [
			rule('a', [edf], { category: 'housing.energy' }),
			rule('b', [edf, { field: 'amount', op: 'sign', value: 'debit' }], { category: 'daily.other' })
		];
		expect(cat(more, 'PRLV EDF').ruleId).toBe('b');
	});
	it('the first rule that sets a field wins, fields independently; tags accumulate', () => {
		const r = [
			rule('1-payee', [edf], { payee: 'EDF', tag: 'energie' }, { priority: 3 }),
			rule('2-cat', [edf], { category: 'housing.energy', tag: 'fixe' }, { priority: 2 }),
			rule('3-both', [edf], { category: 'daily.other', payee: 'Autre', internalTransfer: true }, { priority: 1 })
		];
		const res = cat(r, 'PRLV EDF SA');
		expect(res.category).toBe('housing.energy');
		expect(res.ruleId).toBe('2-cat');
		expect(res.payee).toBe('EDF');
		expect(res.internalTransfer).toBe(true);
		expect(res.tags).toEqual(['energie', 'fixe']);
		expect(res.explanation).toMatchObject({ ruleId: '2-cat', conditionIndex: 0, payeeRuleId: '1-payee' });
		expect(res.explanation?.matched).toBe('libellé contient « EDF »');
	});
	it('explains an ANY rule by its first true condition', () => {
		const r = [
			rule(
				'a',
				[
					{ field: 'label', op: 'contains', value: 'ZZZ' },
					{ field: 'amount', op: 'gt', value: 100 }
				],
				{ category: 'daily.other' },
				{ match: 'any' }
			)
		];
		expect(cat(r, 'PRLV EDF', -5000).explanation?.conditionIndex).toBe(1);
		expect(cat(r, 'PRLV EDF', -5000).explanation?.matched).toMatch(/^montant est supérieur à 1,00\s€$/u);
	});
	it('uncategorised and normalised payee when nothing matches', () => {
		const res = cat([], 'PRLV SEPA FREE MOBILE');
		expect(res).toMatchObject({
			category: 'uncategorised',
			ruleId: null,
			explanation: null,
			payee: 'Free Mobile',
			tags: [],
			internalTransfer: false
		});
	});
	it('is stable over many calls on the same compiled set', () => {
		const set = compileRules([rule('a', [edf], { category: 'housing.energy' })]);
		for (let i = 0; i < 1000; i++) {
			expect(categorise(set, { rawLabel: i % 2 ? 'PRLV EDF' : 'PRLV GDF', amount: -1 }).category).toBe(
				i % 2 ? 'housing.energy' : 'uncategorised'
			);
		}
	});
});

describe('shouldApply', () => {
	it('never overwrites a manual category', () => {
		expect(shouldApply('manual')).toBe(false);
		expect(shouldApply('rule')).toBe(true);
		expect(shouldApply('none')).toBe(true);
	});
});
