/**
 * The real operation date a bank label carries (card payments are booked days later): read as candidates
 * from the label, then settled with the booking date, which gives the year when the label has none.
 * Part of label normalisation (normalise.ts).
 */
import type { IsoDate } from '$lib/dates';
import type { OperationType } from './types';

/** A date read from a label, before the booking date gives it a year: [dd, mm, yy or undefined]. */
export type DateParts = readonly [string, string, string | undefined];

function daysFromCivil(y: number, m: number, d: number): number {
	return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(y: number, m: number, d: number): boolean {
	if (!Number.isInteger(y) || m < 1 || m > 12 || d < 1) return false;
	const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
	return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]);
}

/**
 * Days since 1970-01-01 of a valid day, as daysFromCivil gives them, by arithmetic (H. Hinnant's
 * days_from_civil); years 0–99, which Date.UTC reads as 1900–1999, still go through Date.UTC.
 */
function civilDays(y: number, m: number, d: number): number {
	if (y >= 0 && y <= 99) return daysFromCivil(y, m, d);
	const yy = m <= 2 ? y - 1 : y;
	const era = Math.floor(yy / 400);
	const yoe = yy - era * 400;
	const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
	return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** "00" … "31". */
const TWO_DIGITS = Array.from({ length: 32 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** 'YYYY-MM-DD' of a valid day (the year zero-padded to four digits). */
function iso(y: number, m: number, d: number): IsoDate {
	const year = y >= 1000 ? String(y) : String(y).padStart(4, '0');
	return `${year}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}`;
}

const RE_BOOKING = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Booking dates already parsed: a statement's rows share a few dozen booking dates. */
const bookings = new Map<string, { year: number; days: number } | null>();

function parseBooking(bookingDate: IsoDate): { year: number; days: number } | null {
	let parts = bookings.get(bookingDate);
	if (parts === undefined) {
		const b = RE_BOOKING.exec(bookingDate);
		parts = b ? { year: Number(b[1]), days: daysFromCivil(Number(b[1]), Number(b[2]), Number(b[3])) } : null;
		if (bookings.size >= 4096) bookings.clear();
		bookings.set(bookingDate, parts);
	}
	return parts;
}

/** The day of a year without one in the label, if it is on or before the booking date and less than 60 days before. */
function within60Days(y: number, m: number, d: number, bookingDays: number): IsoDate | null {
	if (!validDay(y, m, d)) return null;
	const gap = bookingDays - civilDays(y, m, d);
	return gap >= 0 && gap < 60 ? iso(y, m, d) : null;
}

/**
 * Builds the operation date. With a 2- or 4-digit year it is taken as is; without one, the year is the
 * one that puts the date on or before the booking date and less than 60 days before it (Dec → Jan).
 */
function buildDate(dd: string, mm: string, yy: string | undefined, bookingDate: IsoDate | undefined): IsoDate | null {
	const year = yy === undefined ? null : yy.length === 4 ? Number(yy) : 2000 + Number(yy);
	return dateOf(Number(dd), Number(mm), year, bookingDate);
}

/** buildDate on numbers: the year is null when the label gives none. */
function dateOf(d: number, m: number, year: number | null, bookingDate: IsoDate | undefined): IsoDate | null {
	if (year !== null) return validDay(year, m, d) ? iso(year, m, d) : null;
	if (bookingDate === undefined) return null;
	const b = parseBooking(bookingDate);
	if (b === null) return null;
	return within60Days(b.year, m, d, b.days) ?? within60Days(b.year - 1, m, d, b.days);
}

function digitAt(s: string, i: number): number {
	const c = s.charCodeAt(i) - 48;
	return c >= 0 && c <= 9 ? c : -1;
}

/** The two digits at i and i + 1 as a number, or -1. */
function twoDigitsAt(s: string, i: number): number {
	const a = digitAt(s, i);
	const b = a < 0 ? -1 : digitAt(s, i + 1);
	return b < 0 ? -1 : a * 10 + b;
}

function endsToken(s: string, i: number): boolean {
	return i === s.length || s.charCodeAt(i) === 32;
}

/**
 * The first "dd/mm", "dd/mm/yy" or "dd/mm/yyyy" token of a folded label (the regex of DATE_PATTERNS[3], read
 * by hand from the first '/'), as the date it makes for this booking date; undefined when the label has none.
 */
function slashDate(s: string, firstSlash: number, bookingDate: IsoDate | undefined): IsoDate | null | undefined {
	for (let i = firstSlash; i !== -1; i = s.indexOf('/', i + 1)) {
		if (i < 2 || (i > 2 && s.charCodeAt(i - 3) !== 32)) continue;
		const d = twoDigitsAt(s, i - 2);
		const m = d < 0 ? -1 : twoDigitsAt(s, i + 1);
		if (m < 0) continue;
		if (s.charCodeAt(i + 3) === 47 /* / */) {
			const hi = twoDigitsAt(s, i + 4);
			if (hi >= 0) {
				const lo = twoDigitsAt(s, i + 6);
				if (lo >= 0 && endsToken(s, i + 8)) return dateOf(d, m, hi * 100 + lo, bookingDate);
				if (endsToken(s, i + 6)) return dateOf(d, m, 2000 + hi, bookingDate);
			}
			continue;
		}
		if (endsToken(s, i + 3)) return dateOf(d, m, null, bookingDate);
	}
	return undefined;
}

/** Where a label has its first '/' and '.' (-1 when none), and whether it has rare text (see normalise.ts). */
export interface LabelMarks {
	slash: number;
	dot: number;
	/** False when the label has none of "FR" + two digits, "DU ", "FACT ", "MANDAT", "RUM", "MDT/". */
	rare: boolean;
}

interface DatePattern {
	re: RegExp;
	cardOnly: boolean;
	/** Cheap pre-check (text the pattern needs) so the regex only runs when it can match. */
	may: (s: string, marks: LabelMarks) => boolean;
}

const DATE_PATTERNS: readonly DatePattern[] = [
	{
		re: /\b(?:FACTURE CARTE|REMBOURST CB) DU (\d{2})(\d{2})(\d{2})\b/,
		cardOnly: false,
		may: (s, m) => m.rare && s.includes('DU ')
	},
	{ re: /\bFACT (\d{2})(\d{2})(\d{2})\b/, cardOnly: false, may: (s, m) => m.rare && s.includes('FACT ') },
	{
		re: /^(\d{2})(\d{2})(\d{2}) CB\*+\d{4}/,
		cardOnly: false,
		may: (s) => s.charCodeAt(0) >= 48 && s.charCodeAt(0) <= 57
	},
	{ re: /(?:^|\s)(\d{2})\/(\d{2})(?:\/(\d{4}|\d{2}))?(?=\s|$)/, cardOnly: true, may: (_s, m) => m.slash !== -1 },
	{ re: /(?:^|\s)(\d{2})\.(\d{2})\.(\d{2})(?=\s|$)/, cardOnly: true, may: (_s, m) => m.dot !== -1 },
	{
		re: /^(?:PAIEMENT (?:CB|PSC)|RETRAIT DAB) (\d{2})(\d{2})\b/,
		cardOnly: true,
		may: (s) => s.startsWith('PAIEMENT') || s.startsWith('RETRAIT')
	},
	{
		re: /\bECH\/(\d{2})(\d{2})(\d{2})\b/,
		cardOnly: false,
		may: (s, m) => m.slash !== -1 && s.includes('ECH/', m.slash - 3)
	}
];

const NO_DATES: readonly DateParts[] = Object.freeze([]);
/** Index in DATE_PATTERNS of the "dd/mm[/yy]" pattern, which cardDateOf reads by hand (slashDate). */
const SLASH_PATTERN = 3;

function isCardLike(type: OperationType): boolean {
	return type === 'card' || type === 'cash_withdrawal' || type === 'refund';
}

/**
 * The date-pattern matches of a label, in the order dateFromCandidates tries them. They depend on the label
 * and its type only, so they can be kept with a cached analysis; the booking date picks among them.
 */
export function dateCandidates(s: string, type: OperationType, marks: LabelMarks): readonly DateParts[] {
	const cardLike = isCardLike(type);
	let out: DateParts[] | null = null;
	for (const { re, cardOnly, may } of DATE_PATTERNS) {
		if (cardOnly && !cardLike) continue;
		if (!may(s, marks)) continue;
		const m = re.exec(s);
		if (m) (out ??= []).push([m[1], m[2], m[3]]);
	}
	return out ?? NO_DATES;
}

/** The first candidate that makes a valid date for this booking date (see buildDate). */
export function dateFromCandidates(candidates: readonly DateParts[], bookingDate: IsoDate | undefined): IsoDate | null {
	for (const [dd, mm, yy] of candidates) {
		const date = buildDate(dd, mm, yy, bookingDate);
		if (date) return date;
	}
	return null;
}

/** dateFromCandidates(dateCandidates(…)) without reading the patterns after the first valid date. */
export function cardDateOf(
	s: string,
	type: OperationType,
	marks: LabelMarks,
	bookingDate: IsoDate | undefined
): IsoDate | null {
	const cardLike = isCardLike(type);
	for (let k = 0; k < DATE_PATTERNS.length; k++) {
		const { re, cardOnly, may } = DATE_PATTERNS[k];
		if (cardOnly && !cardLike) continue;
		if (!may(s, marks)) continue;
		if (k === SLASH_PATTERN) {
			const date = slashDate(s, marks.slash, bookingDate);
			if (date) return date;
			continue;
		}
		const m = re.exec(s);
		if (m) {
			const date = buildDate(m[1], m[2], m[3], bookingDate);
			if (date) return date;
		}
	}
	return null;
}
