/**
 * Disability, old age, health and energy: AAH (with the couple rules since 2023), ASPA, ASI, the
 * complémentaire santé solidaire (thresholds and participation by age) and the chèque énergie.
 */
import Decimal from 'decimal.js';
import { centsToDecimal } from '$lib/money';
import {
	ALL_INCOME,
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
import type { Member } from './types';

/** Allocation aux adultes handicapés, per adult; the partner's income is ignored (since 2023-10-01). */
export function evaluateAah(r: ParamReader, f: Facts): Draft {
	const minAge = r.int('aah.min_age');
	const full = r.int('aah.rate_full');
	const partial = r.int('aah.rate_partial');
	const maxPartial = r.int('aah.max_age_partial');
	const questions: string[] = [];
	const reasons: string[] = [];
	const eligible: Member[] = [];
	let uncertain = false;
	for (const m of f.adults) {
		const rate = m.disabilityRate;
		if (rate === null || rate < partial) continue;
		const age = f.age(m);
		if (age === null) {
			questions.push('Quelle est la date de naissance de la personne handicapée ?');
			uncertain = true;
			eligible.push(m);
			continue;
		}
		if (age < minAge) continue;
		if (rate >= full) {
			eligible.push(m);
			reasons.push(
				`Taux d'incapacité de ${rate} % reconnu (≥ ${full} %) : AAH possible sans limite d'âge après ${maxPartial} ans.`
			);
		} else if (age < maxPartial) {
			if (m.rsdae === false) continue;
			if (m.rsdae === null) {
				questions.push(
					"La MDPH a-t-elle reconnu une restriction substantielle et durable d'accès à l'emploi (RSDAE) ?"
				);
				uncertain = true;
			}
			eligible.push(m);
			reasons.push(
				`Taux d'incapacité de ${rate} % (entre ${partial} et ${full - 1} %) : AAH possible avec une RSDAE, avant ${maxPartial} ans.`
			);
		}
	}
	if (eligible.length === 0) {
		return draft('not_eligible', null, [
			`L'AAH suppose un taux d'incapacité d'au moins ${partial} % reconnu par la MDPH.`
		]);
	}
	if (eligible.some((m) => m.income === null)) {
		return draft(
			'maybe',
			null,
			[...reasons, 'Les revenus de la personne décident du montant.'],
			[...questions, 'Quels sont les revenus mensuels de la personne handicapée ?']
		);
	}
	const aah = r.get('aah.amount');
	const ceiling = aah.times(new Decimal(1).plus(r.get('aah.ceiling_per_child_rate').times(f.children.length)));
	const threshold = r
		.get('aah.earnings_abatement_smic_share')
		.times(r.get('smic.hourly'))
		.times(r.get('smic.annual_hours'));
	let total = ZERO;
	for (const m of eligible) {
		const yearly = f.income(m, EARNED).times(12);
		const abated = yearly
			.minus(Decimal.min(yearly, threshold).times(r.get('aah.earnings_abatement_low')))
			.minus(Decimal.max(0, yearly.minus(threshold)).times(r.get('aah.earnings_abatement_high')));
		const resources = abated.dividedBy(12).plus(f.income(m, NON_EARNED));
		const amount = roundEur(Decimal.max(0, Decimal.min(aah, ceiling.minus(resources))));
		total = total.plus(amount);
		reasons.push(
			`AAH = min(${eur(aah)}, plafond ${eur(ceiling)} − ressources propres ${eur(resources)}) = ${eur(amount)} (${r.cite('aah.amount')} ; revenus d'activité abattus de ${frNumber(r.get('aah.earnings_abatement_low'))} puis ${frNumber(r.get('aah.earnings_abatement_high'))}).`
		);
	}
	if (f.couple)
		reasons.push(`Les revenus du conjoint ne sont pas pris en compte (${r.cite('aah.partner_income_ignored_from')}).`);
	if (total.lte(0))
		return draft('not_eligible', null, [...reasons, 'Ressources propres au-dessus du plafond.'], questions);
	reasons.push('À demander en priorité avant le RSA (la MDPH décide, la CAF verse).');
	return { status: uncertain ? 'maybe' : 'eligible', amount: total, reasons, questions };
}

/** ASPA (minimum vieillesse): differential amount up to the single or couple ceiling. */
export function evaluateAspa(r: ParamReader, f: Facts): Draft {
	const minAge = r.int('aspa.min_age');
	const ages = f.adults.map((m) => f.age(m));
	const old = f.adults.filter((_, i) => (ages[i] ?? -1) >= minAge);
	if (old.length === 0) {
		const q = ages.some((a) => a === null) ? ['Quelles sont les dates de naissance des adultes ?'] : [];
		return draft(
			'not_eligible',
			null,
			[`L'ASPA est ouverte à partir de ${minAge} ans (ou de l'âge légal de la retraite en cas d'inaptitude).`],
			q
		);
	}
	if (f.adultsWithUnknownIncome.length > 0) {
		return draft(
			'maybe',
			null,
			[`Âge d'au moins ${minAge} ans : l'ASPA dépend des ressources.`],
			['Quels sont les revenus mensuels (retraites comprises) des adultes du foyer ?']
		);
	}
	const single = roundEur(r.get('aspa.ceiling_single_annual').dividedBy(12));
	const couple = roundEur(r.get('aspa.ceiling_couple_annual').dividedBy(12));
	const ceiling = f.couple ? couple : single;
	const maximum = f.couple && old.length === 2 ? couple : single;
	const resources = f.adultsIncome(ALL_INCOME);
	const amount = roundEur(Decimal.min(maximum, ceiling.minus(resources)));
	const reasons = [
		`Plafond ${eur(ceiling)} par mois (${r.cite(f.couple ? 'aspa.ceiling_couple_annual' : 'aspa.ceiling_single_annual')}) ; ressources du foyer ${eur(resources)} par mois.`
	];
	if (amount.lte(0)) return draft('not_eligible', null, [...reasons, 'Ressources au-dessus du plafond.']);
	reasons.push(`ASPA différentielle ${eur(amount)} par mois, à condition d'avoir demandé toutes les retraites.`);
	reasons.push(
		`Récupérable sur la succession au-delà de ${eur(r.get('aspa.estate_recovery_threshold'))} (${r.cite('aspa.estate_recovery_threshold')}).`
	);
	return {
		status: 'eligible',
		amount,
		reasons,
		questions: ["La retraite versée comprend-elle déjà l'ASPA (voir la notification de la caisse) ?"]
	};
}

/** ASI: invalidity pensioner below retirement age, differential up to the resource ceiling. */
export function evaluateAsi(r: ParamReader, f: Facts): Draft {
	const maxAge = r.int('asi.max_age');
	const pensioners = f.adults.filter(
		(m) => m.income !== null && m.income.invalidityPension > 0 && (f.age(m) ?? 0) < maxAge
	);
	if (pensioners.length === 0)
		return draft('not_eligible', null, ["L'ASI complète une pension d'invalidité, avant l'âge de la retraite."]);
	const ceilingYear = r.get(f.couple ? 'asi.ceiling_couple_annual' : 'asi.ceiling_single_annual');
	const resourcesYear = f.adultsIncome(ALL_INCOME).times(12);
	const amount = roundEur(ceilingYear.minus(resourcesYear).dividedBy(12));
	const reasons = [
		`Plafond ${eur(ceilingYear)} par an (${r.cite(f.couple ? 'asi.ceiling_couple_annual' : 'asi.ceiling_single_annual')}) ; ressources ${eur(resourcesYear)} par an.`
	];
	if (amount.lte(0)) return draft('not_eligible', null, [...reasons, 'Ressources au-dessus du plafond.']);
	reasons.push(
		`ASI différentielle ≈ ${eur(amount)} par mois (montant maximal de l'ASI non renseigné dans la table : estimation haute).`
	);
	return { status: f.adultsWithUnknownIncome.length ? 'maybe' : 'eligible', amount, reasons, questions: [] };
}

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
		return {
			status: 'eligible',
			amount: ZERO,
			participation: ZERO,
			reasons: ['Gratuite pour les foyers au RSA (à demander avec le RSA ou ensuite à la CPAM).'],
			questions: []
		};
	}
	if (f.h.members.some((m) => (m.role === 'applicant' || m.role === 'partner') && m.income === null)) {
		return {
			...draft(
				'maybe',
				null,
				['La CSS dépend des ressources des 12 derniers mois.'],
				['Quels sont les revenus mensuels des adultes du foyer ?']
			),
			participation: undefined
		};
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
		`Ressources des 12 derniers mois ≈ ${eur(resources)} (revenus ${eur(incomes)}${family.gt(0) ? `, prestations familiales ${eur(family)}` : ''}${aah.gt(0) ? `, AAH ${eur(aah)}` : ''}${aspa.gt(0) ? `, ASPA ${eur(aspa)}` : ''}${forfait.gt(0) ? `, forfait logement ${eur(forfait)}` : ''} ; le RSA, la prime d'activité et les aides au logement ne comptent pas).`,
		`Plafonds pour ${f.size} personne(s) : gratuite jusqu'à ${eur(c.free)}, avec participation jusqu'à ${eur(c.part)} (${r.cite(`css.free_ceiling.p${Math.min(Math.max(f.size, 1), 4)}`)}).`
	];
	const questions: string[] = [];
	if (inp.aahClaimable !== null) {
		const later = incomes
			.plus(Decimal.max(0, inp.aahClaimable.minus(r.get('css.aah_deduction'))).times(12))
			.plus(family)
			.plus(cssForfait(r, f, inp.alReceived ?? inp.alFlagged));
		const lc = classify(r, f, later);
		const p = participation(r, f).total;
		reasons.push(
			`Une fois l'AAH (et l'aide au logement) versées : ressources ≈ ${eur(roundEur(later))} → ${lc.level === 'free' ? 'CSS gratuite' : lc.level === 'part' ? `participation de ${eur(p)} par mois` : 'plus de CSS'}.`
		);
	}
	if (c.level === 'none')
		return {
			...draft('not_eligible', null, [...reasons, 'Ressources au-dessus du plafond avec participation.'], questions)
		};
	if (c.level === 'free') {
		return { status: 'eligible', amount: ZERO, participation: ZERO, reasons: [...reasons, 'CSS gratuite.'], questions };
	}
	const p = participation(r, f);
	if (p.unknown)
		questions.push("Quelles sont les dates de naissance des membres du foyer (la participation dépend de l'âge) ?");
	reasons.push(
		`CSS avec participation de ${eur(p.total)} par mois pour le foyer (${r.cite('css.participation.30_49')} pour un adulte de 30 à 49 ans, selon l'âge).`
	);
	return { status: 'eligible', amount: ZERO, participation: p.total, reasons, questions };
}

