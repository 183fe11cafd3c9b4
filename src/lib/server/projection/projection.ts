/**
 * Daily balance projection from the last known balance: recurring series, planned items (one-off or
 * recurring), usual variable spending and what-if changes, with the lowest point, the first overdraft day
 * and the likely overdraft cost. Pure: the caller loads data and passes it in.
 */
import type { Cents } from '$lib/money';
import type { IsoDate } from '$lib/dates';
import type { Cadence, RecurringSeries } from './types';
import { BusinessCalendar, civilFromDays, dayNumber, daysInMonth, isoFromDayNumber, monthDay } from './calendar';
import { CADENCE_BY_NAME, expectedOccurrences, nominalStep } from './cadence';
import { dailyShare, type IrregularSource, type VariableSpending } from './variable-spending';
import { overdraftCost, type OverdraftCost, type OverdraftSettings, type PresentedDebit } from './overdraft-cost';
import { balanceAge, type BalanceAge } from './freshness';

/** `irregular`: an irregular income or a varying monthly debit, placed on its usual day (estimate) */
export type EventSource = 'series' | 'planned' | 'irregular' | 'variable' | 'whatif';

/** A projected movement. `key` is stable for what-if moves and skips. */
export interface ProjectionEvent {
	key: string;
	date: IsoDate;
	label: string;
	/** cents, negative = debit */
	amount: Cents;
	source: EventSource;
	/** true when a series occurrence is late and placed on the first projected day */
	overdue?: boolean;
}

/** A planned item entered by hand: one-off, or recurring until an optional end date. */
export interface PlannedItem {
	/** stable id for event keys (default: position in the list) */
	id?: string | number;
	date: IsoDate;
	label: string;
	/** cents, negative = debit */
	amount: Cents;
	recurrence?: { cadence: Cadence; until?: IsoDate };
}

export interface WhatIf {
	moves?: { eventKey: string; newDate: IsoDate }[];
	skips?: string[];
	additions?: { date: IsoDate; label: string; amount: Cents }[];
}

export interface ProjectionInput {
	/** date of the last known balance; the projection starts the day after */
	from: IsoDate;
	/** cents */
	startBalance: Cents;
	/** number of days to project, 1..365 (90 by default in the UI) */
	days: number;
	/** series to count (pass `seriesForProjection(...)`: active, not dismissed) */
	series: readonly RecurringSeries[];
	planned?: readonly PlannedItem[];
	variableSpending?: VariableSpending | null;
	whatIf?: WhatIf;
	overdraft?: OverdraftSettings;
	/** extra non-working days */
	holidays?: readonly IsoDate[];
	/** how many days a late series occurrence is still expected (default: the cadence tolerance) */
	overdueGraceDays?: number;
	/** today: when given, the projection says how old its starting balance is (`balanceAge`) */
	asOf?: IsoDate;
}

export interface Projection {
	from: IsoDate;
	startBalance: Cents;
	/** end-of-day balances, one per projected day */
	days: { date: IsoDate; balance: Cents }[];
	lowest: { date: IsoDate; balance: Cents };
	firstOverdraft: IsoDate | null;
	/** sorted by date, then source, then key */
	events: ProjectionEvent[];
	overdraftCost: OverdraftCost;
	/** how old the starting balance is on `asOf` (null without `asOf`) */
	balanceAge: BalanceAge | null;
}

const SOURCE_ORDER: Record<EventSource, number> = { series: 0, planned: 1, whatif: 2, irregular: 3, variable: 4 };
export const MAX_PROJECTION_DAYS = 365;

function seriesEvents(
	s: RecurringSeries,
	startDn: number,
	endDn: number,
	calendar: BusinessCalendar,
	grace?: number
): ProjectionEvent[] {
	const out: ProjectionEvent[] = [];
	const lastDn = dayNumber(s.lastDate);
	const spec = CADENCE_BY_NAME[s.cadence];
	const g = grace ?? spec.tolerance;
	for (const occ of expectedOccurrences(s, endDn, calendar)) {
		if (occ.actual <= lastDn) continue;
		const nominal = isoFromDayNumber(occ.nominal);
		const base = { key: `s:${s.key}:${nominal}`, label: s.payee, amount: s.amount, source: 'series' as const };
		if (occ.actual >= startDn) out.push({ ...base, date: isoFromDayNumber(occ.actual) });
		else if (occ.actual >= startDn - 1 - g) out.push({ ...base, date: isoFromDayNumber(startDn), overdue: true });
	}
	return out;
}

