/**
 * Family benefits paid by the CAF from the BMAF: allocations familiales, complément familial, allocation
 * de rentrée scolaire, allocation de soutien familial and PAJE allocation de base (benefits.md §(a)).
 */
import Decimal from 'decimal.js';
import { formatDateFr } from '$lib/dates';
import { afterCrds, draft, eur, roundEur, ZERO, type Draft, type Facts, type ParamReader } from './context';
import type { Member } from './types';

/** A family benefit and the part of it counted in RSA/PPA resources (monthly gross, euros). */
export interface FamilyOutcome {
	draft: Draft;
	/** Counted in RSA/PPA resources when the benefit is (or would be) paid. */
	forResources: Decimal;
}

function rfrText(f: Facts): string {
	const y = f.h.incomeYear ? ` (revenus ${f.h.incomeYear})` : '';
	return `revenu fiscal de référence ${eur(new Decimal(f.h.rfr ?? 0).dividedBy(100))}${y}`;
}

function rfr(f: Facts): Decimal | null {
	return f.h.rfr === null ? null : new Decimal(f.h.rfr).dividedBy(100);
}

const RFR_QUESTION = "Quel est le revenu fiscal de référence du dernier avis d'imposition ?";
const BIRTH_QUESTION = 'Quelles sont les dates de naissance des enfants ?';

/** CF/PAJE ceiling: base × (1 + 0.25 per 1st/2nd child + 0.30 from the 3rd) (+ bonus), rounded to the euro. */
function familyCeiling(r: ParamReader, f: Facts, prefix: 'cf' | 'paje', children: number): Decimal {
	const rate = new Decimal(1)
		.plus(r.get(`${prefix}.ceiling_rate_first_two`).times(Math.min(children, 2)))
		.plus(r.get(`${prefix}.ceiling_rate_further`).times(Math.max(0, children - 2)));
	let ceiling = r.get(`${prefix}.ceiling_base`).times(rate).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
	if (f.dualEarnerOrSingleParent) ceiling = ceiling.plus(r.get(`${prefix}.ceiling_dual_bonus`));
	return ceiling;
}

/** Allocations familiales: ≥2 children under 20, age majoration, modulation by income N-2. */
export function evaluateAf(r: ParamReader, f: Facts): FamilyOutcome {
	const maxAge = r.int('af.max_child_age');
	const { known, unknown } = f.childrenAged(0, maxAge);
	const kids = [...known, ...unknown];
	const questions = unknown.length ? [BIRTH_QUESTION] : [];
	if (kids.length < 2) {
		return {
			draft: draft(
				'not_eligible',
				null,
				[
					`Les allocations familiales sont versées à partir de 2 enfants à charge de moins de ${maxAge} ans ; le foyer en compte ${kids.length}.`
				],
				questions
			),
			forResources: ZERO
		};
	}
	const bmaf = r.get('bmaf');
	const reasons = [r.cite('bmaf')];
	const rate = r.get('af.rate_two_children').plus(r.get('af.rate_per_further_child').times(kids.length - 2));
	let base = roundEur(bmaf.times(rate));
	reasons.push(
		`${kids.length} enfants : ${frRate(rate)} × BMAF = ${eur(base)} (${r.cite('af.rate_two_children')} ; ${r.cite('af.rate_per_further_child')}).`
	);

	// Age majoration: the threshold in force on the child's birthday at the pivot age (14): Décret 2026-138.
	const pivot = r.minValue('af.majoration_age').toNumber();
	const majUnit = roundEur(bmaf.times(r.get('af.majoration_rate')));
	const eldest = [...known].sort((a, b) => ((a.birthDate ?? '') < (b.birthDate ?? '') ? -1 : 1))[0];
	let maj = ZERO;
	for (const child of known) {
		if (kids.length === 2 && child === eldest) continue;
		const birth = child.birthDate as string;
		const pivotDay = `${Number(birth.slice(0, 4)) + pivot}${birth.slice(4)}`;
		const threshold = r.int('af.majoration_age', pivotDay);
		const age = f.age(child) as number;
		if (age >= threshold) {
			maj = maj.plus(majUnit);
			reasons.push(
				`Majoration pour âge de ${eur(majUnit)} pour l'enfant né le ${formatDateFr(birth)} (${age} ans ; seuil de ${threshold} ans pour un enfant ayant eu ${pivot} ans le ${formatDateFr(pivotDay)} : ${r.cite('af.majoration_age', pivotDay)}).`
			);
		}
	}
	if (kids.length === 2)
		reasons.push("Pour une famille de 2 enfants, l'aîné n'ouvre pas droit à la majoration pour âge.");

	const income = rfr(f);
	let factor = new Decimal(1);
	if (income === null) {
		questions.push(RFR_QUESTION);
		reasons.push(
			'Revenu fiscal inconnu : montant à taux plein, divisé par 2 ou par 4 au-delà des plafonds de ressources.'
		);
	} else {
		const t1 = r.get('af.ceiling_t1_base').plus(r.get('af.ceiling_per_child').times(kids.length));
		const t2 = r.get('af.ceiling_t2_base').plus(r.get('af.ceiling_per_child').times(kids.length));
		if (income.gt(t2)) factor = r.get('af.modulation_rate_t3');
		else if (income.gt(t1)) factor = r.get('af.modulation_rate_t2');
		reasons.push(
			`Modulation selon les ressources : ${rfrText(f)} ; plafonds ${eur(t1)} et ${eur(t2)} (${r.cite('af.ceiling_t1_base')}) → coefficient ${frRate(factor)}.`
		);
	}
	if (!factor.eq(1)) {
		base = roundEur(base.times(factor));
		maj = roundEur(maj.times(factor));
	}
	const gross = base.plus(maj);
	const net = afterCrds(r, gross);
	reasons.push(`Montant brut ${eur(gross)}, versé ${eur(net)} après CRDS (${r.cite('crds.rate')}).`);
	if (known.some((c) => (f.age(c) as number) === maxAge - 1) && kids.length >= 3) {
		reasons.push("Le forfait d'allocations familiales à 20 ans n'est pas estimé.");
	}
	return { draft: { status: 'eligible', amount: net, gross, reasons, questions }, forResources: base };
}

