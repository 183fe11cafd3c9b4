/**
 * Calendar helpers. Calendar dates are `YYYY-MM-DD` strings (IsoDate), months `YYYY-MM`, instants UTC
 * ISO strings. Dates are never parsed with `new Date('YYYY-MM-DD')` (UTC); date-fns works in local time.
 */
import { isValid } from 'date-fns';

export type IsoDate = string;
export type IsoMonth = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
	const m = ISO_DATE.exec(s);
	if (!m) return false;
	const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
	return d.getFullYear() === Number(m[1]) && d.getMonth() === Number(m[2]) - 1 && d.getDate() === Number(m[3]);
}

/** A local Date at midnight for an IsoDate. Throws on an invalid date. */
export function isoToDate(s: IsoDate): Date {
	const m = ISO_DATE.exec(s);
	if (!m) throw new RangeError(`invalid date: ${s}`);
	const d = new Date(2000, 0, 1);
	d.setFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
	if (d.getMonth() !== Number(m[2]) - 1 || d.getDate() !== Number(m[3])) throw new RangeError(`invalid date: ${s}`);
	return d;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const ymd = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;

/** The IsoDate of a local Date. */
export function dateToIso(d: Date): IsoDate {
	if (!isValid(d)) throw new RangeError('invalid date');
	return ymd(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** Adds (or subtracts) months to a `YYYY-MM` month. */
export function addMonthsIso(month: IsoMonth, delta: number): IsoMonth {
	const idx = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
	return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

/**
 * Adds days to an IsoDate (whole days; a calendar has no daylight saving time, so the arithmetic is done
 * in UTC). Hot path of the forecast and the caseload: no parsing library.
 */
export function addDaysIso(s: IsoDate, days: number): IsoDate {
	const m = ISO_DATE.exec(s);
	if (!m || !Number.isFinite(days)) throw new RangeError(`invalid date: ${s}`);
	const y = Number(m[1]);
	const mo = Number(m[2]) - 1;
	const day = Number(m[3]);
	const d = new Date(0);
	d.setUTCFullYear(y, mo, day);
	if (d.getUTCMonth() !== mo || d.getUTCDate() !== day) throw new RangeError(`invalid date: ${s}`);
	d.setUTCDate(day + Math.trunc(days));
	return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const parisDay = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Paris',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** Today's date in Paris (the households' calendar), from an injectable clock. */
export function today(now: Date = new Date()): IsoDate {
	return parisDay.format(now);
}

/** The current instant as UTC ISO text. */
export function nowInstant(now: Date = new Date()): string {
	return now.toISOString();
}

/** "28/11/2026" */
export function formatDateFr(s: IsoDate): string {
	const m = ISO_DATE.exec(s);
	if (!m) return s;
	return `${m[3]}/${m[2]}/${m[1]}`;
}

const instantFormatter = new Intl.DateTimeFormat('fr-FR', {
	timeZone: 'Europe/Paris',
	dateStyle: 'short',
	timeStyle: 'short'
});

/** "28/11/2026 14:05" in Paris time, from a UTC instant. */
export function formatInstantFr(instant: string): string {
	const d = new Date(instant);
	return isValid(d) ? instantFormatter.format(d) : instant;
}

const monthFormatter = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "novembre 2026" for "2026-11". */
export function formatMonthFr(month: IsoMonth): string {
	const [y, m] = month.split('-').map(Number);
	return monthFormatter.format(new Date(Date.UTC(y, m - 1, 15)));
}
