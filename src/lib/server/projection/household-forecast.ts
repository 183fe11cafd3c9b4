/**
 * The whole forecast of a household from what the service loaded: model (series, everyday spending,
 * irregular sources), projection from the last known balance, how old that balance is, an overdraft
 * already running, and the alerts. One entry point, so the page, the CLI and the backtest agree.
 */
import type { Cents } from '$lib/money';
import type { IsoDate } from '$lib/dates';
import { projectionAlerts, type Alert } from './alerts';
import { buildForecastModel } from './forecast-model';
import { currentOverdraft, type CurrentOverdraft } from './overdrawn';
import type { OverdraftSettings } from './overdraft-cost';
import { projectBalance, type PlannedItem, type Projection, type WhatIf } from './projection';
import type { RecurringSeries, RecurringTxInput, SeriesOverride } from './types';
import type { VariableSpending } from './variable-spending';

export interface HouseholdForecastInput {
	txs: readonly RecurringTxInput[];
	/** the last known balance (all accounts), null when none is known */
	balance: { date: IsoDate; amount: Cents } | null;
	overdraft: OverdraftSettings;
	overrides?: readonly SeriesOverride[];
	planned?: readonly PlannedItem[];
	whatIf?: WhatIf;
	/** projected days, 1..365 (default 90) */
	days?: number;
	/** today */
	asOf: IsoDate;
	holidays?: readonly IsoDate[];
}

export interface EngineForecast {
	series: RecurringSeries[];
	variable: VariableSpending;
	projection: Projection | null;
	/** the overdraft the account is already in at the start, if any */
	overdrawn: CurrentOverdraft | null;
	alerts: Alert[];
}

export function forecastHousehold(input: HouseholdForecastInput): EngineForecast {
	// the model is built at the end of the data, not at the clock: a six-week-old import is judged on itself
	const dataEnd = input.balance && input.balance.date < input.asOf ? input.balance.date : input.asOf;
	const model = buildForecastModel(input.txs, { asOf: dataEnd, overrides: input.overrides, holidays: input.holidays });
	if (!input.balance)
		return { series: model.series, variable: model.variable, projection: null, overdrawn: null, alerts: [] };
	const projection = projectBalance({
		from: input.balance.date,
		startBalance: input.balance.amount,
		days: Math.min(365, Math.max(1, input.days ?? 90)),
		series: model.counted,
		planned: input.planned,
		variableSpending: model.variable,
		whatIf: input.whatIf,
		overdraft: input.overdraft,
		holidays: input.holidays,
		asOf: input.asOf
	});
	const overdrawn = currentOverdraft(input.txs, input.balance, input.overdraft, projection.days);
	const alerts = projectionAlerts(projection, model.series, input.txs, input.asOf, {
		overdraft: input.overdraft,
		holidays: input.holidays
	});
	return { series: model.series, variable: model.variable, projection, overdrawn, alerts };
}