function frRate(d: Decimal): string {
	return d.toString().replace('.', ',');
}

/** Complément familial: ≥3 children all aged 3 or more (and under 21), income N-2 under the ceiling. */
export function evaluateCf(r: ParamReader, f: Facts): FamilyOutcome {
	const minAge = r.int('cf.min_child_age');
	const maxAge = r.int('cf.max_child_age');
	const minChildren = r.int('cf.min_children');
	const under = f.childrenAged(0, minAge).known;
	const { known, unknown } = f.childrenAged(minAge, maxAge);
	const questions = unknown.length ? [BIRTH_QUESTION] : [];
	const n = known.length + unknown.length;
	if (n < minChildren || under.length > 0) {
		return {
			draft: draft(
				'not_eligible',
				null,
				[
					under.length > 0
						? `Le complément familial suppose que tous les enfants aient au moins ${minAge} ans (un enfant plus jeune ouvre droit à la PAJE).`
						: `Le complément familial suppose au moins ${minChildren} enfants de ${minAge} à ${maxAge - 1} ans ; le foyer en compte ${n}.`
				],
				questions
			),
			forResources: ZERO
		};
	}
	const bmaf = r.get('bmaf');
	const baseGross = roundEur(bmaf.times(r.get('cf.rate_base')));
	const majGross = roundEur(bmaf.times(r.get('cf.rate_majore')));
	const ceiling = familyCeiling(r, f, 'cf', n);
	const reasons = [
		r.cite('bmaf'),
		`Plafond de ressources pour ${n} enfants${f.dualEarnerOrSingleParent ? ' (deux revenus ou parent isolé)' : ' (un seul revenu)'} : ${eur(ceiling)} (${r.cite('cf.ceiling_base')}).`
	];
	const income = rfr(f);
	if (income === null) {
		questions.push(RFR_QUESTION);
		reasons.push(
			`Revenu fiscal inconnu : complément familial de ${eur(afterCrds(r, baseGross))} (ou majoré ${eur(afterCrds(r, majGross))}) si les ressources sont sous le plafond.`
		);
		return {
			draft: { status: 'maybe', amount: afterCrds(r, baseGross), gross: baseGross, reasons, questions },
			forResources: ZERO
		};
	}
	if (income.gt(ceiling)) {
		reasons.push(`${rfrText(f)} au-dessus du plafond.`);
		return { draft: draft('not_eligible', null, reasons, questions), forResources: ZERO };
	}
	const majore = income.lte(ceiling.times(r.get('cf.majore_share')));
	const gross = majore ? majGross : baseGross;
	reasons.push(
		majore
			? `${rfrText(f)} ≤ ${eur(ceiling.times(r.get('cf.majore_share')))} (moitié du plafond) : complément familial majoré (${r.cite('cf.rate_majore')}).`
			: `${rfrText(f)} ≤ plafond : complément familial de base (${r.cite('cf.rate_base')}).`
	);
	const net = afterCrds(r, gross);
	reasons.push(`Montant brut ${eur(gross)}, versé ${eur(net)} après CRDS.`);
	// RSA/PPA resources count the CF at its base rate (benefits.md §(a)).
	return { draft: { status: 'eligible', amount: net, gross, reasons, questions }, forResources: baseGross };
}

