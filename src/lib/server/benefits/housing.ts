/**
 * Housing: the simplified aides-au-logement formula for tenants in metropolitan France (AL = L + C − PP − 5,
 * PP = P0 + (TF + TL) × (R − R0)), minus 98 % of the réduction de loyer de solidarité (RLS) in social
 * housing for every composition and zone, and the FSL orientation (benefits.md §(a)).
 */
import Decimal from 'decimal.js';
import { centsToDecimal } from '$lib/money';
import { afterCrds, draft, eur, frNumber, ZERO, type Draft, type Facts, type ParamReader } from './context';
import { household, perMonth, say } from './plain';

const RENTER = new Set(['tenant_private', 'tenant_furnished', 'tenant_social', 'hostel']);

export interface AlOutcome {
	draft: Draft;
	/** Gross monthly AL (before CRDS), euros; null when not computed. */
	gross: Decimal | null;
}

/** Dependants for the housing aid: the children of the household. */
function dependants(f: Facts): number {
	return f.children.length;
}

function compositionKey(f: Facts, d: number, prefix: string): string {
	if (d === 0) return `${prefix}.${f.couple ? 'couple' : 'single'}`;
	return `${prefix}.d${Math.min(d, 6)}`;
}

/**
 * An amount by zone and composition (single / couple / 1 dependant + each further one), with the French
 * text of the very computation: "458,10 € = 399,89 € + 1 × 58,21 €".
 */
function byComposition(r: ParamReader, f: Facts, prefix: string, zone: number): { amount: Decimal; text: string } {
	const d = dependants(f);
	const key = (k: string) => `${prefix}.z${zone}.${k}`;
	if (d === 0) {
		const k = key(f.couple ? 'couple' : 'single');
		return { amount: r.get(k), text: `${eur(r.get(k))} (${r.cite(k)})` };
	}
	const first = r.get(key('one_dependant'));
	const extra = r.get(key('per_extra'));
	const amount = first.plus(extra.times(d - 1));
	const sum = d === 1 ? '' : ` = ${eur(first)} + ${d - 1} × ${eur(extra)}`;
	return {
		amount,
		text: `${eur(amount)}${sum} (${r.cite(key('one_dependant'))}${d > 1 ? ` ; ${r.cite(key('per_extra'))}` : ''})`
	};
}

/** Annual resources R of the housing aid (before rounding) and the reasons explaining them. */
function annualResources(r: ParamReader, f: Facts, neutralised: boolean, reasons: string[]): Decimal {
	const share = r.get('al.earned_income_share');
	let annual: Decimal;
	if (neutralised) {
		annual = f
			.adultsIncome(['pension', 'invalidityPension'])
			.times(12)
			.times(share)
			.plus(f.adultsIncome(['alimony', 'other']).times(12));
		reasons.push('Ressources d’activité et de chômage neutralisées (foyer au RSA ou à l’ASS).');
	} else {
		annual = f
			.adultsIncome(['salary', 'unemployment', 'dailyAllowance', 'pension', 'invalidityPension'])
			.times(12)
			.times(share)
			.plus(f.adultsIncome(['selfEmployed', 'alimony', 'other']).times(12));
	}
	if (f.isStudent(f.applicant)) {
		const forfait = r
			.get('al.student_forfait')
			.minus(f.applicant.scholarship ? r.get('al.student_scholar_reduction') : 0);
		if (annual.lt(forfait)) {
			annual = forfait;
			reasons.push(`Étudiant : ressources forfaitaires de ${eur(forfait)} par an (${r.cite('al.student_forfait')}).`);
		}
	}
	const savings = f.h.savings === null ? ZERO : centsToDecimal(f.h.savings);
	if (savings.gt(r.get('al.capital_threshold'))) {
		annual = annual.plus(savings.times(r.get('al.capital_rate')));
		reasons.push(
			`Épargne au-delà de ${eur(r.get('al.capital_threshold'))} : ${frNumber(r.get('al.capital_rate'))} de ${eur(savings)} compté par an.`
		);
	}
	return annual;
}

