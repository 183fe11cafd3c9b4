/**
 * Backtest of the projection: stand at the end of month M−1, detect series and variable spending on
 * history only, project month M and compare the end-of-month balance with what happened, against the
 * naive baseline "same net change as last month".
 */
import type { Cents } from '$lib/money';
import type { IsoDate, IsoMonth } from '$lib/dates';
import { civilFromDays, dayNumber, daysFromCivil, daysInMonth, isoFromDayNumber } from './calendar';
import { buildForecastModel } from './forecast-model';
import { projectBalance } from './projection';
import type { RecurringTxInput } from './types';

export interface BacktestResult {
	month: IsoMonth;
	/** end of M−1 */
	from: IsoDate;
	/** cents */
	startBalance: Cents;
	actual: Cents;
	predicted: Cents;
	/** predicted − actual (cents) */
	error: Cents;
	naivePredicted: Cents;
	naiveError: Cents;
}

function monthEnd(month: IsoMonth, delta: number): IsoDate {
	const idx = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
	const y = Math.floor(idx / 12);
	const m = (idx % 12) + 1;
	return isoFromDayNumber(daysFromCivil(y, m, daysInMonth(y, m)));
}

/**
 * `balances`: at least one known end-of-day balance (cents) of the account; other balances are derived
 * from it and the transactions. All transactions of the account are passed; only those ≤ end of M−1 are
 * used to predict.
 */
export function backtest(
	txs: readonly RecurringTxInput[],
	balances: readonly { date: IsoDate; balance: Cents }[],
	month: IsoMonth
): BacktestResult {
	if (balances.length === 0) throw new RangeError('backtest needs a known balance');
	const anchor = balances[balances.length - 1];
	const balanceAt = (date: IsoDate): Cents => {
		let b = anchor.balance;
		for (const t of txs) {
			if (t.date > anchor.date && t.date <= date) b += t.amount;
			else if (t.date <= anchor.date && t.date > date) b -= t.amount;
		}
		return b;
	};
	const from = monthEnd(month, -1);
	const end = monthEnd(month, 0);
	const before = monthEnd(month, -2);
	const history = txs.filter((t) => t.date <= from);
	const model = buildForecastModel(history, { asOf: from });
	const startBalance = balanceAt(from);
	const projection = projectBalance({
		from,
		startBalance,
		days: dayNumber(end) - dayNumber(from),
		series: model.counted,
		variableSpending: model.variable
	});
	const predicted = projection.days[projection.days.length - 1].balance;
	const actual = balanceAt(end);
	const naivePredicted = startBalance + (startBalance - balanceAt(before));
	return {
		month,
		from,
		startBalance,
		actual,
		predicted,
		error: predicted - actual,
		naivePredicted,
		naiveError: naivePredicted - actual
	};
}

/**
 * The `n` complete months of data ending at the last complete month before `dataEnd` (the month of
 * `dataEnd` itself when it is that month's last day): judged against the data, not the clock.
 */
export function backtestMonthsEndingAt(dataEnd: IsoDate, n: number): IsoMonth[] {
	const dn = dayNumber(dataEnd);
	const { y, m, d } = civilFromDays(dn);
	const last = y * 12 + m - 1 - (d === daysInMonth(y, m) ? 0 : 1);
	const out: IsoMonth[] = [];
	for (let idx = last - n + 1; idx <= last; idx++) {
		out.push(`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`);
	}
	return out;
}

/** Runs `backtest` over several months; mean absolute errors in cents (rounded down). */
export function backtestMonths(
	txs: readonly RecurringTxInput[],
	balances: readonly { date: IsoDate; balance: Cents }[],
	months: readonly IsoMonth[]
): { results: BacktestResult[]; meanAbsError: Cents; naiveMeanAbsError: Cents } {
	const results = months.map((m) => backtest(txs, balances, m));
	const mae = (f: (r: BacktestResult) => number) =>
		results.length === 0 ? 0 : Math.floor(results.reduce((a, r) => a + Math.abs(f(r)), 0) / results.length);
	return { results, meanAbsError: mae((r) => r.error), naiveMeanAbsError: mae((r) => r.naiveError) };
}