/** Allocation de rentrée scolaire for the next (or current) back-to-school, paid in August. */
export function evaluateArs(r: ParamReader, f: Facts, hasCafRelationship: boolean): FamilyOutcome {
	const year = Number(f.h.month.slice(0, 4)) + (Number(f.h.month.slice(5, 7)) > 8 ? 1 : 0);
	const august = `${year}-08`;
	const sept15 = `${year}-09-15`;
	const dec31 = `${year}-12-31`;
	const minAge = r.int('ars.min_age', august);
	const band2 = r.int('ars.age_band_2', august);
	const band3 = r.int('ars.age_band_3', august);
	const maxAge = r.int('ars.max_age', august);
	const declAge = r.int('ars.school_declaration_age', august);
	const bmaf = r.get('bmaf', august);
	const questions: string[] = [];
	const reasons = [`Rentrée ${year} (versement en août) ; ${r.cite('bmaf', august)}.`];
	let gross = ZERO;
	let net = ZERO;
	let olderChild = false;
	const eligible: Member[] = [];
	for (const c of f.children) {
		if (!c.birthDate) {
			if (!questions.includes(BIRTH_QUESTION)) questions.push(BIRTH_QUESTION);
			continue;
		}
		const ageSept = f.age(c, sept15) as number;
		const ageDec = f.age(c, dec31) as number;
		if (ageDec < minAge || ageSept > maxAge) continue;
		if (ageSept >= declAge) {
			if (c.atSchool === false) continue;
			if (c.atSchool === null)
				questions.push(
					`L'enfant né le ${formatDateFr(c.birthDate)} sera-t-il scolarisé ou apprenti à la rentrée ${year} ?`
				);
			olderChild = true;
		}
		const key = ageSept >= band3 ? 'ars.rate_15_18' : ageSept >= band2 ? 'ars.rate_11_14' : 'ars.rate_6_10';
		const g = roundEur(bmaf.times(r.get(key, august)));
		const n = afterCrds(r, g);
		gross = gross.plus(g);
		net = net.plus(n);
		eligible.push(c);
		reasons.push(
			`Enfant né le ${formatDateFr(c.birthDate)} (${ageSept} ans au 15/09/${year}) : ${eur(g)} brut, ${eur(n)} après CRDS (${r.cite(key, august)}).`
		);
	}
	if (eligible.length === 0) {
		return {
			draft: draft(
				'not_eligible',
				null,
				[`Aucun enfant de ${minAge} à ${maxAge} ans à la rentrée ${year}.`],
				questions
			),
			forResources: ZERO
		};
	}
	const dependants = f.childrenAged(0, r.int('af.max_child_age')).known.length + f.childrenAged(0, 0).unknown.length;
	const ceiling = r
		.get('ars.ceiling_base', august)
		.times(new Decimal(1).plus(r.get('ars.ceiling_per_child_rate', august).times(dependants)))
		.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
	reasons.push(
		`Plafond de ressources pour ${dependants} enfant(s) à charge : ${eur(ceiling)} (${r.cite('ars.ceiling_base', august)}).`
	);
	const income = rfr(f);
	if (income === null) {
		questions.push(RFR_QUESTION);
		return { draft: { status: 'maybe', amount: net, gross, reasons, questions }, forResources: ZERO };
	}
	if (income.gt(ceiling)) {
		reasons.push(`${rfrText(f)} au-dessus du plafond.`);
		return { draft: draft('not_eligible', null, reasons, questions), forResources: ZERO };
	}
	if (net.lt(r.get('ars.payment_threshold', august))) {
		reasons.push(`Montant sous le seuil de versement (${r.cite('ars.payment_threshold', august)}).`);
		return { draft: draft('not_eligible', net, reasons, questions), forResources: ZERO };
	}
	if (hasCafRelationship && !olderChild) {
		reasons.push('Versement automatique aux allocataires de la CAF pour les enfants de 6 à 15 ans : rien à demander.');
		return { draft: { status: 'info', amount: net, gross, reasons, questions }, forResources: ZERO };
	}
	reasons.push(
		olderChild
			? 'Pour un enfant de 16 à 18 ans, la scolarité doit être déclarée à la CAF.'
			: "Le foyer doit être connu de la CAF pour recevoir l'ARS."
	);
	return { draft: { status: 'eligible', amount: net, gross, reasons, questions }, forResources: ZERO };
}

