/**
 * What history says beyond the recurring series, for the projection: everyday spending per category
 * (spread over the month), and irregular sources — temp-work pay, invoices, a deferred card's monthly
 * settlement — each with its own typical month and usual day, instead of a salary's fixed amount.
 * Only the complete months the data covers are counted: two months of statements are not divided by six.
 */
import type { Cents } from '$lib/money';
import type { IsoDate } from '$lib/dates';
import { BUILTIN_CATEGORIES, UNCATEGORISED, type CategoryDef } from '$lib/categories';
import { civilFromDays, dayNumber, daysFromCivil, daysInMonth } from './calendar';
import { median, medianInt, robustMean } from './int-math';
import { payeeKey } from './payee-key';
import type { YearlyOnce } from './yearly-once';

export interface VariableSpendingTx {
	id: number | string;
	date: IsoDate;
	/** cents, negative = debit */
	amount: Cents;
	category: string;
	/** for irregular sources: who pays or is paid (optional) */
	payee?: string | null;
	normalisedLabel?: string;
}

/** An irregular source: its typical month, and the day it usually comes. */
export interface IrregularSource {
	key: string;
	label: string;
	category: string;
	/** typical monthly net (cents, sign kept), counting the months it did not come */
	monthly: Cents;
	/** usual day of month (median of its days) */
	day: number;
	/** payments in a month where it comes (median) */
	perMonth: number;
	/** share of the months it came in, 0..1 */
	presence: number;
	/** its last payment up to `asOf` (the current month included) */
	lastDate: IsoDate;
}

export interface VariableSpending {
	/** the complete months used, oldest first (`YYYY-MM`) */
	months: string[];
	/** typical monthly net amount per category (cents, negative = spending), largest spending first */
	byCategory: { category: string; monthly: Cents }[];
	/** irregular incomes and monthly debits of varying amount, each placed on its usual day (none when absent) */
	sources?: IrregularSource[];
	/** sum of `byCategory` and `sources` (cents) */
	monthlyTotal: Cents;
	/** yearly bills seen once, expected again a year later (see yearly-once.ts) */
	yearly?: YearlyOnce[];
}

export interface EstimateVariableOptions {
	/** transactions already counted by recurring series (their ids) */
	seriesTransactionIds?: Iterable<number | string>;
	/**
	 * payee keys (`in:KEY` / `out:KEY`, see `payeeKey`) that an active series already projects: their other
	 * incomes are not an irregular source on top (the same employer counted twice)
	 */
	seriesSources?: Iterable<string>;
	/** how many complete months up to `asOf` to look at (default 12, at least 1) */
	months?: number;
	/** category definitions (default: the built-in taxonomy) */
	categories?: readonly CategoryDef[];
	/** also estimate the income no series explains (irregular pay, invoices), by source */
	includeIncome?: boolean;
	/** the first day the data covers (default: the earliest transaction); months before it are not counted */
	dataStart?: IsoDate;
}

/** Neutral categories that still move the account's balance (money to or from other people, savings). */
const MOVING_NEUTRAL = new Set(['transfer.other', 'transfer.savings']);
/** a debit source comes at most this many times in a month where it comes */
const SOURCE_MAX_PER_MONTH = 1.5;

interface Window {
	months: string[];
	firstIdx: number;
	start: number;
	end: number;
}

/**
 * The last `count` complete months up to `asOf` (its own month when `asOf` is the month's last day) that
 * the data covers entirely.
 */
function coveredWindow(asOf: IsoDate, count: number, dataStart: number): Window {
	const asOfDn = dayNumber(asOf);
	const { y, m, d } = civilFromDays(asOfDn);
	const endIdx = y * 12 + (m - 1) - (d === daysInMonth(y, m) ? 0 : 1);
	let firstIdx = endIdx - count + 1;
	const startCivil = civilFromDays(dataStart);
	// a statement that starts on the 2nd or 3rd still covers its month
	const firstCovered = startCivil.y * 12 + (startCivil.m - 1) + (startCivil.d <= 3 ? 0 : 1);
	firstIdx = Math.max(firstIdx, firstCovered);
	const months: string[] = [];
	for (let idx = firstIdx; idx <= endIdx; idx++) {
		months.push(`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`);
	}
	const start = daysFromCivil(Math.floor(firstIdx / 12), (firstIdx % 12) + 1, 1);
	const end = daysFromCivil(Math.floor((endIdx + 1) / 12), ((endIdx + 1) % 12) + 1, 1) - 1;
	return { months, firstIdx, start, end };
}

/**
 * Typical month of a component from its monthly totals (0 for months without it): a robust mean, so that
 * everyday spending, spread over many purchases, gets its mean, while a rare large purchase or a missing
 * month, which a mean would spread over the next month, counts little.
 */
export function typicalMonth(values: readonly Cents[]): Cents {
	return robustMean(values);
}

interface SourceAcc {
	category: string;
	label: string;
	totals: Cents[];
	counts: number[];
	days: number[];
}

interface Accumulated {
	byCategory: Map<string, Cents[]>;
	sources: Map<string, SourceAcc>;
	/** last payment of each source up to `asOf`, the current month included */
	lastSeen: Map<string, IsoDate>;
}

