/**
 * Recurring-series detection: groups transactions by account, direction and normalised payee, splits
 * them by amount, fits a cadence tolerant of weekend/holiday shifts and of a missed occurrence, and
 * rejects habits (groceries at varying amounts). User decisions are re-applied by series key.
 */
import type { IsoDate } from '$lib/dates';
import { formatDateFr } from '$lib/dates';
import { formatEur } from '$lib/money';
import type { Cadence, RecurringSeries, RecurringTxInput, SeriesOverride } from './types';
import {
	BusinessCalendar,
	civilFromDays,
	dayNumber,
	daysInMonth,
	isoFromDayNumber,
	monthDay,
	weekday
} from './calendar';
import { CADENCES, CADENCE_BY_NAME, CADENCE_LABEL_FR, type CadenceSpec, nominalStep } from './cadence';
import { median, medianInt, mode } from './int-math';
import { payeeKey } from './payee-key';

export interface DetectRecurringOptions {
	/** the date detection runs at: decides `status` and `nextDate` */
	asOf: IsoDate;
	/** more non-working days on top of French public holidays (e.g. Alsace-Moselle) */
	holidays?: readonly IsoDate[];
	/** categories never considered (default: rejected operations, which come in pairs) */
	excludeCategories?: readonly string[];
}

interface Item {
	tx: RecurringTxInput;
	dn: number;
	abs: number;
}

interface Chain {
	items: Item[];
	missed: number;
	irregular: number;
	extras: number;
}

const DEFAULT_EXCLUDED = ['bank.rejected'];
/** relative gap between sorted amounts that separates two series of one payee */
const AMOUNT_SPLIT_RATIO = 0.08;
/** median relative change between consecutive occurrences above which amounts are "varying" */
const MAX_MEDIAN_AMOUNT_CHANGE = 0.08;
/** 80th percentile of relative changes above which amounts are "varying" */
const MAX_P80_AMOUNT_CHANGE = 0.2;
/** at most this many transactions of the payee per occurrence of the series in its time span */
const MAX_PAYEE_DENSITY = 4;

/**
 * Detects recurring series in a household's transactions (any number of accounts).
 * Returns series sorted by account, direction then payee, each with a stable `key`.
 */
export function detectRecurring(txs: readonly RecurringTxInput[], options: DetectRecurringOptions): RecurringSeries[] {
	const calendar = new BusinessCalendar(options.holidays ?? []);
	const asOf = dayNumber(options.asOf);
	const excluded = new Set(options.excludeCategories ?? DEFAULT_EXCLUDED);
	const groups = new Map<string, Item[]>();
	const keyCache = new Map<string, string>();
	const dayCache = new Map<string, number>();
	for (const tx of txs) {
		if (tx.amount === 0 || excluded.has(tx.category)) continue;
		let dn = dayCache.get(tx.date);
		if (dn === undefined) dayCache.set(tx.date, (dn = dayNumber(tx.date)));
		if (dn > asOf) continue;
		const raw = tx.payee && tx.payee.trim() !== '' ? tx.payee : `\u0000${tx.normalisedLabel}`;
		let pk = keyCache.get(raw);
		if (pk === undefined) keyCache.set(raw, (pk = payeeKey(tx.payee, tx.normalisedLabel)));
		const key = `${tx.accountId}:${tx.amount > 0 ? 'in' : 'out'}:${pk}`;
		let list = groups.get(key);
		if (!list) groups.set(key, (list = []));
		list.push({ tx, dn, abs: Math.abs(tx.amount) });
	}
	const found: RecurringSeries[] = [];
	for (const [baseKey, items] of groups) {
		if (items.length < 2) continue;
		const payee = displayPayee(items);
		const series: RecurringSeries[] = [];
		const groupDays = items.map((it) => it.dn).sort((a, b) => a - b);
		for (const cluster of amountClusters(items)) {
			const s = evaluate(cluster, groupDays, baseKey, payee, calendar, asOf);
			if (s) {
				series.push(s);
				continue;
			}
			// two series of one payee with close amounts (e.g. two CAF benefits): try exact amounts
			const byAmount = new Map<number, Item[]>();
			for (const it of cluster) {
				const l = byAmount.get(it.abs);
				if (l) l.push(it);
				else byAmount.set(it.abs, [it]);
			}
			if (byAmount.size < 2) continue;
			for (const exact of byAmount.values()) {
				if (exact.length < 3) continue;
				const e = evaluate(exact, groupDays, baseKey, payee, calendar, asOf);
				if (e) series.push(e);
			}
		}
		disambiguateKeys(series);
		found.push(...series);
	}
	found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	return found;
}

