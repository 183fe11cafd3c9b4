/**
 * Dated legal and professional caps on French bank incident fees (shared/domain/fragility.md §1-2).
 * Data, not code: each version has an effective date and its sources; re-check on Légifrance before use.
 */
import type { Cents } from '$lib/money';
import type { IsoDate } from '$lib/dates';

/** How the bank must treat the client: any consumer, identified fragile, or holder of the offre spécifique / SBB. */
export type ClientFeeStatus = 'standard' | 'fragile' | 'ocf';

export interface FeeCapsVersion {
	effectiveFrom: IsoDate;
	/** commission d'intervention per operation (cents) */
	interventionPerOperation: Record<ClientFeeStatus, Cents>;
	/** commissions d'intervention per calendar month (cents) */
	interventionPerMonth: Record<ClientFeeStatus, Cents>;
	/** all capped incident fees per month (cents), null = no such cap */
	incidentFeesPerMonth: Record<ClientFeeStatus, Cents | null>;
	/** all capped incident fees per calendar year (cents), null = no such cap */
	incidentFeesPerYear: Record<ClientFeeStatus, Cents | null>;
	/** fee for a rejected non-cheque payment: at most the rejected amount and at most this (cents) */
	rejectedPaymentMax: Cents;
	/** rejected cheque flat fee for cheques ≤ 50 € / > 50 € (cents) */
	rejectedCheque: { upTo50: Cents; above50: Cents };
	/** SATD fee: at most this share of the sum owed (basis points) and this amount (cents) */
	satd: { maxShareBp: number; max: Cents } | null;
	sources: string[];
}

/** Versions sorted by `effectiveFrom`; the one in force at a date is the last one on or before it. */
export const FEE_CAPS: readonly FeeCapsVersion[] = [
	{
		effectiveFrom: '2014-01-01',
		interventionPerOperation: { standard: 800, fragile: 800, ocf: 400 },
		interventionPerMonth: { standard: 8000, fragile: 8000, ocf: 2000 },
		incidentFeesPerMonth: { standard: null, fragile: null, ocf: null },
		incidentFeesPerYear: { standard: null, fragile: null, ocf: null },
		rejectedPaymentMax: 2000,
		rejectedCheque: { upTo50: 3000, above50: 5000 },
		satd: null,
		sources: [
			'CMF R312-4-1 et R312-4-2 (décret n° 2013-931 du 17/10/2013), commissions d’intervention',
			'CMF D133-6, frais de rejet d’un paiement autre qu’un chèque',
			'CMF D131-25, forfait chèque rejeté'
		]
	},
	{
		effectiveFrom: '2019-01-01',
		interventionPerOperation: { standard: 800, fragile: 800, ocf: 400 },
		interventionPerMonth: { standard: 8000, fragile: 8000, ocf: 2000 },
		incidentFeesPerMonth: { standard: null, fragile: null, ocf: null },
		incidentFeesPerYear: { standard: null, fragile: null, ocf: null },
		rejectedPaymentMax: 2000,
		rejectedCheque: { upTo50: 3000, above50: 5000 },
		satd: { maxShareBp: 1000, max: 10000 },
		sources: [
			'CMF R312-4-1, R312-4-2, D133-6, D131-25',
			'Frais de SATD : 10 % de la somme due, 100 € TTC au plus (LFR 2017 n° 2017-1775, décret du 10/12/2018)'
		]
	},
	{
		effectiveFrom: '2019-02-01',
		interventionPerOperation: { standard: 800, fragile: 800, ocf: 400 },
		interventionPerMonth: { standard: 8000, fragile: 8000, ocf: 2000 },
		incidentFeesPerMonth: { standard: null, fragile: 2500, ocf: 2000 },
		incidentFeesPerYear: { standard: null, fragile: 30000, ocf: 20000 },
		rejectedPaymentMax: 2000,
		rejectedCheque: { upTo50: 3000, above50: 5000 },
		satd: { maxShareBp: 1000, max: 10000 },
		sources: [
			'CMF R312-4-1, R312-4-2, D133-6, D131-25',
			'Engagements FBF 2018 (25 €/mois clients fragiles ; 20 €/mois et 200 €/an titulaires de l’offre spécifique), appliqués depuis 02/2019, repris par la Charte d’inclusion bancaire (arrêté du 16/09/2020)',
			'Frais de SATD : LFR 2017 n° 2017-1775'
		]
	}
];

/** The caps in force on `date` (throws before the first version). */
export function feeCapsAt(date: IsoDate, table: readonly FeeCapsVersion[] = FEE_CAPS): FeeCapsVersion {
	let found: FeeCapsVersion | null = null;
	for (const v of table) if (v.effectiveFrom <= date) found = v;
	if (!found) throw new RangeError(`no fee caps known on ${date}`);
	return found;
}
