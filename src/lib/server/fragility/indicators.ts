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

/** The monthly figures the indicators are read from (cents; charges as positive amounts). */
type Figures = Omit<Indicators, 'indicators' | 'parametersFrom' | 'months' | 'consumptionUnits'> & { uc: Decimal };

const ids = (list: readonly string[]) => new Set<string>(list);

/** Sums of the transactions by their role in the indicators, as monthly means. */
function monthlySums(input: IndicatorsInput, months: number) {
	const kinds = new Map((input.categories ?? BUILTIN_CATEGORIES).map((c) => [c.id, c.kind]));
	const excluded = ids(INDICATOR_CATEGORIES.excludedFromResources);
	const aidSet = ids(INDICATOR_CATEGORIES.housingAid);
	const fixedSet = ids(INDICATOR_CATEGORIES.fixedCharges);
	const creditSet = ids(INDICATOR_CATEGORIES.creditCharges);
	const housingSet = ids(INDICATOR_CATEGORIES.housingCost);
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
	return {
		resources: monthlyMean(r, months),
		housingAid: monthlyMean(aid, months),
		fixedCharges: monthlyMean(cf, months),
		creditCharges: monthlyMean(cc, months),
		housing: monthlyMean(housing, months)
	};
}

const perUc = (v: Cents, uc: Decimal, days?: string): Cents => {
	let d = new Decimal(v).dividedBy(uc);
	if (days) d = d.dividedBy(days);
	return d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
};

function figuresOf(input: IndicatorsInput, months: number, p: IndicatorParameters): Figures {
	const sums = monthlySums(input, months);
	const uc = consumptionUnits(input.composition, p);
	const rav = sums.resources - sums.fixedCharges - sums.creditCharges;
	return {
		resources: sums.resources,
		housingAid: sums.housingAid,
		fixedCharges: sums.fixedCharges,
		creditCharges: sums.creditCharges,
		resteAVivre: rav,
		resteAVivrePerUc: perUc(rav, uc),
		resteAVivrePerUcPerDay: perUc(rav, uc, p.daysPerMonth),
		rsaFloor: rsaForfaitaire(input.composition, p),
		debtRatioBp: ratioBp(sums.creditCharges, sums.resources),
		housingEffortBp: ratioBp(sums.housing - sums.housingAid, sums.resources - sums.housingAid),
		standardOfLivingPerUc: perUc(sums.resources, uc),
		povertyLinePerUc: p.povertyLinePerUc,
		uc
	};
}

/** Resources and charges, in plain French. */
function budgetIndicators(f: Figures, p: IndicatorParameters): Indicator[] {
	const R = f.resources;
	return [
		{
			id: 'resources',
			label: 'Ressources',
			value: R,
			unit: 'cents',
			level:
				R < f.rsaFloor
					? 'critical'
					: f.standardOfLivingPerUc < p.povertyLinePerUc
						? 'fragile'
						: R < p.bankResourceZone
							? 'watch'
							: 'ok',
			explanation: `En moyenne ${formatEur(R)} de revenus par mois (salaires, allocations, pensions), hors virements entre vos comptes et remboursements de soins.`
		},
		{
			id: 'fixedCharges',
			// not "Charges fixes": the budget's group of that name is a narrower sum
			label: 'Dépenses obligatoires',
			value: f.fixedCharges,
			unit: 'cents',
			level: 'ok',
			explanation: `En moyenne ${formatEur(f.fixedCharges)} par mois de dépenses obligatoires : logement, énergie, assurances, téléphone, impôts, transport, garde d'enfants.`
		},
		{
			id: 'creditCharges',
			label: 'Remboursements de crédits',
			value: f.creditCharges,
			unit: 'cents',
			level: 'ok',
			explanation: `En moyenne ${formatEur(f.creditCharges)} par mois de mensualités de crédits (y compris prêt immobilier, crédits renouvelables et paiements fractionnés).`
		}
	];
}

