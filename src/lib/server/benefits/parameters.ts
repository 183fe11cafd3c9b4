/**
 * The resolver of the dated parameter table: the version of a key in force at a month, its exact Decimal
 * value, and the checks an admin-edited table must pass (decimal values, valid dates, no overlap). The
 * data itself is in parameter-data*.ts. Formulas never hold a number: every amount, rate, age or
 * threshold comes from the table, so an admin can add a dated version without code.
 */
import Decimal from 'decimal.js';
import { addMonthsIso, type IsoDate } from '$lib/dates';
import type { BenefitParameter } from './types';

export { DEFAULT_BENEFIT_PARAMETERS, PARAMETER_COVERAGE_START } from './parameter-data';

/**
 * The placeholder start date the first parameter table gave values long in force (before 2026-12). The
 * table now gives real dates; migration 2026-12-02_101 re-dates the rows that still carry it.
 */
export const UNKNOWN_START: IsoDate = '1990-01-01';

/** Thrown when no version of a parameter is in force at the requested date. */
export class BenefitParameterError extends Error {
	constructor(
		message: string,
		readonly key: string,
		readonly date: IsoDate
	) {
		super(message);
		this.name = 'BenefitParameterError';
	}
}

/** `YYYY-MM` or `YYYY-MM-DD` → the IsoDate looked up (first day of a month). */
function toLookupDate(month: string): IsoDate {
	if (/^\d{4}-\d{2}$/.test(month)) return `${month}-01`;
	if (/^\d{4}-\d{2}-\d{2}$/.test(month)) return month;
	throw new RangeError(`mois invalide « ${month} » (attendu AAAA-MM ou AAAA-MM-JJ)`);
}

const indexCache = new WeakMap<readonly BenefitParameter[], Map<string, BenefitParameter[]>>();

/** Versions of each key, latest effectiveFrom first (built once per parameter array). */
function indexOf(params: readonly BenefitParameter[]): Map<string, BenefitParameter[]> {
	let index = indexCache.get(params);
	if (!index) {
		index = new Map();
		for (const row of params) {
			const list = index.get(row.key);
			if (list) list.push(row);
			else index.set(row.key, [row]);
		}
		for (const list of index.values()) list.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
		indexCache.set(params, index);
	}
	return index;
}

const lookupCache = new WeakMap<readonly BenefitParameter[], Map<string, BenefitParameter>>();
const valueCache = new WeakMap<BenefitParameter, Decimal>();

/**
 * The version of `key` in force at `month` (`YYYY-MM` → its first day, or an IsoDate). Throws if none.
 * Lookups are memoised per parameter array: treat an array as immutable (an edit makes a new array).
 */
export function parameterVersionAt(params: readonly BenefitParameter[], key: string, month: string): BenefitParameter {
	let cache = lookupCache.get(params);
	if (!cache) {
		cache = new Map();
		lookupCache.set(params, cache);
	}
	const cacheKey = `${key}|${month}`;
	const hit = cache.get(cacheKey);
	if (hit) return hit;
	const date = toLookupDate(month);
	const versions = indexOf(params).get(key);
	if (!versions) {
		throw new BenefitParameterError(`Paramètre « ${key} » inconnu de la table des paramètres.`, key, date);
	}
	for (const v of versions) {
		if (v.effectiveFrom <= date && (v.effectiveTo == null || date <= v.effectiveTo)) {
			cache.set(cacheKey, v);
			return v;
		}
	}
	throw new BenefitParameterError(
		`Paramètre « ${key} » : aucune valeur en vigueur au ${date} (versions du ${versions
			.map((v) => v.effectiveFrom)
			.reverse()
			.join(', du ')}).`,
		key,
		date
	);
}

/** The exact Decimal value of a parameter row (memoised; Decimals are immutable). */
export function parameterValue(row: BenefitParameter): Decimal {
	let d = valueCache.get(row);
	if (!d) {
		d = new Decimal(row.value);
		valueCache.set(row, d);
	}
	return d;
}

/** The value of `key` in force at `month` (`YYYY-MM` or IsoDate), as an exact Decimal. Throws if none. */
export function parameterAt(params: readonly BenefitParameter[], key: string, month: string): Decimal {
	return parameterValue(parameterVersionAt(params, key, month));
}

/** The smallest value any version of `key` ever had (used for the AF age-majoration pivot). */
export function parameterMinValue(params: readonly BenefitParameter[], key: string): Decimal {
	const versions = indexOf(params).get(key);
	if (!versions) throw new BenefitParameterError(`Paramètre « ${key} » inconnu de la table des paramètres.`, key, '');
	return Decimal.min(...versions.map((v) => new Decimal(v.value)));
}

/**
 * Checks a parameter table an admin edited: decimal values, valid dates, no overlap between versions of a
 * key. Returns French messages (empty when valid).
 */
export function validateParameters(params: readonly BenefitParameter[]): string[] {
	const problems: string[] = [];
	const byKey = new Map<string, BenefitParameter[]>();
	for (const row of params) {
		if (!/^-?\d+(\.\d+)?$/.test(row.value)) problems.push(`${row.key} : valeur « ${row.value} » non décimale`);
		if (!/^\d{4}-\d{2}-\d{2}$/.test(row.effectiveFrom)) problems.push(`${row.key} : date de début invalide`);
		if (row.effectiveTo != null && row.effectiveTo < row.effectiveFrom)
			problems.push(`${row.key} : fin avant le début`);
		const list = byKey.get(row.key) ?? [];
		list.push(row);
		byKey.set(row.key, list);
	}
	for (const [key, list] of byKey) {
		const sorted = [...list].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
		for (let i = 1; i < sorted.length; i++) {
			const prev = sorted[i - 1];
			if (prev.effectiveTo == null || prev.effectiveTo >= sorted[i].effectiveFrom) {
				problems.push(`${key} : les versions du ${prev.effectiveFrom} et du ${sorted[i].effectiveFrom} se chevauchent`);
			}
		}
	}
	return problems;
}

/**
 * For every key and every month from `fromMonth` to `toMonth` (YYYY-MM, inclusive), checks that exactly
 * one version is in force on the first day of the month. Returns French messages (empty when covered).
 */
export function parameterCoverageProblems(
	params: readonly BenefitParameter[],
	fromMonth: string,
	toMonth: string
): string[] {
	const problems: string[] = [];
	const byKey = new Map<string, BenefitParameter[]>();
	for (const p of params) byKey.set(p.key, [...(byKey.get(p.key) ?? []), p]);
	for (const [key, versions] of byKey) {
		for (let m = fromMonth; m <= toMonth; m = addMonthsIso(m, 1)) {
			const day = `${m}-01`;
			const n = versions.filter(
				(v) => v.effectiveFrom <= day && (v.effectiveTo == null || day <= v.effectiveTo)
			).length;
			if (n !== 1) problems.push(`${key} : ${n} ${n > 1 ? 'versions' : 'version'} en vigueur au ${day}`);
		}
	}
	return problems;
}