function displayPayee(items: Item[]): string {
	const last = items[items.length - 1].tx;
	return (last.payee && last.payee.trim()) || payeeKey(null, last.normalisedLabel);
}

/** Splits a payee's transactions where sorted amounts jump by more than the split ratio. */
function amountClusters(items: Item[]): Item[][] {
	const sorted = [...items].sort((a, b) => a.abs - b.abs);
	const clusters: Item[][] = [];
	let current: Item[] = [sorted[0]];
	for (let i = 1; i < sorted.length; i++) {
		const prev = sorted[i - 1].abs;
		if (sorted[i].abs - prev > Math.max(prev * AMOUNT_SPLIT_RATIO, 100)) {
			clusters.push(current);
			current = [];
		}
		current.push(sorted[i]);
	}
	clusters.push(current);
	return clusters.filter((c) => c.length >= 2).map((c) => c.sort((a, b) => a.dn - b.dn || cmpId(a, b)));
}

function cmpId(a: Item, b: Item): number {
	return String(a.tx.id) < String(b.tx.id) ? -1 : 1;
}

function pickCadence(items: Item[]): CadenceSpec | null {
	const gaps: number[] = [];
	for (let i = 1; i < items.length; i++) {
		const g = items[i].dn - items[i - 1].dn;
		if (g > 0) gaps.push(g);
	}
	if (gaps.length === 0) return null;
	const m = median(gaps);
	let best: CadenceSpec | null = null;
	let bestDist = Infinity;
	for (const spec of CADENCES) {
		const dist = Math.abs(m / spec.days - 1);
		if (dist < bestDist) {
			best = spec;
			bestDist = dist;
		}
	}
	return bestDist <= 0.25 ? best : null;
}

/** Walks the dated items and keeps the occurrences that follow the cadence; returns the last segments. */
function buildChains(items: Item[], spec: CadenceSpec): Chain[] {
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

function amountChanges(items: Item[]): number[] {
	const out: number[] = [];
	for (let i = 1; i < items.length; i++) {
		out.push(Math.abs(items[i].abs - items[i - 1].abs) / items[i - 1].abs);
	}
	return out;
}

function isValidChain(chain: Chain, spec: CadenceSpec): boolean {
	const n = chain.items.length;
	if (n < spec.minOccurrences) return false;
	const transitions = n - 1;
	if (chain.irregular > Math.floor(transitions * 0.1)) return false;
	if (chain.extras > Math.floor(n * 0.2)) return false;
	if (chain.missed > Math.max(1, Math.floor(n / 8))) return false;
	const changes = amountChanges(chain.items).sort((a, b) => a - b);
	if (n === 2) return chain.missed === 0 && changes[0] <= 0.05;
	if (median(changes) > MAX_MEDIAN_AMOUNT_CHANGE) return false;
	const p80 = changes[Math.min(changes.length - 1, Math.floor(changes.length * 0.8))];
	return p80 <= MAX_P80_AMOUNT_CHANGE;
}

/** Nominal date (day number) closest to `dn` for a month-based cadence on `dom`. */
function nearestMonthNominal(dn: number, dom: number): number {
	const { y, m } = civilFromDays(dn);
	let best = monthDay(y, m, 0, dom);
	for (const delta of [-1, 1]) {
		const c = monthDay(y, m, delta, dom);
		if (Math.abs(c - dn) < Math.abs(best - dn)) best = c;
	}
	return best;
}

function nearestWeekdayNominal(dn: number, wd: number): number {
	let delta = wd - weekday(dn);
	if (delta > 3) delta -= 7;
	if (delta < -3) delta += 7;
	return dn + delta;
}

function estimateDayOfMonth(items: Item[], credit: boolean): number {
	const days: number[] = [];
	let nearEnd = 0;
	for (const it of items) {
		const { y, m, d } = civilFromDays(it.dn);
		days.push(d);
		if (d >= daysInMonth(y, m) - 2) nearEnd++;
	}
	const dom = mode(days, credit ? 'larger' : 'smaller');
	if (dom >= 28 && nearEnd >= items.length * 0.8) return 31;
	return dom;
}

/** How many of the payee's transactions (any amount) fall in the chain's time span. */
function countInSpan(groupDays: readonly number[], from: number, to: number): number {
	let lo = 0;
	let hi = groupDays.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (groupDays[mid] < from) lo = mid + 1;
		else hi = mid;
	}
	let count = 0;
	for (let i = lo; i < groupDays.length && groupDays[i] <= to; i++) count++;
	return count;
}

