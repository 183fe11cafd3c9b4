/**
 * Builders of the dated parameter table. A parameter is written once with its unit and label, then its
 * versions in date order, each with its value and the legal text that set it; a version ends the day
 * before the next one starts (the last stays in force, unless `until` closes it), so versions of a key
 * can never overlap nor leave a gap.
 */
import { addDaysIso, type IsoDate } from '$lib/dates';
import type { BenefitParameter, ParameterUnit } from './types';

/** One version: [effective from, value, source]. */
export type Version = readonly [from: IsoDate, value: string, source: string];

/** OpenFisca-France's parameter tree, read as a cross-reference for values and dates (AGPL; facts only). */
export const OF = 'OpenFisca-France @a7038ee, parameters/';

/**
 * The versions of one key, chained: each ends the day before the next begins. Throws when the dates are
 * not strictly increasing (a data error, caught by the unit tests).
 */
export function series(
	key: string,
	unit: ParameterUnit,
	label: string,
	versions: readonly Version[],
	until: IsoDate | null = null
): BenefitParameter[] {
	return versions.map(([from, value, source], i) => {
		const next = versions[i + 1];
		if (next && next[0] <= from) throw new Error(`${key}: versions out of order (${from}, ${next[0]})`);
		return {
			key,
			value,
			unit,
			effectiveFrom: from,
			effectiveTo: next ? addDaysIso(next[0], -1) : until,
			label,
			source
		};
	});
}

/** A value that has not changed since `from`. */
export function constant(
	key: string,
	unit: ParameterUnit,
	label: string,
	from: IsoDate,
	value: string,
	source: string
): BenefitParameter[] {
	return series(key, unit, label, [[from, value, source]]);
}

/**
 * Several keys revalued together by the same texts (a barème): `keys` gives each key and its label, each
 * version gives its date, its source and one value per key, in the order of `keys`.
 */
export function table(
	unit: ParameterUnit,
	keys: readonly (readonly [key: string, label: string])[],
	versions: readonly (readonly [from: IsoDate, source: string, values: readonly string[]])[]
): BenefitParameter[] {
	return keys.flatMap(([key, label], k) =>
		series(
			key,
			unit,
			label,
			versions.map(([from, source, values]) => {
				if (values.length !== keys.length) throw new Error(`${key}: ${values.length} values for ${keys.length} keys`);
				return [from, values[k], source] as const;
			})
		)
	);
}
