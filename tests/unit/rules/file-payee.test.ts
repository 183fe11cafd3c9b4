/** The file's payee (OFX NAME, camt party, counterparty column) is read by the rules and shown. */
import { describe, expect, it } from 'vitest';
import { categorise, compileRules, DEFAULT_RULES, type Rule } from '$lib/server/rules';

const set = compileRules(DEFAULT_RULES);

describe('file payee', () => {
	it('gives a category when the label names no creditor (camt remittance text)', () => {
		expect(categorise(set, { rawLabel: 'Echéance 03/2026', amount: -14327 }).category).toBe('uncategorised');
		const r = categorise(set, { rawLabel: 'Echéance 03/2026', amount: -14327, filePayee: 'COFIDIS SA' });
		expect(r.category).toBe('credit.consumer');
		expect(r.payee).toBe('Cofidis');
	});
	it('matches household payee conditions on the file payee or the label payee', () => {
		const rule: Rule = {
			id: 'h.nounou',
			scope: 'household',
			priority: 5,
			match: 'all',
			conditions: [{ field: 'payee', op: 'startsWith', value: 'Mme Garnier' }],
			actions: { category: 'fixed.childcare_school' }
		};
		const h = compileRules([rule, ...DEFAULT_RULES]);
		expect(
			categorise(h, { rawLabel: 'VIR SEPA EMIS REF 42', amount: -40000, filePayee: 'MME GARNIER ROSE' }).category
		).toBe('fixed.childcare_school');
		expect(categorise(h, { rawLabel: 'VIR SEPA EMIS /BEN MME GARNIER ROSE', amount: -40000 }).category).toBe(
			'fixed.childcare_school'
		);
		expect(categorise(h, { rawLabel: 'VIR SEPA EMIS REF 42', amount: -40000 }).category).toBe('uncategorised');
	});
	it('is shown instead of the label’s payee, tidied', () => {
		expect(categorise(set, { rawLabel: 'VIR WERO RECU DE SARAH', amount: 2000, filePayee: 'SARAH B' }).payee).toBe(
			'Sarah B'
		);
		expect(categorise(set, { rawLabel: 'PRLV SEPA X', amount: -100, filePayee: '12345' }).payee).toBe('X');
	});
});
