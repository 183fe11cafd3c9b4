/**
 * Recurring-series detection: groups transactions by account, direction and payee key (without the words
 * that change every month), splits them by amount, fits a cadence tolerant of weekend/holiday shifts and
 * of a suspended occurrence, finds yearly bills seen twice, and rejects habits (groceries at varying
 * amounts). A series' status is judged at the end of its account's data, not at the clock. User decisions
 * are re-applied by series key.
 */
import type { IsoDate } from '$lib/dates';
import type { RecurringSeries, RecurringTxInput, SeriesOverride } from './types';
import { BusinessCalendar, dayNumber, isoFromDayNumber } from './calendar';
import { bookingDay, CADENCE_BY_NAME, type CadenceSpec, nominalStep } from './cadence';
import { displayPayee, payeeKey } from './payee-key';
import {
	ANNUAL_SPLIT_RATIO,
	amountClusters,
	buildChains,
	type Chain,
	cmpItem,
	countInSpan,
	isValidChain,
	type Item,
	pickCadence,
	steadyWithFillers
} from './recurring-chain';
import { describeChain, nearestMonthNominal } from './recurring-describe';

export interface DetectRecurringOptions {
	/** the date detection runs at: nothing after it is read */
	asOf: IsoDate;
	/**
	 * per account, the date its statements are known to cover (e.g. a statement's closing balance date);
	 * by default the account's last transaction. Statuses are judged at the earlier of this and `asOf`.
	 */
	coveredUntil?: Readonly<Record<number, IsoDate>>;
	/** more non-working days on top of French public holidays (e.g. Alsace-Moselle) */
	holidays?: readonly IsoDate[];
	/** categories never considered (default: rejected operations, which come in pairs) */
	excludeCategories?: readonly string[];
}

const DEFAULT_EXCLUDED = ['bank.rejected'];
/** at most this many transactions of the payee per occurrence of the series in its time span */
const MAX_PAYEE_DENSITY = 4;
/** below this many occurrences, a series among more unexplained transactions of its payee is a habit */
const SHORT_CHAIN = 6;
const ANNUAL_ONLY = [CADENCE_BY_NAME.annual];

interface GroupContext {
	baseKey: string;
	payee: string;
	calendar: BusinessCalendar;
	dataEnd: number;
	/** every transaction day of the payee, sorted */
	days: readonly number[];
	/** the payee's transactions (this direction), in date order */
	items: readonly Item[];
}

interface Found {
	series: RecurringSeries;
	chain: Chain;
	spec: CadenceSpec;
}

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
	const dataEnd = new Map<number, number>();
	for (const tx of txs) {
		let dn = dayCache.get(tx.date);
		if (dn === undefined) dayCache.set(tx.date, (dn = dayNumber(tx.date)));
		if (dn > asOf) continue;
		if (dn > (dataEnd.get(tx.accountId) ?? -Infinity)) dataEnd.set(tx.accountId, dn);
		if (tx.amount === 0 || excluded.has(tx.category)) continue;
		const raw = tx.payee && tx.payee.trim() !== '' ? tx.payee : `\u0000${tx.normalisedLabel}`;
		let pk = keyCache.get(raw);
		if (pk === undefined) keyCache.set(raw, (pk = payeeKey(tx.payee, tx.normalisedLabel)));
		const key = `${tx.accountId}:${tx.amount > 0 ? 'in' : 'out'}:${pk}`;
		let list = groups.get(key);
		if (!list) groups.set(key, (list = []));
		list.push({ tx, dn, abs: Math.abs(tx.amount) });
	}
	for (const [account, date] of Object.entries(options.coveredUntil ?? {})) {
		const dn = Math.min(asOf, dayNumber(date));
		if (dn > (dataEnd.get(Number(account)) ?? -Infinity)) dataEnd.set(Number(account), dn);
	}
	const found: RecurringSeries[] = [];
	for (const [baseKey, items] of groups) {
		if (items.length < 2) continue;
		const ctx: GroupContext = {
			baseKey,
			payee: payeeLabel(items),
			calendar,
			dataEnd: dataEnd.get(items[0].tx.accountId) ?? asOf,
			days: items.map((it) => it.dn).sort((a, b) => a - b),
			items: [...items].sort(cmpItem)
		};
		const candidates = withoutUnsteady(detectInGroup(items, ctx), ctx);
		const series = withoutHabits(withoutFalseEnds(candidates, ctx), ctx).map((f) => f.series);
		disambiguateKeys(series);
		found.push(...series);
	}
	found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	return found;
}

/** The payee as shown: the file's or rules' payee without the month words, else the label's key. */
function payeeLabel(items: readonly Item[]): string {
	const last = items[items.length - 1].tx;
	return last.payee && last.payee.trim() ? displayPayee(last.payee) : payeeKey(null, last.normalisedLabel);
}

