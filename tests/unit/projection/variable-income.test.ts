import { describe, expect, it } from 'vitest';
import { estimateVariableSpending } from '$lib/server/projection/variable-spending';

// Irregular temp-work pay (no series) and groceries, over the 6 complete months before November 2026.
const txs = ['05', '06', '07', '08', '09', '10'].flatMap((m, i) => [
	{ id: `p${i}`, date: `2026-${m}-12`, amount: 100_000 + i * 10_000, category: 'income.salary' },
	{ id: `g${i}`, date: `2026-${m}-15`, amount: -30_000, category: 'daily.groceries' },
	{ id: `u${i}`, date: `2026-${m}-20`, amount: 5_000, category: 'uncategorised' }
]);

describe('variable income in the projection', () => {
	it('is left out by default', () => {
		const v = estimateVariableSpending(txs, '2026-11-28');
		expect(v.byCategory).toEqual([{ category: 'daily.groceries', monthly: -30_000 }]);
	});

	it('is counted (median month) when asked, with uncategorised credits', () => {
		const v = estimateVariableSpending(txs, '2026-11-28', { includeIncome: true });
		expect(v.byCategory).toContainEqual({ category: 'income.salary', monthly: 125_000 });
		expect(v.byCategory).toContainEqual({ category: 'uncategorised', monthly: 5_000 });
		expect(v.monthlyTotal).toBe(125_000 - 30_000 + 5_000);
	});
});
