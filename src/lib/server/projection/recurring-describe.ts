/**
 * Turns a chain of occurrences into a RecurringSeries: day of month, weekend shift, next date, typical
 * amount, confidence, and the status judged at the end of the account's data (not the clock): a series
 * is ended only when two expected occurrences are missing inside the imported period.
 */
import { formatDateFr } from '$lib/dates';
import { formatEur } from '$lib/money';
import type { Cadence, RecurringSeries } from './types';
import {
	type BusinessCalendar,
	civilFromDays,
	daysInMonth,
	isoFromDayNumber,
	monthDay,
	monthIndex,
	weekday
} from './calendar';
import { bookingDay, CADENCE_LABEL_FR, type CadenceSpec, nominalStep } from './cadence';
import { median, mode, robustMean } from './int-math';
import { amountChanges, type Chain, type Item } from './recurring-chain';

/** Nominal date (day number) closest to `dn` for a month-based cadence on `dom`. */
export function nearestMonthNominal(dn: number, dom: number): number {
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

function estimateDayOfMonth(items: readonly Item[], credit: boolean): number {
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

/**
 * The amount to expect next: the last one when the last two agree (an amount that changed — a CAF
 * recalculation, a new rent — stays changed), else the robust mean of the last six (a salary that varies
 * a little each month).
 */
function typicalAmount(items: readonly Item[]): number {
	const n = items.length;
	if (n >= 2 && Math.abs(items[n - 1].abs - items[n - 2].abs) <= items[n - 2].abs * 0.005) return items[n - 1].abs;
	return robustMean(items.slice(-6).map((it) => it.abs));
}

function mainCategory(items: readonly Item[]): string {
	const categories = new Map<string, number>();
	for (const it of items) categories.set(it.tx.category, (categories.get(it.tx.category) ?? 0) + 1);
	let category = items[items.length - 1].tx.category;
	let best = 0;
	for (const [c, count] of categories) {
		if (count > best) {
			best = count;
			category = c;
		}
	}
	return category;
}

export interface DescribeContext {
	baseKey: string;
	payee: string;
	calendar: BusinessCalendar;
	/** day number up to which the account's data goes (the status is judged there) */
	dataEnd: number;
}

export function describeChain(chain: Chain, spec: CadenceSpec, ctx: DescribeContext): RecurringSeries {
	const items = chain.items;
	const n = items.length;
	const credit = items[0].tx.amount > 0;
	let dayOfMonth: number | null = null;
	let nominalOf: (dn: number) => number;
	if (spec.months > 0) {
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
	const crossesMonth = items.some((it) => monthIndex(it.dn) !== monthIndex(nominalOf(it.dn)));
	const last = items[n - 1];
	const anchor = nominalOf(last.dn);
	const next1 = bookingDay(ctx.calendar, nominalStep(anchor, spec, 1, dayOfMonth), shift, crossesMonth);
	const next2 = bookingDay(ctx.calendar, nominalStep(anchor, spec, 2, dayOfMonth), shift, crossesMonth);
	// two expected occurrences missing inside the data (not before the clock): the series has stopped
	const ended = ctx.dataEnd > next2 + spec.tolerance;
	const typical = typicalAmount(items) * (credit ? 1 : -1);
	const signed = items.map((it) => it.tx.amount);
	const countScore = Math.min(1, (n - 1) / (spec.months === 12 ? 2 : 5));
	const regularity = n > 1 ? 1 - chain.irregular / (n - 1) : 0;
	const amountScore = 1 - Math.min(1, median(amountChanges(items)) / 0.1);
	const raw =
		0.2 + 0.35 * countScore + 0.25 * regularity + 0.2 * amountScore - (0.5 * (chain.missed + chain.extras)) / n;
	const lastDate = isoFromDayNumber(last.dn);
	return {
		key: ctx.baseKey,
		accountId: last.tx.accountId,
		payee: ctx.payee,
		category: mainCategory(items),
		cadence: spec.cadence as Cadence,
		amount: typical,
		amountMin: Math.min(...signed),
		amountMax: Math.max(...signed),
		dayOfMonth,
		anchorDate: isoFromDayNumber(anchor),
		shift,
		...(crossesMonth ? { crossesMonth } : {}),
		lastDate,
		nextDate: ended ? null : isoFromDayNumber(next1),
		occurrences: n,
		missed: chain.missed,
		confidence: Math.round(Math.max(0, Math.min(1, raw)) * 100) / 100,
		status: ended ? 'ended' : 'active',
		review: 'detected',
		transactionIds: items.map((it) => it.tx.id),
		explanation:
			`${n} ${credit ? 'versements' : 'prélèvements ou paiements'} de « ${ctx.payee} » ${CADENCE_LABEL_FR[spec.cadence]}, ` +
			`environ ${formatEur(Math.abs(typical))}, le dernier le ${formatDateFr(lastDate)}` +
			(chain.missed > 0
				? `, ${chain.missed === 1 ? 'une échéance sautée' : `${chain.missed} échéances sautées`} en route`
				: '') +
			(ended ? ' ; les deux suivants ne sont pas arrivés dans les relevés, la série semble terminée.' : '.')
	};
}
