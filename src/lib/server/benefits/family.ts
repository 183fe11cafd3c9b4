/**
 * Family benefits paid by the CAF from the BMAF: allocations familiales and complément familial (this
 * module), allocation de rentrée scolaire, allocation de soutien familial and PAJE allocation de base
 * (family-others.ts) (benefits.md §(a)). Each outcome says what part of the benefit counts in the RSA/PPA
 * resources when it is (or may be) paid; the engine decides whether it counts.
 */
import Decimal from 'decimal.js';
import { formatDateFr } from '$lib/dates';
import { afterCrds, draft, eur, roundEur, ZERO, type Draft, type Facts, type ParamReader } from './context';
import { count, household, numberWord, perMonth, say } from './plain';

/** A family benefit and the part of it counted in RSA/PPA resources (monthly gross, euros). */
export interface FamilyOutcome {
	draft: Draft;
	/** Counted in RSA/PPA resources when the benefit is (or may be) paid; 0 when it is not. */
	forResources: Decimal;
}

export function rfrText(f: Facts): string {
	const y = f.h.incomeYear ? ` (revenus ${f.h.incomeYear})` : '';
	return `revenu fiscal de référence ${eur(new Decimal(f.h.rfr ?? 0).dividedBy(100))}${y}`;
}

/** "vos revenus 2024 (12 960,00 €)" for the household sentences. */
export function incomeOfYear(f: Facts): string {
	return `vos revenus${f.h.incomeYear ? ` ${f.h.incomeYear}` : ''} (${eur(new Decimal(f.h.rfr ?? 0).dividedBy(100))})`;
}

export function rfr(f: Facts): Decimal | null {
	return f.h.rfr === null ? null : new Decimal(f.h.rfr).dividedBy(100);
}

export const RFR_QUESTION = 'Quel est le revenu fiscal de référence du dernier avis d’imposition ?';
export const BIRTH_QUESTION = 'Quelles sont les dates de naissance des enfants ?';

/**
 * CF/PAJE ceiling: base × (1 + 0.25 per 1st/2nd child + 0.30 from the 3rd), rounded to the euro, + the
 * bonus for two earners or a single parent; with the French text of that very computation.
 */
export function familyCeiling(
	r: ParamReader,
	f: Facts,
	baseKey: string,
	bonusKey: string,
	prefix: 'cf' | 'paje',
	children: number
): { amount: Decimal; text: string } {
	const first = r.get(`${prefix}.ceiling_rate_first_two`);
	const further = r.get(`${prefix}.ceiling_rate_further`);
	const rate = new Decimal(1).plus(first.times(Math.min(children, 2))).plus(further.times(Math.max(0, children - 2)));
	const base = r.get(baseKey);
	let amount = base.times(rate).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
	let text = `${eur(base)} × ${rate.toString().replace('.', ',')}`;
	if (f.dualEarnerOrSingleParent) {
		amount = amount.plus(r.get(bonusKey));
		text += ` + ${eur(r.get(bonusKey))} (deux revenus ou parent isolé)`;
	}
	return { amount, text: `${eur(amount)} = ${text} (${r.cite(baseKey)})` };
}

/** Age majoration of the AF: the threshold in force on the child's 14th birthday (Décret 2026-138). */
function afMajoration(r: ParamReader, f: Facts, bmaf: Decimal, kids: number, reasons: string[]): Decimal {
	const pivot = r.minValue('af.majoration_age').toNumber();
	const majUnit = roundEur(bmaf.times(r.get('af.majoration_rate')));
	const known = f.childrenAged(0, r.int('af.max_child_age')).known;
	const eldest = [...known].sort((a, b) => ((a.birthDate ?? '') < (b.birthDate ?? '') ? -1 : 1))[0];
	let maj = ZERO;
	for (const child of known) {
		if (kids === 2 && child === eldest) continue;
		const birth = child.birthDate as string;
		const pivotDay = `${Number(birth.slice(0, 4)) + pivot}${birth.slice(4)}`;
		const threshold = r.int('af.majoration_age', pivotDay);
		const age = f.age(child) as number;
		if (age >= threshold) {
			maj = maj.plus(majUnit);
			reasons.push(
				`Majoration pour âge de ${eur(majUnit)} pour l’enfant né le ${formatDateFr(birth)} (${age} ans ; seuil de ${threshold} ans pour un enfant ayant eu ${pivot} ans le ${formatDateFr(pivotDay)} : ${r.cite('af.majoration_age', pivotDay)}).`
			);
		}
	}
	if (kids === 2) reasons.push('Pour une famille de 2 enfants, l’aîné n’ouvre pas droit à la majoration pour âge.');
	return maj;
}

