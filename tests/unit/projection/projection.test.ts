import { describe, expect, it } from 'vitest';
import { projectBalance } from '$lib/server/projection/projection';
import { overdraftCost } from '$lib/server/projection/overdraft-cost';
import { estimateVariableSpending, dailyShare } from '$lib/server/projection/variable-spending';
import { FEE_CAPS, feeCapsAt } from '$lib/server/projection/fee-caps';
import type { RecurringSeries } from '$lib/server/projection/types';

function series(over: Partial<RecurringSeries>): RecurringSeries {
	return {
		key: '1:out:FONCIA',
		accountId: 1,
		payee: 'FONCIA',
		category: 'housing.rent',
		cadence: 'monthly',
		amount: -62000,
		amountMin: -62000,
		amountMax: -62000,
		dayOfMonth: 3,
		anchorDate: '2026-11-03',
		shift: 'after',
		lastDate: '2026-11-03',
		nextDate: '2026-12-03',
		occurrences: 12,
		missed: 0,
		confidence: 1,
		status: 'active',
		review: 'detected',
		transactionIds: [],
		explanation: '',
		...over
	};
}

const variable = {
	months: ['2026-10'],
	byCategory: [{ category: 'daily.groceries', monthly: -3000 }],
	monthlyTotal: -3000
};

describe('projectBalance', () => {
	const input = {
		from: '2026-11-27',
		startBalance: 41210,
		days: 10,
		series: [series({})],
		planned: [{ id: 'f', date: '2026-12-01', label: 'Facture', amount: -10000 }],
		variableSpending: variable,
		overdraft: { limit: 20000, rateBp: 1600 }
	};

	it('gives exact daily balances computed by hand', () => {
		const p = projectBalance(input);
		expect(p.days).toEqual([
			{ date: '2026-11-28', balance: 41110 },
			{ date: '2026-11-29', balance: 41010 },
			{ date: '2026-11-30', balance: 40910 },
			{ date: '2026-12-01', balance: 30814 },
			{ date: '2026-12-02', balance: 30717 },
			{ date: '2026-12-03', balance: -31380 },
			{ date: '2026-12-04', balance: -31477 },
			{ date: '2026-12-05', balance: -31573 },
			{ date: '2026-12-06', balance: -31670 },
			{ date: '2026-12-07', balance: -31767 }
		]);
		expect(p.lowest).toEqual({ date: '2026-12-07', balance: -31767 });
		expect(p.firstOverdraft).toBe('2026-12-03');
		expect(p.events.filter((e) => e.source !== 'variable')).toEqual([
			{ key: 'p:f:2026-12-01', date: '2026-12-01', label: 'Facture', amount: -10000, source: 'planned' },
			{ key: 's:1:out:FONCIA:2026-12-03', date: '2026-12-03', label: 'FONCIA', amount: -62000, source: 'series' }
		]);
		// interest: 157 867 cent-days × 16 % / 365 = 69.2 cents → 69; one commission d'intervention (8 €)
		expect(p.overdraftCost).toMatchObject({
			interest: 69,
			interventionFees: 800,
			rejectionFees: 0,
			total: 869,
			overdraftDays: 5
		});
		expect(p.overdraftCost.explanation).toContain('16 %');
	});

	it('applies what-if skips, moves and additions', () => {
		const skipped = projectBalance({ ...input, whatIf: { skips: ['s:1:out:FONCIA:2026-12-03'] } });
		expect(skipped.firstOverdraft).toBeNull();
		expect(skipped.days[9].balance).toBe(-31767 + 62000);
		const moved = projectBalance({
			...input,
			whatIf: {
				moves: [{ eventKey: 's:1:out:FONCIA:2026-12-03', newDate: '2026-12-06' }],
				additions: [{ date: '2026-12-05', label: 'Prime', amount: 50000 }]
			}
		});
		expect(moved.firstOverdraft).toBeNull();
		expect(moved.days[5]).toEqual({ date: '2026-12-03', balance: 30620 });
		expect(moved.days[9].balance).toBe(-31767 + 50000);
		expect(moved.events.find((e) => e.source === 'whatif')?.label).toBe('Prime');
	});

	it('repeats planned items and places a late income on the first day', () => {
		const p = projectBalance({
			from: '2026-11-30',
			startBalance: 0,
			days: 62,
			series: [
				series({
					key: '1:in:ACME',
					payee: 'ACME',
					amount: 185000,
					dayOfMonth: 28,
					anchorDate: '2026-10-28',
					lastDate: '2026-10-28',
					shift: 'before'
				})
			],
			planned: [
				{
					date: '2026-12-10',
					label: 'Échéancier EDF',
					amount: -5000,
					recurrence: { cadence: 'monthly', until: '2027-01-31' }
				}
			]
		});
		const late = p.events.find((e) => e.overdue);
		expect(late).toMatchObject({ date: '2026-12-01', amount: 185000, key: 's:1:in:ACME:2026-11-28' });
		expect(p.events.filter((e) => e.source === 'planned').map((e) => e.date)).toEqual(['2026-12-10', '2027-01-10']);
		// December salary: nominal 28/12 (Monday) ; January: 28/01/2027 (Thursday)
		expect(p.events.filter((e) => e.source === 'series').map((e) => e.date)).toEqual([
			'2026-12-01',
			'2026-12-28',
			'2027-01-28'
		]);
		expect(p.days.at(-1)?.balance).toBe(3 * 185000 - 2 * 5000);
	});

	it('rejects a horizon above 365 days', () => {
		expect(() => projectBalance({ ...input, days: 366 })).toThrow(RangeError);
	});
});

