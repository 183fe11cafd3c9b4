/**
 * Fast integer calendar arithmetic for the recurring and projection engines: an IsoDate becomes a day
 * number (days since 1970-01-01), so ten years of transactions are handled without Date objects.
 * Also French public holidays (Easter-based ones included) and bank business days.
 */
import type { IsoDate } from '$lib/dates';

/** Days since 1970-01-01 for an IsoDate `YYYY-MM-DD` (proleptic Gregorian, no time zone involved). */
export function dayNumber(iso: IsoDate): number {
	const y = Number(iso.slice(0, 4));
	const m = Number(iso.slice(5, 7));
	const d = Number(iso.slice(8, 10));
	if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || iso.length !== 10) {
		throw new RangeError(`invalid date: ${iso}`);
	}
	return daysFromCivil(y, m, d);
}

/** Days since 1970-01-01 for a year, month (1-12) and day. */
export function daysFromCivil(y: number, m: number, d: number): number {
	const yy = m <= 2 ? y - 1 : y;
	const era = Math.floor(yy / 400);
	const yoe = yy - era * 400;
	const mp = (m + 9) % 12;
	const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

/** Year, month (1-12) and day of a day number. */
export function civilFromDays(n: number): { y: number; m: number; d: number } {
	const z = n + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const m = mp < 10 ? mp + 3 : mp - 9;
	return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** The IsoDate of a day number. */
export function isoFromDayNumber(n: number): IsoDate {
	const { y, m, d } = civilFromDays(n);
	return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Day of week of a day number: 0 = Sunday … 6 = Saturday. */
export function weekday(n: number): number {
	return (((n + 4) % 7) + 7) % 7;
}

/** Number of days in a month (month 1-12). */
export function daysInMonth(y: number, m: number): number {
	return daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);
}

/** Day number of `day` (clamped to the month's length) in the month `months` after (y, m). */
export function monthDay(y: number, m: number, months: number, day: number): number {
	const idx = y * 12 + (m - 1) + months;
	const ny = Math.floor(idx / 12);
	const nm = idx - ny * 12 + 1;
	return daysFromCivil(ny, nm, Math.min(day, daysInMonth(ny, nm)));
}

/** Month index (year × 12 + month − 1) of a day number, to compare months cheaply. */
export function monthIndex(n: number): number {
	const { y, m } = civilFromDays(n);
	return y * 12 + m - 1;
}

/** Easter Sunday (Gregorian, anonymous algorithm) as a day number. */
export function easterSunday(year: number): number {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const mm = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * mm + 114) / 31);
	const day = ((h + l - 7 * mm + 114) % 31) + 1;
	return daysFromCivil(year, month, day);
}

const holidayCache = new Map<number, ReadonlySet<number>>();

/**
 * The 11 French national public holidays of a year as day numbers: 1 Jan, Easter Monday, 1 May, 8 May,
 * Ascension, Whit Monday, 14 Jul, 15 Aug, 1 Nov, 11 Nov, 25 Dec (Code du travail L3133-1).
 */
export function frenchPublicHolidays(year: number): ReadonlySet<number> {
	const cached = holidayCache.get(year);
	if (cached) return cached;
	const easter = easterSunday(year);
	const set = new Set<number>([
		daysFromCivil(year, 1, 1),
		easter + 1,
		daysFromCivil(year, 5, 1),
		daysFromCivil(year, 5, 8),
		easter + 39,
		easter + 50,
		daysFromCivil(year, 7, 14),
		daysFromCivil(year, 8, 15),
		daysFromCivil(year, 11, 1),
		daysFromCivil(year, 11, 11),
		daysFromCivil(year, 12, 25)
	]);
	holidayCache.set(year, set);
	return set;
}

/** Which days banks do not work: weekends, French public holidays and optional extra dates. */
export class BusinessCalendar {
	private readonly extra: ReadonlySet<number>;

	/** `extraHolidays`: more non-working days (e.g. Good Friday and 26 Dec in Alsace-Moselle). */
	constructor(extraHolidays: readonly IsoDate[] = []) {
		this.extra = new Set(extraHolidays.map(dayNumber));
	}

	/** True on a weekday that is not a holiday. */
	isBusinessDay(n: number): boolean {
		const wd = weekday(n);
		if (wd === 0 || wd === 6) return false;
		if (this.extra.has(n)) return false;
		return !frenchPublicHolidays(civilFromDays(n).y).has(n);
	}

	/** `n` itself if it is a business day, else the closest business day before (`before`) or after. */
	shift(n: number, direction: 'before' | 'after'): number {
		let x = n;
		const step = direction === 'before' ? -1 : 1;
		while (!this.isBusinessDay(x)) x += step;
		return x;
	}

	/** Number of business days in (a, b] (0 when b ≤ a). */
	businessDaysBetween(a: number, b: number): number {
		let count = 0;
		for (let x = a + 1; x <= b; x++) if (this.isBusinessDay(x)) count++;
		return count;
	}
}