function evaluate(
	items: Item[],
	groupDays: readonly number[],
	baseKey: string,
	payee: string,
	calendar: BusinessCalendar,
	asOf: number
): RecurringSeries | null {
	if (items.length < 2) return null;
	const spec = pickCadence(items);
	if (!spec) return null;
	const chains = buildChains(items, spec);
	let chain: Chain | null = null;
	for (let i = chains.length - 1; i >= 0 && i >= chains.length - 2; i--) {
		const c = chains[i];
		const span = countInSpan(groupDays, c.items[0].dn, c.items[c.items.length - 1].dn);
		// a payee seen far more often than the series (a bakery, a supermarket) is a habit, not a series
		if (span > c.items.length * MAX_PAYEE_DENSITY) continue;
		if (isValidChain(c, spec)) {
			chain = c;
			break;
		}
	}
	if (!chain) return null;
	return describe(chain, spec, baseKey, payee, calendar, asOf);
}

function describe(
	chain: Chain,
	spec: CadenceSpec,
	baseKey: string,
	payee: string,
	calendar: BusinessCalendar,
	asOf: number
): RecurringSeries {
	const items = chain.items;
	const n = items.length;
	const credit = items[0].tx.amount > 0;
	const sign = credit ? 1 : -1;
	const monthBased = spec.months > 0;
	let dayOfMonth: number | null = null;
	let nominalOf: (dn: number) => number;
	if (monthBased) {
		const dom = estimateDayOfMonth(items, credit);
		dayOfMonth = dom;
		nominalOf = (dn) => nearestMonthNominal(dn, dom);
	} else {
		const wd = mode(
			items.map((it) => weekday(it.dn)),
			'smaller'
		);
		nominalOf = (dn) => nearestWeekdayNominal(dn, wd);
	}
	let before = 0;
	let after = 0;
	for (const it of items) {
		const nominal = nominalOf(it.dn);
		if (it.dn < nominal) before++;
		else if (it.dn > nominal) after++;
	}
	const shift: 'before' | 'after' = before > after ? 'before' : after > before ? 'after' : credit ? 'before' : 'after';
	const last = items[n - 1];
	const anchor = nominalOf(last.dn);
	const next1 = calendar.shift(nominalStep(anchor, spec, 1, dayOfMonth), shift);
	const next2 = calendar.shift(nominalStep(anchor, spec, 2, dayOfMonth), shift);
	const ended = asOf > next2 + spec.tolerance;
	const recent = items.slice(-3).map((it) => it.abs);
	const typical = medianInt(recent) * sign;
	const signed = items.map((it) => it.tx.amount);
	const changes = amountChanges(items);
	const countScore = Math.min(1, (n - 1) / (spec.months === 12 ? 2 : 5));
	const regularity = n > 1 ? 1 - chain.irregular / (n - 1) : 0;
	const amountScore = 1 - Math.min(1, median(changes) / 0.1);
	const raw =
		0.2 + 0.35 * countScore + 0.25 * regularity + 0.2 * amountScore - (0.5 * (chain.missed + chain.extras)) / n;
	const confidence = Math.round(Math.max(0, Math.min(1, raw)) * 100) / 100;
	const categories = new Map<string, number>();
	for (const it of items) categories.set(it.tx.category, (categories.get(it.tx.category) ?? 0) + 1);
	let category = items[n - 1].tx.category;
	let best = 0;
	for (const [c, count] of categories) {
		if (count > best) {
			best = count;
			category = c;
		}
	}
	const lastDate = isoFromDayNumber(last.dn);
	return {
		key: baseKey,
		accountId: last.tx.accountId,
		payee,
		category,
		cadence: spec.cadence as Cadence,
		amount: typical,
		amountMin: Math.min(...signed),
		amountMax: Math.max(...signed),
		dayOfMonth,
		anchorDate: isoFromDayNumber(anchor),
		shift,
		lastDate,
		nextDate: ended ? null : isoFromDayNumber(next1),
		occurrences: n,
		missed: chain.missed,
		confidence,
		status: ended ? 'ended' : 'active',
		review: 'detected',
		transactionIds: items.map((it) => it.tx.id),
		explanation:
			`${n} ${credit ? 'versements' : 'prélèvements ou paiements'} de « ${payee} » ${CADENCE_LABEL_FR[spec.cadence]}, ` +
			`environ ${formatEur(Math.abs(typical))}, le dernier le ${formatDateFr(lastDate)}` +
			(ended ? ' ; les deux suivants ne sont pas arrivés, la série semble terminée.' : '.')
	};
}

