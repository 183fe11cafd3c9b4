/**
 * Household composition helpers: OECD-modified consumption units and the RSA montant forfaitaire of the
 * household (the legal floor of reste à vivre, C. conso L731-2), from dated parameters.
 */
import Decimal from 'decimal.js';
import type { Cents } from '$lib/money';
import type { IndicatorParameters } from './parameters';

export interface HouseholdComposition {
	/** adults (≥ 14 counts too; the first adult weighs 1) */
	adults: number;
	children: { age: number }[];
}

/** OECD-modified consumption units: 1 for the first adult, 0.5 per other person ≥ 14, 0.3 per child < 14. */
export function consumptionUnits(c: HouseholdComposition, p: IndicatorParameters): Decimal {
	const w = p.ucWeights;
	const adults = Math.max(1, c.adults);
	let uc = new Decimal(w.firstAdult).plus(new Decimal(w.otherAged14Plus).times(adults - 1));
	for (const child of c.children) {
		uc = uc.plus(child.age >= w.adultAge ? w.otherAged14Plus : w.childUnder14);
	}
	return uc;
}

/** RSA montant forfaitaire for the household (cents per month): single or couple, by number of children. */
export function rsaForfaitaire(c: HouseholdComposition, p: IndicatorParameters): Cents {
	const table = c.adults >= 2 ? p.rsaForfaitaire.couple : p.rsaForfaitaire.single;
	const n = c.children.length;
	if (n <= 2) return table[n];
	return table[2] + (n - 2) * p.rsaForfaitaire.perFurtherChild;
}
