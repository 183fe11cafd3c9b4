/**
 * The pieces of recurring detection that judge one payee's transactions: amount clusters, the cadence
 * that fits their gaps, the chain of occurrences that follows it (tolerating a suspended or missed
 * occurrence) and whether that chain is a series or a habit.
 */
import type { RecurringTxInput } from './types';
import { CADENCES, type CadenceSpec } from './cadence';
import { median } from './int-math';

export interface Item {
	tx: RecurringTxInput;
	dn: number;
	abs: number;
}

export interface Chain {
	items: Item[];
	missed: number;
	irregular: number;
	extras: number;
}

/** relative gap between sorted amounts that separates two series of one payee */
export const AMOUNT_SPLIT_RATIO = 0.08;
/** the same for yearly bills, whose amount changes up to 10 % from one year to the next */
export const ANNUAL_SPLIT_RATIO = 0.1;
/** median relative change between consecutive occurrences above which amounts are "varying" */
const MAX_MEDIAN_AMOUNT_CHANGE = 0.08;
/** 80th percentile of relative changes above which amounts are "varying" */
const MAX_P80_AMOUNT_CHANGE = 0.2;
/** largest change between the two occurrences of a yearly series seen twice */
const MAX_ANNUAL_PAIR_CHANGE = 0.1;
/**
 * largest coefficient of variation of a series' amounts: a salary varies a few per cent, a CAF benefit
 * changes by steps; temp-work pay (±20 %) is an irregular income, modelled apart
 */
const MAX_AMOUNT_CV = 0.08;

export function cmpItem(a: Item, b: Item): number {
	return a.dn - b.dn || (String(a.tx.id) < String(b.tx.id) ? -1 : String(a.tx.id) > String(b.tx.id) ? 1 : 0);
}

/** Splits a payee's transactions where sorted amounts jump by more than `ratio`; clusters in date order. */
export function amountClusters(items: readonly Item[], ratio = AMOUNT_SPLIT_RATIO): Item[][] {
	const sorted = [...items].sort((a, b) => a.abs - b.abs);
	const clusters: Item[][] = [];
	let current: Item[] = [sorted[0]];
	for (let i = 1; i < sorted.length; i++) {
		const prev = sorted[i - 1].abs;
		if (sorted[i].abs - prev > Math.max(prev * ratio, 100)) {
			clusters.push(current);
			current = [];
		}
		current.push(sorted[i]);
	}
	clusters.push(current);
	return clusters.filter((c) => c.length >= 2).map((c) => c.sort(cmpItem));
}

/** The cadence whose period is closest to the median gap (within 25 %), among `specs`. */
export function pickCadence(items: readonly Item[], specs: readonly CadenceSpec[] = CADENCES): CadenceSpec | null {
	const gaps: number[] = [];
	for (let i = 1; i < items.length; i++) {
		const g = items[i].dn - items[i - 1].dn;
		if (g > 0) gaps.push(g);
	}
	if (gaps.length === 0) return null;
	const m = median(gaps);
	let best: CadenceSpec | null = null;
	let bestDist = Infinity;
	for (const spec of specs) {
		const dist = Math.abs(m / spec.days - 1);
		if (dist < bestDist) {
			best = spec;
			bestDist = dist;
		}
	}
	return bestDist <= 0.25 ? best : null;
}

/**
 * Walks the dated items and keeps the occurrences that follow the cadence. A gap of two periods is one
 * missed occurrence (a suspended CAF month); a longer gap starts a new chain.
 */
