/**
 * Fragility signals of fragility.md §6.a read from the household's situation rather than from single bank
 * lines: F4 registration in a file (FICP, FCC, a surendettement file found admissible or a plan, recorded by
 * the adviser), and the budget indicators of §6.b turned into signals: F10 low resources, F12 reste à vivre,
 * F13 taux d'endettement, F15 taux d'effort logement. The indicators are monthly means over the last three
 * complete months (as the budget page computes them), so a statement downloaded on the 5th does not halve a
 * month's income. Thresholds are the dated indicator parameters.
 */
import { BUILTIN_CATEGORIES, type CategoryDef } from '$lib/categories';
import { formatEur, type Cents } from '$lib/money';
import { formatDateFr, type IsoDate } from '$lib/dates';
import { computeIndicators, INDICATOR_CATEGORIES, type Indicator, type Indicators } from './indicators';
import type { HouseholdComposition } from './household';
import { formatBp, type Level } from './format';
import type { IndicatorParameters } from './parameters';
import type { SignalTx } from './signal-facts';
import { budgetFacts } from './signals-budget';

export type SituationSignalId =
	'F4_file_registration' | 'F10_low_resources' | 'F12_reste_a_vivre' | 'F13_debt_ratio' | 'F15_housing_effort';

export const REGISTER_KINDS = {
	ficp: 'Inscription au FICP (incidents de remboursement de crédit)',
	fcc: 'Inscription au FCC (chèque sans provision, carte retirée)',
	surendettement_recevable: 'Dossier de surendettement déclaré recevable',
	surendettement_plan: 'Plan ou mesures de surendettement en cours'
} as const;

export type RegisterKind = keyof typeof REGISTER_KINDS;

export interface Registration {
	kind: RegisterKind;
	since: IsoDate;
	/** the day it ended (lifted, plan completed); null while it lasts */
	until: IsoDate | null;
}

export interface SituationSignal {
	id: SituationSignalId;
	level: Exclude<Level, 'ok'>;
	title: string;
	message: string;
	amount?: Cents;
	evidence: number[];
}

export interface SituationInput {
	txs: readonly SignalTx[];
	asOf: IsoDate;
	registrations?: readonly Registration[];
	/** the household's composition; without it the indicator signals are not computed */
	composition?: HouseholdComposition & { known: boolean };
	categories?: readonly CategoryDef[];
}

const TITLES: Record<RegisterKind, string> = {
	ficp: 'Inscrit au FICP',
	fcc: 'Inscrit au FCC',
	surendettement_recevable: 'Dossier de surendettement recevable',
	surendettement_plan: 'Plan de surendettement'
};

const PHRASES: Record<RegisterKind, string> = {
	ficp: 'inscrit au FICP',
	fcc: 'inscrit au FCC',
	surendettement_recevable: 'dossier de surendettement recevable',
	surendettement_plan: 'plan de surendettement'
};

/** The registrations in force on `asOf`. */
export function activeRegistrations(list: readonly Registration[], asOf: IsoDate): Registration[] {
	return list.filter((r) => r.since <= asOf && (r.until === null || r.until >= asOf));
}

/** F4: a registration in force makes the client fragile in law (CMF R312-4-3 I.B). */
export function fileRegistration(list: readonly Registration[], asOf: IsoDate): SituationSignal | null {
	const active = activeRegistrations(list, asOf).sort((a, b) => (a.since < b.since ? -1 : 1));
	if (active.length === 0) return null;
	const what = active.map((r) => `${PHRASES[r.kind]} depuis le ${formatDateFr(r.since)}`);
	return {
		id: 'F4_file_registration',
		level: 'fragile',
		title: TITLES[active[0].kind],
		message: `${what.join(' ; ').replace(/^./, (c) => c.toUpperCase())} : la banque doit traiter le foyer en client fragile (frais d’incident plafonnés, offre spécifique).`,
		evidence: []
	};
}

const level = (i: Indicator | undefined) => (i && i.level !== 'ok' ? i.level : null);

function indexesIn(txs: readonly SignalTx[], months: Set<string>, categories: Set<string>, sign: 1 | -1): number[] {
	const out: number[] = [];
	for (let i = 0; i < txs.length; i++) {
		const t = txs[i];
		if (months.has(t.date.slice(0, 7)) && categories.has(t.category) && Math.sign(t.amount) === sign) out.push(i);
	}
	return out;
}

