/**
 * Cadence definitions and the generator of expected occurrence dates of a series, shared by
 * detection (status, next date), projection and alerts so they all agree on when a payment is due.
 */
import type { Cadence } from './types';
import { type BusinessCalendar, civilFromDays, dayNumber, monthDay, monthIndex } from './calendar';

export interface CadenceSpec {
	cadence: Cadence;
	/** mean interval in days */
	days: number;
	/** months per step for month-based cadences, 0 for weekly/biweekly */
	months: number;
	/** accepted deviation of one interval, in days (month lengths + weekend/holiday shifts) */
	tolerance: number;
	/** fewest occurrences needed to call it a series */
	minOccurrences: number;
}

export const CADENCES: readonly CadenceSpec[] = [
	{ cadence: 'weekly', days: 7, months: 0, tolerance: 2, minOccurrences: 3 },
	{ cadence: 'biweekly', days: 14, months: 0, tolerance: 3, minOccurrences: 3 },
	{ cadence: 'monthly', days: 30.44, months: 1, tolerance: 5, minOccurrences: 3 },
	{ cadence: 'bimonthly', days: 60.88, months: 2, tolerance: 7, minOccurrences: 3 },
	{ cadence: 'quarterly', days: 91.31, months: 3, tolerance: 10, minOccurrences: 3 },
	{ cadence: 'semiannual', days: 182.62, months: 6, tolerance: 14, minOccurrences: 3 },
	{ cadence: 'annual', days: 365.25, months: 12, tolerance: 20, minOccurrences: 2 }
];

export const CADENCE_BY_NAME: Readonly<Record<Cadence, CadenceSpec>> = Object.fromEntries(
	CADENCES.map((c) => [c.cadence, c])
) as Record<Cadence, CadenceSpec>;

/** French wording of a cadence, for messages. */
export const CADENCE_LABEL_FR: Readonly<Record<Cadence, string>> = {
	weekly: 'chaque semaine',
	biweekly: 'toutes les deux semaines',
	monthly: 'chaque mois',
	bimonthly: 'tous les deux mois',
	quarterly: 'chaque trimestre',
	semiannual: 'chaque semestre',
	annual: 'chaque année'
};

/** The k-th nominal date after an anchor (k ≥ 1), as a day number. `dayOfMonth` 31 means month end. */
export function nominalStep(anchor: number, spec: CadenceSpec, k: number, dayOfMonth: number | null): number {
	if (spec.months === 0) return anchor + k * spec.days;
	const { y, m, d } = civilFromDays(anchor);
	return monthDay(y, m, k * spec.months, dayOfMonth ?? d);
}

/**
 * The day the bank books an occurrence due on `nominal`: moved off weekends and holidays in the series'
 * direction, unless that leaves the month and the series never did so in the data.
 */
export function bookingDay(
	calendar: BusinessCalendar,
	nominal: number,
	shift: 'before' | 'after',
	crossesMonth = false
): number {
	const day = calendar.shift(nominal, shift);
	if (crossesMonth || monthIndex(day) === monthIndex(nominal)) return day;
	return calendar.shift(nominal, shift === 'before' ? 'after' : 'before');
}

export interface ExpectedOccurrence {
	/** 1 for the first occurrence after the anchor */
	index: number;
	/** nominal date (day number) before any weekend/holiday shift */
	nominal: number;
	/** the date the bank will likely book it (day number) */
	actual: number;
}

/**
 * Expected occurrences after `anchorDate` whose booking date is ≤ `untilDn`, shifted off non-business
 * days in the series' direction. Capped at `max` items.
 */
export function expectedOccurrences(
	series: {
		cadence: Cadence;
		anchorDate: string;
		dayOfMonth: number | null;
		shift: 'before' | 'after';
		crossesMonth?: boolean;
	},
	untilDn: number,
	calendar: BusinessCalendar,
	max = 1000
): ExpectedOccurrence[] {
	const spec = CADENCE_BY_NAME[series.cadence];
	const anchor = dayNumber(series.anchorDate);
	const out: ExpectedOccurrence[] = [];
	for (let k = 1; k <= max; k++) {
		const nominal = nominalStep(anchor, spec, k, series.dayOfMonth);
		const actual = bookingDay(calendar, nominal, series.shift, series.crossesMonth);
		if (actual > untilDn) break;
		out.push({ index: k, nominal, actual });
	}
	return out;
}
