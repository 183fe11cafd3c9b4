/**
 * Compares the balances a file states with the balance computed from its transactions: a gap is the
 * best sign of a missed row or a sign read the wrong way.
 */
import type { Cents } from '$lib/money';
import type { IsoDate } from '$lib/dates';
import type { ParsedBalance, ParsedTransaction } from './types';

export interface BalanceGap {
	date: IsoDate;
	kind: ParsedBalance['kind'];
	/** Cents stated by the file. */
	stated: Cents;
	/** Cents computed from the anchor and the transactions. */
	computed: Cents;
	/** stated − computed, in cents. */
	difference: Cents;
	line?: number;
}

/**
 * Returns the gaps between stated and computed balances (empty when everything matches).
 * The anchor is `knownOpening` (balance at the start of its date), else the file's earliest opening
 * balance, else its earliest end-of-day balance. Running balances are reduced to one per day (the last row
 * of the day in file order, the first one when the file lists newest first).
 */
export function reconcile(
	transactions: Pick<ParsedTransaction, 'bookingDate' | 'amount' | 'line'>[],
	balances: ParsedBalance[],
	knownOpening?: { date: IsoDate; amount: Cents }
): BalanceGap[] {
	if (balances.length === 0 && !knownOpening) return [];
	const descending =
		transactions.length > 1 && transactions[0].bookingDate > transactions[transactions.length - 1].bookingDate;
	const endOfDay = new Map<IsoDate, ParsedBalance>();
	const points: ParsedBalance[] = [];
	for (const b of balances) {
		if (b.kind !== 'running') {
			points.push(b);
			continue;
		}
		const prev = endOfDay.get(b.date);
		const later = !prev || (descending ? (b.line ?? 0) < (prev.line ?? 0) : (b.line ?? 0) > (prev.line ?? 0));
		if (later) endOfDay.set(b.date, b);
	}
	points.push(...endOfDay.values());
	// A single stated balance, without a known opening, is its own anchor: nothing to compare.
	if (points.length <= 1 && !knownOpening) return [];
	const txs = [...transactions].sort((a, b) =>
		a.bookingDate < b.bookingDate ? -1 : a.bookingDate > b.bookingDate ? 1 : 0
	);
	// cumulative sums at the end of each distinct date, ascending: a file with a running balance on every
	// row has thousands of points, each found by binary search instead of a pass over the transactions
	const days: IsoDate[] = [];
	const through: number[] = [];
	let running = 0;
	for (const t of txs) {
		running += t.amount;
		if (days.length > 0 && days[days.length - 1] === t.bookingDate) through[through.length - 1] = running;
		else {
			days.push(t.bookingDate);
			through.push(running);
		}
	}
	/** Sum of the amounts booked before `date` (and on it when `inclusive`). */
	const sumThrough = (date: IsoDate, inclusive: boolean): number => {
		let lo = 0;
		let hi = days.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (days[mid] < date || (inclusive && days[mid] === date)) lo = mid + 1;
			else hi = mid;
		}
		return lo === 0 ? 0 : through[lo - 1];
	};
	const stateAt = (b: ParsedBalance | { date: IsoDate; amount: Cents; kind: 'opening' }) =>
		b.kind === 'opening' ? sumThrough(b.date, false) : sumThrough(b.date, true);
	let anchor: number;
	let anchorPoint: ParsedBalance | null = null;
	if (knownOpening) anchor = knownOpening.amount - sumThrough(knownOpening.date, false);
	else {
		const sorted = [...points].sort((a, b) =>
			a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.kind === 'opening' ? -1 : b.kind === 'opening' ? 1 : 0
		);
		anchorPoint = sorted.find((p) => p.kind === 'opening') ?? sorted[0];
		anchor = anchorPoint.amount - stateAt(anchorPoint);
	}
	const gaps: BalanceGap[] = [];
	for (const p of points) {
		if (p === anchorPoint) continue;
		const computed = anchor + stateAt(p);
		if (computed !== p.amount) {
			const gap: BalanceGap = {
				date: p.date,
				kind: p.kind,
				stated: p.amount,
				computed,
				difference: p.amount - computed
			};
			if (p.line !== undefined) gap.line = p.line;
			gaps.push(gap);
		}
	}
	return gaps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The balance the file states at its end (cents), or null: the latest closing or running balance, taking
 * for running balances the row that ends the day (last in file order, first when the file is newest first).
 */
export function statedClosingBalance(
	transactions: Pick<ParsedTransaction, 'bookingDate'>[],
	balances: ParsedBalance[]
): { date: IsoDate; amount: Cents } | null {
	const descending =
		transactions.length > 1 && transactions[0].bookingDate > transactions[transactions.length - 1].bookingDate;
	let best: ParsedBalance | null = null;
	for (const b of balances) {
		if (b.kind === 'opening') continue;
		if (!best || b.date > best.date) {
			best = b;
			continue;
		}
		if (b.date < best.date) continue;
		if (b.kind === 'closing' && best.kind === 'running') best = b;
		else if (b.kind === 'running' && best.kind === 'running') {
			const later = descending ? (b.line ?? 0) < (best.line ?? 0) : (b.line ?? 0) > (best.line ?? 0);
			if (later) best = b;
		}
	}
	return best ? { date: best.date, amount: best.amount } : null;
}