/** The reste à vivre, per consumption unit and per day, and its gap to the household's RSA. */
function ravIndicators(f: Figures, p: IndicatorParameters): Indicator[] {
	const rav = f.resteAVivre;
	const rsa = f.rsaFloor;
	const ucText = f.uc.toString().replace('.', ',');
	return [
		{
			id: 'resteAVivre',
			label: 'Reste à vivre',
			value: rav,
			unit: 'cents',
			level: rav < 0 ? 'critical' : rav < rsa || f.resteAVivrePerUc < p.ravPerUcHigh ? 'high' : 'ok',
			explanation:
				rav < 0
					? `Les dépenses obligatoires et les crédits dépassent les ressources de ${formatEur(-rav)} par mois : il ne reste rien pour vivre.`
					: `Après les dépenses obligatoires et les crédits, il reste ${formatEur(rav)} par mois pour la nourriture, les vêtements et le reste.`
		},
		{
			id: 'resteAVivrePerUc',
			label: 'Reste à vivre par unité de consommation',
			value: f.resteAVivrePerUc,
			unit: 'cents',
			level: rav < 0 ? 'critical' : f.resteAVivrePerUc < p.ravPerUcHigh ? 'high' : 'ok',
			explanation: `${formatEur(f.resteAVivrePerUc)} par mois et par unité de consommation (le foyer compte ${ucText} unités), pour comparer des foyers de tailles différentes.`
		},
		{
			id: 'resteAVivrePerUcPerDay',
			label: 'Reste à vivre par jour et par unité de consommation',
			value: f.resteAVivrePerUcPerDay,
			unit: 'cents',
			level: rav < 0 ? 'critical' : 'ok',
			explanation: `Soit ${formatEur(f.resteAVivrePerUcPerDay)} par jour et par unité de consommation.`
		},
		{
			id: 'gapToLegalFloor',
			label: 'Écart au minimum légal (RSA du foyer)',
			value: rav - rsa,
			unit: 'cents',
			level: rav < rsa ? 'high' : 'ok',
			explanation:
				rav < rsa
					? `Le reste à vivre est inférieur de ${formatEur(rsa - rav)} au RSA du foyer (${formatEur(rsa)}), le minimum qu'une commission de surendettement doit laisser.`
					: `Le reste à vivre dépasse de ${formatEur(rav - rsa)} le RSA du foyer (${formatEur(rsa)}).`
		}
	];
}

/** Debt ratio, housing effort and standard of living against their thresholds. */
function ratioIndicators(f: Figures, p: IndicatorParameters): Indicator[] {
	const debt = f.debtRatioBp;
	const effort = f.housingEffortBp;
	const nv = f.standardOfLivingPerUc;
	const nvRatio = ratioBp(nv, p.povertyLinePerUc);
	return [
		{
			id: 'debtRatio',
			label: "Taux d'endettement",
			value: debt,
			unit: 'bp',
			level: debt === null ? 'ok' : debt > p.debtRatio.high ? 'high' : debt > p.debtRatio.watch ? 'watch' : 'ok',
			explanation:
				debt === null
					? "Pas de ressources connues : le taux d'endettement ne peut pas être calculé."
					: `Les crédits prennent ${formatBp(debt)} des ressources (repère : ${formatBp(p.debtRatio.watch)} au plus).`
		},
		{
			id: 'housingEffort',
			label: "Taux d'effort logement net",
			value: effort,
			unit: 'bp',
			level:
				effort === null
					? 'ok'
					: effort > p.housingEffort.high
						? 'high'
						: effort > p.housingEffort.watch
							? 'watch'
							: 'ok',
			explanation:
				effort === null
					? "Pas de ressources connues : le taux d'effort logement ne peut pas être calculé."
					: `Le logement (loyer ou prêt, charges, eau, énergie), aides au logement déduites, prend ${formatBp(effort)} des ressources.`
		},
		{
			id: 'standardOfLiving',
			label: 'Niveau de vie',
			value: nv,
			unit: 'cents',
			level: nv < p.povertyLinePerUc ? 'fragile' : 'ok',
			explanation:
				nv < p.povertyLinePerUc
					? `${formatEur(nv)} par mois et par unité de consommation, sous le seuil de pauvreté (${formatEur(p.povertyLinePerUc)} en ${p.povertyLineYear}), soit ${formatBp(nvRatio ?? 0)} de ce seuil.`
					: `${formatEur(nv)} par mois et par unité de consommation, au-dessus du seuil de pauvreté (${formatEur(p.povertyLinePerUc)} en ${p.povertyLineYear}).`
		}
	];
}

/** Computes the §6.b indicators as monthly means over the given transactions. */
export function computeIndicators(input: IndicatorsInput): Indicators {
	const months = Math.max(1, input.months ?? 3);
	const latest = input.txs.reduce<IsoDate>((m, t) => (t.date > m ? t.date : m), '0000-01-01');
	const p = typeof input.params === 'object' ? input.params : indicatorParametersAt(input.params ?? latest);
	const { uc, ...figures } = figuresOf(input, months, p);
	const f = { ...figures, uc };
	return {
		months,
		consumptionUnits: uc.toString(),
		...figures,
		indicators: [...budgetIndicators(f, p), ...ravIndicators(f, p), ...ratioIndicators(f, p)],
		parametersFrom: p.effectiveFrom
	};
}
