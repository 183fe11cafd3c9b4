/**
 * A profile restated in plain French, as the person answered it: printed on the quick check's PDF so that
 * whoever reads it later knows what the estimate rests on. Pure.
 */
import { BENEFIT_LABELS } from '$lib/benefit-labels';
import { formatEur, parseMoneyString } from '$lib/money';
import { ACTIVITY_OPTIONS, HOUSING_OPTIONS, optionInSentence } from '$lib/profile-options';
import type { HouseholdProfile, MemberProfile } from './types';

const INCOME: [string, string][] = [
	['salary', 'salaire'],
	['selfEmployed', 'revenus d’indépendant'],
	['unemployment', 'allocation chômage'],
	['ass', 'ASS'],
	['pension', 'retraite ou pension'],
	['invalidityPension', 'pension d’invalidité'],
	['dailyAllowance', 'indemnités journalières'],
	['alimony', 'pension alimentaire reçue'],
	['other', 'autres revenus']
];

export interface Answer {
	label: string;
	value: string;
}

function ageIn(month: string, birthDate: string | null | undefined): number | null {
	if (!birthDate) return null;
	const [y, m] = month.split('-').map(Number);
	const [by, bm] = birthDate.split('-').map(Number);
	return y - by - (m < bm ? 1 : 0);
}

function person(month: string, m: MemberProfile): string {
	const age = ageIn(month, m.birthDate);
	const parts = [
		age === null ? 'âge non indiqué' : `${age} ans`,
		optionInSentence(ACTIVITY_OPTIONS, m.activity) ?? 'situation non indiquée'
	];
	if (m.disabilityRate) parts.push(`handicap reconnu à ${m.disabilityRate} % ou plus`);
	const incomes = INCOME.filter(([k]) => {
		const v = (m.income as Record<string, string | undefined> | null | undefined)?.[k];
		return v && v !== '0.00';
	}).map(([k, label]) => `${label} ${formatEur(parseMoneyString((m.income as Record<string, string>)[k]))}`);
	parts.push(incomes.length ? `revenus par mois : ${incomes.join(', ')}` : 'aucun revenu déclaré');
	return parts.join(' ; ');
}

/** The answers, one line per subject. */
export function profileAnswers(profile: HouseholdProfile): Answer[] {
	const out: Answer[] = [];
	const applicant = profile.members.find((m) => m.role === 'applicant');
	const partner = profile.members.find((m) => m.role === 'partner');
	const children = profile.members.filter((m) => m.role === 'child');
	if (applicant) out.push({ label: 'La personne', value: person(profile.month, applicant) });
	out.push({ label: 'En couple', value: partner ? `oui ; conjoint : ${person(profile.month, partner)}` : 'non' });
	const ages = children.map((c) => ageIn(profile.month, c.birthDate)).filter((a): a is number => a !== null);
	out.push({
		label: 'Enfants à charge',
		value: children.length === 0 ? 'aucun' : `${children.length}${ages.length ? ` (${ages.join(', ')} ans)` : ''}`
	});
	if (profile.childSupportUnpaid) out.push({ label: 'Pension alimentaire', value: 'non versée ou trop faible' });
	const h = profile.housing;
	const rent = h?.rent && h.rent !== '0.00' ? `, loyer ${formatEur(parseMoneyString(h.rent))} par mois` : '';
	out.push({
		label: 'Logement',
		value: `${optionInSentence(HOUSING_OPTIONS, h?.status) ?? 'non indiqué'}${rent}, zone ${profile.zone ?? 2}`
	});
	if (profile.savings && profile.savings !== '0.00')
		out.push({ label: 'Épargne', value: formatEur(parseMoneyString(profile.savings)) });
	if (profile.taxIncome?.rfr)
		out.push({ label: 'Revenu fiscal de référence', value: formatEur(parseMoneyString(profile.taxIncome.rfr)) });
	const received = (profile.received ?? []).map((b) => BENEFIT_LABELS[b] ?? b);
	out.push({ label: 'Aides déjà reçues', value: received.length ? received.join(', ') : 'aucune' });
	return out;
}