/** Personal participation PP = P0 + (TF + TL) × max(0, R − R0). */
function participation(
	r: ParamReader,
	f: Facts,
	x: { L: Decimal; C: Decimal; R: Decimal; zone: number },
	reasons: string[]
): Decimal {
	const d = dependants(f);
	const r0Key = d > 6 ? 'al.r0.d6' : compositionKey(f, d, 'al.r0');
	const R0 = r.get(r0Key).plus(d > 6 ? r.get('al.r0.per_extra').times(d - 6) : 0);
	const Rp = Decimal.max(0, x.R.minus(R0));
	reasons.push(
		`Ressources annuelles R = ${eur(x.R)} (${frNumber(r.get('al.earned_income_share'))} × revenus imposables sur 12 mois, arrondi à la centaine supérieure) ; abattement R0 = ${eur(R0)} (${r.cite(r0Key)}).`
	);
	const tfKey = d > 6 ? 'al.tf.d6' : compositionKey(f, d, 'al.tf');
	const TF = r.get(tfKey).plus(d > 6 ? r.get('al.tf.per_extra').times(d - 6) : 0);
	// RL is a percentage rounded to two decimals (arrêté du 27/09/2019): ratio to four decimals.
	const RL = x.L.dividedBy(byComposition(r, f, 'al.ceiling', 2).amount).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
	const low = r.get('al.tl.threshold_low');
	const high = r.get('al.tl.threshold_high');
	const TL = RL.lt(low)
		? ZERO
		: RL.lte(high)
			? r.get('al.tl.rate_low').times(RL.minus(low))
			: r.get('al.tl.rate_high').times(RL.minus(high)).plus(r.get('al.tl.offset_high'));
	const P0 = Decimal.max(x.L.plus(x.C).times(r.get('al.p0.rate')), r.get('al.p0.min'));
	const PP = P0.plus(TF.plus(TL).times(Rp));
	reasons.push(
		`Participation personnelle PP = P0 ${eur(P0)} + (TF ${frNumber(TF)} + TL ${frNumber(TL.toDecimalPlaces(6))}) × ${eur(Rp)} = ${eur(PP)} (${r.cite('al.p0.min')} ; ${r.cite(tfKey)} ; RL = ${frNumber(RL)}).`
	);
	return PP;
}

/**
 * Réduction de loyer de solidarité of a social-housing tenant whose monthly resources (R / 12) are under
 * the ceiling of the zone and composition; 98 % of it is deducted from the aid. Returns the deduction.
 */
function rlsDeduction(r: ParamReader, f: Facts, zone: number, R: Decimal, reasons: string[]): Decimal {
	const d = dependants(f);
	const ceilKey = (k: string) => `al.rls.ceiling.z${zone}.${k}`;
	const ceiling =
		d > 6
			? r.get(ceilKey('d6')).plus(r.get(ceilKey('per_extra')).times(d - 6))
			: r.get(ceilKey(d === 0 ? (f.couple ? 'couple' : 'single') : `d${d}`));
	const monthly = R.dividedBy(12);
	if (monthly.gte(ceiling)) {
		reasons.push(
			`Logement HLM : pas de réduction de loyer de solidarité, ressources de ${eur(monthly)} par mois au-dessus du plafond de ${eur(ceiling)} (${r.cite(ceilKey(d === 0 ? (f.couple ? 'couple' : 'single') : `d${Math.min(d, 6)}`))}).`
		);
		return ZERO;
	}
	const rls = byComposition(r, f, 'al.rls', zone);
	const share = r.get('al.rls_share');
	const deduction = rls.amount.times(share);
	reasons.push(
		`Logement HLM : réduction de loyer de solidarité ${rls.text}, ressources de ${eur(monthly)} par mois sous le plafond de ${eur(ceiling)} ; ${frNumber(share)} × ${eur(rls.amount)} = ${eur(deduction)} déduits de l’aide (${r.cite('al.rls_share')}).`
	);
	return deduction;
}