function plannedEvents(p: PlannedItem, index: number, startDn: number, endDn: number): ProjectionEvent[] {
	const out: ProjectionEvent[] = [];
	const id = p.id ?? index;
	const first = dayNumber(p.date);
	const push = (dn: number) => {
		if (dn >= startDn && dn <= endDn) {
			out.push({
				key: `p:${id}:${isoFromDayNumber(dn)}`,
				date: isoFromDayNumber(dn),
				label: p.label,
				amount: p.amount,
				source: 'planned'
			});
		}
	};
	if (!p.recurrence) {
		push(first);
		return out;
	}
	const spec = CADENCE_BY_NAME[p.recurrence.cadence];
	const until = Math.min(endDn, p.recurrence.until ? dayNumber(p.recurrence.until) : endDn);
	const dom = spec.months > 0 ? civilFromDays(first).d : null;
	for (let k = 0; ; k++) {
		const dn = k === 0 ? first : nominalStep(first, spec, k, dom);
		if (dn > until) break;
		push(dn);
	}
	return out;
}

/**
 * An irregular source's expected payments: one on its usual day of each month, moved off weekends and
 * holidays towards the middle of the month (its typical month was counted by calendar month, so it stays
 * in its month), none in the first month when it already came or its day has passed.
 * A source that comes several times a month is spread over the month instead.
 */
function sourceEvents(src: IrregularSource, startDn: number, endDn: number, calendar: BusinessCalendar) {
	const out: ProjectionEvent[] = [];
	const credit = src.monthly > 0;
	const label = `${credit ? 'Revenu irrégulier' : 'Prélèvement variable'} (estimation) : ${src.label}`;
	const first = civilFromDays(startDn);
	const lastPaidMonth = src.lastDate.slice(0, 7);
	for (let k = 0; ; k++) {
		const monthStart = monthDay(first.y, first.m, k, 1);
		if (monthStart > endDn) break;
		const { y, m } = civilFromDays(monthStart);
		const dn = calendar.shift(monthDay(y, m, 0, src.day), src.day >= 15 ? 'before' : 'after');
		if (dn < startDn || dn > endDn) continue;
		if (k === 0 && isoFromDayNumber(monthStart).slice(0, 7) === lastPaidMonth) continue;
		const date = isoFromDayNumber(dn);
		out.push({ key: `i:${src.key}:${date.slice(0, 7)}`, date, label, amount: src.monthly, source: 'irregular' });
	}
	return out;
}

/** Everyday spending spread exactly over each month, the irregular sources and the yearly bills seen once. */
function variableEvents(v: VariableSpending, startDn: number, endDn: number, calendar: BusinessCalendar) {
	const events: ProjectionEvent[] = [];
	const spread = [...v.byCategory.map((c) => c.monthly)];
	for (const src of v.sources ?? []) {
		if (src.perMonth >= 2) spread.push(src.monthly);
		else events.push(...sourceEvents(src, startDn, endDn, calendar));
	}
	for (const y of v.yearly ?? []) {
		const dn = calendar.shift(dayNumber(y.expected), 'after');
		if (dn < startDn || dn > endDn) continue;
		const date = isoFromDayNumber(dn);
		const label = `Échéance annuelle probable (estimation) : ${y.label}`;
		events.push({ key: `y:${y.key}:${date.slice(0, 7)}`, date, label, amount: y.amount, source: 'irregular' });
	}
	if (spread.every((a) => a === 0)) return events;
	for (let dn = startDn; dn <= endDn; dn++) {
		const { y, m, d } = civilFromDays(dn);
		const n = daysInMonth(y, m);
		let amount = 0;
		for (const monthly of spread) amount += dailyShare(monthly, d, n);
		if (amount !== 0) {
			const date = isoFromDayNumber(dn);
			events.push({ key: `v:${date}`, date, label: 'Dépenses courantes (estimation)', amount, source: 'variable' });
		}
	}
	return events;
}

