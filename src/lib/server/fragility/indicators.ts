/**
 * Adviser dashboard indicators (fragility.md §6.b) from the last months of transactions and the
 * household's composition: resources, fixed and credit charges, reste à vivre (total, per UC, per day),
 * taux d'endettement, taux d'effort logement net, niveau de vie against the poverty line.
 */
import Decimal from 'decimal.js';
import { formatEur, type Cents } from '$lib/money';
import type { IsoDate } from '$lib/dates';
import { BUILTIN_CATEGORIES, type CategoryDef } from '$lib/categories';
import { type IndicatorParameters, indicatorParametersAt } from './parameters';
import { consumptionUnits, type HouseholdComposition, rsaForfaitaire } from './household';
import { formatBp, type Level, ratioBp } from './format';

export interface IndicatorTx {
	date: IsoDate;
	/** cents, negative = debit */
	amount: Cents;
	category: string;
}

/** Which categories make up each aggregate (methodology of §6.b, not amounts). */
export const INDICATOR_CATEGORIES = {
	/** health refunds compensate spending: not resources (§6.b "− refunds") */
	excludedFromResources: ['income.health_refund'],
	housingAid: ['income.housing_benefit'],
	fixedCharges: [
		'housing.rent',
		'housing.service_charges',
		'housing.energy',
		'housing.water',
		'housing.insurance',
		'fixed.telecom',
		'fixed.health_insurance',
		'fixed.vehicle_insurance',
		'fixed.other_insurance',
		'fixed.taxes',
		'fixed.childcare_school',
		'fixed.alimony_paid',
		'fixed.transport_pass'
	],
	/** the mortgage is a credit instalment (HCSF), counted here and not in fixed charges */
	creditCharges: ['credit.consumer', 'credit.other', 'housing.mortgage'],
	housingCost: ['housing.rent', 'housing.service_charges', 'housing.mortgage', 'housing.water', 'housing.energy']
} as const;

export type IndicatorId =
	| 'resources'
	| 'fixedCharges'
	| 'creditCharges'
	| 'resteAVivre'
	| 'resteAVivrePerUc'
	| 'resteAVivrePerUcPerDay'
	| 'gapToLegalFloor'
	| 'debtRatio'
	| 'housingEffort'
	| 'standardOfLiving';

export interface Indicator {
	id: IndicatorId;
	label: string;
	/** cents for amounts, basis points for ratios; null when it cannot be computed (no resources) */
	value: number | null;
	unit: 'cents' | 'bp';
	level: Level;
	/** one line of plain French */
	explanation: string;
}

export interface IndicatorsInput {
	/** transactions of the months analysed (typically the last 3 complete months) */
	txs: readonly IndicatorTx[];
	/** how many months `txs` cover, to give monthly means (default 3) */
	months?: number;
	composition: HouseholdComposition;
	/** parameters, or the date whose parameters apply (default: the latest transaction's date) */
	params?: IndicatorParameters | IsoDate;
	categories?: readonly CategoryDef[];
}

export interface Indicators {
	months: number;
	/** consumption units as a decimal string ("2.3") */
	consumptionUnits: string;
	/** monthly means (cents; charges as positive amounts) */
	resources: Cents;
	housingAid: Cents;
	fixedCharges: Cents;
	creditCharges: Cents;
	resteAVivre: Cents;
	resteAVivrePerUc: Cents;
	resteAVivrePerUcPerDay: Cents;
	rsaFloor: Cents;
	/** basis points, null without resources */
	debtRatioBp: number | null;
	housingEffortBp: number | null;
	standardOfLivingPerUc: Cents;
	povertyLinePerUc: Cents;
	indicators: Indicator[];
	parametersFrom: IsoDate;
}