function missingAnswers(f: Facts): string[] {
	const questions: string[] = [];
	if (f.h.rent === null) questions.push('Quel est le montant du loyer hors charges ?');
	if (f.h.zone === null) questions.push('Dans quelle commune se trouve le logement (zone 1, 2 ou 3) ?');
	if (f.adultsWithUnknownIncome.length > 0) questions.push('Quels sont les revenus mensuels des adultes du foyer ?');
	return questions;
}

/** Housing aid for a household that is not a tenant (or whose status is unknown). */
function notTenant(f: Facts): AlOutcome {
	if (f.h.housingStatus === null) {
		const d = draft(
			'maybe',
			null,
			['Le statut d’occupation du logement n’est pas renseigné.'],
			['Le foyer est-il locataire, propriétaire ou hébergé ?']
		);
		return {
			draft: say(
				d,
				'L’aide au logement dépend de votre logement : êtes-vous locataire ou propriétaire, ou vivez-vous chez quelqu’un ?'
			),
			gross: null
		};
	}
	const loan = f.h.housingStatus === 'owner_with_loan';
	const why = loan
		? 'L’aide à l’accession (prêts anciens) n’est pas estimée ici ; se renseigner auprès de la CAF si le prêt est conventionné.'
		: 'Les aides au logement concernent les locataires et les résidents de foyer.';
	const plain = loan
		? 'Propriétaire avec un prêt : l’aide au logement n’existe plus que pour certains prêts anciens, à vérifier auprès de la CAF'
		: 'Les aides au logement sont réservées aux locataires et aux résidents de foyer';
	return { draft: say(draft('not_eligible', null, [why]), plain), gross: null };
}

/**
 * Aide au logement (APL/ALF/ALS) of a tenant. `neutralised` sets earned and unemployment income to 0
 * (household getting the RSA or the ASS, benefits.md §(a)).
 */
export function evaluateAl(r: ParamReader, f: Facts, neutralised: boolean): AlOutcome {
	const h = f.h;
	if (h.housingStatus === null || !RENTER.has(h.housingStatus)) return notTenant(f);
	const questions = missingAnswers(f);
	if (questions.length > 0) {
		const d = draft(
			'maybe',
			null,
			['Locataire : une aide au logement est possible, il manque des informations pour l’estimer.'],
			questions
		);
		return {
			draft: say(
				d,
				'Locataire, vous pouvez avoir droit à une aide au logement : il manque le loyer, la commune ou les revenus pour l’estimer'
			),
			gross: null
		};
	}
	const zone = h.zone as number;
	const d = dependants(f);
	const rent = centsToDecimal(h.rent as number);
	const ceiling = byComposition(r, f, 'al.ceiling', zone);
	const L = Decimal.min(rent, ceiling.amount);
	const C = r.get('al.charges.base').plus(r.get('al.charges.per_dependant').times(d));
	const reasons = [
		`Loyer retenu L = ${eur(L)} (loyer ${eur(rent)}, plafond zone ${zone} pour ${d === 0 ? (f.couple ? 'un couple' : 'une personne seule') : `${d} personne${d > 1 ? 's' : ''} à charge`} : ${ceiling.text}).`,
		`Forfait de charges C = ${eur(C)} (${r.cite('al.charges.base')} ; ${r.cite('al.charges.per_dependant')}).`
	];
	const step = r.get('al.resources_rounding');
	const R = annualResources(r, f, neutralised, reasons)
		.dividedBy(step)
		.toDecimalPlaces(0, Decimal.ROUND_CEIL)
		.times(step);
	const PP = participation(r, f, { L, C, R, zone }, reasons);
	let gross = L.plus(C).minus(PP).minus(r.get('al.minoration'));
	if (h.housingStatus === 'tenant_social') gross = gross.minus(rlsDeduction(r, f, zone, R, reasons));
	if (gross.lte(0)) {
		reasons.push(`L + C − PP − ${eur(r.get('al.minoration'))} est négatif : pas d’aide au logement.`);
		return {
			draft: say(
				draft('not_eligible', null, reasons),
				`Avec vos ressources (${eur(R)} par an retenus), votre participation dépasse le loyer retenu : pas d’aide au logement`
			),
			gross: null
		};
	}
	const net = afterCrds(r, gross);
	reasons.push(
		`AL = L + C − PP − ${eur(r.get('al.minoration'))} (${r.cite('al.minoration')})${h.housingStatus === 'tenant_social' ? ' − RLS' : ''} = ${eur(gross)}, versée ${eur(net)} après CRDS.`
	);
	if (net.lt(r.get('al.payment_threshold'))) {
		reasons.push(`Montant sous le seuil de versement (${r.cite('al.payment_threshold')}).`);
		return {
			draft: say(
				draft('not_eligible', net, reasons),
				`L’aide au logement calculée (${eur(net)}) est inférieure au minimum versé (${eur(r.get('al.payment_threshold'))})`
			),
			gross
		};
	}
	return { draft: alEligible(f, net, gross, reasons), gross };
}