/** Makes keys unique inside one payee: adds the cadence, then the typical amount in euros. */
function disambiguateKeys(series: RecurringSeries[]): void {
	if (series.length < 2) return;
	const count = (k: string) => series.filter((s) => s.key === k).length;
	const base = series[0].key;
	if (count(base) < 2) return;
	for (const s of series) s.key = `${base}:${s.cadence}`;
	for (const s of series) {
		if (count(s.key) > 1) s.key = `${base}:${s.cadence}:${Math.round(Math.abs(s.amount) / 100)}`;
	}
}

/**
 * Re-applies the household's or adviser's decisions (by series key) after a new detection: confirmed and
 * dismissed series keep their review status; edited ones take the chosen amount and day of month.
 * Overrides whose key no longer matches any series are ignored. Returns new objects.
 */
export function applySeriesOverrides(
	series: readonly RecurringSeries[],
	overrides: readonly SeriesOverride[],
	options: { holidays?: readonly IsoDate[] } = {}
): RecurringSeries[] {
	const byKey = new Map(overrides.map((o) => [o.key, o]));
	const calendar = new BusinessCalendar(options.holidays ?? []);
	return series.map((s) => {
		const o = byKey.get(s.key);
		if (!o) return { ...s };
		const out: RecurringSeries = { ...s, review: o.status };
		if (o.status !== 'edited') return out;
		if (o.amount !== undefined && Number.isSafeInteger(o.amount) && o.amount !== 0) out.amount = o.amount;
		const spec = CADENCE_BY_NAME[s.cadence];
		if (o.dayOfMonth !== undefined && spec.months > 0 && o.dayOfMonth >= 1 && o.dayOfMonth <= 31) {
			out.dayOfMonth = o.dayOfMonth;
			const anchorDn = nearestMonthNominal(dayNumber(s.anchorDate), o.dayOfMonth);
			out.anchorDate = isoFromDayNumber(anchorDn);
			if (s.nextDate !== null) {
				out.nextDate = isoFromDayNumber(calendar.shift(nominalStep(anchorDn, spec, 1, o.dayOfMonth), s.shift));
			}
		}
		return out;
	});
}

/** The series a projection should count: active and not dismissed. */
export function seriesForProjection(series: readonly RecurringSeries[]): RecurringSeries[] {
	return series.filter((s) => s.status === 'active' && s.review !== 'dismissed');
}
