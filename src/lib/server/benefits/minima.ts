/**
 * Minimum incomes: RSA (with forfait logement and the majoré regime), prime d'activité (with the
 * individual bonification), ASS and the prime de Noël (benefits.md §(a)).
 */
import Decimal from 'decimal.js';
import { centsToDecimal } from '$lib/money';
import { formatDateFr } from '$lib/dates';
import {
	afterCrds,
	ALL_INCOME,
	draft,
	EARNED,
	eur,
	forfaitLogement,
	frNumber,
	householdCoefficient,
	monthsBefore,
	NON_EARNED,
	roundEur,
	ZERO,
	type Draft,
	type Facts,
	type ParamReader
} from './context';

/** What the RSA and the PPA need from the other benefits (after-claiming state). */
export interface MinimaDeps {
	/** AF without age majoration + CF base + PAJE base + ASF forfait, monthly euros. */
	familyResources: Decimal;
	/** The housing aid is received or flagged (the forfait logement applies). */
	alCounts: boolean;
	/** Net monthly AL (caps the forfait logement), euros. */
	alNet: Decimal | null;
	/** AAH already received by the household, monthly euros. */
	aahReceived: Decimal;
	/** AAH flagged but not received: the RSA is an interim right. */
	aahClaimable: boolean;
	/** ASS or ASPA to claim first (the RSA is subsidiary), monthly euros; not yet in the declared income. */
	priorBenefits: Decimal;
}

/** Majoré regime: single parent with a child under 3, separated less than 12 months ago, or pregnant. */
function majoreReason(r: ParamReader, f: Facts): string | null {
	if (f.couple) return null;
	if (f.applicant.pregnant === true) return 'grossesse';
	if (f.children.length === 0) return null;
	const young = f.childrenAged(0, r.int('rsa.majore.child_age_limit')).known;
	if (young.length > 0) return `parent isolé avec un enfant de moins de ${r.int('rsa.majore.child_age_limit')} ans`;
	const since = f.h.separatedSince;
	if (since && since >= `${monthsBefore(f.h.month, r.int('rsa.majore.separation_months'))}-01`) {
		return `parent isolé séparé depuis le ${formatDateFr(since)}`;
	}
	return null;
}

/** Maximum amount of the household (RSA or PPA base × t(n), or the majoré formula), rounded to the cent. */
function maxAmount(
	r: ParamReader,
	f: Facts,
	baseKey: 'rsa.base_amount' | 'ppa.base_amount'
): { amount: Decimal; text: string } {
	const base = r.get(baseKey);
	const majore = majoreReason(r, f);
	if (majore) {
		const coef = r.get('rsa.majore.base_rate').plus(r.get('rsa.majore.per_child_rate').times(f.children.length));
		return {
			amount: roundEur(base.times(coef)),
			text: `montant majoré (${majore}) : ${frNumber(coef)} × ${eur(base)}`
		};
	}
	const t = householdCoefficient(r, f.size, f.couple);
	return { amount: roundEur(base.times(t)), text: `${f.size} personne(s), coefficient ${frNumber(t)} × ${eur(base)}` };
}

function forfaitApplies(f: Facts, deps: MinimaDeps): string | null {
	if (deps.alCounts) return 'aide au logement perçue ou à demander';
	if (f.h.housingStatus === 'owner') return 'propriétaire sans crédit';
	if (f.h.housingStatus === 'hosted_free') return 'hébergé gratuitement';
	return null;
}

export interface RsaOutcome {
	draft: Draft;
	/** Positive RSA: housing-aid resources are then neutralised. */
	positive: boolean;
}