function alEligible(f: Facts, net: Decimal, gross: Decimal, reasons: string[]): Draft {
	const h = f.h;
	const out: Draft = { status: 'eligible', amount: net, gross, reasons, questions: [] };
	const where =
		h.housingStatus === 'tenant_social' ? 'locataire HLM' : h.housingStatus === 'hostel' ? 'en foyer' : 'locataire';
	let plain = `${household(f)}, ${where} avec un loyer de ${eur(centsToDecimal(h.rent as number))} : l’aide au logement vous verserait ${perMonth(net)}`;
	if (h.housingStatus === 'hostel') {
		out.status = 'maybe';
		out.reasons.push('Foyer ou résidence sociale : la formule « foyer » diffère, l’estimation est indicative.');
		plain += ' (estimation indicative en foyer)';
	}
	if (h.housingStatus === 'tenant_social' && h.aidPaidToLandlord === null) {
		out.status = 'maybe';
		out.questions.push('L’APL est-elle versée directement au bailleur (voir la quittance de loyer) ?');
		out.reasons.push(
			'En HLM, l’APL est souvent versée au bailleur (tiers payant) : vérifier la quittance avant de la demander.'
		);
		plain += ', si elle n’est pas déjà versée à votre bailleur (voir la quittance de loyer)';
	}
	return say(out, plain);
}

/** FSL orientation: rent or energy arrears → the département's housing solidarity fund. */
export function evaluateFsl(f: Facts): Draft {
	const h = f.h;
	const dept = h.departement ? ` du département ${h.departement}` : ' du département';
	if (h.arrears === true) {
		return say(
			draft('eligible', null, [
				`Impayés de loyer ou d’énergie : le Fonds de solidarité pour le logement${dept} peut aider (règles locales, montant non estimé).`
			]),
			`Vous avez des impayés de loyer ou d’énergie : le fonds de solidarité pour le logement${dept} peut aider à les régler`
		);
	}
	if (h.arrears === null && h.housingStatus !== 'owner' && h.housingStatus !== 'owner_with_loan') {
		return say(
			draft(
				'maybe',
				null,
				[`Le FSL${dept} aide en cas d’impayés de loyer ou d’énergie, ou pour l’entrée dans un logement.`],
				['Le foyer a-t-il des impayés de loyer, d’électricité, de gaz ou d’eau ?']
			),
			`Le fonds de solidarité pour le logement${dept} aide en cas d’impayés de loyer ou d’énergie, ou pour entrer dans un logement`
		);
	}
	return say(
		draft('not_eligible', null, ['Pas d’impayé de loyer ou d’énergie déclaré.']),
		'Le fonds de solidarité pour le logement aide en cas d’impayés ; vous n’en déclarez pas'
	);
}
