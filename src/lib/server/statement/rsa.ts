/**
 * The RSA montant forfaitaire of a household (C. conso L731-2: the floor of what it keeps), from the benefits
 * parameters (`rsa.base_amount` and the majorations by household size), the same as the benefits engine.
 */
import Decimal from 'decimal.js';
import { decimalToCents, type Cents } from '$lib/money';
import { parameterAt } from '../benefits/parameters';
import type { BenefitParameter } from '../benefits/types';

export function rsaForHousehold(
	params: readonly BenefitParameter[],
	date: string,
	household: { adults: number; children: number }
): { household: Cents; singlePerson: Cents } {
	const base = parameterAt(params, 'rsa.base_amount', date);
	const persons = Math.max(1, household.adults) + Math.max(0, household.children);
	const couple = household.adults >= 2;
	const at = (k: string) => parameterAt(params, k, date);
	let t = new Decimal(1);
	if (persons >= 2) t = t.plus(at('rsa.maj.second_person'));
	if (persons >= 3) t = t.plus(at('rsa.maj.third_person'));
	if (persons >= 4) t = t.plus(couple ? at('rsa.maj.fourth_person_couple') : at('rsa.maj.further_person'));
	if (persons >= 5) t = t.plus(at('rsa.maj.further_person').times(persons - 4));
	return {
		household: decimalToCents(base.times(t).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)),
		singlePerson: decimalToCents(base)
	};
}
