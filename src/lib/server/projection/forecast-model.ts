/**
 * The household's forecast model from its history, the same for the forecast page and the backtest:
 * recurring series (with the household's decisions), and what the series do not explain — everyday
 * spending by category and irregular sources — estimated without the transactions of any series: an
 * ended series' past payments will not come again, and a series the household dismissed (a payment
 * cancelled, a one-off) is not expected in another guise.
 */
import type { IsoDate } from '$lib/dates';
import type { RecurringSeries, RecurringTxInput, SeriesOverride } from './types';
import { applySeriesOverrides, detectRecurring, seriesForProjection, seriesSourceKey } from './recurring';
import { estimateVariableSpending, type VariableSpending } from './variable-spending';
import { findYearlyOnce } from './yearly-once';

/**
 * Complete months of history behind everyday spending and irregular sources: a whole year, so that one
 * month of each season counts and a month's noise weighs a twelfth (fewer when the statements are younger).
 */
export const HISTORY_MONTHS = 12;

export interface ForecastModel {
	/** every detected series, decisions applied */
	series: RecurringSeries[];
	/** the series the projection counts (active, not dismissed) */
	counted: RecurringSeries[];
	variable: VariableSpending;
}

export interface ForecastModelOptions {
	/** the date the model is built at: nothing after it is read */
	asOf: IsoDate;
	overrides?: readonly SeriesOverride[];
	holidays?: readonly IsoDate[];
	/** per account, the date its statements are known to cover */
	coveredUntil?: Readonly<Record<number, IsoDate>>;
	/** complete months of history for everyday spending and irregular sources (default HISTORY_MONTHS) */
	months?: number;
}

export function buildForecastModel(txs: readonly RecurringTxInput[], options: ForecastModelOptions): ForecastModel {
	const detected = detectRecurring(txs, {
		asOf: options.asOf,
		holidays: options.holidays,
		coveredUntil: options.coveredUntil
	});
	const series = applySeriesOverrides(detected, options.overrides ?? [], { holidays: options.holidays });
	const counted = seriesForProjection(series);
	const explained = new Set<number | string>();
	for (const s of series) for (const id of s.transactionIds) explained.add(id);
	const variable = estimateVariableSpending(txs, options.asOf, {
		seriesTransactionIds: explained,
		seriesSources: counted.map(seriesSourceKey),
		months: options.months ?? HISTORY_MONTHS,
		includeIncome: true
	});
	variable.yearly = findYearlyOnce(txs, options.asOf, explained);
	return { series, counted, variable };
}
