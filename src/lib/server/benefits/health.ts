/**
 * Complémentaire santé solidaire (CPAM): free with the RSA, otherwise by the resources of the last 12
 * months against the free and the participation ceilings, the participation depending on each member's
 * age (benefits.md §(a)).
 */
import { plural } from '$lib/words';
import Decimal from 'decimal.js';
import { ALL_INCOME, draft, eur, roundEur, ZERO, type Draft, type Facts, type ParamReader } from './context';
import { persons, say } from './plain';

/** Benefits actually received that the CSS counts, monthly euros. */
export interface CssInputs {
	rsaPaid: boolean;
	/** AF + CF + ASF actually received, monthly. */
	familyReceived: Decimal;
	/** AAH actually received, monthly (for the household), and how many adults get it. */
	aahReceived: Decimal;
	aahRecipients: number;
	aspaReceived: Decimal;
	/** AL received (monthly net) or null. */
	alReceived: Decimal | null;
	/** AAH claimable, to show the CSS once it is paid (null when not relevant). */
	aahClaimable: Decimal | null;
	/** AL flagged (not received), used with aahClaimable. */
	alFlagged: Decimal | null;
}

function ceilingFor(r: ParamReader, kind: 'free_ceiling' | 'part_ceiling', persons: number): Decimal {
	if (persons <= 4) return r.get(`css.${kind}.p${Math.max(1, persons)}`);
	return r.get(`css.${kind}.p4`).plus(r.get(`css.${kind}.extra`).times(persons - 4));
}

/** "25 846,00 € = 21 711,00 € + 1 × 4 135,00 €" for more than 4 persons; the cited version either way. */
function ceilingText(r: ParamReader, kind: 'free_ceiling' | 'part_ceiling', persons: number): string {
	const amount = eur(ceilingFor(r, kind, persons));
	if (persons <= 4) return `${amount} (${r.cite(`css.${kind}.p${Math.max(1, persons)}`)})`;
	return `${amount} = ${eur(r.get(`css.${kind}.p4`))} + ${persons - 4} × ${eur(r.get(`css.${kind}.extra`))} (${r.cite(`css.${kind}.p4`)} ; ${r.cite(`css.${kind}.extra`)})`;
}

function cssForfait(r: ParamReader, f: Facts, al: Decimal | null): Decimal {
	const base = r.get('rsa.base_amount');
	const n = f.size;
	const mult = n <= 1 ? new Decimal(1) : n === 2 ? r.get('rsa.fl.mult_2p') : r.get('rsa.fl.mult_3p');
	const suffix = n <= 1 ? '1p' : n === 2 ? '2p' : '3p';
	if (al !== null)
		return Decimal.min(
			al.times(12),
			roundEur(
				base
					.times(mult)
					.times(r.get(`css.fl_with_al.rate_${suffix}`))
					.times(12)
			)
		);
	if (f.h.housingStatus === 'owner' || f.h.housingStatus === 'hosted_free') {
		return roundEur(
			base
				.times(mult)
				.times(r.get(`css.fl_without_al.rate_${suffix}`))
				.times(12)
		);
	}
	return ZERO;
}

function participation(r: ParamReader, f: Facts): { total: Decimal; unknown: boolean } {
	let total = ZERO;
	let unknown = false;
	for (const m of f.h.members) {
		const age = f.age(m);
		if (age === null) unknown = true;
		const a = age ?? 30;
		const key =
			a >= r.int('css.participation.age_70')
				? 'css.participation.70_plus'
				: a >= r.int('css.participation.age_60')
					? 'css.participation.60_69'
					: a >= r.int('css.participation.age_50')
						? 'css.participation.50_59'
						: a >= r.int('css.participation.age_30')
							? 'css.participation.30_49'
							: 'css.participation.under_30';
		total = total.plus(r.get(key));
	}
	return { total, unknown };
}

/** Classifies annual resources against the CSS ceilings. */
function classify(
	r: ParamReader,
	f: Facts,
	resources: Decimal
): { free: Decimal; part: Decimal; level: 'free' | 'part' | 'none' } {
	const free = ceilingFor(r, 'free_ceiling', f.size);
	const part = ceilingFor(r, 'part_ceiling', f.size);
	return { free, part, level: resources.lte(free) ? 'free' : resources.lte(part) ? 'part' : 'none' };
}