/** Chèque énergie: yearly amount from the RFR per consumption unit; asked about, since it is not a bank credit. */
export function evaluateChequeEnergie(r: ParamReader, f: Facts): Draft {
	if (f.h.rfr === null) {
		return draft(
			'maybe',
			null,
			['Le chèque énergie dépend du revenu fiscal de référence.'],
			["Quel est le revenu fiscal de référence du dernier avis d'imposition ?"]
		);
	}
	const n = f.h.members.length;
	let uc = new Decimal(1);
	if (n >= 2) uc = uc.plus(r.get('cheque_energie.uc.second_person'));
	if (n >= 3) uc = uc.plus(r.get('cheque_energie.uc.further_person').times(n - 2));
	const rfr = centsToDecimal(f.h.rfr);
	const perUc = rfr.dividedBy(uc);
	const reasons = [
		`${n} personne(s) = ${frNumber(uc)} UC ; revenu fiscal ${eur(rfr)}${f.h.incomeYear ? ` (revenus ${f.h.incomeYear})` : ''} soit ${eur(roundEur(perUc))} par UC.`
	];
	let bracket = 0;
	for (let b = 1; b <= 4; b++) {
		if (perUc.lt(r.get(`cheque_energie.bracket${b}`))) {
			bracket = b;
			break;
		}
	}
	if (bracket === 0) {
		return draft('not_eligible', null, [...reasons, `Au-dessus du plafond (${r.cite('cheque_energie.bracket4')}).`]);
	}
	const cls = uc.eq(1) ? 'uc1' : uc.lt(2) ? 'uc1to2' : 'uc2';
	const key = `cheque_energie.${cls}.b${bracket}`;
	const amount = r.get(key);
	reasons.push(`Tranche ${bracket} : ${eur(amount)} par an (${r.cite(key)}).`);
	reasons.push("Envoyé automatiquement (chèque papier ou en ligne) : vérifier s'il a été reçu avant de le signaler.");
	return { status: 'eligible', amount, reasons, questions: ['Avez-vous reçu le chèque énergie cette année ?'] };
}