/**
 * Projects the daily balance for `days` days after `from`. Series occurrences land on their expected
 * booking date (weekend/holiday shifted); an occurrence already late by at most the grace is put on
 * the first day (`overdue`). Variable spending is spread over each calendar month exactly (the days of a
 * month add up to the monthly amount). The overdraft cost does not feed back into the balances.
 */
export function projectBalance(input: ProjectionInput): Projection {
	if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_PROJECTION_DAYS) {
		throw new RangeError(`days must be 1..${MAX_PROJECTION_DAYS}, got ${input.days}`);
	}
	if (!Number.isSafeInteger(input.startBalance)) throw new RangeError('startBalance must be integer cents');
	const calendar = new BusinessCalendar(input.holidays ?? []);
	const fromDn = dayNumber(input.from);
	const startDn = fromDn + 1;
	const endDn = fromDn + input.days;
	let events: ProjectionEvent[] = [];
	for (const s of input.series) {
		if (s.status !== 'active' || s.review === 'dismissed') continue;
		events.push(...seriesEvents(s, startDn, endDn, calendar, input.overdueGraceDays));
	}
	(input.planned ?? []).forEach((p, i) => events.push(...plannedEvents(p, i, startDn, endDn)));
	if (input.variableSpending) events.push(...variableEvents(input.variableSpending, startDn, endDn, calendar));
	const w = input.whatIf;
	if (w) {
		const skips = new Set(w.skips ?? []);
		const moves = new Map((w.moves ?? []).map((m) => [m.eventKey, m.newDate]));
		events = events
			.filter((e) => !skips.has(e.key))
			.map((e) => (moves.has(e.key) ? { ...e, date: moves.get(e.key) as IsoDate, overdue: undefined } : e))
			.filter((e) => {
				const dn = dayNumber(e.date);
				return dn >= startDn && dn <= endDn;
			});
		(w.additions ?? []).forEach((a, i) => {
			const dn = dayNumber(a.date);
			if (dn >= startDn && dn <= endDn) {
				events.push({ key: `w:${i}:${a.date}`, date: a.date, label: a.label, amount: a.amount, source: 'whatif' });
			}
		});
	}
	for (const e of events) if (e.overdue === undefined) delete e.overdue;
	events.sort(
		(a, b) =>
			(a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
			SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] ||
			(a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
	);
	// credits of a day come first: banks book incoming transfers before the day's debits
	const days: { date: IsoDate; balance: Cents }[] = [];
	const debits: PresentedDebit[] = [];
	let balance = input.startBalance;
	let ei = 0;
	for (let dn = startDn; dn <= endDn; dn++) {
		const date = isoFromDayNumber(dn);
		const start = ei;
		while (ei < events.length && events[ei].date === date) ei++;
		for (let i = start; i < ei; i++) if (events[i].amount > 0) balance += events[i].amount;
		for (let i = start; i < ei; i++) {
			const e = events[i];
			if (e.amount >= 0) continue;
			balance += e.amount;
			debits.push({ date, amount: e.amount, balanceAfter: balance, chargeable: e.source !== 'variable' });
		}
		days.push({ date, balance });
	}
	let lowest = days[0];
	let firstOverdraft: IsoDate | null = null;
	for (const d of days) {
		if (d.balance < lowest.balance) lowest = d;
		if (firstOverdraft === null && d.balance < 0) firstOverdraft = d.date;
	}
	return {
		from: input.from,
		startBalance: input.startBalance,
		days,
		lowest: { ...lowest },
		firstOverdraft,
		events,
		overdraftCost: overdraftCost(days, debits, input.overdraft ?? { limit: null, rateBp: null }),
		balanceAge: input.asOf ? balanceAge(input.from, input.asOf) : null
	};
}
