/**
 * Disability, old age and energy: AAH (with the couple rules since 2023), ASPA, ASI and the chèque
 * énergie. The complémentaire santé solidaire is in health.ts.
 */
import { plural } from '$lib/words';
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
import { perMonth, persons, say } from './plain';
import { ageInWords, legalAgeKey, monthsOld } from './retirement';
import type { IncomeKey, Member } from './types';

/** The old-age and invalidity pensions the AAH only completes (CSS, art. L821-1). */
const PENSIONS: readonly IncomeKey[] = ['pension', 'invalidityPension'];

/** Adults who may get the AAH (rate, age, RSDAE), with reasons and questions. */
function aahCandidates(r: ParamReader, f: Facts, reasons: string[], questions: string[]) {
	const minAge = r.int('aah.min_age');
	const full = r.int('aah.rate_full');
	const partial = r.int('aah.rate_partial');
	const eligible: Member[] = [];
	let uncertain = false;
	let pastLegalAge: string | null = null;
	for (const m of f.adults) {
		const rate = m.disabilityRate;
		if (rate === null || rate < partial) continue;
		const birth = m.birthDate;
		const age = f.age(m);
		if (birth === null || age === null) {
			questions.push('Quelle est la date de naissance de la personne handicapée ?');
			uncertain = true;
			eligible.push(m);
			continue;
		}
		if (age < minAge) continue;
		if (rate >= full) {
			eligible.push(m);
			reasons.push(`Taux d’incapacité de ${rate} % reconnu (≥ ${full} %) : AAH possible sans limite d’âge.`);
			continue;
		}
		const legalAge = r.int(legalAgeKey(birth));
		if (monthsOld(birth, f.h.refDate) >= legalAge) {
			pastLegalAge = `Avec un taux d’incapacité de ${rate} % (moins de ${full} %), l’AAH s’arrête à l’âge légal de la retraite (${ageInWords(legalAge)} pour cette génération) : la retraite ou l’ASPA prend le relais`;
		} else {
			if (m.rsdae === false) continue;
			if (m.rsdae === null) {
				questions.push(
					'La MDPH a-t-elle reconnu une restriction substantielle et durable d’accès à l’emploi (RSDAE) ?'
				);
				uncertain = true;
			}
			eligible.push(m);
			reasons.push(
				`Taux d’incapacité de ${rate} % (entre ${partial} et ${full - 1} %) : AAH possible avec une RSDAE, jusqu’à l’âge légal de la retraite (${ageInWords(legalAge)} pour cette génération).`
			);
		}
	}
	return { eligible, uncertain, partial, pastLegalAge };
}

