/**
 * Prime d'activité (CAF/MSA): montant forfaitaire + individual bonifications + 59,85 % of the earnings −
 * max(montant forfaitaire, resources + forfait logement), net of CRDS (benefits.md §(a)).
 */
import Decimal from 'decimal.js';
import {
	afterCrds,
	draft,
	EARNED,
	eur,
	frNumber,
	NON_EARNED,
	roundEur,
	ZERO,
	type Draft,
	type Facts,
	type ParamReader
} from './context';
import { forfait, maxAmount, unknownResources, withUncertain, type MinimaDeps } from './minima';
import { household, perMonth, persons, say } from './plain';

/** Earners of the PPA (adults of age with earnings; students and apprentices above the floor). */
function ppaEarners(
	r: ParamReader,
	f: Facts,
	reasons: string[]
): { earners: typeof f.adults; floorNote: string | null } {
	const minAge = r.int('ppa.min_age');
	const floor = r.get('ppa.student_hours').times(r.get('smic.hourly')).times(r.get('ppa.student_smic_share'));
	let floorNote: string | null = null;
	const earners = f.adults.filter((m) => {
		const e = f.earnings(m);
		if (e.lte(0)) return false;
		const age = f.age(m);
		if (age !== null && age < minAge) return false;
		if ((f.isStudent(m) || m.activity === 'apprentice') && e.lte(floor)) {
			reasons.push(
				`Étudiant ou apprenti : revenus d’activité de ${eur(e)} sous le plancher de ${eur(floor)} (${r.cite('ppa.student_hours')} × SMIC × ${frNumber(r.get('ppa.student_smic_share'))}).`
			);
			floorNote = `En études ou en apprentissage, vos revenus d’activité (${eur(e)} par mois) sont sous le minimum de ${eur(floor)} qui ouvre la prime d’activité`;
			return false;
		}
		return true;
	});
	return { earners, floorNote };
}

/** Σ of the individual bonifications: 0 under 59 × SMIC, linear up to the maximum at 120 (138) × SMIC. */
function ppaBonus(r: ParamReader, f: Facts, earners: typeof f.adults, reasons: string[]): Decimal {
	const smic = r.get('smic.hourly');
	const bmax = roundEur(r.get('ppa.base_amount').times(r.get('ppa.bonification.max_rate')));
	const low = r.get('ppa.bonification.threshold_hours').times(smic);
	const high = r.get('ppa.bonification.max_hours').times(smic);
	let bonus = ZERO;
	for (const m of earners) {
		const e = f.earnings(m);
		const b = roundEur(bmax.times(Decimal.min(1, Decimal.max(0, e.minus(low).dividedBy(high.minus(low))))));
		bonus = bonus.plus(b);
		reasons.push(
			`Bonification individuelle ${eur(b)} pour ${eur(e)} de revenus (0 sous ${eur(low)}, maximum ${eur(bmax)} à ${eur(high)} ; ${r.cite('ppa.bonification.max_rate')} ; ${r.cite('ppa.bonification.max_hours')} ; ${r.cite('smic.hourly')}).`
		);
	}
	return bonus;
}

/** Prime d'activité = MFF + Σ bonifications + 59,85 % des revenus d'activité − max(MFF, ressources + FL). */
export function evaluatePpa(r: ParamReader, f: Facts, deps: MinimaDeps): Draft {
	if (f.adultsWithUnknownIncome.length > 0) {
		return say(
			draft(
				'maybe',
				null,
				['La prime d’activité dépend des revenus d’activité.'],
				['Quels sont les revenus mensuels des adultes du foyer ?']
			),
			'La prime d’activité dépend de vos revenus d’activité : indiquez ceux de chaque adulte du foyer'
		);
	}
	const reasons: string[] = [];
	const { earners, floorNote } = ppaEarners(r, f, reasons);
	if (earners.length === 0)
		return say(
			draft('not_eligible', null, [...reasons, 'Pas de revenu d’activité ouvrant droit à la prime d’activité.']),
			floorNote ?? 'Sans revenu d’activité (salaire ou travail indépendant), pas de prime d’activité'
		);
	const unknown = unknownResources(deps, 'de la prime d’activité');
	if (unknown) return unknown;
	const base = r.get('ppa.base_amount');
	const max = maxAmount(r, f, 'ppa.base_amount');
	reasons.push(`Montant forfaitaire ${eur(max.amount)} (${max.text} ; ${r.cite('ppa.base_amount')}).`);
	const bonus = ppaBonus(r, f, earners, reasons);
	const earnings = earners.reduce((s, m) => s.plus(f.earnings(m)), ZERO);
	const slope = roundEur(earnings.times(r.get('ppa.earnings_rate')));
	reasons.push(
		`${frNumber(r.get('ppa.earnings_rate'))} × ${eur(earnings)} de revenus d’activité = ${eur(slope)} (${r.cite('ppa.earnings_rate')}).`
	);
	const otherAdults = f.adults.filter((m) => !earners.includes(m));
	const others = f
		.adultsIncome(NON_EARNED)
		.plus(otherAdults.reduce((s, m) => s.plus(f.income(m, EARNED)), ZERO))
		.plus(deps.familyResources)
		.plus(deps.aahReceived)
		.plus(deps.priorBenefits);
	const fl = forfait(r, f, deps, base);
	const resources = earnings.plus(others).plus(fl?.amount ?? ZERO);
	reasons.push(
		`Ressources ${eur(resources)} : revenus d’activité ${eur(earnings)}, autres ressources et prestations ${eur(others)}${fl ? `, forfait logement ${eur(fl.amount)} (${fl.why})` : ''}.`
	);
	const gross = roundEur(max.amount.plus(bonus).plus(slope).minus(Decimal.max(max.amount, resources)));
	reasons.push(
		`Prime = ${eur(max.amount)} + ${eur(bonus)} + ${eur(slope)} − ${eur(Decimal.max(max.amount, resources))} = ${eur(gross)}.`
	);
	if (gross.lt(r.get('ppa.payment_threshold'))) {
		reasons.push(`Sous le seuil de versement (${r.cite('ppa.payment_threshold')}).`);
		return say(
			draft('not_eligible', null, reasons),
			gross.lte(0)
				? `Les ressources de votre foyer (${eur(resources)} par mois) sont trop élevées pour la prime d’activité de ${persons(f)}`
				: `La prime d’activité calculée (${eur(gross)}) est inférieure au minimum versé (${eur(r.get('ppa.payment_threshold'))})`
		);
	}
	const net = afterCrds(r, gross);
	reasons.push(`Versée ${eur(net)} après CRDS (${r.cite('crds.rate')}).`);
	const d = say(
		{ status: 'eligible', amount: net, gross, reasons, questions: [] } as Draft,
		`${household(f)} et ${earners.length > 1 ? 'vous travaillez tous les deux' : 'vous travaillez'} (${eur(earnings)} de revenus d’activité par mois) : la prime d’activité compléterait vos revenus d’${perMonth(net)}`
	);
	return withUncertain(d, deps);
}
