/**
 * Benchmark of the recurring detector and the 90-day projection on a synthetic household with 10 years
 * of transactions (target: ≤ 50 ms for both). Pure: the caller prints the result (`npm run bench`).
 */
import { generateHousehold } from './synthetic';
import { detectRecurring, seriesForProjection } from './recurring';
import { estimateVariableSpending } from './variable-spending';
import { projectBalance } from './projection';

export interface ProjectionBenchResult {
	transactions: number;
	series: number;
	/** milliseconds, median of the measured runs after warm-up */
	detectMs: number;
	projectMs: number;
	totalMs: number;
	/** the first, cold run (ms) */
	coldTotalMs: number;
	runs: number;
	targetMs: number;
	pass: boolean;
}

function medianOf(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	return s[s.length >> 1];
}

/** Times detection + variable spending + a 90-day projection; `runs` measured runs after one cold run. */
export function benchProjection(
	options: { runs?: number; years?: number; now?: () => number } = {}
): ProjectionBenchResult {
	const now = options.now ?? (() => performance.now());
	const h = generateHousehold({ seed: 2026, years: options.years ?? 10 });
	const runs = Math.max(1, options.runs ?? 7);
	const detect: number[] = [];
	const project: number[] = [];
	let coldTotalMs = 0;
	let seriesCount = 0;
	for (let i = 0; i <= runs; i++) {
		const t0 = now();
		const series = detectRecurring(h.transactions, { asOf: h.to });
		const t1 = now();
		const ids = new Set<number | string>();
		for (const s of series) for (const id of s.transactionIds) ids.add(id);
		const variable = estimateVariableSpending(h.transactions, h.to, { seriesTransactionIds: ids });
		projectBalance({
			from: h.to,
			startBalance: h.endBalance,
			days: 90,
			series: seriesForProjection(series),
			variableSpending: variable,
			overdraft: { limit: 20000, rateBp: 1600 }
		});
		const t2 = now();
		seriesCount = series.length;
		if (i === 0) coldTotalMs = t2 - t0;
		else {
			detect.push(t1 - t0);
			project.push(t2 - t1);
		}
	}
	const detectMs = medianOf(detect);
	const projectMs = medianOf(project);
	const totalMs = detectMs + projectMs;
	const round = (x: number) => Math.round(x * 100) / 100;
	return {
		transactions: h.transactions.length,
		series: seriesCount,
		detectMs: round(detectMs),
		projectMs: round(projectMs),
		totalMs: round(totalMs),
		coldTotalMs: round(coldTotalMs),
		runs,
		targetMs: 50,
		pass: totalMs <= 50
	};
}
