/**
 * The month's budget by group and category against the previous months and their average: what the
 * budget page shows. Neutral categories (own transfers, savings, rejected pairs) are left out; refunds net
 * inside their category because amounts are summed with their sign.
 */
import Decimal from 'decimal.js';
import type { Cents } from '$lib/money';
import { addMonthsIso, type IsoDate, type IsoMonth } from '$lib/dates';
import { CATEGORY_GROUPS, UNCATEGORISED, type CategoryDef, type CategoryGroupId } from '$lib/categories';

export interface BudgetTx {
	date: IsoDate;
	/** cents, negative = debit */
	amount: Cents;
	category: string;
}

export interface BudgetLine {
	/** net of the month (cents, negative = spending) */
	total: Cents;
	/** the previous months, oldest first */
	previous: { month: IsoMonth; total: Cents }[];
	/** mean of the previous months (cents, rounded half up) */
	average: Cents;
}

export interface MonthBudget {
	month: IsoMonth;
	previousMonths: IsoMonth[];
	groups: ({ group: CategoryGroupId; label: string } & BudgetLine)[];
	categories: ({ category: string; label: string; group: CategoryGroupId } & BudgetLine)[];
	/** income categories (and uncategorised credits) */
	income: BudgetLine;
	/** expense categories (and uncategorised debits) */
	expenses: BudgetLine;
	net: BudgetLine;
}

function mean(values: readonly Cents[]): Cents {
	if (values.length === 0) return 0;
	return new Decimal(values.reduce((a, b) => a + b, 0))
		.dividedBy(values.length)
		.toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
		.toNumber();
}

/**
 * Totals for `month` (`YYYY-MM`) and the `previousMonths` before it (default 6, whose mean is the
 * "6-month average"), per group and per category, in the order of `categories`.
 */
export function monthBudget(
	txs: readonly BudgetTx[],
	categories: readonly CategoryDef[],
	month: IsoMonth,
	options: { previousMonths?: number } = {}
): MonthBudget {
	const n = Math.max(0, options.previousMonths ?? 6);
	const previousMonths = Array.from({ length: n }, (_, i) => addMonthsIso(month, i - n));
	const allMonths = [...previousMonths, month];
	const col = new Map(allMonths.map((m, i) => [m, i]));
	const defs = new Map(categories.map((c) => [c.id, c]));
	const perCategory = new Map<string, Cents[]>();
	const income = new Array<Cents>(allMonths.length).fill(0);
	const expenses = new Array<Cents>(allMonths.length).fill(0);
	for (const tx of txs) {
		const i = col.get(tx.date.slice(0, 7));
		if (i === undefined) continue;
		const def = defs.get(tx.category);
		const kind = def?.kind ?? (tx.category === UNCATEGORISED ? (tx.amount > 0 ? 'income' : 'expense') : 'expense');
		if (kind === 'neutral') continue;
		let arr = perCategory.get(tx.category);
		if (!arr) perCategory.set(tx.category, (arr = new Array<Cents>(allMonths.length).fill(0)));
		arr[i] += tx.amount;
		if (kind === 'income' || (tx.category === UNCATEGORISED && tx.amount > 0)) income[i] += tx.amount;
		else expenses[i] += tx.amount;
	}
	const line = (arr: readonly Cents[]): BudgetLine => ({
		total: arr[n],
		previous: previousMonths.map((m, i) => ({ month: m, total: arr[i] })),
		average: mean(arr.slice(0, n))
	});
	const groupTotals = new Map<CategoryGroupId, Cents[]>();
	const categoryLines: MonthBudget['categories'] = [];
	const ordered = [...categories.filter((c) => perCategory.has(c.id)).map((c) => c.id)];
	for (const id of perCategory.keys()) if (!defs.has(id)) ordered.push(id);
	for (const id of ordered) {
		const arr = perCategory.get(id) as Cents[];
		const def = defs.get(id);
		const group: CategoryGroupId = def?.group ?? 'none';
		categoryLines.push({ category: id, label: def?.label ?? id, group, ...line(arr) });
		let g = groupTotals.get(group);
		if (!g) groupTotals.set(group, (g = new Array<Cents>(allMonths.length).fill(0)));
		for (let i = 0; i < arr.length; i++) g[i] += arr[i];
	}
	const groupOrder = Object.keys(CATEGORY_GROUPS) as CategoryGroupId[];
	const groups = groupOrder
		.filter((g) => groupTotals.has(g))
		.map((g) => ({ group: g, label: CATEGORY_GROUPS[g], ...line(groupTotals.get(g) as Cents[]) }));
	const net = income.map((v, i) => v + expenses[i]);
	return {
		month,
		previousMonths,
		groups,
		categories: categoryLines,
		income: line(income),
		expenses: line(expenses),
		net: line(net)
	};
}