function monthlyMean(sum: Cents, months: number): Cents {
	return new Decimal(sum).dividedBy(months).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

/** Computes the §6.b indicators as monthly means over the given transactions. */
export function computeIndicators(input: IndicatorsInput): Indicators {
	const months = Math.max(1, input.months ?? 3);
	const latest = input.txs.reduce<IsoDate>((m, t) => (t.date > m ? t.date : m), '0000-01-01');
	const p = typeof input.params === 'object' ? input.params : indicatorParametersAt(input.params ?? latest);
	const kinds = new Map((input.categories ?? BUILTIN_CATEGORIES).map((c) => [c.id, c.kind]));
	const set = (ids: readonly string[]) => new Set<string>(ids);
	const excluded = set(INDICATOR_CATEGORIES.excludedFromResources);
	const aidSet = set(INDICATOR_CATEGORIES.housingAid);
	const fixedSet = set(INDICATOR_CATEGORIES.fixedCharges);
	const creditSet = set(INDICATOR_CATEGORIES.creditCharges);
	const housingSet = set(INDICATOR_CATEGORIES.housingCost);
	let r = 0;
	let aid = 0;
	let cf = 0;
	let cc = 0;
	let housing = 0;
	for (const t of input.txs) {
		if (kinds.get(t.category) === 'income' && !excluded.has(t.category)) r += t.amount;
		if (aidSet.has(t.category)) aid += t.amount;
		if (fixedSet.has(t.category)) cf -= t.amount;
		if (creditSet.has(t.category)) cc -= t.amount;
		if (housingSet.has(t.category)) housing -= t.amount;
	}
	const R = monthlyMean(r, months);
	const AID = monthlyMean(aid, months);
	const CF = monthlyMean(cf, months);
	const CC = monthlyMean(cc, months);
	const HOUSING = monthlyMean(housing, months);
	const uc = consumptionUnits(input.composition, p);
	const rav = R - CF - CC;
	const ravPerUc = new Decimal(rav).dividedBy(uc).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
	const ravPerUcPerDay = new Decimal(rav)
		.dividedBy(uc)
		.dividedBy(p.daysPerMonth)
		.toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
		.toNumber();
	const rsa = rsaForfaitaire(input.composition, p);
	const debt = ratioBp(CC, R);
	const effort = ratioBp(HOUSING - AID, R - AID);
	const nvPerUc = new Decimal(R).dividedBy(uc).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
	const ucText = uc.toString().replace('.', ',');
	const indicators: Indicator[] = [];
	const add = (i: Indicator) => indicators.push(i);
	add({
		id: 'resources',
		label: 'Ressources',
		value: R,
		unit: 'cents',
		level: R < rsa ? 'critical' : nvPerUc < p.povertyLinePerUc ? 'fragile' : R < p.bankResourceZone ? 'watch' : 'ok',
		explanation: `En moyenne ${formatEur(R)} de revenus par mois (salaires, allocations, pensions), hors virements entre vos comptes et remboursements de soins.`
	});
	add({
		id: 'fixedCharges',
		label: 'Charges fixes',
		value: CF,
		unit: 'cents',
		level: 'ok',
		explanation: `En moyenne ${formatEur(CF)} par mois de dépenses obligatoires : logement, énergie, assurances, téléphone, impôts, transport, garde d'enfants.`
	});
	add({
		id: 'creditCharges',
		label: 'Remboursements de crédits',
		value: CC,
		unit: 'cents',
		level: 'ok',
		explanation: `En moyenne ${formatEur(CC)} par mois de mensualités de crédits (y compris prêt immobilier, crédits renouvelables et paiements fractionnés).`
	});
	add({
		id: 'resteAVivre',
		label: 'Reste à vivre',
		value: rav,
		unit: 'cents',
		level: rav < 0 ? 'critical' : rav < rsa || ravPerUc < p.ravPerUcHigh ? 'high' : 'ok',
		explanation:
			rav < 0
				? `Les charges fixes et les crédits dépassent les ressources de ${formatEur(-rav)} par mois : il ne reste rien pour vivre.`
				: `Après les charges fixes et les crédits, il reste ${formatEur(rav)} par mois pour la nourriture, les vêtements et le reste.`
	});
	add({
		id: 'resteAVivrePerUc',
		label: 'Reste à vivre par unité de consommation',
		value: ravPerUc,
		unit: 'cents',
		level: rav < 0 ? 'critical' : ravPerUc < p.ravPerUcHigh ? 'high' : 'ok',
		explanation: `${formatEur(ravPerUc)} par mois et par unité de consommation (le foyer compte ${ucText} unités), pour comparer des foyers de tailles différentes.`
	});
	add({
		id: 'resteAVivrePerUcPerDay',
		label: 'Reste à vivre par jour et par unité de consommation',
		value: ravPerUcPerDay,
		unit: 'cents',
		level: rav < 0 ? 'critical' : 'ok',
		explanation: `Soit ${formatEur(ravPerUcPerDay)} par jour et par unité de consommation.`
	});
	add({
		id: 'gapToLegalFloor',
		label: 'Écart au minimum légal (RSA du foyer)',
		value: rav - rsa,
		unit: 'cents',
		level: rav < rsa ? 'high' : 'ok',
		explanation:
			rav < rsa
				? `Le reste à vivre est inférieur de ${formatEur(rsa - rav)} au RSA du foyer (${formatEur(rsa)}), le minimum qu'une commission de surendettement doit laisser.`
				: `Le reste à vivre dépasse de ${formatEur(rav - rsa)} le RSA du foyer (${formatEur(rsa)}).`
	});
	add({
		id: 'debtRatio',
		label: "Taux d'endettement",
		value: debt,
		unit: 'bp',
		level: debt === null ? 'ok' : debt > p.debtRatio.high ? 'high' : debt > p.debtRatio.watch ? 'watch' : 'ok',
		explanation:
			debt === null
				? "Pas de ressources connues : le taux d'endettement ne peut pas être calculé."
				: `Les crédits prennent ${formatBp(debt)} des ressources (repère : ${formatBp(p.debtRatio.watch)} au plus).`
	});
	add({
		id: 'housingEffort',
		label: "Taux d'effort logement net",
		value: effort,
		unit: 'bp',
		level:
			effort === null ? 'ok' : effort > p.housingEffort.high ? 'high' : effort > p.housingEffort.watch ? 'watch' : 'ok',
		explanation:
			effort === null
				? "Pas de ressources connues : le taux d'effort logement ne peut pas être calculé."
				: `Le logement (loyer ou prêt, charges, eau, énergie), aides au logement déduites, prend ${formatBp(effort)} des ressources.`
	});
	const nvRatio = ratioBp(nvPerUc, p.povertyLinePerUc);
	add({
		id: 'standardOfLiving',
		label: 'Niveau de vie',
		value: nvPerUc,
		unit: 'cents',
		level: nvPerUc < p.povertyLinePerUc ? 'fragile' : 'ok',
		explanation:
			nvPerUc < p.povertyLinePerUc
				? `${formatEur(nvPerUc)} par mois et par unité de consommation, sous le seuil de pauvreté (${formatEur(p.povertyLinePerUc)} en ${p.povertyLineYear}), soit ${formatBp(nvRatio ?? 0)} de ce seuil.`
				: `${formatEur(nvPerUc)} par mois et par unité de consommation, au-dessus du seuil de pauvreté (${formatEur(p.povertyLinePerUc)} en ${p.povertyLineYear}).`
	});
	return {
		months,
		consumptionUnits: uc.toString(),
		resources: R,
		housingAid: AID,
		fixedCharges: CF,
		creditCharges: CC,
		resteAVivre: rav,
		resteAVivrePerUc: ravPerUc,
		resteAVivrePerUcPerDay: ravPerUcPerDay,
		rsaFloor: rsa,
		debtRatioBp: debt,
		housingEffortBp: effort,
		standardOfLivingPerUc: nvPerUc,
		povertyLinePerUc: p.povertyLinePerUc,
		indicators,
		parametersFrom: p.effectiveFrom
	};
}