describe('overdraftCost and fee caps', () => {
	const days = [{ date: '2026-12-01', balance: -10000 }];
	const debits = (n: number, amount = -3000) =>
		Array.from({ length: n }, (_, i) => ({
			date: `2026-12-${String(i + 1).padStart(2, '0')}`,
			amount,
			balanceAfter: -10000,
			chargeable: true
		}));

	it('caps commissions d’intervention per month (8 € / 80 €, 4 € / 20 € for OCF)', () => {
		expect(overdraftCost(days, debits(12), { limit: 0, rateBp: null }).interventionFees).toBe(8000);
		expect(overdraftCost(days, debits(3), { limit: 0, rateBp: null }).interventionFees).toBe(2400);
		expect(overdraftCost(days, debits(12), { limit: 0, rateBp: null, clientStatus: 'ocf' }).interventionFees).toBe(
			2000
		);
		// within the authorised overdraft: no commission
		expect(overdraftCost(days, debits(3), { limit: 20000, rateBp: null }).interventionFees).toBe(0);
		// card payments (not chargeable) never get one
		expect(
			overdraftCost(
				days,
				debits(3).map((d) => ({ ...d, chargeable: false })),
				{ limit: 0, rateBp: null }
			).total
		).toBe(0);
	});

	it('caps rejection fees at the amount and 20 €, and all fees at 25 €/month for fragile clients', () => {
		const r = overdraftCost(days, [...debits(1, -1200), ...debits(2, -50000)], {
			limit: 0,
			rateBp: null,
			rejectBeyond: 5000
		});
		expect(r).toMatchObject({ rejectionCount: 3, rejectionFees: 1200 + 2000 + 2000, interventionFees: 0 });
		const f = overdraftCost(
			days,
			[...debits(2, -3000).map((d) => ({ ...d, balanceAfter: -2000 })), ...debits(1, -1500)],
			{ limit: 0, rateBp: null, rejectBeyond: 5000, clientStatus: 'fragile' }
		);
		expect(f.interventionFees + f.rejectionFees).toBe(2500);
		expect(f.explanation).toContain('plafonds');
	});

	it('resolves dated caps', () => {
		expect(feeCapsAt('2018-06-01').incidentFeesPerMonth.fragile).toBeNull();
		expect(feeCapsAt('2026-01-01').incidentFeesPerMonth.fragile).toBe(2500);
		expect(() => feeCapsAt('2010-01-01')).toThrow();
		for (const v of FEE_CAPS) expect(v.sources.length).toBeGreaterThan(0);
	});
});

describe('estimateVariableSpending', () => {
	it('takes a robust typical month per category, nets refunds, leaves out series, income and internal transfers', () => {
		const txs = [
			{ id: 1, date: '2026-08-03', amount: -30000, category: 'daily.groceries' },
			{ id: 2, date: '2026-09-03', amount: -40000, category: 'daily.groceries' },
			{ id: 3, date: '2026-10-03', amount: -35000, category: 'daily.groceries' },
			{ id: 4, date: '2026-10-04', amount: 5000, category: 'daily.groceries' },
			{ id: 5, date: '2026-10-05', amount: -62000, category: 'housing.rent' },
			// once in three months: a jumper is not expected every month
			{ id: 6, date: '2026-10-06', amount: -9000, category: 'daily.clothing' },
			{ id: 7, date: '2026-10-07', amount: -50000, category: 'transfer.internal' },
			{ id: 8, date: '2026-10-08', amount: 150000, category: 'income.salary' },
			{ id: 9, date: '2026-11-02', amount: -99999, category: 'daily.groceries' },
			{ id: 10, date: '2026-08-20', amount: -2000, category: 'transfer.other' },
			{ id: 11, date: '2026-09-20', amount: -2400, category: 'transfer.other' },
			{ id: 12, date: '2026-10-20', amount: -2200, category: 'transfer.other' }
		];
		const v = estimateVariableSpending(txs, '2026-11-15', { months: 3, seriesTransactionIds: [5] });
		expect(v.months).toEqual(['2026-08', '2026-09', '2026-10']);
		// money to other people moves the balance; groceries −300, −400, −300: the outlying month is brought
		// back towards the others
		expect(v.byCategory).toEqual([
			{ category: 'daily.groceries', monthly: -30000 },
			{ category: 'transfer.other', monthly: -2200 }
		]);
		expect(v.sources).toEqual([]);
		expect(v.monthlyTotal).toBe(-32200);
	});

	it('divides by the months the data covers, not by the months asked for', () => {
		const txs = [
			{ id: 1, date: '2026-09-02', amount: -30000, category: 'daily.groceries' },
			{ id: 2, date: '2026-10-10', amount: -32000, category: 'daily.groceries' }
		];
		// statements from 2 September: two months, whatever the twelve months asked for
		const v = estimateVariableSpending(txs, '2026-11-15', { months: 12 });
		expect(v.months).toEqual(['2026-09', '2026-10']);
		expect(v.monthlyTotal).toBe(-31000);
		// a statement starting on the 20th does not cover its month
		const late = estimateVariableSpending([{ ...txs[0], date: '2026-09-20' }, txs[1]], '2026-11-15');
		expect(late.months).toEqual(['2026-10']);
		// standing on the last day of a month, that month is complete
		expect(estimateVariableSpending(txs, '2026-10-31').months).toEqual(['2026-09', '2026-10']);
	});

	it('spreads a month exactly over its days', () => {
		let sum = 0;
		for (let d = 1; d <= 31; d++) sum += dailyShare(-3001, d, 31);
		expect(sum).toBe(-3001);
	});
});