/** Allocation de soutien familial: single parent receiving no child support, per child under 20. */
export function evaluateAsf(r: ParamReader, f: Facts): FamilyOutcome {
	const maxAge = r.int('af.max_child_age');
	const { known, unknown } = f.childrenAged(0, maxAge);
	const k = known.length + unknown.length;
	if (f.couple || k === 0) {
		return {
			draft: draft('not_eligible', null, [
				f.couple ? "L'ASF est réservée au parent qui élève seul ses enfants." : "Pas d'enfant à charge."
			]),
			forResources: ZERO
		};
	}
	const bmaf = r.get('bmaf');
	const perChildGross = roundEur(bmaf.times(r.get('asf.rate')));
	const perChildNet = afterCrds(r, perChildGross);
	const gross = perChildGross.times(k);
	const net = perChildNet.times(k);
	const forfait = roundEur(bmaf.times(r.get('rsa.asf_forfait_rate'))).times(k);
	const reasons = [
		`${k} enfant(s) : ${k} × ${eur(perChildNet)} après CRDS (${eur(perChildGross)} brut ; ${r.cite('asf.rate')} ; ${r.cite('bmaf')}).`
	];
	if (f.h.childSupportUnpaid === null) {
		return {
			draft: {
				status: 'maybe',
				amount: net,
				gross,
				reasons: [
					...reasons,
					"Dû si l'autre parent ne verse pas de pension alimentaire (ou une pension inférieure à l'ASF)."
				],
				questions: ["L'autre parent verse-t-il la pension alimentaire ?"]
			},
			forResources: ZERO
		};
	}
	if (!f.h.childSupportUnpaid) {
		return {
			draft: draft('not_eligible', null, ["La pension alimentaire est versée par l'autre parent."]),
			forResources: ZERO
		};
	}
	reasons.push(
		'Parent isolé sans pension alimentaire versée : ASF due ; la CAF peut aussi recouvrer la pension (ARIPA).'
	);
	return { draft: { status: 'eligible', amount: net, gross, reasons, questions: [] }, forResources: forfait };
}

/** PAJE allocation de base: a child under 3, income N-2 under the full-rate ceiling. */
export function evaluatePaje(r: ParamReader, f: Facts): FamilyOutcome {
	const maxAge = r.int('paje.max_child_age');
	const { known, unknown } = f.childrenAged(0, maxAge);
	const questions = unknown.length ? [BIRTH_QUESTION] : [];
	if (known.length === 0) {
		const reasons = [`Pas d'enfant de moins de ${maxAge} ans.`];
		if (f.pregnant())
			reasons.push("Grossesse en cours : l'allocation de base pourra être demandée après la naissance.");
		return { draft: draft('not_eligible', null, reasons, questions), forResources: ZERO };
	}
	const n = f.children.length;
	const ceiling = familyCeiling(r, f, 'paje', n);
	const gross = roundEur(r.get('bmaf').times(r.get('paje.rate_full')));
	const net = afterCrds(r, gross);
	const reasons = [
		`Enfant de moins de ${maxAge} ans ; taux plein ${eur(gross)} brut, ${eur(net)} après CRDS (${r.cite('paje.rate_full')} ; ${r.cite('bmaf')}).`,
		`Plafond de ressources pour ${n} enfant(s) : ${eur(ceiling)} (${r.cite('paje.ceiling_base')}).`
	];
	const income = rfr(f);
	if (income === null) {
		questions.push(RFR_QUESTION);
		return { draft: { status: 'maybe', amount: net, gross, reasons, questions }, forResources: ZERO };
	}
	if (income.gt(ceiling)) {
		reasons.push(
			`${rfrText(f)} au-dessus du plafond du taux plein (le taux partiel n'est pas estimé : plafonds non renseignés).`
		);
		return { draft: draft('not_eligible', null, reasons, questions), forResources: ZERO };
	}
	return { draft: { status: 'eligible', amount: net, gross, reasons, questions }, forResources: gross };
}
