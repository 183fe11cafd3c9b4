/**
 * Housing: the simplified aides-au-logement formula for tenants in metropolitan France (AL = L + C − PP − 5,
 * PP = P0 + (TF + TL) × (R − R0)) and the FSL orientation (benefits.md §(a)).
 */
import Decimal from 'decimal.js';
import { centsToDecimal } from '$lib/money';
import { afterCrds, draft, eur, frNumber, ZERO, type Draft, type Facts, type ParamReader } from './context';

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

/** Rent ceiling of a zone for the household (single / couple / 1 dependant + per extra). */
function rentCeiling(r: ParamReader, f: Facts, zone: number): Decimal {
	const d = dependants(f);
	if (d === 0) return r.get(`al.ceiling.z${zone}.${f.couple ? 'couple' : 'single'}`);
	return r.get(`al.ceiling.z${zone}.one_dependant`).plus(r.get(`al.ceiling.z${zone}.per_extra`).times(d - 1));
}

/**
 * Aide au logement (APL/ALF/ALS) of a tenant. `neutralised` sets earned and unemployment income to 0
 * (household getting the RSA or the ASS, benefits.md §(a)).
 */
export function evaluateAl(r: ParamReader, f: Facts, neutralised: boolean): AlOutcome {
	const h = f.h;
	const questions: string[] = [];
	if (h.housingStatus === null) {
		return {
			draft: draft(
				'maybe',
				null,
				["Le statut d'occupation du logement n'est pas renseigné."],
				['Le foyer est-il locataire, propriétaire ou hébergé ?']
			),
			gross: null
		};
	}
	if (!RENTER.has(h.housingStatus)) {
		const why =
			h.housingStatus === 'owner_with_loan'
				? "L'aide à l'accession (prêts anciens) n'est pas estimée ici ; se renseigner auprès de la CAF si le prêt est conventionné."
				: 'Les aides au logement concernent les locataires et les résidents de foyer.';
		return { draft: draft('not_eligible', null, [why]), gross: null };
	}
	if (h.rent === null) questions.push('Quel est le montant du loyer hors charges ?');
	if (h.zone === null) questions.push('Dans quelle commune se trouve le logement (zone 1, 2 ou 3) ?');
	if (f.adultsWithUnknownIncome.length > 0) questions.push('Quels sont les revenus mensuels des adultes du foyer ?');
	if (questions.length > 0) {
		return {
			draft: draft(
				'maybe',
				null,
				["Locataire : une aide au logement est possible, il manque des informations pour l'estimer."],
				questions
			),
			gross: null
		};
	}
	const zone = h.zone as number;
	const d = dependants(f);
	const rent = centsToDecimal(h.rent as number);
	const ceiling = rentCeiling(r, f, zone);
	const L = Decimal.min(rent, ceiling);
	const C = r.get('al.charges.base').plus(r.get('al.charges.per_dependant').times(d));
	const reasons = [
		`Loyer retenu L = ${eur(L)} (loyer ${eur(rent)}, plafond zone ${zone} ${eur(ceiling)} : ${r.cite(d === 0 ? `al.ceiling.z${zone}.${f.couple ? 'couple' : 'single'}` : `al.ceiling.z${zone}.one_dependant`)}).`,
		`Forfait de charges C = ${eur(C)} (${r.cite('al.charges.base')} ; ${r.cite('al.charges.per_dependant')}).`
	];

	// Annual resources R: 0.9 × taxable wages, unemployment, pensions and daily allowances; rounded up to 100.
	const share = r.get('al.earned_income_share');
	let annual: Decimal;
	if (neutralised) {
		annual = f
			.adultsIncome(['pension', 'invalidityPension'])
			.times(12)
			.times(share)
			.plus(f.adultsIncome(['alimony', 'other']).times(12));
		reasons.push("Ressources d'activité et de chômage neutralisées (foyer au RSA ou à l'ASS).");
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
	if (h.savings !== null) {
		const savings = centsToDecimal(h.savings);
		if (savings.gt(r.get('al.capital_threshold'))) {
			annual = annual.plus(savings.times(r.get('al.capital_rate')));
			reasons.push(
				`Épargne au-delà de ${eur(r.get('al.capital_threshold'))} : ${frNumber(r.get('al.capital_rate'))} de ${eur(savings)} compté par an.`
			);
		}
	}
	const step = r.get('al.resources_rounding');
	const R = annual.dividedBy(step).toDecimalPlaces(0, Decimal.ROUND_CEIL).times(step);
	const r0Key = d > 6 ? 'al.r0.d6' : compositionKey(f, d, 'al.r0');
	const R0 = r.get(r0Key).plus(d > 6 ? r.get('al.r0.per_extra').times(d - 6) : 0);
	const Rp = Decimal.max(0, R.minus(R0));
	reasons.push(
		`Ressources annuelles R = ${eur(R)} (${frNumber(share)} × revenus imposables sur 12 mois, arrondi à la centaine supérieure) ; abattement R0 = ${eur(R0)} (${r.cite(r0Key)}).`
	);

	const tfKey = d > 6 ? 'al.tf.d6' : compositionKey(f, d, 'al.tf');
	const TF = r.get(tfKey).plus(d > 6 ? r.get('al.tf.per_extra').times(d - 6) : 0);
	// RL is a percentage rounded to two decimals (arrêté du 27/09/2019): ratio to four decimals.
	const RL = L.dividedBy(rentCeiling(r, f, 2)).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
	const low = r.get('al.tl.threshold_low');
	const high = r.get('al.tl.threshold_high');
	const TL = RL.lt(low)
		? ZERO
		: RL.lte(high)
			? r.get('al.tl.rate_low').times(RL.minus(low))
			: r.get('al.tl.rate_high').times(RL.minus(high)).plus(r.get('al.tl.offset_high'));
	const P0 = Decimal.max(L.plus(C).times(r.get('al.p0.rate')), r.get('al.p0.min'));
	const PP = P0.plus(TF.plus(TL).times(Rp));
	reasons.push(
		`Participation personnelle PP = P0 ${eur(P0)} + (TF ${frNumber(TF)} + TL ${frNumber(TL.toDecimalPlaces(6))}) × ${eur(Rp)} = ${eur(PP)} (${r.cite('al.p0.min')} ; ${r.cite(tfKey)} ; RL = ${frNumber(RL)}).`
	);
	let gross = L.plus(C).minus(PP).minus(r.get('al.minoration'));
	if (h.housingStatus === 'tenant_social') {
		if (zone === 2 && !f.couple && d === 0) {
			const rls = r.get('al.rls.z2.single').times(r.get('al.rls_share'));
			gross = gross.minus(rls);
			reasons.push(
				`Logement HLM : ${frNumber(r.get('al.rls_share'))} × la réduction de loyer de solidarité déduits (${r.cite('al.rls.z2.single')}).`
			);
		} else {
			reasons.push(
				"Logement HLM : la réduction de loyer de solidarité (RLS) n'est pas déduite faute de barème pour ce foyer ; l'aide réelle est un peu plus faible."
			);
		}
	}
	if (gross.lte(0)) {
		reasons.push(`L + C − PP − ${eur(r.get('al.minoration'))} est négatif : pas d'aide au logement.`);
		return { draft: draft('not_eligible', null, reasons), gross: null };
	}
	const net = afterCrds(r, gross);
	reasons.push(
		`AL = L + C − PP − ${eur(r.get('al.minoration'))} (${r.cite('al.minoration')}) = ${eur(gross)}, versée ${eur(net)} après CRDS.`
	);
	if (net.lt(r.get('al.payment_threshold'))) {
		reasons.push(`Montant sous le seuil de versement (${r.cite('al.payment_threshold')}).`);
		return { draft: draft('not_eligible', net, reasons), gross };
	}
	const out: Draft = { status: 'eligible', amount: net, gross, reasons, questions: [] };
	if (h.housingStatus === 'hostel') {
		out.status = 'maybe';
		out.reasons.push("Foyer ou résidence sociale : la formule « foyer » diffère, l'estimation est indicative.");
	}
	if (h.housingStatus === 'tenant_social' && h.aidPaidToLandlord === null) {
		out.status = 'maybe';
		out.questions.push("L'APL est-elle versée directement au bailleur (voir la quittance de loyer) ?");
		out.reasons.push(
			"En HLM, l'APL est souvent versée au bailleur (tiers payant) : vérifier la quittance avant de la demander."
		);
	}
	return { draft: out, gross };
}

/** FSL orientation: rent or energy arrears → the département's housing solidarity fund. */
export function evaluateFsl(f: Facts): Draft {
	const h = f.h;
	const dept = h.departement ? ` du département ${h.departement}` : ' du département';
	if (h.arrears === true) {
		return draft('eligible', null, [
			`Impayés de loyer ou d'énergie : le Fonds de solidarité pour le logement${dept} peut aider (règles locales, montant non estimé).`
		]);
	}
	if (h.arrears === null && h.housingStatus !== 'owner' && h.housingStatus !== 'owner_with_loan') {
		return draft(
			'maybe',
			null,
			[`Le FSL${dept} aide en cas d'impayés de loyer ou d'énergie, ou pour l'entrée dans un logement.`],
			["Le foyer a-t-il des impayés de loyer, d'électricité, de gaz ou d'eau ?"]
		);
	}
	return draft('not_eligible', null, ["Pas d'impayé de loyer ou d'énergie déclaré."]);
}
