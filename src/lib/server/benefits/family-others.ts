/**
 * Family benefits for some children: allocation de rentrée scolaire (August), allocation de soutien
 * familial (full, or différentielle when a pension below the ASF is paid) and PAJE allocation de base
 * (full or partial rate) (benefits.md §(a)).
 */
import { plural } from '$lib/words';
import Decimal from 'decimal.js';
import { formatDateFr } from '$lib/dates';
import { afterCrds, draft, eur, roundEur, ZERO, type Draft, type Facts, type ParamReader } from './context';
import { BIRTH_QUESTION, familyCeiling, incomeOfYear, RFR_QUESTION, rfr, rfrText, type FamilyOutcome } from './family';
import { count, perMonth, say } from './plain';
import type { Member } from './types';

/** ARS amounts of the children aged 6–18 at the back-to-school of `year`. */
function arsChildren(r: ParamReader, f: Facts, year: number, questions: string[], reasons: string[]) {
	const august = `${year}-08`;
	const [minAge, band2, band3, maxAge, declAge] = [
		'ars.min_age',
		'ars.age_band_2',
		'ars.age_band_3',
		'ars.max_age',
		'ars.school_declaration_age'
	].map((k) => r.int(k, august));
	const bmaf = r.get('bmaf', august);
	let gross = ZERO;
	let net = ZERO;
	let olderChild = false;
	const eligible: Member[] = [];
	for (const c of f.children) {
		if (!c.birthDate) {
			if (!questions.includes(BIRTH_QUESTION)) questions.push(BIRTH_QUESTION);
			continue;
		}
		const ageSept = f.age(c, `${year}-09-15`) as number;
		if ((f.age(c, `${year}-12-31`) as number) < minAge || ageSept > maxAge) continue;
		if (ageSept >= declAge) {
			if (c.atSchool === false) continue;
			if (c.atSchool === null)
				questions.push(
					`L’enfant né le ${formatDateFr(c.birthDate)} sera-t-il scolarisé ou apprenti à la rentrée ${year} ?`
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
	return { gross, net, olderChild, eligible, minAge, maxAge };
}

/** Allocation de rentrée scolaire for the next (or current) back-to-school, paid in August. */
export function evaluateArs(r: ParamReader, f: Facts, hasCafRelationship: boolean): FamilyOutcome {
	const year = Number(f.h.month.slice(0, 4)) + (Number(f.h.month.slice(5, 7)) > 8 ? 1 : 0);
	const august = `${year}-08`;
	const questions: string[] = [];
	const reasons = [`Rentrée ${year} (versement en août) ; ${r.cite('bmaf', august)}.`];
	const kids = arsChildren(r, f, year, questions, reasons);
	const out = (d: Draft, plain: string): FamilyOutcome => ({ draft: say(d, plain), forResources: ZERO });
	if (kids.eligible.length === 0) {
		return out(
			draft(
				'not_eligible',
				null,
				[`Aucun enfant de ${kids.minAge} à ${kids.maxAge} ans à la rentrée ${year}.`],
				questions
			),
			`L’allocation de rentrée scolaire concerne les enfants de ${kids.minAge} à ${kids.maxAge} ans ; aucun enfant du foyer n’a cet âge à la rentrée ${year}`
		);
	}
	const dependants = f.childrenAged(0, r.int('af.max_child_age')).known.length + f.childrenAged(0, 0).unknown.length;
	const base = r.get('ars.ceiling_base', august);
	const rate = new Decimal(1).plus(r.get('ars.ceiling_per_child_rate', august).times(dependants));
	const ceiling = base.times(rate).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
	reasons.push(
		`Plafond de ressources pour ${plural(dependants, 'enfant')} à charge : ${eur(ceiling)} = ${eur(base)} × ${rate.toString().replace('.', ',')} (${r.cite('ars.ceiling_base', august)}).`
	);
	const { gross, net } = kids;
	const forKids = count(kids.eligible.length, 'enfant');
	const income = rfr(f);
	if (income === null) {
		questions.push(RFR_QUESTION);
		return out(
			{ status: 'maybe', amount: net, gross, reasons, questions },
			`Pour ${forKids} d’âge scolaire, l’allocation de rentrée scolaire (${eur(net)} fin août ${year}) est due si vos revenus ne dépassent pas ${eur(ceiling)} : indiquez votre revenu fiscal de référence`
		);
	}
	if (income.gt(ceiling)) {
		reasons.push(`${rfrText(f)} au-dessus du plafond.`);
		return out(
			draft('not_eligible', null, reasons, questions),
			`${incomeOfYear(f)} dépassent le plafond de l’allocation de rentrée scolaire pour ${count(dependants, 'enfant')} à charge (${eur(ceiling)})`
		);
	}
	if (net.lt(r.get('ars.payment_threshold', august))) {
		reasons.push(`Montant sous le seuil de versement (${r.cite('ars.payment_threshold', august)}).`);
		return out(
			draft('not_eligible', net, reasons, questions),
			`L’allocation de rentrée scolaire serait inférieure au minimum versé`
		);
	}
	if (hasCafRelationship && !kids.olderChild) {
		reasons.push('Versement automatique aux allocataires de la CAF pour les enfants de 6 à 15 ans : rien à demander.');
		return out(
			{ status: 'info', amount: net, gross, reasons, questions },
			`La CAF vous connaît déjà : l’allocation de rentrée scolaire de ${eur(net)} pour ${forKids} sera versée automatiquement fin août ${year}`
		);
	}
	reasons.push(
		kids.olderChild
			? 'Pour un enfant de 16 à 18 ans, la scolarité doit être déclarée à la CAF.'
			: 'Le foyer doit être connu de la CAF pour recevoir l’ARS.'
	);
	return out(
		{ status: 'eligible', amount: net, gross, reasons, questions },
		`Pour ${forKids} scolarisé${kids.eligible.length > 1 ? 's' : ''} à la rentrée ${year}, l’allocation de rentrée scolaire vous verserait ${eur(net)} fin août${kids.olderChild ? ', en déclarant la scolarité des 16–18 ans à la CAF' : ''}`
	);
}

/**
 * Allocation de soutien familial: single parent, per child under 20. Full when no pension is paid; the
 * difference (ASF différentielle) when the pension received is below the ASF. The RSA/PPA count the lower
 * of the ASF paid and the forfait of 22.5 % of the BMAF per child.
 */
export function evaluateAsf(r: ParamReader, f: Facts): FamilyOutcome {
	const maxAge = r.int('af.max_child_age');
	const { known, unknown } = f.childrenAged(0, maxAge);
	const k = known.length + unknown.length;
	const none = (reason: string, plain: string): FamilyOutcome => ({
		draft: say(draft('not_eligible', null, [reason]), plain),
		forResources: ZERO
	});
	if (f.couple)
		return none(
			'L’ASF est réservée au parent qui élève seul ses enfants.',
			'L’allocation de soutien familial est réservée au parent qui élève seul ses enfants'
		);
	if (k === 0)
		return none(
			'Pas d’enfant à charge.',
			'L’allocation de soutien familial concerne le parent qui élève seul un enfant'
		);
	const bmaf = r.get('bmaf');
	const perChild = roundEur(bmaf.times(r.get('asf.rate')));
	const full = perChild.times(k);
	const alimony = f.allIncome(['alimony']);
	const unpaid = f.h.childSupportUnpaid;
	if (alimony.gte(full))
		return none(
			`Pension alimentaire reçue ${eur(alimony)} par mois, au moins égale à l’ASF de ${eur(full)}.`,
			`La pension alimentaire reçue (${eur(alimony)} par mois) atteint le montant de l’allocation de soutien familial (${eur(full)})`
		);
	if (unpaid === false && alimony.lte(0))
		return none(
			'La pension alimentaire est versée par l’autre parent.',
			'L’autre parent verse la pension alimentaire : pas d’allocation de soutien familial'
		);
	return asfPaid(r, { k, perChild, full, alimony, unpaid });
}

/** The ASF once due in principle: full, or the difference with a pension below it; what the RSA/PPA count. */
function asfPaid(
	r: ParamReader,
	x: { k: number; perChild: Decimal; full: Decimal; alimony: Decimal; unpaid: boolean | null }
): FamilyOutcome {
	const { k, perChild, full, alimony } = x;
	const gross = full.minus(alimony);
	const net = afterCrds(r, gross);
	const differential = alimony.gt(0);
	const reasons = [
		`${plural(k, 'enfant')} : ${k} × ${eur(perChild)} brut = ${eur(full)} (${r.cite('asf.rate')} ; ${r.cite('bmaf')}).`,
		differential
			? `ASF différentielle : ${eur(full)} − pension reçue ${eur(alimony)} = ${eur(gross)} brut, ${eur(net)} après CRDS.`
			: `Versée ${eur(net)} après CRDS.`
	];
	if (gross.lt(r.get('asf.payment_threshold'))) {
		reasons.push(`Sous le seuil de versement (${r.cite('asf.payment_threshold')}).`);
		const plain = `L’ASF différentielle (${eur(gross)}) serait inférieure au minimum versé (${eur(r.get('asf.payment_threshold'))})`;
		return { draft: say(draft('not_eligible', null, reasons), plain), forResources: ZERO };
	}
	const forfait = roundEur(r.get('bmaf').times(r.get('rsa.asf_forfait_rate'))).times(k);
	const forResources = Decimal.min(gross, forfait);
	reasons.push(
		`Comptée dans les ressources du RSA et de la prime d’activité pour ${eur(forResources)} : le plus faible de l’ASF versée (${eur(gross)}) et du forfait de ${eur(forfait)} (${r.cite('rsa.asf_forfait_rate')}).`
	);
	if (x.unpaid === null && !differential) {
		reasons.push('Dû si l’autre parent ne verse pas de pension alimentaire (ou une pension inférieure à l’ASF).');
		const d: Draft = {
			status: 'maybe',
			amount: net,
			gross,
			reasons,
			questions: ['L’autre parent verse-t-il la pension alimentaire ?']
		};
		const plain = `Si l’autre parent ne verse pas de pension (ou moins de ${eur(full)} par mois), l’allocation de soutien familial vous verserait ${perMonth(net)}`;
		return { draft: say(d, plain), forResources };
	}
	reasons.push(
		differential
			? 'Pension inférieure à l’ASF : l’ASF complète la pension reçue.'
			: 'Parent isolé sans pension alimentaire versée : ASF due ; la CAF peut aussi recouvrer la pension (ARIPA).'
	);
	const kids = count(k, 'enfant');
	const plain = differential
		? `Vous élevez ${kids} sans l’autre parent et la pension reçue (${eur(alimony)} par mois) est inférieure à l’allocation de soutien familial (${eur(full)}) : la CAF compléterait de ${perMonth(net)}`
		: `Vous élevez ${kids} sans l’autre parent, qui ne verse pas de pension : l’allocation de soutien familial vous verserait ${perMonth(net)}`;
	return { draft: say({ status: 'eligible', amount: net, gross, reasons, questions: [] }, plain), forResources };
}

/** PAJE allocation de base: a child under 3, full rate under the first ceiling, partial under the second. */
export function evaluatePaje(r: ParamReader, f: Facts): FamilyOutcome {
	const maxAge = r.int('paje.max_child_age');
	const { known, unknown } = f.childrenAged(0, maxAge);
	const questions = unknown.length ? [BIRTH_QUESTION] : [];
	if (known.length === 0) {
		const reasons = [`Pas d’enfant de moins de ${maxAge} ans.`];
		if (f.pregnant())
			reasons.push('Grossesse en cours : l’allocation de base pourra être demandée après la naissance.');
		const plain = `L’allocation de base de la PAJE concerne les enfants de moins de ${maxAge} ans${f.pregnant() ? ' : elle sera à demander après la naissance' : ''}`;
		return { draft: say(draft('not_eligible', null, reasons, questions), plain), forResources: ZERO };
	}
	const n = f.children.length;
	const full = familyCeiling(r, f, 'paje.ceiling_base', 'paje.ceiling_dual_bonus', 'paje', n);
	const partial = familyCeiling(r, f, 'paje.partial_ceiling_base', 'paje.partial_ceiling_dual_bonus', 'paje', n);
	const bmaf = r.get('bmaf');
	const fullGross = roundEur(bmaf.times(r.get('paje.rate_full')));
	const partialGross = roundEur(bmaf.times(r.get('paje.rate_partial')));
	const reasons = [
		`Enfant de moins de ${maxAge} ans ; taux plein ${eur(fullGross)} brut (${r.cite('paje.rate_full')} ; ${r.cite('bmaf')}), taux partiel ${eur(partialGross)} (${r.cite('paje.rate_partial')}).`,
		`Plafonds de ressources pour ${plural(n, 'enfant')} : taux plein ${full.text} ; taux partiel ${partial.text}.`
	];
	const income = rfr(f);
	if (income === null) {
		questions.push(RFR_QUESTION);
		const net = afterCrds(r, fullGross);
		const d: Draft = { status: 'maybe', amount: net, gross: fullGross, reasons, questions };
		return {
			draft: say(
				d,
				`Avec un enfant de moins de ${maxAge} ans, l’allocation de base (${perMonth(net)} à taux plein) dépend de vos revenus : indiquez votre revenu fiscal de référence`
			),
			forResources: fullGross
		};
	}
	if (income.gt(partial.amount)) {
		reasons.push(`${rfrText(f)} au-dessus du plafond du taux partiel.`);
		return {
			draft: say(
				draft('not_eligible', null, reasons, questions),
				`${incomeOfYear(f)} dépassent le plafond de l’allocation de base pour ${count(n, 'enfant')} (${eur(partial.amount)})`
			),
			forResources: ZERO
		};
	}
	const isFull = income.lte(full.amount);
	const gross = isFull ? fullGross : partialGross;
	const net = afterCrds(r, gross);
	reasons.push(
		`${rfrText(f)} ${isFull ? '≤ plafond du taux plein' : 'entre les deux plafonds : taux partiel'} ; versée ${eur(net)} après CRDS.`
	);
	const plain = `Avec un enfant de moins de ${maxAge} ans et ${incomeOfYear(f)} sous le plafond de ${eur(isFull ? full.amount : partial.amount)}, l’allocation de base${isFull ? '' : ' à taux partiel'} de la PAJE vous verserait ${perMonth(net)}`;
	return { draft: say({ status: 'eligible', amount: net, gross, reasons, questions }, plain), forResources: gross };
}