/** RSA = montant forfaitaire − resources − forfait logement. */
export function evaluateRsa(r: ParamReader, f: Facts, deps: MinimaDeps): RsaOutcome {
	const no = (reasons: string[], questions: string[] = []): RsaOutcome => ({
		draft: draft('not_eligible', null, reasons, questions),
		positive: false
	});
	const a = f.applicant;
	const age = f.age(a);
	if (age === null) {
		return {
			draft: draft(
				'maybe',
				null,
				["L'âge du demandeur décide de l'accès au RSA (25 ans, ou moins avec un enfant)."],
				['Quelle est la date de naissance du demandeur ?']
			),
			positive: false
		};
	}
	const minAge = r.int('rsa.min_age');
	const hasChildOrPregnancy = f.children.length > 0 || f.pregnant();
	if (age < r.int('rsa.min_age_young')) return no([`Le RSA est ouvert à partir de ${r.int('rsa.min_age_young')} ans.`]);
	if (age < minAge && !hasChildOrPregnancy) {
		return no([
			`Avant ${minAge} ans sans enfant ni grossesse, le RSA n'est ouvert qu'aux jeunes ayant travaillé 3 214 heures en 3 ans (RSA jeune actif, non estimé).`
		]);
	}
	if (f.isStudent(a)) return no(["Les étudiants n'ont en principe pas droit au RSA."]);
	if (a.nationality === 'other')
		return no(['Le RSA suppose la nationalité française ou européenne, ou un titre de séjour depuis au moins 5 ans.']);
	if (f.adultsWithUnknownIncome.length > 0) {
		return {
			draft: draft(
				'maybe',
				null,
				['Les revenus du foyer décident du montant du RSA.'],
				['Quels sont les revenus mensuels des adultes du foyer ?']
			),
			positive: false
		};
	}
	const reasons: string[] = [];
	const max = maxAmount(r, f, 'rsa.base_amount');
	reasons.push(`Montant forfaitaire ${eur(max.amount)} (${max.text} ; ${r.cite('rsa.base_amount')}).`);

	let resources = f.adultsIncome(ALL_INCOME).plus(deps.familyResources).plus(deps.aahReceived).plus(deps.priorBenefits);
	const parts = [`revenus ${eur(f.adultsIncome(ALL_INCOME))}`];
	if (deps.priorBenefits.gt(0)) parts.push(`ASS ou ASPA à demander d'abord ${eur(deps.priorBenefits)}`);
	if (deps.familyResources.gt(0)) parts.push(`prestations familiales ${eur(deps.familyResources)}`);
	if (deps.aahReceived.gt(0)) parts.push(`AAH ${eur(deps.aahReceived)}`);
	if (f.h.savings !== null && f.h.savings > 0) {
		const savingsIncome = roundEur(centsToDecimal(f.h.savings).times(r.get('rsa.savings_rate')).dividedBy(12));
		resources = resources.plus(savingsIncome);
		parts.push(`épargne ${eur(savingsIncome)} (${r.cite('rsa.savings_rate')})`);
	}
	reasons.push(
		`Ressources mensuelles ${eur(resources)} : ${parts.join(', ')} (les aides au logement, la prime d'activité et l'ARS ne comptent pas).`
	);

	let fl = ZERO;
	const why = forfaitApplies(f, deps);
	if (why) {
		fl = forfaitLogement(r, r.get('rsa.base_amount'), f.size);
		if (deps.alCounts && deps.alNet !== null && deps.alNet.lt(fl)) fl = deps.alNet;
		reasons.push(
			`Forfait logement ${eur(fl)} (${why} ; ${r.cite(f.size <= 1 ? 'rsa.fl.rate_1p' : f.size === 2 ? 'rsa.fl.rate_2p' : 'rsa.fl.rate_3p')}).`
		);
	}
	const amount = roundEur(max.amount.minus(resources).minus(fl));
	reasons.push(`RSA = ${eur(max.amount)} − ${eur(resources)} − ${eur(fl)} = ${eur(amount)}.`);
	if (amount.lte(0)) {
		reasons.push('Ressources au moins égales au montant forfaitaire : pas de RSA.');
		return { draft: draft('not_eligible', null, reasons), positive: false };
	}
	if (amount.lt(r.get('rsa.payment_threshold'))) {
		reasons.push(`Sous le seuil de versement (${r.cite('rsa.payment_threshold')}) : pas de RSA.`);
		return { draft: draft('not_eligible', amount.gt(0) ? amount : null, reasons), positive: false };
	}
	if (a.nationality === null)
		reasons.push('Condition : nationalité française ou européenne, ou titre de séjour depuis au moins 5 ans.');
	const out: Draft = { status: 'eligible', amount, reasons, questions: [] };
	if (deps.aahClaimable) {
		out.interim = true;
		out.reasons.push(
			"L'AAH est à demander en priorité : le RSA n'est qu'un droit d'attente, réduit une fois l'AAH versée."
		);
	}
	return { draft: out, positive: true };
}

