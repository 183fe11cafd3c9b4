import { describe, expect, it } from 'vitest';
import { estimateVariableSpending } from '$lib/server/projection/variable-spending';
import { projectBalance } from '$lib/server/projection/projection';

// Temp-work pay from two agencies (no series: the amounts vary too much), a month without any mission,
// and groceries, from June to October 2026.
const months = ['06', '07', '08', '09', '10'];
const pay = [110_000, 0, 140_000, 125_000, 95_000];
const txs = months.flatMap((m, i) => [
	...(pay[i]
		? [
				{
					id: `a${i}`,
					date: `2026-${m}-1${i}`,
					amount: pay[i],
					category: 'income.salary',
					payee: 'ADECCO FRANCE',
					normalisedLabel: 'VIR SEPA RECU ADECCO FRANCE PAIE'
				}
			]
		: []),
	{
		id: `r${i}`,
		date: `2026-${m}-25`,
		amount: 20_000 + i * 1_000,
		category: 'income.salary',
		payee: null,
		normalisedLabel: `VIR RANDSTAD ACOMPTE ${m}2026 REF ${i}X7`
	},
	{ id: `g${i}`, date: `2026-${m}-02`, amount: -30_000, category: 'daily.groceries' }
]);

describe('irregular income', () => {
	it('is left out by default', () => {
		const v = estimateVariableSpending(txs, '2026-11-28');
		expect(v.byCategory).toEqual([{ category: 'daily.groceries', monthly: -30_000 }]);
		expect(v.sources).toEqual([]);
	});

	it('is modelled by source: typical month counting the month without pay, usual day', () => {
		const v = estimateVariableSpending(txs, '2026-11-28', { includeIncome: true });
		expect(v.months).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
		const adecco = v.sources?.find((s) => s.key === 'in:ADECCO FRANCE');
		// months 1 100, 0, 1 400, 1 250, 950: the empty month is brought back towards the others
		// paid on the 10th, 12th, 13th, 14th: usually the 13th
		expect(adecco).toMatchObject({ day: 13, perMonth: 1, presence: 0.8, lastDate: '2026-10-14' });
		expect(adecco?.monthly).toBeGreaterThan(90_000);
		expect(adecco?.monthly).toBeLessThan(110_000);
		// one source whatever the month and reference in the label
		const randstad = v.sources?.find((s) => s.key.startsWith('in:RANDSTAD'));
		expect(randstad).toMatchObject({ key: 'in:RANDSTAD ACOMPTE', day: 25, monthly: 22_000, presence: 1 });
		expect(v.sources).toHaveLength(2);
	});

	it('is projected on its usual day, not spread like spending, and not twice in a month already paid', () => {
		const v = estimateVariableSpending(txs, '2026-10-31', { includeIncome: true });
		const p = projectBalance({ from: '2026-10-31', startBalance: 0, days: 61, series: [], variableSpending: v });
		const irregular = p.events.filter((e) => e.source === 'irregular');
		expect(irregular.map((e) => [e.date, e.label])).toEqual([
			['2026-11-13', 'Revenu irrégulier (estimation) : ADECCO FRANCE PAIE'],
			['2026-11-25', 'Revenu irrégulier (estimation) : RANDSTAD ACOMPTE'],
			// 13 December is a Sunday: early in the month, it moves to Monday 14
			['2026-12-14', 'Revenu irrégulier (estimation) : ADECCO FRANCE PAIE'],
			['2026-12-24', 'Revenu irrégulier (estimation) : RANDSTAD ACOMPTE']
		]);
		// standing on 20 November after the ADECCO pay of the month: only RANDSTAD is still expected then
		const mid = estimateVariableSpending(
			[
				...txs,
				{
					id: 'a5',
					date: '2026-11-13',
					amount: 100_000,
					category: 'income.salary',
					payee: 'ADECCO FRANCE',
					normalisedLabel: 'VIR SEPA RECU ADECCO FRANCE PAIE'
				}
			],
			'2026-11-20',
			{ includeIncome: true }
		);
		const p2 = projectBalance({ from: '2026-11-20', startBalance: 0, days: 10, series: [], variableSpending: mid });
		expect(p2.events.filter((e) => e.source === 'irregular').map((e) => e.date)).toEqual(['2026-11-25']);
	});
});
