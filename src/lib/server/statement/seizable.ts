/**
 * The seizable part of monthly resources (quotité saisissable, C. trav. R3252-2 and R3252-3) for the year's
 * scale and the number of dependents, and the capacité de remboursement of a surendettement file
 * (C. conso L731-1, L731-2, R731-1; shared/domain/fragility.md §3). Pure: amounts in cents, exact decimals.
 */
import Decimal from 'decimal.js';
import type { Cents } from '$lib/money';
import type { IsoDate } from '$lib/dates';

export interface SeizureScale {
	effectiveFrom: IsoDate;
	/** upper bounds of the tranches of annual net pay (cents), lowest first */
	annualThresholds: Cents[];
	/** the fraction seized in each tranche ("1/20"…); one more than the thresholds: the last is above them */
	fractions: string[];
	/** added to each threshold per dependent (cents per year) */
	perDependent: Cents;
	sources: string[];
}

const FRACTIONS = ['1/20', '1/10', '1/5', '1/4', '1/3', '2/3', '1'];

/** Dated scales; never amounts in code. */
export const SEIZURE_SCALES: readonly SeizureScale[] = [
	{
		effectiveFrom: '2025-01-01',
		annualThresholds: [444000, 866000, 1289000, 1709000, 2130000, 2560000],
		fractions: FRACTIONS,
		perDependent: 172000,
		sources: [
			'C. trav. R3252-2 et R3252-3, décret n° 2024-1231 du 30/12/2024 (barème 2025, Éditions Législatives 07/01/2025)'
		]
	},
	{
		effectiveFrom: '2026-01-01',
		annualThresholds: [448000, 873000, 1300000, 1723000, 2147000, 2581000],
		fractions: FRACTIONS,
		perDependent: 174000,
		sources: ['C. trav. R3252-2 et R3252-3, barème en vigueur au 01/01/2026 (eurex.fr ; numéro du décret à confirmer)']
	}
];

/** The scale in force on `date` (the oldest one for earlier dates). */
export function seizureScaleAt(date: IsoDate, table: readonly SeizureScale[] = SEIZURE_SCALES): SeizureScale {
	let found = table[0];
	for (const s of table) if (s.effectiveFrom <= date) found = s;
	return found;
}

function fraction(f: string): Decimal {
	const [a, b] = f.split('/');
	return b === undefined ? new Decimal(a) : new Decimal(a).dividedBy(b);
}

export interface SeizableInput {
	/** monthly resources (cents) */
	resources: Cents;
	dependents: number;
	scale: SeizureScale;
	/** the RSA for one person (cents): always left to the debtor (solde insaisissable) */
	rsaSinglePerson?: Cents;
}

/**
 * Seizable part per month: the scale applied to the annual amount (12 × resources), each threshold raised
 * by `perDependent` per dependent, divided by 12 and rounded half up to the cent; never more than
 * resources minus the RSA for one person.
 */
export function seizablePart(input: SeizableInput): Cents {
	const { scale } = input;
	const annual = new Decimal(Math.max(0, input.resources)).times(12);
	const raise = new Decimal(scale.perDependent).times(Math.max(0, input.dependents));
	let seized = new Decimal(0);
	let lower = new Decimal(0);
	for (let i = 0; i < scale.fractions.length; i++) {
		const upper = i < scale.annualThresholds.length ? new Decimal(scale.annualThresholds[i]).plus(raise) : null;
		if (annual.lte(lower)) break;
		const top = upper === null || annual.lt(upper) ? annual : upper;
		seized = seized.plus(top.minus(lower).times(fraction(scale.fractions[i])));
		if (upper === null) break;
		lower = upper;
	}
	let monthly = seized.dividedBy(12).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
	if (input.rsaSinglePerson !== undefined)
		monthly = Math.min(monthly, Math.max(0, input.resources - input.rsaSinglePerson));
	return monthly;
}

export interface CapacityInput {
	/** R: monthly resources */
	resources: Cents;
	/** BVC: budget vie courante (the household's current charges) */
	livingBudget: Cents;
	/** QS: seizable part for the household's dependents */
	seizable: Cents;
	/** the RSA montant forfaitaire of the household */
	rsaHousehold: Cents;
}

export interface Capacity {
	/** CR = max(0, min(R − BVC, QS, R − RSA_foyer)) */
	value: Cents;
	afterLivingBudget: Cents;
	seizable: Cents;
	aboveRsa: Cents;
	/** which of the three terms sets the capacity */
	limitedBy: 'livingBudget' | 'seizable' | 'rsa';
	formula: string;
}

/** Capacité de remboursement (fragility.md §3): the commission may set lower, or higher with consent. */
export function repaymentCapacity(input: CapacityInput): Capacity {
	const afterLivingBudget = input.resources - input.livingBudget;
	const aboveRsa = input.resources - input.rsaHousehold;
	const terms: [Capacity['limitedBy'], Cents][] = [
		['livingBudget', afterLivingBudget],
		['seizable', input.seizable],
		['rsa', aboveRsa]
	];
	let [limitedBy, min] = terms[0];
	for (const [k, v] of terms) if (v < min) [limitedBy, min] = [k, v];
	return {
		value: Math.max(0, min),
		afterLivingBudget,
		seizable: input.seizable,
		aboveRsa,
		limitedBy,
		formula: 'max(0, min(R − BVC, QS, R − RSA du foyer))'
	};
}