/** Prime d'activité = MFF + Σ bonifications + 59,85 % des revenus d'activité − max(MFF, ressources + FL). */
export function evaluatePpa(r: ParamReader, f: Facts, deps: MinimaDeps): Draft {
	if (f.adultsWithUnknownIncome.length > 0) {
		return draft(
			'maybe',
			null,
			["La prime d'activité dépend des revenus d'activité."],
			['Quels sont les revenus mensuels des adultes du foyer ?']
		);
	}
	const minAge = r.int('ppa.min_age');
	const smic = r.get('smic.hourly');
	const floor = r.get('ppa.student_hours').times(smic).times(r.get('ppa.student_smic_share'));
	const reasons: string[] = [];
	const earners = f.adults.filter((m) => {
		const e = f.earnings(m);
		if (e.lte(0)) return false;
		const age = f.age(m);
		if (age !== null && age < minAge) return false;
		if ((f.isStudent(m) || m.activity === 'apprentice') && e.lte(floor)) {
			reasons.push(
				`Étudiant ou apprenti : revenus d'activité de ${eur(e)} sous le plancher de ${eur(floor)} (${r.cite('ppa.student_hours')} × SMIC × ${frNumber(r.get('ppa.student_smic_share'))}).`
			);
			return false;
		}
		return true;
	});
	if (earners.length === 0)
		return draft('not_eligible', null, [...reasons, "Pas de revenu d'activité ouvrant droit à la prime d'activité."]);

	const base = r.get('ppa.base_amount');
	const max = maxAmount(r, f, 'ppa.base_amount');
	reasons.push(`Montant forfaitaire ${eur(max.amount)} (${max.text} ; ${r.cite('ppa.base_amount')}).`);

	const bmax = roundEur(base.times(r.get('ppa.bonification.max_rate')));
	const low = r.get('ppa.bonification.threshold_hours').times(smic);
	const high = r.get('ppa.bonification.max_hours').times(smic);
	let bonus = ZERO;
	for (const m of earners) {
		const e = f.earnings(m);
		const share = Decimal.min(1, Decimal.max(0, e.minus(low).dividedBy(high.minus(low))));
		const b = roundEur(bmax.times(share));
		bonus = bonus.plus(b);
		reasons.push(
			`Bonification individuelle ${eur(b)} pour ${eur(e)} de revenus (0 sous ${eur(low)}, maximum ${eur(bmax)} à ${eur(high)} ; ${r.cite('ppa.bonification.max_rate')} ; ${r.cite('ppa.bonification.max_hours')} ; ${r.cite('smic.hourly')}).`
		);
	}
	const earnings = earners.reduce((s, m) => s.plus(f.earnings(m)), ZERO);
	const slope = roundEur(earnings.times(r.get('ppa.earnings_rate')));
	reasons.push(
		`${frNumber(r.get('ppa.earnings_rate'))} × ${eur(earnings)} de revenus d'activité = ${eur(slope)} (${r.cite('ppa.earnings_rate')}).`
	);

	const otherAdults = f.adults.filter((m) => !earners.includes(m));
	const others = f
		.adultsIncome(NON_EARNED)
		.plus(otherAdults.reduce((s, m) => s.plus(f.income(m, EARNED)), ZERO))
		.plus(deps.familyResources)
		.plus(deps.aahReceived)
		.plus(deps.priorBenefits);
	let fl = ZERO;
	const why = forfaitApplies(f, deps);
	if (why) {
		fl = forfaitLogement(r, base, f.size);
		if (deps.alCounts && deps.alNet !== null && deps.alNet.lt(fl)) fl = deps.alNet;
	}
	const resources = earnings.plus(others).plus(fl);
	reasons.push(
		`Ressources ${eur(resources)} : revenus d'activité ${eur(earnings)}, autres ressources et prestations ${eur(others)}${why ? `, forfait logement ${eur(fl)} (${why})` : ''}.`
	);
	const gross = roundEur(max.amount.plus(bonus).plus(slope).minus(Decimal.max(max.amount, resources)));
	reasons.push(
		`Prime = ${eur(max.amount)} + ${eur(bonus)} + ${eur(slope)} − ${eur(Decimal.max(max.amount, resources))} = ${eur(gross)}.`
	);
	if (gross.lt(r.get('ppa.payment_threshold'))) {
		reasons.push(`Sous le seuil de versement (${r.cite('ppa.payment_threshold')}).`);
		return draft('not_eligible', null, reasons);
	}
	const net = afterCrds(r, gross);
	reasons.push(`Versée ${eur(net)} après CRDS (${r.cite('crds.rate')}).`);
	return { status: 'eligible', amount: net, gross, reasons, questions: [] };
}