/** Modulation of the AF by the income of year N-2: ×1, ×0.5 or ×0.25 above the two ceilings. */
function afModulation(r: ParamReader, f: Facts, kids: number, reasons: string[], questions: string[]): Decimal {
	const income = rfr(f);
	const perChild = r.get('af.ceiling_per_child');
	const t1 = r.get('af.ceiling_t1_base').plus(perChild.times(kids));
	const t2 = r.get('af.ceiling_t2_base').plus(perChild.times(kids));
	const ceilings = `plafonds ${eur(t1)} = ${eur(r.get('af.ceiling_t1_base'))} + ${kids} × ${eur(perChild)} et ${eur(t2)} = ${eur(r.get('af.ceiling_t2_base'))} + ${kids} × ${eur(perChild)} (${r.cite('af.ceiling_t1_base')})`;
	if (income === null) {
		questions.push(RFR_QUESTION);
		reasons.push(`Revenu fiscal inconnu : montant à taux plein, divisé par 2 ou par 4 au-delà des ${ceilings}.`);
		return new Decimal(1);
	}
	const factor = income.gt(t2)
		? r.get('af.modulation_rate_t3')
		: income.gt(t1)
			? r.get('af.modulation_rate_t2')
			: new Decimal(1);
	reasons.push(
		`Modulation selon les ressources : ${rfrText(f)} ; ${ceilings} → coefficient ${factor.toString().replace('.', ',')}.`
	);
	return factor;
}

