/** The other minimum incomes: ASS (France Travail) and the prime de Noël (benefits.md §(a)). */
import Decimal from 'decimal.js';
import {
	ALL_INCOME,
	draft,
	eur,
	frNumber,
	householdCoefficient,
	roundEur,
	type Draft,
	type Facts,
	type ParamReader
} from './context';
import { perMonth, say } from './plain';

/** ASS: end of unemployment-insurance rights, 5 years of work in the last 10, resources under the ceiling. */
export function evaluateAss(r: ParamReader, f: Facts): Draft {
	const receiving = f.adults.filter((m) => m.income !== null && m.income.ass > 0);
	if (receiving.length > 0) {
		const amount = f.adultsIncome(['ass']);
		return say(
			{
				status: 'received',
				amount,
				reasons: [`ASS déclarée dans les revenus : ${eur(amount)} par mois.`],
				questions: []
			},
			`Vous touchez déjà l’ASS (${eur(amount)} par mois)`
		);
	}
	const candidates = f.adults.filter((m) => m.activity === 'unemployed_no_benefit' || m.areExhausted === true);
	if (candidates.length === 0)
		return say(
			draft('not_eligible', null, ['Aucun adulte demandeur d’emploi sans indemnisation.']),
			'L’ASS concerne les demandeurs d’emploi qui n’ont plus droit à l’allocation chômage ; personne au foyer n’est dans ce cas'
		);
	const questions: string[] = [];
	const m = candidates[0];
	if (m.areExhausted === false)
		return say(
			draft('not_eligible', null, ['Les droits à l’ARE ne sont pas épuisés.']),
			'Les droits à l’allocation chômage ne sont pas épuisés : l’ASS ne peut venir qu’après'
		);
	if (m.worked5of10Years === false)
		return say(
			draft('not_eligible', null, ['L’ASS suppose 5 ans d’activité salariée dans les 10 ans avant la fin du contrat.']),
			'L’ASS suppose 5 ans de travail salarié au cours des 10 ans avant la fin du dernier contrat'
		);
	if (m.areExhausted === null) questions.push('Les droits à l’allocation chômage (ARE) sont-ils épuisés ?');
	if (m.worked5of10Years === null)
		questions.push('A-t-il ou elle travaillé au moins 5 ans au cours des 10 dernières années ?');
	const daily = r.get('ass.daily_amount');
	const full = roundEur(daily.times(r.get('ass.days_per_month')));
	const ceilingKey = f.couple ? 'ass.ceiling_days_couple' : 'ass.ceiling_days_single';
	const ceiling = roundEur(daily.times(r.get(ceilingKey)));
	const resources = f.adultsIncome(ALL_INCOME);
	const amount = roundEur(Decimal.min(full, ceiling.minus(resources)));
	const reasons = [
		`ASS à taux plein ${eur(full)} par mois (${r.cite('ass.daily_amount')} × ${r.int('ass.days_per_month')} jours).`,
		`Plafond de ressources ${eur(ceiling)} par mois (${r.int(ceilingKey)} × ${eur(daily)} ; ${r.cite(ceilingKey)}) ; ressources du foyer ${eur(resources)}.`
	];
	if (amount.lte(0))
		return say(
			draft('not_eligible', null, [...reasons, 'Ressources au-dessus du plafond.']),
			`Les ressources du foyer (${eur(resources)} par mois) dépassent le plafond de l’ASS (${eur(ceiling)})`
		);
	if (f.adultsWithUnknownIncome.length > 0) questions.push('Quels sont les revenus mensuels des adultes du foyer ?');
	return say(
		{ status: questions.length ? 'maybe' : 'eligible', amount, reasons, questions },
		questions.length
			? `Si vos droits au chômage sont épuisés et que vous avez travaillé 5 ans sur les 10 dernières années, l’ASS vous verserait ${perMonth(amount)}`
			: `Vos droits au chômage sont épuisés et vous avez assez travaillé : l’ASS vous verserait ${perMonth(amount)}`
	);
}

/** Prime de Noël: automatic in December for RSA (by household size) or ASS/AER (flat) recipients. */
export function evaluatePrimeNoel(r: ParamReader, f: Facts, rsa: Draft, ass: Draft): Draft {
	const rsaPaid = rsa.status === 'eligible' || rsa.status === 'received';
	const assPaid = ass.status === 'eligible' || ass.status === 'received';
	const unit = r.get('prime_noel.amount');
	if (rsaPaid) {
		const t = householdCoefficient(r, f.size, f.couple);
		const amount = roundEur(unit.times(t));
		return say(
			draft('info', amount, [
				`Versée automatiquement mi-décembre aux foyers au RSA en novembre : ${frNumber(t)} × ${eur(unit)} = ${eur(amount)} (${r.cite('prime_noel.amount')}). Rien à demander.`
			]),
			`Avec le RSA, la prime de Noël de ${eur(amount)} est versée automatiquement mi-décembre`
		);
	}
	if (assPaid) {
		return say(
			draft('info', unit, [
				`Versée automatiquement mi-décembre par France Travail aux bénéficiaires de l’ASS : ${eur(unit)} (${r.cite('prime_noel.amount')}).`
			]),
			`Avec l’ASS, la prime de Noël de ${eur(unit)} est versée automatiquement mi-décembre par France Travail`
		);
	}
	if (rsa.status === 'maybe' || ass.status === 'maybe') {
		return say(
			draft('maybe', null, ['Versée en décembre si le RSA ou l’ASS est perçu en novembre.']),
			'La prime de Noël est versée en décembre aux foyers qui touchent le RSA ou l’ASS en novembre'
		);
	}
	return say(
		draft('not_eligible', null, ['Réservée aux foyers au RSA, à l’ASS ou à l’AER.']),
		'La prime de Noël est réservée aux foyers qui touchent le RSA, l’ASS ou l’AER'
	);
}
