/**
 * Reads the dates banks write (dd/mm/yyyy, dd/mm/yy, ISO with or without a time, OFX yyyymmdd…, QIF
 * M/D'YY) into IsoDate without going through a time zone, and decides dd/mm vs mm/dd from a whole column.
 */
import type { IsoDate } from '$lib/dates';
import { ImportError, NeedsDateOrderError } from './errors';
import type { DateOrder } from './types';

const PARTS =
	/^(\d{1,4})\s*[/.\-'](\s*\d{1,2})\s*[/.\-'](\s*\d{2,4})(?:(?:[ T]|\s+)\d{1,2}[:h]\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function year(y: string): number {
	const n = Number(y);
	if (y.length === 2) return n < 70 ? 2000 + n : 1900 + n;
	return n;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function iso(y: number, m: number, d: number): IsoDate | null {
	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
	const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
	if (d > (m === 2 && leap ? 29 : DAYS[m - 1])) return null;
	return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** True when the text has the shape of a date (so an invalid one is an error rather than a non-date row). */
export function looksLikeDate(text: string): boolean {
	return PARTS.test(text.trim()) || /^\d{8}$/.test(text.trim());
}

/**
 * Parses a date cell. A 4-digit first part always means year-first; otherwise `order` says whether the
 * day or the month comes first. Returns null when the text is not a valid date.
 */
export function parseDateText(text: string, order: DateOrder): IsoDate | null {
	const t = text.trim();
	const m = PARTS.exec(t);
	if (!m) {
		if (/^\d{8}$/.test(t) && order === 'ymd')
			return iso(Number(t.slice(0, 4)), Number(t.slice(4, 6)), Number(t.slice(6, 8)));
		return null;
	}
	const a = m[1].trim();
	const b = Number(m[2].trim());
	const c = m[3].trim();
	if (a.length === 4) return c.length <= 2 ? iso(Number(a), b, Number(c)) : null;
	if (a.length === 3 || c.length === 3) return null;
	if (order === 'mdy') return iso(year(c), Number(a), b);
	if (order === 'ymd') return a.length === 2 && c.length === 2 ? iso(year(a), b, Number(c)) : null;
	return iso(year(c), b, Number(a));
}

/** Reads the date part of an OFX date (`YYYYMMDD[HHMMSS[.XXX]][[+1:CET]]`), without shifting through UTC. */
export function parseOfxDate(text: string): IsoDate | null {
	const m = /^\s*(\d{4})(\d{2})(\d{2})/.exec(text);
	return m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** Reads an ISO date or date-time (`2023-01-25`, `2023-01-25T00:49:36+01:00`): the calendar date as written. */
export function parseIsoDateTime(text: string): IsoDate | null {
	const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(text);
	return m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/**
 * Decides the order of a column of dates from all its values: year-first when the first part has 4 digits,
 * day-first when a first part exceeds 12, month-first when a second part does. Returns null when ambiguous.
 * Throws ImportError when the column mixes incompatible values.
 */
export function detectDateOrder(values: { text: string; line: number }[]): DateOrder | null {
	let ymd = 0;
	let dmyOnly: number | null = null;
	let mdyOnly: number | null = null;
	let others = 0;
	for (const { text, line } of values) {
		const m = PARTS.exec(text.trim());
		if (!m) continue;
		const a = m[1].trim();
		if (a.length === 4) {
			ymd++;
			continue;
		}
		others++;
		const x = Number(a);
		const y = Number(m[2].trim());
		if (x > 12 && y <= 12) dmyOnly ??= line;
		else if (y > 12 && x <= 12) mdyOnly ??= line;
		else if (x > 12 && y > 12) {
			throw new ImportError(`Ligne ${line} : date illisible « ${text.trim()} ».`, line);
		}
	}
	if (ymd > 0 && others === 0) return 'ymd';
	if (dmyOnly !== null && mdyOnly !== null) {
		throw new ImportError(
			`Ligne ${Math.max(dmyOnly, mdyOnly)} : les dates de ce fichier mélangent les formats jour/mois et mois/jour.`,
			Math.max(dmyOnly, mdyOnly)
		);
	}
	if (dmyOnly !== null) return 'dmy';
	if (mdyOnly !== null) return 'mdy';
	if (others === 0) return ymd > 0 ? 'ymd' : null;
	return null;
}

/** Like detectDateOrder, but asks (NeedsDateOrderError) when ambiguous and no order was given. */
export function requireDateOrder(values: { text: string; line: number }[], given: DateOrder | undefined): DateOrder {
	const found = detectDateOrder(values);
	if (found) return found;
	if (given) return given;
	const samples = values
		.map((v) => v.text.trim())
		.filter((s) => s !== '')
		.slice(0, 5);
	if (samples.length === 0) return 'dmy';
	throw new NeedsDateOrderError(['dmy', 'mdy'], samples, values[0]?.line ?? null);
}

/** A date written in a label, its year missing when the label gives none. */
export interface LabelDate {
	d: number;
	m: number;
	y: number | null;
}

/** The operation date a label writes (see operationDateFromLabel), before the booking date settles it; null when none. */
export function labelDateCandidate(label: string): LabelDate | null {
	if (!/\d{2}[/.]\d{2}|\d{6}/.test(label)) return null;
	let m: RegExpExecArray | null;
	if (
		(m = /\bCARTE\s+(?:[A-Z0-9]{1,10}\s+)?(\d{2})\/(\d{2})(?:\/(\d{2}))?\b/.exec(label)) ||
		(m = /\bFACTURE CARTE DU (\d{2})(\d{2})(\d{2})\b/.exec(label)) ||
		(m = /\bFACT (\d{2})(\d{2})(\d{2})\b/.exec(label)) ||
		(m = /^(\d{2})(\d{2})(\d{2}) CB\*+\d{4}/.exec(label)) ||
		(m = /\b(\d{2})\.(\d{2})\.(\d{2})\s*$/.exec(label)) ||
		(m = /\b(\d{2})\/(\d{2})\/(\d{2})\s*$/.exec(label))
	) {
		return { d: Number(m[1]), m: Number(m[2]), y: m[3] ? year(m[3]) : null };
	}
	return null;
}

/** The label's date for this booking date: on or within 60 days before it, else null. */
export function settleLabelDate(c: LabelDate | null, booking: IsoDate): IsoDate | null {
	if (c === null) return null;
	// called for every row of a statement: no array of candidate years
	const by = Number(booking.slice(0, 4));
	const d = iso(c.y ?? by, c.m, c.d);
	if (d && d <= booking && daysBetween(d, booking) <= 60) return d;
	if (c.y !== null) return null;
	const before = iso(by - 1, c.m, c.d);
	return before && before <= booking && daysBetween(before, booking) <= 60 ? before : null;
}

/**
 * Finds the real operation (card) date in a label (CARTE 12/12, FACTURE CARTE DU 010826, FACT 190323,
 * trailing dd/mm/yy, dd.mm.yy, leading ddmmyy CB*): it must fall on or within 60 days before the booking date.
 */
export function operationDateFromLabel(label: string, booking: IsoDate): IsoDate | null {
	return settleLabelDate(labelDateCandidate(label), booking);
}

/** Whole days from a to b (b later gives a positive number), computed on the calendar, not on clocks. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
	const ta = Date.UTC(Number(a.slice(0, 4)), Number(a.slice(5, 7)) - 1, Number(a.slice(8, 10)));
	const tb = Date.UTC(Number(b.slice(0, 4)), Number(b.slice(5, 7)) - 1, Number(b.slice(8, 10)));
	return Math.round((tb - ta) / 86_400_000);
}
