/**
 * The synthetic panel's figures for `npm run bench` and the tests: series precision and recall against
 * what the generator planted (detection at the end of each household's data), and the backtest of the
 * projection against the naive baseline over the last six complete months.
 */
import { backtestPanel, type BacktestPanelResult } from './backtest-panel';
import { scoreSeries } from './panel-score';
import { detectRecurring } from './recurring';
import { generatePanel, type PanelHousehold } from './synthetic-panel';

export interface SeriesPanelScore {
	households: number;
	detected: number;
	truePositives: number;
	detectable: number;
	found: number;
	/** 0..1, four decimals */
	precision: number;
	recall: number;
	/** share of the found series whose status (active / ended) is right */
	statusAccuracy: number;
	/** per household: what was wrong ("+" a false series, "-" a missed one, "~" a wrong status) */
	mistakes: { household: string; mistakes: string[] }[];
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;

export function scorePanelSeries(panel: readonly PanelHousehold[]): SeriesPanelScore {
	let detected = 0;
	let tp = 0;
	let detectable = 0;
	let found = 0;
	let statusRight = 0;
	const mistakes: { household: string; mistakes: string[] }[] = [];
	for (const h of panel) {
		const r = scoreSeries(h.planted, detectRecurring(h.txs, { asOf: h.balance.date }));
		detected += r.detected;
		tp += r.truePositives;
		detectable += r.detectable;
		found += r.found;
		statusRight += r.statusRight;
		if (r.mistakes.length > 0) mistakes.push({ household: h.name, mistakes: r.mistakes });
	}
	return {
		households: panel.length,
		detected,
		truePositives: tp,
		detectable,
		found,
		precision: detected === 0 ? 1 : round4(tp / detected),
		recall: detectable === 0 ? 1 : round4(found / detectable),
		statusAccuracy: tp === 0 ? 1 : round4(statusRight / tp),
		mistakes
	};
}

export function backtestSyntheticPanel(panel: readonly PanelHousehold[], months = 6): BacktestPanelResult {
	return backtestPanel(
		panel.map((h) => ({ id: h.id, name: h.name, txs: h.txs, balance: h.balance })),
		{ months }
	);
}

/** Both figures on the default panel (24 households, seed 20261202, data up to 30/11/2026). */
export function benchSyntheticPanel(): { series: SeriesPanelScore; backtest: BacktestPanelResult } {
	const panel = generatePanel();
	return { series: scorePanelSeries(panel), backtest: backtestSyntheticPanel(panel) };
}