/** Allocation aux adultes handicapés, per adult; the partner's income is ignored (since 2023-10-01). */
export function evaluateAah(r: ParamReader, f: Facts): Draft {
	const questions: string[] = [];
	const reasons: string[] = [];
	const { eligible, uncertain, partial, pastLegalAge } = aahCandidates(r, f, reasons, questions);
	if (eligible.length === 0 && pastLegalAge) {
		return say(draft('not_eligible', null, [`${pastLegalAge}.`]), pastLegalAge);
	}
	if (eligible.length === 0) {
		return say(
			draft('not_eligible', null, [`L’AAH suppose un taux d’incapacité d’au moins ${partial} % reconnu par la MDPH.`]),
			`L’AAH suppose un handicap reconnu par la MDPH avec un taux d’incapacité d’au moins ${partial} %`
		);
	}
	if (eligible.some((m) => m.income === null)) {
		return say(
			draft(
				'maybe',
				null,
				[...reasons, 'Les revenus de la personne décident du montant.'],
				[...questions, 'Quels sont les revenus mensuels de la personne handicapée ?']
			),
			'Avec le handicap reconnu par la MDPH, l’AAH est possible : ses revenus en décident le montant'
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
		// CSS, art. L821-1: with an old-age or invalidity pension, the AAH completes it « sans que le total des
		// deux avantages puisse excéder le montant de l'allocation », whatever the ceiling (majoré per child).
		const pensions = f.income(m, PENSIONS);
		const max = Decimal.max(0, aah.minus(pensions));
		const amount = roundEur(Decimal.max(0, Decimal.min(max, ceiling.minus(resources))));
		total = total.plus(amount);
		const first = pensions.gt(0) ? `${eur(aah)} − pension ${eur(pensions)}` : eur(aah);
		reasons.push(
			`AAH = min(${first}, plafond ${eur(ceiling)} − ressources propres ${eur(resources)}) = ${eur(amount)} (${r.cite('aah.amount')} ; revenus d’activité abattus de ${frNumber(r.get('aah.earnings_abatement_low'))} puis ${frNumber(r.get('aah.earnings_abatement_high'))}).`
		);
		if (pensions.gt(0))
			reasons.push(
				'Avec une pension de retraite ou d’invalidité, l’AAH la complète sans que les deux ensemble dépassent le montant de l’AAH (CSS, art. L821-1).'
			);
	}
	if (f.couple)
		reasons.push(`Les revenus du conjoint ne sont pas pris en compte (${r.cite('aah.partner_income_ignored_from')}).`);
	if (total.lte(0))
		return say(
			draft('not_eligible', null, [...reasons, 'Ressources propres au-dessus du plafond.'], questions),
			`Les ressources propres de la personne handicapée dépassent le plafond de l’AAH (${eur(ceiling)} par mois)`
		);
	reasons.push('À demander en priorité avant le RSA (la MDPH décide, la CAF verse).');
	const plain = `Avec un handicap reconnu par la MDPH, l’AAH vous verserait ${perMonth(total)}${f.couple ? ' (les revenus du conjoint ne comptent pas)' : ''} ; elle passe avant le RSA`;
	return say({ status: uncertain ? 'maybe' : 'eligible', amount: total, reasons, questions }, plain);
}

/**
 * Monthly resources of the ASPA: every income of the adults, their earnings less the abatement of CSS,
 * art. R815-29 (décret n° 2014-1568): 0.9 × the monthly SMIC in force on 1 January for a person alone,
 * 1.5 × for a couple, taken off the earnings of the three months. The abatement is rounded down to the
 * cent, as the Cnav publishes it (circulaire 2015-23: 1 311,76 € and 2 186,27 € for 2015); the earnings
 * counted are then brought back to a month, half-up to the cent.
 */
function aspaResources(r: ParamReader, f: Facts, reasons: string[]): Decimal {
	const earnings = f.adultsIncome(EARNED);
	const others = f.adultsIncome(NON_EARNED);
	if (earnings.lte(0)) return others;
	const january = `${f.h.month.slice(0, 4)}-01`;
	const smicMonth = r.get('smic.hourly', january).times(r.get('smic.annual_hours')).dividedBy(12);
	const key = f.couple ? 'aspa.earnings_abatement_couple' : 'aspa.earnings_abatement_single';
	const abatement = smicMonth.times(r.get(key)).toDecimalPlaces(2, Decimal.ROUND_DOWN);
	const quarter = earnings.times(3);
	const counted = roundEur(Decimal.max(0, quarter.minus(abatement)).dividedBy(3));
	reasons.push(
		`Revenus professionnels de ${eur(earnings)} par mois : ${eur(quarter)} sur trois mois, moins l’abattement de ${eur(abatement)} (${frNumber(r.get(key))} × SMIC mensuel du 1er janvier ${eur(roundEur(smicMonth))} ; ${r.cite(key)} ; ${r.cite('smic.hourly', january)}), soit ${eur(counted)} comptés par mois.`
	);
	return others.plus(counted);
}

/** ASPA (minimum vieillesse): differential amount up to the single or couple ceiling. */
export function evaluateAspa(r: ParamReader, f: Facts): Draft {
	const minAge = r.int('aspa.min_age');
	const ages = f.adults.map((m) => f.age(m));
	const old = f.adults.filter((_, i) => (ages[i] ?? -1) >= minAge);
	if (old.length === 0) {
		const q = ages.some((a) => a === null) ? ['Quelles sont les dates de naissance des adultes ?'] : [];
		return say(
			draft(
				'not_eligible',
				null,
				[`L’ASPA est ouverte à partir de ${minAge} ans (ou de l’âge légal de la retraite en cas d’inaptitude).`],
				q
			),
			`Le minimum vieillesse (ASPA) est ouvert à partir de ${minAge} ans (ou de l’âge de la retraite en cas d’inaptitude au travail)`
		);
	}
	if (f.adultsWithUnknownIncome.length > 0) {
		return say(
			draft(
				'maybe',
				null,
				[`Âge d’au moins ${minAge} ans : l’ASPA dépend des ressources.`],
				['Quels sont les revenus mensuels (retraites comprises) des adultes du foyer ?']
			),
			`À ${minAge} ans ou plus, le minimum vieillesse dépend de vos ressources : indiquez vos retraites`
		);
	}
	const single = roundEur(r.get('aspa.ceiling_single_annual').dividedBy(12));
	const couple = roundEur(r.get('aspa.ceiling_couple_annual').dividedBy(12));
	const ceiling = f.couple ? couple : single;
	const maximum = f.couple && old.length === 2 ? couple : single;
	const earningsReasons: string[] = [];
	const resources = aspaResources(r, f, earningsReasons);
	const amount = roundEur(Decimal.min(maximum, ceiling.minus(resources)));
	const reasons = [
		`Plafond ${eur(ceiling)} par mois (${r.cite(f.couple ? 'aspa.ceiling_couple_annual' : 'aspa.ceiling_single_annual')}) ; ressources du foyer ${eur(resources)} par mois.`,
		...earningsReasons
	];
	if (amount.lte(0))
		return say(
			draft('not_eligible', null, [...reasons, 'Ressources au-dessus du plafond.']),
			`Vos ressources (${eur(resources)} par mois) dépassent le plafond du minimum vieillesse pour ${f.couple ? 'un couple' : 'une personne seule'} (${eur(ceiling)})`
		);
	reasons.push(`ASPA différentielle ${eur(amount)} par mois, à condition d’avoir demandé toutes les retraites.`);
	reasons.push(
		`Récupérable sur la succession au-delà de ${eur(r.get('aspa.estate_recovery_threshold'))} (${r.cite('aspa.estate_recovery_threshold')}).`
	);
	return say(
		{
			status: 'eligible',
			amount,
			reasons,
			questions: ['La retraite versée comprend-elle déjà l’ASPA (voir la notification de la caisse) ?']
		},
		`Vos ressources (${eur(resources)} par mois) sont sous le minimum vieillesse de ${eur(ceiling)} : l’ASPA les compléterait d’${perMonth(amount)}`
	);
}

/** ASI: invalidity pensioner below retirement age, differential up to the resource ceiling. */
export function evaluateAsi(r: ParamReader, f: Facts): Draft {
	const maxAge = r.int('asi.max_age');
	const pensioners = f.adults.filter(
		(m) => m.income !== null && m.income.invalidityPension > 0 && (f.age(m) ?? 0) < maxAge
	);
	if (pensioners.length === 0)
		return say(
			draft('not_eligible', null, ['L’ASI complète une pension d’invalidité, avant l’âge de la retraite.']),
			'L’allocation supplémentaire d’invalidité complète une pension d’invalidité, avant l’âge de la retraite'
		);
	const key = f.couple ? 'asi.ceiling_couple_annual' : 'asi.ceiling_single_annual';
	const ceilingYear = r.get(key);
	const resourcesYear = f.adultsIncome(ALL_INCOME).times(12);
	const amount = roundEur(ceilingYear.minus(resourcesYear).dividedBy(12));
	const reasons = [`Plafond ${eur(ceilingYear)} par an (${r.cite(key)}) ; ressources ${eur(resourcesYear)} par an.`];
	if (amount.lte(0))
		return say(
			draft('not_eligible', null, [...reasons, 'Ressources au-dessus du plafond.']),
			`Vos ressources (${eur(resourcesYear)} par an) dépassent le plafond de l’allocation supplémentaire d’invalidité (${eur(ceilingYear)})`
		);
	reasons.push(
		`ASI différentielle ${eur(amount)} par mois : depuis le 01/04/2020, l’ASI complète les ressources jusqu’au plafond, sans montant maximal distinct (CSS, art. L815-24-1 ; loi n° 2019-1479, art. 270 ; décret n° 2020-1251).`
	);
	return say(
		{ status: f.adultsWithUnknownIncome.length ? 'maybe' : 'eligible', amount, reasons, questions: [] },
		`Avec une pension d’invalidité et des ressources sous ${eur(ceilingYear)} par an, l’allocation supplémentaire d’invalidité vous verserait ${perMonth(amount)}`
	);
}

/** Chèque énergie: yearly amount from the RFR per consumption unit; asked about, since it is not a bank credit. */
export function evaluateChequeEnergie(r: ParamReader, f: Facts): Draft {
	if (f.h.rfr === null) {
		return say(
			draft(
				'maybe',
				null,
				['Le chèque énergie dépend du revenu fiscal de référence.'],
				['Quel est le revenu fiscal de référence du dernier avis d’imposition ?']
			),
			'Le chèque énergie dépend du revenu fiscal de référence de votre dernier avis d’impôt'
		);
	}
	const n = f.h.members.length;
	let uc = new Decimal(1);
	if (n >= 2) uc = uc.plus(r.get('cheque_energie.uc.second_person'));
	if (n >= 3) uc = uc.plus(r.get('cheque_energie.uc.further_person').times(n - 2));
	const rfr = centsToDecimal(f.h.rfr);
	const perUc = rfr.dividedBy(uc);
	const reasons = [
		`${plural(n, 'personne')} = ${frNumber(uc)} UC ; revenu fiscal ${eur(rfr)}${f.h.incomeYear ? ` (revenus ${f.h.incomeYear})` : ''} soit ${eur(roundEur(perUc))} par UC.`
	];
	let bracket = 0;
	for (let b = 1; b <= 4; b++) {
		if (perUc.lt(r.get(`cheque_energie.bracket${b}`))) {
			bracket = b;
			break;
		}
	}
	if (bracket === 0) {
		return say(
			draft('not_eligible', null, [...reasons, `Au-dessus du plafond (${r.cite('cheque_energie.bracket4')}).`]),
			`Votre revenu fiscal (${eur(rfr)} pour ${persons(f)}) dépasse le plafond du chèque énergie`
		);
	}
	const cls = uc.eq(1) ? 'uc1' : uc.lt(2) ? 'uc1to2' : 'uc2';
	const key = `cheque_energie.${cls}.b${bracket}`;
	const amount = r.get(key);
	reasons.push(`Tranche ${bracket} : ${eur(amount)} par an (${r.cite(key)}).`);
	reasons.push('Envoyé automatiquement (chèque papier ou en ligne) : vérifier s’il a été reçu avant de le signaler.');
	return say(
		{ status: 'eligible', amount, reasons, questions: ['Avez-vous reçu le chèque énergie cette année ?'] },
		`Avec un revenu fiscal de ${eur(rfr)} pour ${persons(f)}, le chèque énergie de ${eur(amount)} par an est envoyé automatiquement : vérifiez que vous l’avez reçu`
	);
}