function indicatorSignalsOf(
	ind: Indicators,
	known: boolean,
	p: IndicatorParameters,
	incomeIds: readonly string[],
	evidence: (cats: readonly string[], sign: 1 | -1) => number[]
): SituationSignal[] {
	const byId = new Map(ind.indicators.map((i) => [i.id, i]));
	const alone = known ? '' : ' Composition du foyer inconnue : calcul fait pour une personne seule.';
	const out: SituationSignal[] = [];
	const resources = level(byId.get('resources'));
	if (resources && ind.resources > 0) {
		const why =
			resources === 'critical'
				? `sous le RSA du foyer (${formatEur(ind.rsaFloor)})`
				: resources === 'fragile'
					? `soit ${formatEur(ind.standardOfLivingPerUc)} par unité de consommation, sous le seuil de pauvreté (${formatEur(ind.povertyLinePerUc)})`
					: `sous ${formatEur(p.bankResourceZone)}, le seuil de ressources que retiennent la plupart des banques pour la fragilité`;
		out.push({
			id: 'F10_low_resources',
			level: resources,
			title: 'Ressources faibles',
			message: `${formatEur(ind.resources)} de ressources par mois en moyenne sur ${ind.months} mois, ${why}.${alone}`,
			amount: ind.resources,
			evidence: evidence(incomeIds, 1)
		});
	}
	const rav = level(byId.get('resteAVivre'));
	const charges = [...INDICATOR_CATEGORIES.fixedCharges, ...INDICATOR_CATEGORIES.creditCharges];
	if (rav && ind.resources > 0)
		out.push({
			id: 'F12_reste_a_vivre',
			level: rav,
			title: 'Reste à vivre insuffisant',
			message:
				ind.resteAVivre < 0
					? `Les charges fixes et les crédits dépassent les ressources de ${formatEur(-ind.resteAVivre)} par mois.${alone}`
					: ind.resteAVivre < ind.rsaFloor
						? `Il reste ${formatEur(ind.resteAVivre)} par mois après les charges fixes et les crédits, moins que le RSA du foyer (${formatEur(ind.rsaFloor)}), le minimum qu’une commission de surendettement doit laisser.${alone}`
						: `Il reste ${formatEur(ind.resteAVivrePerUc)} par mois et par unité de consommation après les charges fixes et les crédits, moins que le repère de ${formatEur(p.ravPerUcHigh)}.${alone}`,
			amount: ind.resteAVivre,
			evidence: evidence(charges, -1)
		});
	const debt = level(byId.get('debtRatio'));
	if (debt && ind.debtRatioBp !== null)
		out.push({
			id: 'F13_debt_ratio',
			level: debt,
			title: 'Taux d’endettement élevé',
			message: `Les crédits prennent ${formatBp(ind.debtRatioBp)} des ressources (${formatEur(ind.creditCharges)} par mois).`,
			amount: ind.creditCharges,
			evidence: evidence(INDICATOR_CATEGORIES.creditCharges, -1)
		});
	const housing = level(byId.get('housingEffort'));
	if (housing && ind.housingEffortBp !== null)
		out.push({
			id: 'F15_housing_effort',
			level: housing,
			title: 'Logement trop lourd',
			message: `Le logement, aides déduites, prend ${formatBp(ind.housingEffortBp)} des ressources.`,
			evidence: evidence(INDICATOR_CATEGORIES.housingCost, -1)
		});
	return out;
}

/** F10, F12, F13 and F15 over the last three complete months; none without a composition or that history. */
export function indicatorSignals(input: SituationInput, p: IndicatorParameters): SituationSignal[] {
	if (!input.composition) return [];
	const complete = budgetFacts(input.txs, input.asOf).complete;
	// A history that starts after the first days of its first month would understate that month's mean.
	const first = input.txs.reduce((m, t) => (t.date < m ? t.date : m), '9999-12-31');
	if (complete[0] === first.slice(0, 7) && Number(first.slice(8, 10)) > 3) complete.shift();
	const months = complete.slice(-3);
	if (months.length < 3) return [];
	const inMonths = new Set(months);
	const ind = computeIndicators({
		txs: input.txs.filter((t) => inMonths.has(t.date.slice(0, 7))),
		months: 3,
		composition: input.composition,
		params: p,
		categories: input.categories
	});
	const excluded = new Set<string>(INDICATOR_CATEGORIES.excludedFromResources);
	const incomeIds = (input.categories ?? BUILTIN_CATEGORIES)
		.filter((c) => c.kind === 'income' && !excluded.has(c.id))
		.map((c) => c.id);
	return indicatorSignalsOf(ind, input.composition.known, p, incomeIds, (cats, sign) =>
		indexesIn(input.txs, inMonths, new Set(cats), sign)
	);
}

/** Every situation signal, F4 first. */
export function situationSignals(input: SituationInput, p: IndicatorParameters): SituationSignal[] {
	const f4 = fileRegistration(input.registrations ?? [], input.asOf);
	return [...(f4 ? [f4] : []), ...indicatorSignals(input, p)];
}
