/**
 * Minimum incomes: the RSA (with forfait logement, the majoré regime and the RSA jeune actif) and what
 * it shares with the prime d'activité (ppa.ts): the maximum amount, the forfait logement, the resources
 * taken from the other benefits (benefits.md §(a)). ASS and the prime de Noël are in minima-others.ts. A benefit that counts in the resources and is only possible (`maybe`) is counted and
 * makes the result `maybe`; one that cannot be computed for the month makes it `maybe` without amount:
 * never an income silently taken as zero.
 */
import { plural } from '$lib/words';
import Decimal from 'decimal.js';
import { centsToDecimal } from '$lib/money';
import { formatDateFr } from '$lib/dates';
import {
	ALL_INCOME,
	draft,
	eur,
	forfaitLogement,
	frNumber,
	householdCoefficient,
	monthsBefore,
	roundEur,
	ZERO,
	type Draft,
	type Facts,
	type ParamReader
} from './context';
import { household, incomeWords, perMonth, persons, say, sentence, whole } from './plain';

/** A benefit counted in the resources although it is only possible: its household name and questions. */
export interface UncertainResource {
	/** e.g. "le complément familial (197,58 €)". */
	name: string;
	/** Monthly amount counted (0 when only the forfait logement depends on it). */
	amount: Decimal;
	questions: string[];
}