/** ASS: end of unemployment-insurance rights, 5 years of work in the last 10, resources under the ceiling. */
export function evaluateAss(r: ParamReader, f: Facts): Draft {
	const receiving = f.adults.filter((m) => m.income !== null && m.income.ass > 0);
	if (receiving.length > 0) {
		const amount = f.adultsIncome(['ass']);
		return {
			status: 'received',
			amount,
			reasons: [`ASS déclarée dans les revenus : ${eur(amount)} par mois.`],
			questions: []
		};
	}
	const candidates = f.adults.filter((m) => m.activity === 'unemployed_no_benefit' || m.areExhausted === true);
	if (candidates.length === 0)
		return draft('not_eligible', null, ["Aucun adulte demandeur d'emploi sans indemnisation."]);
	const questions: string[] = [];
	const m = candidates[0];
	if (m.areExhausted === false) return draft('not_eligible', null, ["Les droits à l'ARE ne sont pas épuisés."]);
	if (m.worked5of10Years === false)
		return draft('not_eligible', null, [
			"L'ASS suppose 5 ans d'activité salariée dans les 10 ans avant la fin du contrat."
		]);
	if (m.areExhausted === null) questions.push("Les droits à l'allocation chômage (ARE) sont-ils épuisés ?");
	if (m.worked5of10Years === null)
		questions.push('A-t-il ou elle travaillé au moins 5 ans au cours des 10 dernières années ?');
	const daily = r.get('ass.daily_amount');
	const full = roundEur(daily.times(r.get('ass.days_per_month')));
	const ceiling = roundEur(daily.times(f.couple ? r.get('ass.ceiling_days_couple') : r.get('ass.ceiling_days_single')));
	const resources = f.adultsIncome(ALL_INCOME);
	const amount = roundEur(Decimal.min(full, ceiling.minus(resources)));
	const reasons = [
		`ASS à taux plein ${eur(full)} par mois (${r.cite('ass.daily_amount')} × ${r.int('ass.days_per_month')} jours).`,
		`Plafond de ressources ${eur(ceiling)} par mois (${r.cite(f.couple ? 'ass.ceiling_days_couple' : 'ass.ceiling_days_single')}) ; ressources du foyer ${eur(resources)}.`
	];
	if (amount.lte(0)) return draft('not_eligible', null, [...reasons, 'Ressources au-dessus du plafond.']);
	if (f.adultsWithUnknownIncome.length > 0) questions.push('Quels sont les revenus mensuels des adultes du foyer ?');
	return { status: questions.length ? 'maybe' : 'eligible', amount, reasons, questions };
}

/** Prime de Noël: automatic in December for RSA (by household size) or ASS/AER (flat) recipients. */
export function evaluatePrimeNoel(r: ParamReader, f: Facts, rsa: Draft, ass: Draft): Draft {
	const rsaPaid = rsa.status === 'eligible' || rsa.status === 'received';
	const assPaid = ass.status === 'eligible' || ass.status === 'received';
	const unit = r.get('prime_noel.amount');
	if (rsaPaid) {
		const t = householdCoefficient(r, f.size, f.couple);
		const amount = roundEur(unit.times(t));
		return draft('info', amount, [
			`Versée automatiquement mi-décembre aux foyers au RSA en novembre : ${frNumber(t)} × ${eur(unit)} = ${eur(amount)} (${r.cite('prime_noel.amount')}). Rien à demander.`
		]);
	}
	if (assPaid) {
		return draft('info', unit, [
			`Versée automatiquement mi-décembre par France Travail aux bénéficiaires de l'ASS : ${eur(unit)} (${r.cite('prime_noel.amount')}).`
		]);
	}
	if (rsa.status === 'maybe' || ass.status === 'maybe') {
		return draft('maybe', null, ["Versée en décembre si le RSA ou l'ASS est perçu en novembre."]);
	}
	return draft('not_eligible', null, ["Réservée aux foyers au RSA, à l'ASS ou à l'AER."]);
}