/** Sums the transactions of the window by category (everyday spending) and by source (see below). */
function accumulate(
	txs: readonly VariableSpendingTx[],
	w: Window,
	asOfDn: number,
	options: EstimateVariableOptions
): Accumulated {
	const kinds = new Map((options.categories ?? BUILTIN_CATEGORIES).map((c) => [c.id, c.kind]));
	const skip = new Set(options.seriesTransactionIds ?? []);
	const keys = new Map<string, string>();
	const n = w.months.length;
	const acc: Accumulated = { byCategory: new Map(), sources: new Map(), lastSeen: new Map() };
	for (const tx of txs) {
		if (skip.has(tx.id) || n === 0) continue;
		const dn = dayNumber(tx.date);
		if (dn < w.start || dn > asOfDn) continue;
		const kind = kinds.get(tx.category) ?? 'expense';
		if (kind === 'neutral' && !MOVING_NEUTRAL.has(tx.category)) continue;
		const income = kind === 'income' || (tx.amount > 0 && tx.category === UNCATEGORISED);
		if (income && !options.includeIncome) continue;
		const c = civilFromDays(dn);
		const i = c.y * 12 + (c.m - 1) - w.firstIdx;
		if (income || (tx.amount < 0 && !tx.category.startsWith('daily.') && kind !== 'neutral')) {
			const raw = `${tx.amount > 0 ? 'in' : 'out'}:${tx.payee ?? ''}\u0000${tx.normalisedLabel ?? tx.category}`;
			let key = keys.get(raw);
			if (key === undefined) {
				key = `${tx.amount > 0 ? 'in' : 'out'}:${payeeKey(tx.payee ?? null, tx.normalisedLabel ?? tx.category)}`;
				keys.set(raw, key);
			}
			if (tx.date > (acc.lastSeen.get(key) ?? '')) acc.lastSeen.set(key, tx.date);
			if (dn > w.end) continue;
			let s = acc.sources.get(key);
			if (!s) {
				s = {
					category: tx.category,
					label: tx.normalisedLabel ?? tx.category,
					totals: zeros(n),
					counts: zeros(n),
					days: []
				};
				acc.sources.set(key, s);
			}
			s.totals[i] += tx.amount;
			s.counts[i]++;
			s.days.push(c.d);
		} else if (dn <= w.end) {
			let arr = acc.byCategory.get(tx.category);
			if (!arr) acc.byCategory.set(tx.category, (arr = zeros(n)));
			arr[i] += tx.amount;
		}
	}
	return acc;
}

/**
 * The irregular sources: every income no series explains, by payee, and the debits outside everyday
 * spending that come at most about once in a month where they come, in half the months at least (a
 * deferred card's settlement, a varying bill). Other debits go back to their category.
 */
function finishSources(acc: Accumulated, n: number, covered: ReadonlySet<string>): IrregularSource[] {
	const out: IrregularSource[] = [];
	for (const [key, s] of acc.sources) {
		const present = s.counts.filter((c) => c > 0);
		const perMonth = median(present);
		if (key.startsWith('out:') && (perMonth > SOURCE_MAX_PER_MONTH || present.length * 2 < n)) {
			let arr = acc.byCategory.get(s.category);
			if (!arr) acc.byCategory.set(s.category, (arr = zeros(n)));
			s.totals.forEach((v, i) => (arr[i] += v));
			continue;
		}
		// an employer an active series already projects is not counted twice
		if (key.startsWith('in:') && covered.has(key)) continue;
		const monthly = typicalMonth(sourceRegime(s.counts, s.totals));
		if (monthly === 0) continue;
		out.push({
			key,
			label: payeeKey(null, s.label),
			category: s.category,
			monthly,
			day: medianInt(s.days),
			perMonth,
			presence: Math.round((present.length / n) * 100) / 100,
			lastDate: acc.lastSeen.get(key) as IsoDate
		});
	}
	return out.sort((a, b) => a.monthly - b.monthly || (a.key < b.key ? -1 : 1));
}

/**
 * Estimates the usual flows beyond the series from the complete months up to `asOf` that the data
 * covers (12 by default): per expense category the typical month (refunds net out), and per irregular
 * source its typical month and usual day. Internal transfers and rejected operations are left out;
 * transfers to or from other people count, since they move the balance.
 */
export function estimateVariableSpending(
	txs: readonly VariableSpendingTx[],
	asOf: IsoDate,
	options: EstimateVariableOptions = {}
): VariableSpending {
	let first = options.dataStart ? dayNumber(options.dataStart) : Infinity;
	if (!options.dataStart) for (const tx of txs) first = Math.min(first, dayNumber(tx.date));
	const asOfDn = dayNumber(asOf);
	const w = coveredWindow(asOf, Math.max(1, options.months ?? 12), Number.isFinite(first) ? first : asOfDn);
	const acc = accumulate(txs, w, asOfDn, options);
	const sources = finishSources(acc, w.months.length, new Set(options.seriesSources ?? []));
	const categories: { category: string; monthly: Cents }[] = [];
	for (const [category, arr] of acc.byCategory) {
		const typical = typicalMonth(arr);
		if (typical < 0 || (typical > 0 && MOVING_NEUTRAL.has(category))) categories.push({ category, monthly: typical });
	}
	categories.sort((a, b) => a.monthly - b.monthly || (a.category < b.category ? -1 : 1));
	const total = categories.reduce((a, b) => a + b.monthly, 0) + sources.reduce((a, b) => a + b.monthly, 0);
	return { months: w.months, byCategory: categories, sources, monthlyTotal: total };
}

/**
 * The months that describe a source now: from its first month when it came at least twice since (a new
 * benefit or employer), and nothing when it has not come for three months (a mission that ended).
 */
function sourceRegime(counts: readonly number[], totals: readonly Cents[]): Cents[] {
	const n = counts.length;
	if (n >= 4 && counts.slice(-3).every((c) => c === 0)) return [];
	const first = counts.findIndex((c) => c > 0);
	const since = counts.slice(first).filter((c) => c > 0).length;
	return first > 0 && since >= 2 ? totals.slice(first) : [...totals];
}

function zeros(n: number): number[] {
	return new Array<number>(n).fill(0);
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
