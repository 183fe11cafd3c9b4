/**
 * Usual variable spending from history: per expense category, the typical monthly net amount of the
 * last complete months, leaving out series transactions and neutral categories, for the projection.
 */
import type { Cents } from '$lib/money';
import type { IsoDate } from '$lib/dates';
import { BUILTIN_CATEGORIES, UNCATEGORISED, type CategoryDef } from '$lib/categories';
import { civilFromDays, dayNumber, daysFromCivil } from './calendar';
import { divRound, medianInt } from './int-math';

export interface VariableSpendingTx {
	id: number | string;
	date: IsoDate;
	/** cents, negative = debit */
	amount: Cents;
	category: string;
}

export interface VariableSpending {
	/** the complete months used, oldest first (`YYYY-MM`) */
	months: string[];
	/** typical monthly net amount per category (cents, negative = spending), largest spending first */
	byCategory: { category: string; monthly: Cents }[];
	/** sum of `byCategory` (cents, negative = spending) */
	monthlyTotal: Cents;
}

export interface EstimateVariableOptions {
	/** transactions already counted by recurring series (their ids) */
	seriesTransactionIds?: Iterable<number | string>;
	/** how many complete months before `asOf`'s month to look at (default 6, at least 1) */
	months?: number;
	/** category definitions (default: the built-in taxonomy) */
	categories?: readonly CategoryDef[];
	/**
	 * also estimate the usual income that no series explains (irregular temp-work pay, invoices), spread
	 * over the month like spending; without it an undetected irregular salary is projected as zero
	 */
	includeIncome?: boolean;
}

/**
 * Estimates the usual non-recurring spending per expense category from the last complete months before
 * `asOf`: the median monthly net when the category shows up in at least half of the months, else the
 * mean (occasional spending such as clothing is spread). Refunds net out inside their category;
 * neutral and income categories are left out; uncategorised debits count, uncategorised credits don't.
 * A category whose typical month nets to a credit is dropped.
 */
export function estimateVariableSpending(
	txs: readonly VariableSpendingTx[],
	asOf: IsoDate,
	options: EstimateVariableOptions = {}
): VariableSpending {
	const monthsCount = Math.max(1, options.months ?? 6);
	const kinds = new Map((options.categories ?? BUILTIN_CATEGORIES).map((c) => [c.id, c.kind]));
	const skip = new Set(options.seriesTransactionIds ?? []);
	const { y, m } = civilFromDays(dayNumber(asOf));
	const firstIdx = y * 12 + (m - 1) - monthsCount;
	const start = daysFromCivil(Math.floor(firstIdx / 12), (firstIdx % 12) + 1, 1);
	const end = daysFromCivil(y, m, 1) - 1;
	const months: string[] = [];
	for (let i = 0; i < monthsCount; i++) {
		const idx = firstIdx + i;
		months.push(`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`);
	}
	const totals = new Map<string, Cents[]>();
	for (const tx of txs) {
		if (skip.has(tx.id)) continue;
		const kind = kinds.get(tx.category) ?? 'expense';
		if (kind === 'neutral' || (kind === 'income' && !options.includeIncome)) continue;
		if (tx.category === UNCATEGORISED && tx.amount > 0 && !options.includeIncome) continue;
		const dn = dayNumber(tx.date);
		if (dn < start || dn > end) continue;
		const c = civilFromDays(dn);
		const i = c.y * 12 + (c.m - 1) - firstIdx;
		let arr = totals.get(tx.category);
		if (!arr) totals.set(tx.category, (arr = new Array<Cents>(monthsCount).fill(0)));
		arr[i] += tx.amount;
	}
	const byCategory: { category: string; monthly: Cents }[] = [];
	for (const [category, arr] of totals) {
		const present = arr.filter((v) => v !== 0).length;
		const typical =
			present * 2 >= monthsCount
				? medianInt(arr)
				: divRound(
						arr.reduce((a, b) => a + b, 0),
						monthsCount
					);
		const income = kinds.get(category) === 'income' || (options.includeIncome === true && category === UNCATEGORISED);
		if (typical < 0 || (income && typical > 0)) byCategory.push({ category, monthly: typical });
	}
	byCategory.sort((a, b) => a.monthly - b.monthly || (a.category < b.category ? -1 : 1));
	return { months, byCategory, monthlyTotal: byCategory.reduce((a, b) => a + b.monthly, 0) };
}

/**
 * The share of a monthly amount falling on day `d` of a month of `n` days, so that the days of a month add
 * up exactly to `monthly` (cents, sign kept).
 */
export function dailyShare(monthly: Cents, d: number, n: number): Cents {
	const sign = monthly < 0 ? -1 : 1;
	const abs = Math.abs(monthly);
	return sign * (Math.floor((abs * d) / n) - Math.floor((abs * (d - 1)) / n));
}