function detectInGroup(items: readonly Item[], ctx: GroupContext): Found[] {
	const out: Found[] = [];
	for (const cluster of amountClusters(items)) {
		const f = evaluate(cluster, ctx);
		if (f) {
			out.push(f);
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
			const e = evaluate(exact, ctx);
			if (e) out.push(e);
		}
	}
	// yearly bills (tax balance, insurance) whose amount changes up to 10 % from one year to the next
	const used = new Set(out.flatMap((f) => f.chain.items));
	const rest = items.filter((it) => !used.has(it));
	if (rest.length >= 2) {
		for (const cluster of amountClusters(rest, ANNUAL_SPLIT_RATIO)) {
			const f = evaluate(cluster, ctx, ANNUAL_ONLY);
			if (f) out.push(f);
		}
	}
	return out;
}

/**
 * Two payments a year apart are a yearly bill only when nothing else of the payee comes between them,
 * and not for everyday spending or transfers between people (two gifts of similar amounts are no series).
 */
function isLikelyYearlyBill(chain: Chain, ctx: GroupContext): boolean {
	const [a, b] = chain.items;
	if (countInSpan(ctx.days, a.dn, b.dn) > 3) return false;
	const category = b.tx.category;
	return !category.startsWith('daily.') && !category.startsWith('transfer.');
}

function evaluate(items: Item[], ctx: GroupContext, specs?: readonly CadenceSpec[]): Found | null {
	if (items.length < 2) return null;
	const spec = pickCadence(items, specs);
	if (!spec) return null;
	const chains = buildChains(items, spec);
	for (let i = chains.length - 1; i >= 0 && i >= chains.length - 2; i--) {
		const c = chains[i];
		const span = countInSpan(ctx.days, c.items[0].dn, c.items[c.items.length - 1].dn);
		// a payee seen far more often than the series (a bakery, a supermarket) is a habit, not a series
		if (span > c.items.length * MAX_PAYEE_DENSITY) continue;
		if (!isValidChain(c, spec) || (c.items.length === 2 && !isLikelyYearlyBill(c, ctx))) continue;
		return { chain: c, spec, series: describeChain(c, spec, ctx) };
	}
	return null;
}

/**
 * Drops short chains lost among more of the payee's transactions that no series explains: three
 * purchases of the same amount at a supermarket visited every week are chance, not a series.
 */
function withoutHabits(found: Found[], ctx: GroupContext): Found[] {
	return found.filter((f) => {
		const n = f.chain.items.length;
		if (n >= SHORT_CHAIN) return true;
		const first = f.chain.items[0].dn;
		const last = f.chain.items[n - 1].dn;
		return countInSpan(ctx.days, first, last) - countExplained(found, first, last) <= n;
	});
}

/** Drops chains whose skipped slots the payee filled with other amounts (see `steadyWithFillers`). */
function withoutUnsteady(found: Found[], ctx: GroupContext): Found[] {
	if (found.length === 0) return found;
	const used = new Set(found.flatMap((f) => f.chain.items));
	const loose = ctx.items.filter((it) => !used.has(it));
	return found.filter((f) => steadyWithFillers(f.chain, f.spec, loose));
}

/**
 * An "ended" series whose payee keeps paying in the same direction afterwards has not ended: its amount
 * changed (a raise, temp-work pay). It is dropped; the newer payments make a series of their own once
 * steady, or an irregular income.
 */
function withoutFalseEnds(found: Found[], ctx: GroupContext): Found[] {
	const lastDay = ctx.days[ctx.days.length - 1];
	return found.filter((f) => {
		if (f.series.status !== 'ended') return true;
		return lastDay <= f.chain.items[f.chain.items.length - 1].dn + f.spec.days - f.spec.tolerance;
	});
}

function countExplained(found: readonly Found[], from: number, to: number): number {
	let count = 0;
	for (const f of found) for (const it of f.chain.items) if (it.dn >= from && it.dn <= to) count++;
	return count;
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
				const next = nominalStep(anchorDn, spec, 1, o.dayOfMonth);
				out.nextDate = isoFromDayNumber(bookingDay(calendar, next, s.shift, s.crossesMonth));
			}
		}
		return out;
	});
}

/** The series a projection should count: active and not dismissed. */
export function seriesForProjection(series: readonly RecurringSeries[]): RecurringSeries[] {
	return series.filter((s) => s.status === 'active' && s.review !== 'dismissed');
}

/** The source key (`in:KEY` / `out:KEY`) of a series, as `estimateVariableSpending` names irregular sources. */
export function seriesSourceKey(series: Pick<RecurringSeries, 'key'>): string {
	const [, direction, payee] = series.key.split(':');
	return `${direction}:${payee}`;
}
