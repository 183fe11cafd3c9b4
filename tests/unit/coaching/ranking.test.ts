// The order of the plan: urgent first by their day, then by effect over a year, then surer first.
import { describe, expect, it } from 'vitest';
import { buildPlan, rankActions, yearlyEffect } from '$lib/server/coaching/plan';
import { benefit, budget, debt, emptyInput, fees, oscf, overdraft, series } from './fixtures';

describe('ranking', () => {
	it('puts urgent actions first, then the largest effect over a year', () => {
		const plan = buildPlan(
			emptyInput({
				benefits: [
					benefit({ benefit: 'al', label: 'Aide au logement', amount: 19483 }),
					benefit({ benefit: 'ars', label: 'ARS', amount: 87727, period: 'once' }),
					benefit({ benefit: 'css', label: 'CSS', amount: null, status: 'maybe' })
				],
				fees: fees(),
				oscf: oscf(),
				overdraft: overdraft(),
				debts: [debt()],
				series: [series({ key: 'n', payee: 'Basic Fit', occurrences: 2, amounts: [-2999, -2999], amount: -2999 })],
				budget: budget()
			})
		);
		expect(plan.map((a) => a.key)).toEqual([
			'overdraft_avoid', // urgent, due 05/12
			'priority_debt', // urgent, no day
			'benefit:al', // 2 337,96 € a year
			'benefit:ars', // 877,27 €
			'subscription:new:n', // 359,88 €
			'oscf_request', // 316,44 €
			'fee_refund', // 47,50 €
			'benefit:css' // unknown amount
		]);
	});
	it('on equal effect, puts the surer action first', () => {
		const low = { ...buildPlan(emptyInput({ benefits: [benefit({ status: 'maybe' })] }))[0], key: 'b' };
		const high = { ...low, key: 'a', confidence: 'high' as const };
		const ranked = rankActions([{ ...low, key: 'a-low' }, high]);
		expect(ranked[0].confidence).toBe('high');
	});
	it('counts twelve months of the monthly effect plus the one-off effect', () => {
		expect(yearlyEffect({ monthlyImpact: 1000, oneOffImpact: 500 })).toBe(12500);
		expect(yearlyEffect({ monthlyImpact: null, oneOffImpact: null })).toBe(0);
	});
	it('gives the same order whatever the order of the inputs', () => {
		const a = benefit({ benefit: 'x', amount: 1000 });
		const b = benefit({ benefit: 'y', amount: 1000 });
		const one = buildPlan(emptyInput({ benefits: [a, b] })).map((p) => p.key);
		const two = buildPlan(emptyInput({ benefits: [b, a] })).map((p) => p.key);
		expect(one).toEqual(two);
	});
});
