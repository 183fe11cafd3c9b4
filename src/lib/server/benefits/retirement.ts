/**
 * The legal retirement age of a person's generation (CSS, art. L161-17-2), where the AAH at 50–79 % ends:
 * 62 for people born before September 1961, then three months more per generation (loi n° 2023-270),
 * frozen for the generations 1964 to 1968 from 2026-09-01 (suspension by the LFSS 2026). The ages are
 * dated parameters in months, one key per generation; this module only maps a birth date to its key.
 */
import type { IsoDate } from '$lib/dates';

/** [first birth date of the generation, parameter key], latest first. */
const GENERATIONS: readonly (readonly [IsoDate, string])[] = [
	['1969-01-01', 'retirement.legal_age_months.from_1969'],
	['1968-01-01', 'retirement.legal_age_months.1968'],
	['1967-01-01', 'retirement.legal_age_months.1967'],
	['1966-01-01', 'retirement.legal_age_months.1966'],
	['1965-04-01', 'retirement.legal_age_months.1965_04_12'],
	['1965-01-01', 'retirement.legal_age_months.1965_01_03'],
	['1964-01-01', 'retirement.legal_age_months.1964'],
	['1963-01-01', 'retirement.legal_age_months.1963'],
	['1962-01-01', 'retirement.legal_age_months.1962'],
	['1961-09-01', 'retirement.legal_age_months.1961_09_12']
];
const BEFORE_SEPTEMBER_1961 = 'retirement.legal_age_months.until_1961_08';

/** The parameter key of the legal retirement age (in months) of someone born on `birth`. */
export function legalAgeKey(birth: IsoDate): string {
	return GENERATIONS.find(([from]) => birth >= from)?.[1] ?? BEFORE_SEPTEMBER_1961;
}

/** Whole months between `birth` and `date` (IsoDates). */
export function monthsOld(birth: IsoDate, date: IsoDate): number {
	const months =
		(Number(date.slice(0, 4)) - Number(birth.slice(0, 4))) * 12 +
		(Number(date.slice(5, 7)) - Number(birth.slice(5, 7)));
	return date.slice(8) < birth.slice(8) ? months - 1 : months;
}

/** 750 → « 62 ans et 6 mois », 744 → « 62 ans ». */
export function ageInWords(months: number): string {
	const years = Math.floor(months / 12);
	const rest = months % 12;
	return rest === 0 ? `${years} ans` : `${years} ans et ${rest} mois`;
}