export function buildChains(items: readonly Item[], spec: CadenceSpec): Chain[] {
	const chains: Chain[] = [];
	let chain: Chain = { items: [items[0]], missed: 0, irregular: 0, extras: 0 };
	const tol = spec.tolerance;
	for (let i = 1; i < items.length; i++) {
		const last = chain.items[chain.items.length - 1];
		const g = items[i].dn - last.dn;
		if (g < spec.days - tol * 1.5) {
			chain.extras++;
			continue;
		}
		if (g > 2 * spec.days + tol * 1.5) {
			chains.push(chain);
			chain = { items: [items[i]], missed: 0, irregular: 0, extras: 0 };
			continue;
		}
		const k = Math.max(1, Math.round(g / spec.days));
		if (Math.abs(g - k * spec.days) > tol * (k === 1 ? 1 : 1.5)) chain.irregular++;
		if (k === 2) chain.missed++;
		chain.items.push(items[i]);
	}
	chains.push(chain);
	return chains;
}

export function amountChanges(items: readonly Item[]): number[] {
	const out: number[] = [];
	for (let i = 1; i < items.length; i++) {
		out.push(Math.abs(items[i].abs - items[i - 1].abs) / items[i - 1].abs);
	}
	return out;
}

/**
 * Whether a chain is a series: enough occurrences, regular gaps, few extras, at most one missed
 * occurrence in six (two at least), and steady amounts. A yearly series may be seen only twice, its
 * amount changing up to 10 %.
 */
export function isValidChain(chain: Chain, spec: CadenceSpec): boolean {
	const n = chain.items.length;
	if (n < spec.minOccurrences) return false;
	const transitions = n - 1;
	if (chain.irregular > Math.floor(transitions * 0.1)) return false;
	if (chain.extras > Math.floor(n * 0.2)) return false;
	if (chain.missed > Math.max(2, Math.floor(n / 6)) || chain.missed * 2 > transitions) return false;
	const changes = amountChanges(chain.items).sort((a, b) => a - b);
	if (n === 2) return chain.missed === 0 && changes[0] <= MAX_ANNUAL_PAIR_CHANGE;
	const maxMedian = spec.months === 12 ? MAX_ANNUAL_PAIR_CHANGE : MAX_MEDIAN_AMOUNT_CHANGE;
	if (median(changes) > maxMedian) return false;
	const p80 = changes[Math.min(changes.length - 1, Math.floor(changes.length * 0.8))];
	return p80 <= MAX_P80_AMOUNT_CHANGE && amountCv(chain.items) <= MAX_AMOUNT_CV;
}

function cv(values: readonly number[]): number {
	const mean = values.reduce((a, v) => a + v, 0) / values.length;
	const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
	return Math.sqrt(variance) / mean;
}

function amountCv(items: readonly Item[]): number {
	return cv(items.map((it) => it.abs));
}

/**
 * Whether the payee's amounts stay steady once the slots the chain skipped (a missed month, the next
 * one) are filled with what the payee actually paid then: temp-work pay whose similar months happen to
 * form a chain is not a fixed series when the other months brought other amounts. `loose`: the payee's
 * transactions that no chain of it explains.
 */
export function steadyWithFillers(chain: Chain, spec: CadenceSpec, loose: readonly Item[]): boolean {
	const slots: number[] = [];
	for (let i = 1; i < chain.items.length; i++) {
		const gap = chain.items[i].dn - chain.items[i - 1].dn;
		if (Math.round(gap / spec.days) === 2) slots.push(chain.items[i - 1].dn + spec.days);
	}
	slots.push(chain.items[chain.items.length - 1].dn + spec.days);
	const fillers: number[] = [];
	for (const slot of slots) {
		const near = loose.find((it) => Math.abs(it.dn - slot) <= spec.tolerance + 2);
		if (near) fillers.push(near.abs);
	}
	if (fillers.length === 0) return true;
	return cv([...chain.items.map((it) => it.abs), ...fillers]) <= MAX_AMOUNT_CV;
}

/** How many of the sorted day numbers fall in [from, to]. */
export function countInSpan(days: readonly number[], from: number, to: number): number {
	let lo = 0;
	let hi = days.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (days[mid] < from) lo = mid + 1;
		else hi = mid;
	}
	let count = 0;
	for (let i = lo; i < days.length && days[i] <= to; i++) count++;
	return count;
}
