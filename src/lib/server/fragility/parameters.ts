/**
 * Dated reference amounts and thresholds of the budget indicators and fragility signals
 * (shared/domain/fragility.md §3, §4, §6). Data with sources, never constants in code: pick the version
 * in force at the date analysed with `indicatorParametersAt`.
 */
import type { Cents } from '$lib/money';
import type { IsoDate } from '$lib/dates';

export interface IndicatorParameters {
	effectiveFrom: IsoDate;
	/** poverty line, 60 % of the median standard of living, per consumption unit per month (cents) */
	povertyLinePerUc: Cents;
	povertyLineYear: number;
	/** RSA montant forfaitaire (cents): single adult by number of children 0..2, couple by children 0..2, per further child */
	rsaForfaitaire: { single: [Cents, Cents, Cents]; couple: [Cents, Cents, Cents]; perFurtherChild: Cents };
	/** OECD-modified scale weights, as decimal strings, and the age from which a child counts as an adult */
	ucWeights: { firstAdult: string; otherAged14Plus: string; childUnder14: string; adultAge: number };
	/** average days in a month for "per day" figures (decimal string) */
	daysPerMonth: string;
	/** taux d'endettement thresholds (basis points of resources) */
	debtRatio: { watch: number; high: number };
	/** taux d'effort logement net thresholds (basis points) */
	housingEffort: { watch: number; high: number };
	/** reste à vivre per UC below which the situation is "high" (cents per month) */
	ravPerUcHigh: Cents;
	/** resources below which most banks' fragility ceiling applies (cents per month) */
	bankResourceZone: Cents;
	/** incidents in one month that make a client fragile (R312-4-3) and consecutive months with ≥ 1 */
	incidentBurst: number;
	incidentConsecutiveMonths: number;
	/** capped incident fees per month from which the household is "fragile" (cents) */
	incidentFeesFragileMonthly: Cents;
	/** days below zero in a month counted as overdraft dependence, and months running */
	overdraftDaysPerMonth: number;
	overdraftMonthsRunning: number;
	/** gambling share of resources (basis points): watch / high [proposal] */
	gamblingShare: { watch: number; high: number };
	/** distinct credit / split-payment lenders, or split payments per month, for "credit stacking" */
	creditStackingLenders: number;
	splitPaymentsPerMonth: number;
	/** days without an import before the "silence" signal */
	silenceDays: number;
	/** F11: resources of a month below ratioBp of the median of the medianMonths before (at least
	 * minHistoryMonths of them) → watch; monthsFragile months running → fragile */
	incomeShock: { ratioBp: number; medianMonths: number; minHistoryMonths: number; monthsFragile: number };
	/** F16: a priority debit paid in each of these many months, then absent one month → high */
	missingPriorityCycles: number;
	/** F17: months running of negative net cash flow (internal transfers excluded) → fragile */
	structuralDeficitMonths: number;
	sources: string[];
}

export const INDICATOR_PARAMETERS: readonly IndicatorParameters[] = [
	{
		effectiveFrom: '2025-04-01',
		povertyLinePerUc: 128800,
		povertyLineYear: 2023,
		rsaForfaitaire: { single: [64652, 96978, 116374], couple: [96978, 116374, 135770], perFurtherChild: 25861 },
		ucWeights: { firstAdult: '1', otherAged14Plus: '0.5', childUnder14: '0.3', adultAge: 14 },
		daysPerMonth: '30.42',
		debtRatio: { watch: 3500, high: 5000 },
		housingEffort: { watch: 3300, high: 4000 },
		ravPerUcHigh: 14500,
		bankResourceZone: 150000,
		incidentBurst: 5,
		incidentConsecutiveMonths: 3,
		incidentFeesFragileMonthly: 2500,
		overdraftDaysPerMonth: 15,
		overdraftMonthsRunning: 3,
		gamblingShare: { watch: 500, high: 1500 },
		creditStackingLenders: 3,
		splitPaymentsPerMonth: 3,
		silenceDays: 45,
		incomeShock: { ratioBp: 7500, medianMonths: 6, minHistoryMonths: 3, monthsFragile: 2 },
		missingPriorityCycles: 3,
		structuralDeficitMonths: 3,
		sources: [
			'Seuil de pauvreté 60 % : 1 288 €/mois/UC en 2023, INSEE 07/07/2025',
			'RSA montant forfaitaire au 01/04/2025 (barème Lefebvre Dalloz) ; C. conso L731-2',
			'Échelle OCDE modifiée, INSEE c1802 (16/12/2022)',
			'Taux d’endettement 35 % : décision D-HCSF-2021-7 du 29/09/2021 ; 50 % : proposition BGV',
			'Taux d’effort logement : INSEE c1809 ; seuils 33 % / 40 % : proposition BGV',
			'Reste à vivre 145 €/UC : heuristique Data For Good / CRÉSUS 2017, à recalibrer',
			'Incidents : CMF R312-4-3 (décret n° 2020-889) ; plafond 25 €/mois : engagements FBF 2018',
			'Jeux d’argent, cumul de crédits, silence : propositions BGV (fragility.md §6.a)',
			'Choc de revenus (< 75 % de la médiane sur 6 mois) : indicateur « ruptures » du Point conseil budget',
			'Paiement prioritaire absent, déficit structurel 3 mois : propositions BGV (fragility.md §6.a)'
		]
	}
];

/** The parameters in force on `date` (the first version applies to earlier dates, flagged by the caller). */
export function indicatorParametersAt(
	date: IsoDate,
	table: readonly IndicatorParameters[] = INDICATOR_PARAMETERS
): IndicatorParameters {
	let found = table[0];
	for (const v of table) if (v.effectiveFrom <= date) found = v;
	return found;
}