/** What the RSA and the PPA need from the other benefits (after-claiming state). */
export interface MinimaDeps {
	/** AF without age majoration + CF base + PAJE base + ASF counted (lower of paid and forfait), monthly. */
	familyResources: Decimal;
	/** The housing aid is received, flagged or possible (the forfait logement applies). */
	alCounts: boolean;
	/** Net monthly AL (caps the forfait logement), euros; null when not computed. */
	alNet: Decimal | null;
	/** AAH already received by the household, monthly euros. */
	aahReceived: Decimal;
	/** AAH flagged but not received: the RSA is an interim right. */
	aahClaimable: boolean;
	/** ASS or ASPA to claim first (the RSA is subsidiary), monthly euros; not yet in the declared income. */
	priorBenefits: Decimal;
	/** Counted but only possible (`maybe`): the result is `maybe` too. */
	uncertain: UncertainResource[];
	/** Count in the resources but cannot be computed this month: French reasons; no amount then. */
	unknown: string[];
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
export function maxAmount(
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
	return {
		amount: roundEur(base.times(t)),
		text: `${plural(f.size, 'personne')}, coefficient ${frNumber(t)} × ${eur(base)}`
	};
}

function forfaitApplies(f: Facts, deps: MinimaDeps): string | null {
	if (deps.alCounts) return 'aide au logement perçue ou à demander';
	if (f.h.housingStatus === 'owner') return 'propriétaire sans crédit';
	if (f.h.housingStatus === 'hosted_free') return 'hébergé gratuitement';
	return null;
}

/** Forfait logement of the RSA/PPA for `base`, capped at the housing aid; null when it does not apply. */
export function forfait(
	r: ParamReader,
	f: Facts,
	deps: MinimaDeps,
	base: Decimal
): { amount: Decimal; why: string } | null {
	const why = forfaitApplies(f, deps);
	if (!why) return null;
	let amount = forfaitLogement(r, base, f.size);
	if (deps.alCounts && deps.alNet !== null && deps.alNet.lt(amount)) amount = deps.alNet;
	return { amount, why };
}

/** `maybe` without amount when a resource cannot be computed this month (`benefit`: "du RSA"). */
export function unknownResources(deps: MinimaDeps, benefit: string): Draft | null {
	if (deps.unknown.length === 0) return null;
	return say(
		draft('maybe', null, [
			...deps.unknown.map(
				(u) => `${sentence(u)} Cette aide compte dans les ressources ${benefit} mais n’est pas calculable ce mois-ci.`
			),
			'Pas d’estimation plutôt qu’un calcul qui compterait ce revenu comme nul.'
		]),
		`Impossible d’estimer le montant ${benefit} pour ce mois : une autre aide qui compte dans vos ressources ne peut pas encore être calculée`
	);
}

/** Turns an eligible draft into `maybe` when it counted a benefit that is only possible. */
export function withUncertain(d: Draft, deps: MinimaDeps): Draft {
	if (deps.uncertain.length === 0 || d.status !== 'eligible') return d;
	const names = deps.uncertain.map((u) => u.name).join(', ');
	d.status = 'maybe';
	d.reasons.push(
		`Calculé en comptant ${names}, qui reste à confirmer : sans cette aide, le montant serait plus élevé.`
	);
	d.questions.push(...deps.uncertain.flatMap((u) => u.questions));
	if (d.plain) d.plain = `${d.plain.replace(/\.$/, '')}, en comptant ${names} s’il est dû.`;
	return d;
}

export interface RsaOutcome {
	draft: Draft;
	/** Positive RSA: housing-aid resources are then neutralised. */
	positive: boolean;
}

const rsaNo = (reasons: string[], plain: string, questions: string[] = []): RsaOutcome => ({
	draft: say(draft('not_eligible', null, reasons, questions), plain),
	positive: false
});

/**
 * Who may get the RSA: age (25, or 18 with a child, a pregnancy or 3 214 hours worked in 3 years), not a
 * student, nationality. Returns the outcome that stops the computation, or the jeune actif note.
 */
function rsaAccess(r: ParamReader, f: Facts): RsaOutcome | { youngWorker: 'yes' | 'unknown' | null } {
	const a = f.applicant;
	const age = f.age(a);
	if (age === null) {
		return {
			draft: say(
				draft(
					'maybe',
					null,
					['L’âge du demandeur décide de l’accès au RSA (25 ans, ou moins avec un enfant).'],
					['Quelle est la date de naissance du demandeur ?']
				),
				'Votre âge décide de l’accès au RSA : indiquez votre date de naissance'
			),
			positive: false
		};
	}
	const minAge = r.int('rsa.min_age');
	const young = r.int('rsa.min_age_young');
	if (age < young)
		return rsaNo([`Le RSA est ouvert à partir de ${young} ans.`], `Le RSA n’est ouvert qu’à partir de ${young} ans`);
	let youngWorker: 'yes' | 'unknown' | null = null;
	if (age < minAge && f.children.length === 0 && !f.pregnant()) {
		const hours = whole(r.int('rsa.jeune_actif.hours'));
		const years = r.int('rsa.jeune_actif.years');
		const rule = `Avant ${minAge} ans sans enfant ni grossesse, le RSA suppose ${hours} heures de travail au cours des ${years} ans avant la demande (RSA jeune actif ; ${r.cite('rsa.jeune_actif.hours')}).`;
		if (a.worked2of3Years === false)
			return rsaNo(
				[rule],
				`Avant ${minAge} ans, sans enfant ni grossesse, le RSA suppose d’avoir travaillé ${hours} heures (environ deux ans à temps plein) au cours des ${years} dernières années`
			);
		youngWorker = a.worked2of3Years === true ? 'yes' : 'unknown';
	}
	if (f.isStudent(a))
		return rsaNo(
			['Les étudiants n’ont en principe pas droit au RSA.'],
			'Les étudiants n’ont en principe pas droit au RSA'
		);
	if (a.nationality === 'other')
		return rsaNo(
			['Le RSA suppose la nationalité française ou européenne, ou un titre de séjour depuis au moins 5 ans.'],
			'Le RSA suppose d’être français(e), européen(ne) ou titulaire d’un titre de séjour depuis au moins 5 ans'
		);
	return { youngWorker };
}

/** Monthly resources of the RSA and their French breakdown. */
function rsaResources(r: ParamReader, f: Facts, deps: MinimaDeps): { total: Decimal; text: string } {
	let total = f.adultsIncome(ALL_INCOME).plus(deps.familyResources).plus(deps.aahReceived).plus(deps.priorBenefits);
	const parts = [`revenus ${eur(f.adultsIncome(ALL_INCOME))}`];
	if (deps.priorBenefits.gt(0)) parts.push(`ASS ou ASPA à demander d’abord ${eur(deps.priorBenefits)}`);
	if (deps.familyResources.gt(0)) parts.push(`prestations familiales ${eur(deps.familyResources)}`);
	if (deps.aahReceived.gt(0)) parts.push(`AAH ${eur(deps.aahReceived)}`);
	if (f.h.savings !== null && f.h.savings > 0) {
		const savingsIncome = roundEur(centsToDecimal(f.h.savings).times(r.get('rsa.savings_rate')).dividedBy(12));
		total = total.plus(savingsIncome);
		parts.push(`épargne ${eur(savingsIncome)} (${r.cite('rsa.savings_rate')})`);
	}
	return {
		total,
		text: `Ressources mensuelles ${eur(total)} : ${parts.join(', ')} (les aides au logement, la prime d’activité et l’ARS ne comptent pas).`
	};
}

/** RSA = montant forfaitaire − resources − forfait logement. */
export function evaluateRsa(r: ParamReader, f: Facts, deps: MinimaDeps): RsaOutcome {
	const access = rsaAccess(r, f);
	if ('draft' in access) return access;
	if (f.adultsWithUnknownIncome.length > 0) {
		const d = draft(
			'maybe',
			null,
			['Les revenus du foyer décident du montant du RSA.'],
			['Quels sont les revenus mensuels des adultes du foyer ?']
		);
		return {
			draft: say(d, 'Vos revenus décident du montant du RSA : indiquez ceux de chaque adulte du foyer'),
			positive: false
		};
	}
	const unknown = unknownResources(deps, 'du RSA');
	if (unknown) return { draft: unknown, positive: false };
	const max = maxAmount(r, f, 'rsa.base_amount');
	const res = rsaResources(r, f, deps);
	const reasons = [`Montant forfaitaire ${eur(max.amount)} (${max.text} ; ${r.cite('rsa.base_amount')}).`, res.text];
	const fl = forfait(r, f, deps, r.get('rsa.base_amount'));
	if (fl) {
		const key = f.size <= 1 ? 'rsa.fl.rate_1p' : f.size === 2 ? 'rsa.fl.rate_2p' : 'rsa.fl.rate_3p';
		reasons.push(`Forfait logement ${eur(fl.amount)} (${fl.why} ; ${r.cite(key)}).`);
	}
	const flAmount = fl?.amount ?? ZERO;
	const amount = roundEur(max.amount.minus(res.total).minus(flAmount));
	reasons.push(`RSA = ${eur(max.amount)} − ${eur(res.total)} − ${eur(flAmount)} = ${eur(amount)}.`);
	const possible = uncertainRsa(r, deps, amount, reasons);
	if (possible) return { draft: possible, positive: false };
	if (amount.lte(0)) {
		reasons.push('Ressources au moins égales au montant forfaitaire : pas de RSA.');
		return rsaNo(
			reasons,
			`Les ressources de votre foyer (${eur(res.total)} par mois, prestations familiales comprises${fl ? ', avec le forfait logement' : ''}) atteignent le montant garanti par le RSA pour ${persons(f)} (${eur(max.amount)})`
		);
	}
	if (amount.lt(r.get('rsa.payment_threshold'))) {
		reasons.push(`Sous le seuil de versement (${r.cite('rsa.payment_threshold')}) : pas de RSA.`);
		const out = rsaNo(
			reasons,
			`Le RSA calculé (${eur(amount)}) est inférieur au minimum versé (${eur(r.get('rsa.payment_threshold'))})`
		);
		out.draft.amount = amount;
		return out;
	}
	return {
		draft: rsaEligible(r, f, deps, { amount, max: max.amount, reasons, youngWorker: access.youngWorker }),
		positive: true
	};
}

/**
 * Not paid only because of benefits still to confirm: without them the RSA would reach the threshold, so
 * it is `maybe` (no amount), not `not_eligible`.
 */
function uncertainRsa(r: ParamReader, deps: MinimaDeps, amount: Decimal, reasons: string[]): Draft | null {
	if (amount.gte(r.get('rsa.payment_threshold'))) return null;
	const counted = deps.uncertain.reduce((s, u) => s.plus(u.amount), ZERO);
	const without = amount.plus(counted);
	if (counted.lte(0) || without.lt(r.get('rsa.payment_threshold'))) return null;
	const names = deps.uncertain.map((u) => u.name).join(', ');
	reasons.push(`Sans ${names}, qui reste à confirmer, le RSA serait de ${eur(without)}.`);
	return say(
		draft(
			'maybe',
			null,
			reasons,
			deps.uncertain.flatMap((u) => u.questions)
		),
		`Le RSA dépend d’une aide encore à confirmer (${names}) : sans elle, il vous reviendrait ${perMonth(without)}`
	);
}

function rsaEligible(
	r: ParamReader,
	f: Facts,
	deps: MinimaDeps,
	x: { amount: Decimal; max: Decimal; reasons: string[]; youngWorker: 'yes' | 'unknown' | null }
): Draft {
	const { amount, reasons } = x;
	if (f.applicant.nationality === null)
		reasons.push('Condition : nationalité française ou européenne, ou titre de séjour depuis au moins 5 ans.');
	const out: Draft = { status: 'eligible', amount, reasons, questions: [] };
	let plain = `${household(f)}, ${incomeWords(f.adultsIncome(ALL_INCOME))} : le RSA garantit ${eur(x.max)} par mois à ${persons(f)}, il vous reviendrait ${perMonth(amount)}`;
	if (x.youngWorker) {
		const hours = whole(r.int('rsa.jeune_actif.hours'));
		reasons.push(
			`RSA jeune actif : ${hours} heures de travail exigées en ${r.int('rsa.jeune_actif.years')} ans (${r.cite('rsa.jeune_actif.hours')}).`
		);
		plain = `Vous avez moins de ${r.int('rsa.min_age')} ans${x.youngWorker === 'yes' ? ` et avez travaillé au moins ${hours} heures en ${r.int('rsa.jeune_actif.years')} ans` : ''} : le RSA jeune actif vous garantirait ${perMonth(amount)}`;
		if (x.youngWorker === 'unknown') {
			out.status = 'maybe';
			out.questions.push(
				`Avez-vous travaillé au moins ${hours} heures (environ deux ans à temps plein) au cours des ${r.int('rsa.jeune_actif.years')} dernières années ?`
			);
			plain += `, si vous avez travaillé au moins ${hours} heures (environ deux ans à temps plein) au cours des ${r.int('rsa.jeune_actif.years')} dernières années`;
		}
	}
	if (deps.aahClaimable) {
		out.interim = true;
		out.reasons.push(
			'L’AAH est à demander en priorité : le RSA n’est qu’un droit d’attente, réduit une fois l’AAH versée.'
		);
		plain += ', en attendant l’AAH à demander d’abord';
	}
	return withUncertain(say(out, plain), deps);
}
