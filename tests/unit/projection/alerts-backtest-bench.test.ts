import { describe, expect, it } from 'vitest';
import { projectionAlerts, monthlyResources } from '$lib/server/projection/alerts';
import { projectBalance } from '$lib/server/projection/projection';
import { backtestMonths } from '$lib/server/projection/backtest';
import { benchProjection } from '$lib/server/projection/bench';
import { generateHousehold } from '$lib/server/projection/synthetic';
import type { RecurringSeries } from '$lib/server/projection/types';

const base: RecurringSeries = {
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
	explanation: ''
};
const salary: RecurringSeries = {
	...base,
	key: '1:in:ACME',
	payee: 'ACME',
	category: 'income.salary',
	amount: 150000,
	amountMin: 148000,
	amountMax: 152000,
	dayOfMonth: 28,
	anchorDate: '2026-10-28',
	lastDate: '2026-10-28',
	nextDate: '2026-11-27',
	shift: 'before'
};
const history = [
	{ date: '2026-08-28', amount: 150000, category: 'income.salary' },
	{ date: '2026-09-28', amount: 150000, category: 'income.salary' },
	{ date: '2026-10-28', amount: 150000, category: 'income.salary' },
	{ date: '2026-10-29', amount: 5000, category: 'transfer.internal' }
];

describe('projectionAlerts', () => {
	it('warns of an overdraft within 14 days, a large debit, and a salary that did not come', () => {
		const asOf = '2026-12-03';
		const p = projectBalance({
			from: '2026-12-02',
			startBalance: 30000,
			days: 30,
			series: [base],
			overdraft: { limit: 0, rateBp: 1600 }
		});
		const alerts = projectionAlerts(p, [salary], history, asOf);
		// September and October only: November's salary is missing
		expect(monthlyResources(history, asOf)).toBe(100000);
		expect(monthlyResources(history, '2026-11-15')).toBe(150000);
		// the statements end on 02/12: three working days after the expected 27/11, not yet "missing"
		expect(alerts.map((a) => a.kind)).toEqual(['overdraft_soon', 'large_debit']);
		expect(alerts[0]).toMatchObject({ severity: 'critical', date: '2026-12-03', amount: -32000 });
		const p2 = projectBalance({ from: '2026-11-30', startBalance: 90000, days: 30, series: [base] });
		const a2 = projectionAlerts(p2, [salary], history, '2026-12-01');
		expect(a2.map((a) => a.kind)).toEqual(['large_debit']);
		expect(a2[0].message).toContain('03/12/2026');
		expect(a2[0].message).toContain('620,00');
		expect(a2[0].message).toContain('62 %');
		// salary expected 27/11: statements up to 02/12 show only 3 working days → no alert yet
		const upTo = (from: string) => projectBalance({ from, startBalance: 90000, days: 30, series: [base] });
		expect(
			projectionAlerts(upTo('2026-12-02'), [salary], history, '2026-12-02').some((a) => a.kind === 'income_missing')
		).toBe(false);
		const missing = projectionAlerts(upTo('2026-12-03'), [salary], history, '2026-12-03').find(
			(a) => a.kind === 'income_missing'
		);
		expect(missing?.message).toContain('27/11/2026');
		// statements that stop on 30/11 cannot show a salary missing on 03/12, however late the clock is
		expect(projectionAlerts(p2, [salary], history, '2026-12-20').some((a) => a.kind === 'income_missing')).toBe(false);
	});
});

describe('backtest', () => {
	it('beats or matches the naive baseline on a synthetic household', () => {
		const h = generateHousehold({ seed: 3, years: 3 });
		const months = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
		const r = backtestMonths(h.transactions, [{ date: h.to, balance: h.endBalance }], months);
		expect(r.results).toHaveLength(6);
		for (const x of r.results) expect(x.error).toBe(x.predicted - x.actual);
		expect(r.meanAbsError).toBeLessThan(r.naiveMeanAbsError);
	});
});

describe('benchProjection', () => {
	// Its speed is measured by `npm run bench`, never by a test: the machines are shared.
	it('runs detection and a 90-day projection on 10 years of history', () => {
		const r = benchProjection({ runs: 1 });
		expect(r.transactions).toBeGreaterThan(5000);
		expect(r.series).toBeGreaterThanOrEqual(10);
		expect(r.totalMs).toBeGreaterThan(0);
	});
});
