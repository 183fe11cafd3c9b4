import { describe, expect, it } from 'vitest';
import { BUILTIN_CATEGORY_IDS } from '$lib/categories';
import {
	benchCategorise,
	categorise,
	compileRules,
	DEFAULT_RULES,
	previewRule,
	suggestRules,
	validateRule,
	type PreviewTransaction,
	type Rule
} from '$lib/server/rules';

describe('validateRule', () => {
	const good = {
		id: 'h.loyer',
		scope: 'household',
		priority: 5,
		match: 'all',
		conditions: [
			{ field: 'payee', op: 'contains', value: 'Dupont' },
			{ field: 'amount', op: 'approx', value: 65000, tolerance: 5 },
			{ field: 'amount', op: 'sign', value: 'debit' }
		],
		actions: { category: 'housing.rent' }
	};
	it('accepts and normalises a good rule', () => {
		const r = validateRule({ ...good, extra: 'ignored' }, { categoryIds: BUILTIN_CATEGORY_IDS });
		expect('rule' in r && r.rule).toEqual(good);
	});
	it('explains a bad regex in French', () => {
		const r = validateRule({ ...good, conditions: [{ field: 'label', op: 'regex', value: 'EDF(' }] });
		expect('errors' in r && r.errors[0].field).toBe('conditions[0].value');
		expect('errors' in r && r.errors[0].message).toMatch(/^Expression régulière invalide/);
	});
	it('rejects an unknown category, operator, field and missing parts', () => {
		const r = validateRule(
			{
				id: 'x y',
				match: 'some',
				conditions: [
					{ field: 'amount', op: 'contains', value: 'x' },
					{ field: 'colour', op: 'equals', value: 'x' }
				],
				actions: { category: 'nope' }
			},
			{ categoryIds: BUILTIN_CATEGORY_IDS }
		);
		expect('errors' in r && r.errors.map((e) => e.field).sort()).toEqual([
			'actions.category',
			'conditions[0].op',
			'conditions[1].field',
			'id',
			'match'
		]);
		expect(validateRule(null)).toEqual({ errors: [{ field: 'rule', message: 'Règle invalide.' }] });
		const empty = validateRule({ id: 'a', conditions: [], actions: {} });
		expect('errors' in empty && empty.errors.map((e) => e.field)).toEqual(['conditions', 'actions']);
	});
	it('checks values per operator', () => {
		const bad = (c: object) => {
			const r = validateRule({ ...good, conditions: [c] });
			return 'errors' in r ? r.errors[0].field : 'ok';
		};
		expect(bad({ field: 'amount', op: 'between', value: [1, 'x'] })).toBe('conditions[0].value');
		expect(bad({ field: 'amount', op: 'gt', value: 12.5 })).toBe('conditions[0].value');
		expect(bad({ field: 'amount', op: 'sign', value: 'plus' })).toBe('conditions[0].value');
		expect(bad({ field: 'dayOfMonth', op: 'equals', value: 32 })).toBe('conditions[0].value');
		expect(bad({ field: 'operationType', op: 'equals', value: 'card' })).toBe('ok');
		expect(bad({ field: 'operationType', op: 'equals', value: 'carte' })).toBe('conditions[0].value');
		expect(bad({ field: 'label', op: 'contains', value: '' })).toBe('conditions[0].value');
		expect(bad({ field: 'label', op: 'contains', value: 'x', tolerance: -1 })).toBe('conditions[0].tolerance');
	});
	it('every default rule is valid against the built-in categories', () => {
		for (const rule of DEFAULT_RULES) {
			const r = validateRule(rule, { categoryIds: BUILTIN_CATEGORY_IDS, scope: 'default' });
			expect('rule' in r, `${rule.id}: ${JSON.stringify(r)}`).toBe(true);
		}
	});
});