/** Allocations familiales: ≥2 children under 20, age majoration, modulation by income N-2. */
export function evaluateAf(r: ParamReader, f: Facts): FamilyOutcome {
	const maxAge = r.int('af.max_child_age');
	const { known, unknown } = f.childrenAged(0, maxAge);
	const kids = known.length + unknown.length;
	const questions = unknown.length ? [BIRTH_QUESTION] : [];
	if (kids < 2) {
		const d = draft(
			'not_eligible',
			null,
			[
				`Les allocations familiales sont versées à partir de 2 enfants à charge de moins de ${maxAge} ans ; le foyer en compte ${kids}.`
			],
			questions
		);
		const plain = `Les allocations familiales sont versées à partir de deux enfants à charge de moins de ${maxAge} ans ; ${kids === 0 ? 'vous n’en déclarez aucun' : `vous n’en déclarez qu’${numberWord(kids)}`}`;
		return { draft: say(d, plain), forResources: ZERO };
	}
	const bmaf = r.get('bmaf');
	const reasons = [r.cite('bmaf')];
	const rate = r.get('af.rate_two_children').plus(r.get('af.rate_per_further_child').times(kids - 2));
	let base = roundEur(bmaf.times(rate));
	reasons.push(
		`${kids} enfants : ${rate.toString().replace('.', ',')} × BMAF = ${eur(base)} (${r.cite('af.rate_two_children')} ; ${r.cite('af.rate_per_further_child')}).`
	);
	let maj = afMajoration(r, f, bmaf, kids, reasons);
	const factor = afModulation(r, f, kids, reasons, questions);
	if (!factor.eq(1)) {
		base = roundEur(base.times(factor));
		maj = roundEur(maj.times(factor));
	}
	const gross = base.plus(maj);
	const net = afterCrds(r, gross);
	reasons.push(`Montant brut ${eur(gross)}, versé ${eur(net)} après CRDS (${r.cite('crds.rate')}).`);
	if (known.some((c) => (f.age(c) as number) === maxAge - 1) && kids >= 3) {
		reasons.push('Le forfait d’allocations familiales à 20 ans n’est pas estimé.');
	}
	const modulated = factor.eq(1)
		? ''
		: factor.eq(r.get('af.modulation_rate_t2'))
			? ' (divisées par deux selon vos revenus)'
			: ' (divisées par quatre selon vos revenus)';
	const plain = `${household(f)} : les allocations familiales vous verseraient ${perMonth(net)}${modulated}`;
	return { draft: say({ status: 'eligible', amount: net, gross, reasons, questions }, plain), forResources: base };
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
		const young = under.length > 0;
		const d = draft(
			'not_eligible',
			null,
			[
				young
					? `Le complément familial suppose que tous les enfants aient au moins ${minAge} ans (un enfant plus jeune ouvre droit à la PAJE).`
					: `Le complément familial suppose au moins ${minChildren} enfants de ${minAge} à ${maxAge - 1} ans ; le foyer en compte ${n}.`
			],
			questions
		);
		const plain = young
			? `Le complément familial suppose que tous les enfants aient au moins ${minAge} ans ; avec un enfant plus jeune, c’est la PAJE qui s’applique`
			: `Le complément familial est versé aux familles d’au moins ${count(minChildren, 'enfant')} de ${minAge} à ${maxAge - 1} ans ; vous en déclarez ${numberWord(n)}`;
		return { draft: say(d, plain), forResources: ZERO };
	}
	const bmaf = r.get('bmaf');
	const baseGross = roundEur(bmaf.times(r.get('cf.rate_base')));
	const majGross = roundEur(bmaf.times(r.get('cf.rate_majore')));
	const ceiling = familyCeiling(r, f, 'cf.ceiling_base', 'cf.ceiling_dual_bonus', 'cf', n);
	const reasons = [r.cite('bmaf'), `Plafond de ressources pour ${n} enfants : ${ceiling.text}.`];
	const income = rfr(f);
	if (income === null) {
		questions.push(RFR_QUESTION);
		reasons.push(
			`Revenu fiscal inconnu : complément familial de ${eur(afterCrds(r, baseGross))} (ou majoré ${eur(afterCrds(r, majGross))}) si les ressources sont sous le plafond.`
		);
		const d: Draft = { status: 'maybe', amount: afterCrds(r, baseGross), gross: baseGross, reasons, questions };
		const plain = `Avec ${count(n, 'enfant')} de ${minAge} ans ou plus, le complément familial (${perMonth(afterCrds(r, baseGross))}) est dû si vos revenus ne dépassent pas ${eur(ceiling.amount)} par an : indiquez votre revenu fiscal de référence`;
		return { draft: say(d, plain), forResources: baseGross };
	}
	if (income.gt(ceiling.amount)) {
		reasons.push(`${rfrText(f)} au-dessus du plafond.`);
		const plain = `${incomeOfYear(f)} dépassent le plafond du complément familial pour ${count(n, 'enfant')} (${eur(ceiling.amount)})`;
		return { draft: say(draft('not_eligible', null, reasons, questions), plain), forResources: ZERO };
	}
	const half = ceiling.amount.times(r.get('cf.majore_share'));
	const majore = income.lte(half);
	const gross = majore ? majGross : baseGross;
	reasons.push(
		majore
			? `${rfrText(f)} ≤ ${eur(half)} (moitié du plafond) : complément familial majoré (${r.cite('cf.rate_majore')}).`
			: `${rfrText(f)} ≤ plafond : complément familial de base (${r.cite('cf.rate_base')}).`
	);
	const net = afterCrds(r, gross);
	reasons.push(`Montant brut ${eur(gross)}, versé ${eur(net)} après CRDS.`);
	const plain = `Vous avez ${count(n, 'enfant')} de ${minAge} ans ou plus et ${incomeOfYear(f)} sont sous le plafond de ${eur(majore ? half : ceiling.amount)} : le complément familial${majore ? ' majoré' : ''} vous verserait ${perMonth(net)}`;
	// RSA/PPA resources count the CF at its base rate (benefits.md §(a)).
	return { draft: say({ status: 'eligible', amount: net, gross, reasons, questions }, plain), forResources: baseGross };
}
