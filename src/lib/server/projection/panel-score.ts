/**
 * Scores detected series against the series a synthetic household planted (its ground truth): a
 * detected series is right when most of its transactions belong to one planted series of the same
 * cadence, each planted series counting once. Recall counts the planted series the data can show
 * (three occurrences, two for a yearly one).
 */
import type { RecurringSeries } from './types';
import type { PlantedPanelSeries } from './synthetic-panel';

export interface SeriesScore {
	detected: number;
	/** detected series matching a planted one */
	truePositives: number;
	/** planted series the data can show */
	detectable: number;
	/** detectable planted series found */
	found: number;
	/** found series whose status (active / ended) is the planted one */
	statusRight: number;
	/** what was wrong, for the report: "+name" a false series, "-name" a missed one, "~name" a wrong status */
	mistakes: string[];
}

export function scoreSeries(planted: readonly PlantedPanelSeries[], series: readonly RecurringSeries[]): SeriesScore {
	const owner = new Map<number | string, number>();
	planted.forEach((p, i) => p.txIds.forEach((id) => owner.set(id, i)));
	const matched = new Set<number>();
	const mistakes: string[] = [];
	let tp = 0;
	let statusRight = 0;
	for (const s of series) {
		const votes = new Map<number, number>();
		for (const id of s.transactionIds) {
			const o = owner.get(id);
			if (o !== undefined) votes.set(o, (votes.get(o) ?? 0) + 1);
		}
		let best = -1;
		let bestVotes = 0;
		for (const [o, v] of votes) if (v > bestVotes) [best, bestVotes] = [o, v];
		const p = best >= 0 ? planted[best] : null;
		if (!p || bestVotes * 2 < s.transactionIds.length || p.cadence !== s.cadence || matched.has(best)) {
			mistakes.push(`+${s.payee} ${s.cadence}`);
			continue;
		}
		matched.add(best);
		tp++;
		if ((s.status === 'ended') === p.ended) statusRight++;
		else mistakes.push(`~${p.name} ${s.status}`);
	}
	let detectable = 0;
	let found = 0;
	planted.forEach((p, i) => {
		if (p.txIds.length < (p.cadence === 'annual' ? 2 : 3)) return;
		detectable++;
		if (matched.has(i)) found++;
		else mistakes.push(`-${p.name} ${p.cadence}`);
	});
	return { detected: series.length, truePositives: tp, detectable, found, statusRight, mistakes };
}