/** Complémentaire santé solidaire: free with the RSA, otherwise by the resources of the last 12 months. */
export function evaluateCss(r: ParamReader, f: Facts, inp: CssInputs): Draft {
	if (inp.rsaPaid) {
		return say(
			{
				status: 'eligible',
				amount: ZERO,
				participation: ZERO,
				reasons: ['Gratuite pour les foyers au RSA (à demander avec le RSA ou ensuite à la CPAM).'],
				questions: []
			},
			'Avec le RSA, la complémentaire santé solidaire est gratuite pour tout le foyer'
		);
	}
	if (f.adultsWithUnknownIncome.length > 0) {
		return say(
			draft(
				'maybe',
				null,
				['La CSS dépend des ressources des 12 derniers mois.'],
				['Quels sont les revenus mensuels des adultes du foyer ?']
			),
			'La complémentaire santé solidaire dépend des ressources des 12 derniers mois : indiquez celles des adultes du foyer'
		);
	}
	const incomes = f.allIncome(ALL_INCOME).times(12);
	const aah = Decimal.max(0, inp.aahReceived.minus(r.get('css.aah_deduction').times(inp.aahRecipients))).times(12);
	const aspa = Decimal.max(
		0,
		inp.aspaReceived.minus(f.couple ? r.get('css.aspa_deduction_couple') : r.get('css.aspa_deduction_single'))
	).times(12);
	const family = inp.familyReceived.times(12);
	const forfait = cssForfait(r, f, inp.alReceived);
	const resources = incomes.plus(aah).plus(aspa).plus(family).plus(forfait);
	const c = classify(r, f, resources);
	const reasons = [
		`Ressources des 12 derniers mois ≈ ${eur(resources)} (revenus ${eur(incomes)}${family.gt(0) ? `, prestations familiales ${eur(family)}` : ''}${aah.gt(0) ? `, AAH ${eur(aah)}` : ''}${aspa.gt(0) ? `, ASPA ${eur(aspa)}` : ''}${forfait.gt(0) ? `, forfait logement ${eur(forfait)}` : ''} ; le RSA, la prime d’activité et les aides au logement ne comptent pas).`,
		`Plafonds pour ${plural(f.size, 'personne')} : gratuite jusqu’à ${ceilingText(r, 'free_ceiling', f.size)}, avec participation jusqu’à ${ceilingText(r, 'part_ceiling', f.size)}.`
	];
	const questions: string[] = [];
	if (inp.aahClaimable !== null) reasons.push(afterAah(r, f, inp, incomes.plus(family)));
	const yearly = eur(roundEur(resources));
	if (c.level === 'none')
		return say(
			draft('not_eligible', null, [...reasons, 'Ressources au-dessus du plafond avec participation.'], questions),
			`Les ressources de votre foyer sur 12 mois (environ ${yearly}) dépassent le plafond de la complémentaire santé solidaire pour ${persons(f)} (${eur(c.part)})`
		);
	if (c.level === 'free') {
		return say(
			{ status: 'eligible', amount: ZERO, participation: ZERO, reasons: [...reasons, 'CSS gratuite.'], questions },
			`Les ressources de votre foyer sur 12 mois (environ ${yearly}) sont sous le plafond de ${eur(c.free)} : la complémentaire santé solidaire serait gratuite`
		);
	}
	const p = participation(r, f);
	if (p.unknown)
		questions.push('Quelles sont les dates de naissance des membres du foyer (la participation dépend de l’âge) ?');
	reasons.push(
		`CSS avec participation de ${eur(p.total)} par mois pour le foyer (${r.cite('css.participation.30_49')} pour un adulte de 30 à 49 ans, selon l’âge).`
	);
	return say(
		{ status: 'eligible', amount: ZERO, participation: p.total, reasons, questions },
		`Les ressources de votre foyer sur 12 mois (environ ${yearly}) sont sous le plafond de ${eur(c.part)} : la complémentaire santé solidaire vous coûterait ${eur(p.total)} par mois pour tout le foyer`
	);
}

/** The CSS once the AAH to claim (and the housing aid) are paid. */
function afterAah(r: ParamReader, f: Facts, inp: CssInputs, incomesAndFamily: Decimal): string {
	const later = incomesAndFamily
		.plus(Decimal.max(0, (inp.aahClaimable ?? ZERO).minus(r.get('css.aah_deduction'))).times(12))
		.plus(cssForfait(r, f, inp.alReceived ?? inp.alFlagged));
	const lc = classify(r, f, later);
	const p = participation(r, f).total;
	return `Une fois l’AAH (et l’aide au logement) versées : ressources ≈ ${eur(roundEur(later))} → ${lc.level === 'free' ? 'CSS gratuite' : lc.level === 'part' ? `participation de ${eur(p)} par mois` : 'plus de CSS'}.`;
}
