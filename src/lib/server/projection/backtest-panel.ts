/**
 * Backtest over a set of households (the demo households, the synthetic panel, or one household): for
 * each, the months chosen from its own data (not the clock), the projection's and the naive baseline's
 * errors, and the pooled mean absolute errors over every household-month.
 */
import type { Cents } from '$lib/money';
import type { IsoDate, IsoMonth } from '$lib/dates';
import { backtest, backtestMonthsEndingAt, type BacktestResult } from './backtest';
import type { RecurringTxInput } from './types';

export interface BacktestHouseholdInput {
	id: number | string;
	name: string;
	txs: readonly RecurringTxInput[];
	/** a known end-of-day balance (cents) */
	balance: { date: IsoDate; balance: Cents };
}

export interface BacktestHouseholdResult {
	id: number | string;
	name: string;
	results: BacktestResult[];
	/** cents, rounded half away from zero */
	meanAbsError: Cents;
	naiveMeanAbsError: Cents;
}

export interface BacktestPanelResult {
	/** every month tested, oldest first */
	months: IsoMonth[];
	/** pooled over every household-month (cents) */
	meanAbsError: Cents;
	naiveMeanAbsError: Cents;
	/** 1 − MAE / naive MAE, in basis points (2000 = 20 % better than naive); null without data */
	improvementBp: number | null;
	households: BacktestHouseholdResult[];
}

function meanAbs(values: readonly number[]): Cents {
	if (values.length === 0) return 0;
	return Math.round(values.reduce((a, v) => a + Math.abs(v), 0) / values.length);
}

/** First day of the month before `month` (`YYYY-MM-01`). */
function previousMonthStart(month: IsoMonth): IsoDate {
	const idx = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 2;
	return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * Backtests each household over `months` months (6 by default) ending at the last complete month of its
 * data; a month is tested only when the whole month before it is covered by the data (the naive baseline
 * needs it). `only`: test these months instead.
 */
export function backtestPanel(
	households: readonly BacktestHouseholdInput[],
	options: { months?: number; only?: readonly IsoMonth[] } = {}
): BacktestPanelResult {
	const count = Math.max(1, options.months ?? 6);
	const out: BacktestHouseholdResult[] = [];
	const all = new Set<IsoMonth>();
	const errors: number[] = [];
	const naive: number[] = [];
	for (const h of households) {
		if (h.txs.length === 0) continue;
		let first = h.txs[0].date;
		let last = h.balance.date;
		for (const t of h.txs) {
			if (t.date < first) first = t.date;
			if (t.date > last) last = t.date;
		}
		const months = (options.only ?? backtestMonthsEndingAt(last, count)).filter(
			(m) => previousMonthStart(m) >= first && `${m}-01` <= last
		);
		const results = months.map((m) => backtest(h.txs, [h.balance], m));
		for (const r of results) {
			all.add(r.month);
			errors.push(r.error);
			naive.push(r.naiveError);
		}
		out.push({
			id: h.id,
			name: h.name,
			results,
			meanAbsError: meanAbs(results.map((r) => r.error)),
			naiveMeanAbsError: meanAbs(results.map((r) => r.naiveError))
		});
	}
	const mae = meanAbs(errors);
	const naiveMae = meanAbs(naive);
	return {
		months: [...all].sort(),
		meanAbsError: mae,
		naiveMeanAbsError: naiveMae,
		improvementBp: naive.length === 0 || naiveMae === 0 ? null : Math.round((1 - mae / naiveMae) * 10000),
		households: out
	};
}