describe('default rules', () => {
	it('has at least 400 rules with unique stable ids and known categories', () => {
		expect(DEFAULT_RULES.length).toBeGreaterThanOrEqual(400);
		const ids = DEFAULT_RULES.map((r) => r.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const r of DEFAULT_RULES) {
			expect(r.id).toMatch(/^fr\.[a-z_.0-9]+$/);
			expect(r.scope).toBe('default');
			expect(BUILTIN_CATEGORY_IDS.has(r.actions.category ?? '')).toBe(true);
		}
		expect(ids).toContain('fr.daily.groceries.carrefour.carrefour');
	});
	it('round-trips through JSON', () => {
		const json = JSON.parse(JSON.stringify(DEFAULT_RULES)) as Rule[];
		const a = compileRules(json);
		expect(categorise(a, { rawLabel: 'PRLV SEPA FREE MOBILE', amount: -1999 }).category).toBe('fixed.telecom');
	});
	it('uses the sign where it decides', () => {
		const set = compileRules(DEFAULT_RULES);
		const c = (raw: string, amount: number) => categorise(set, { rawLabel: raw, amount }).category;
		expect(c('VIR SEPA HARMONIE MUTUELLE', 980)).toBe('income.health_refund');
		expect(c('PRLV SEPA HARMONIE MUTUELLE', -5400)).toBe('fixed.health_insurance');
		expect(c('VIR CPAM DE PARIS REMBOURSEMENT SOINS', 2000)).toBe('income.health_refund');
		// With no motive a CAF or a large CPAM credit could be several benefits: left for the person to decide.
		// A small CPAM credit with none is a refund of care (allowances and pensions are larger).
		expect(c('VIR CPAM DE PARIS', 2000)).toBe('income.health_refund');
		expect(c('VIR CPAM DE PARIS', 128000)).toBe('uncategorised');
		expect(c('VIR CAF DE PARIS', 20000)).toBe('uncategorised');
		expect(c('VIR CAF DE PARIS AF', 20000)).toBe('income.family_benefits');
		expect(c('VIR CAF DE PARIS APL', 20000)).toBe('income.housing_benefit');
		expect(c('PRLV CAF DE PARIS INDU', -2000)).toBe('credit.other');
		expect(c('VIR PENSION ALIMENTAIRE', 15000)).toBe('income.alimony');
		expect(c('VIR PENSION ALIMENTAIRE', -15000)).toBe('fixed.alimony_paid');
	});
	it('reads a withdrawal as cash even when the label names where the cash machine is', () => {
		const set = compileRules(DEFAULT_RULES);
		expect(categorise(set, { rawLabel: 'RETRAIT DAB 12/03 CARREFOUR MARKET PARIS', amount: -4000 }).category).toBe(
			'daily.cash'
		);
		expect(categorise(set, { rawLabel: 'FRAIS RETRAIT DAB HORS RESEAU', amount: -100 }).category).toBe('bank.fees');
	});
	it('keeps rejected debits and their fees apart from the creditor', () => {
		const set = compileRules(DEFAULT_RULES);
		const r = categorise(set, { rawLabel: 'REJET PRLV SEPA EDF CLIENTS PARTICULIERS', amount: 6200 });
		expect(r.category).toBe('bank.rejected');
		expect(r.tags).toContain('incident');
		expect(categorise(set, { rawLabel: 'FRAIS REJET PRLV EDF', amount: -2000 }).category).toBe('bank.incident_fees');
	});
	// Speed is measured by `npm run bench`, never by a test (shared machines).
	it('compiles the default rules and categorises a generated sample', () => {
		const res = benchCategorise(5000);
		expect(res.rules).toBe(DEFAULT_RULES.length);
		expect(res.categorisedShare).toBeGreaterThan(0.8);
	});
});

describe('suggestRules', () => {
	it('suggests a payee + sign rule for payees seen 3 times or more, uncategorised only', () => {
		const tx = (payee: string | null, rawLabel: string, amount: number, category = 'uncategorised') => ({
			payee,
			rawLabel,
			amount,
			category
		});
		const s = suggestRules([
			tx('Le Petit Zinc', 'CARTE 01/01 LE PETIT ZINC', -650),
			tx('Le Petit Zinc', 'CARTE 02/01 LE PETIT ZINC', -420),
			tx('LE PETIT ZINC', 'CARTE 03/01 LE PETIT ZINC', -380),
			tx('Le Petit Zinc', 'CARTE 04/01 LE PETIT ZINC', 500),
			tx('Lidl', 'CARTE 01/01 LIDL', -100, 'daily.groceries'),
			tx('Lidl', 'CARTE 02/01 LIDL', -100, 'daily.groceries'),
			tx('Lidl', 'CARTE 03/01 LIDL', -100, 'daily.groceries'),
			tx(null, 'CHEQUE 123', -1000),
			tx(null, 'CHEQUE 124', -2000),
			tx(null, 'CHEQUE 125', -3000)
		]);
		expect(s.map((x) => [x.payee, x.sign, x.count, x.total])).toEqual([
			['CHEQUE', 'debit', 3, -6000],
			['Le Petit Zinc', 'debit', 3, -1450]
		]);
		const zinc = s[1];
		expect(zinc.examples).toHaveLength(3);
		expect(zinc.rule.conditions).toEqual([
			{ field: 'payee', op: 'equals', value: 'LE PETIT ZINC' },
			{ field: 'amount', op: 'sign', value: 'debit' }
		]);
		const set = compileRules([{ ...zinc.rule, actions: { category: 'daily.restaurants' } }]);
		expect(categorise(set, { rawLabel: 'CARTE 09/01 LE PETIT ZINC', amount: -300 }).category).toBe('daily.restaurants');
	});
});

describe('previewRule', () => {
	const txs: PreviewTransaction[] = [
		{ id: 1, rawLabel: 'VIR SEPA M DUPONT LOYER', amount: -65000, category: 'transfer.other', categorySource: 'rule' },
		{ id: 2, rawLabel: 'VIR SEPA M DUPONT LOYER', amount: -65000, category: 'daily.other', categorySource: 'manual' },
		{ id: 3, rawLabel: 'VIR SEPA M DUPONT', amount: -2000, category: 'transfer.other', categorySource: 'rule' },
		{
			id: 4,
			rawLabel: 'VIR SEPA M DUPONT LOYER',
			amount: -64000,
			category: 'housing.rent',
			categorySource: 'rule',
			payee: 'M Dupont'
		},
		{ id: 5, rawLabel: 'PRLV EDF', amount: -65000, category: 'uncategorised', categorySource: 'none' }
	];
	it('lists the changes, leaves manual categories alone', () => {
		const rule: Rule = {
			id: 'h.loyer',
			scope: 'household',
			priority: 0,
			match: 'all',
			conditions: [
				{ field: 'label', op: 'contains', value: 'DUPONT' },
				{ field: 'amount', op: 'approx', value: 65000 }
			],
			actions: { category: 'housing.rent', payee: 'M Dupont' }
		};
		const p = previewRule(rule, txs);
		expect(p.matched).toBe(3);
		expect(p.skippedManual).toEqual([2]);
		expect(p.changes).toEqual([
			{
				id: 1,
				before: { category: 'transfer.other', payee: null },
				after: { category: 'housing.rent', payee: 'M Dupont' }
			}
		]);
	});
});
