/**
 * The short profile's first answers, drafted from what the household's statements and the adviser's notes
 * show (issue 15, "first value without a 15-question form"): salaries, unemployment benefit and pensions
 * from the credits' categories, the rent and the kind of housing from the debits, the benefits
 * already received from CAF/MSA credits, the couple and the children's ages when a note says them.
 * Every drafted answer carries the sentence saying where it comes from; the person checks and corrects
 * them, nothing is saved without their submitting the form. Pure: no database, no SvelteKit.
 */
import { addMonthsIso, type IsoDate, type IsoMonth } from '$lib/dates';
import { centsToString, formatEur, type Cents } from '$lib/money';
import { medianInt } from '../projection/int-math';
import type { BenefitDefinition } from './definitions';
import { detectReceivedFromEvidence, normaliseLabel } from './evidence';
import type { BenefitId } from './types';

export interface DraftTransaction {
	date: IsoDate;
	/** cents, positive for a credit */
	amount: Cents;
	label: string;
	payee: string | null;
	category: string;
}

export interface DraftInput {
	/** the month the profile is for (the current month); the months before it are read */
	month: IsoMonth;
	transactions: readonly DraftTransaction[];
	/** the household's first transaction ever (default: the first of `transactions`) */
	firstDate?: IsoDate;
	/** the adviser's case-file entries, newest first */
	notes?: readonly string[];
	definitions?: readonly BenefitDefinition[];
}

export interface ProfileDraft {
	/** answers in the questionnaire's field names (see profile-form.ts) */
	values: Record<string, string | string[]>;
	/** per field, where the drafted answer comes from, in plain French */
	hints: Record<string, string>;
	/** the complete months read */
	months: IsoMonth[];
}

/** Months read: the three complete months before `month`. */
export const DRAFT_MONTHS = 3;

/** Landlords' words that mean social housing (HLM): offices, ESH and the large groups' names. */
const SOCIAL_LANDLORD = [
	' HLM ',
	' OPH ',
	' OPAC ',
	' HABITAT ',
	' LOGEMENT SOCIAL ',
	' LOGIREP ',
	' VILOGIA ',
	' IMMOBILIERE 3F ',
	' 3F ',
	' ICF ',
	' NEOLIA ',
	' LOGIAL ',
	' ALLIADE ',
	' BATIGERE ',
	' DOMOFRANCE ',
	' CLESENCE ',
	' SEQENS '
];

const WORD_NUMBERS: Record<string, number> = { un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6 };

/** Cents as the form writes euros: "1234,56" (integer arithmetic, no float). */
function euros(c: Cents): string {
	return centsToString(c).replace('.', ',');
}

/** The complete months before `month` that the statements cover, oldest first (a partial first month is left out). */
function coveredMonths(month: IsoMonth, txs: readonly DraftTransaction[], firstDate?: IsoDate): IsoMonth[] {
	if (txs.length === 0) return [];
	const first = firstDate ?? txs.reduce((m, t) => (t.date < m ? t.date : m), txs[0].date);
	const firstFull = first.slice(8, 10) === '01' ? first.slice(0, 7) : addMonthsIso(first.slice(0, 7), 1);
	const out: IsoMonth[] = [];
	for (let i = DRAFT_MONTHS; i >= 1; i--) {
		const m = addMonthsIso(month, -i);
		if (m >= firstFull) out.push(m);
	}
	return out;
}

/** The median over `months` of each month's total of the matching transactions (sign dropped), 0 when none. */
function monthlyMedian(txs: readonly DraftTransaction[], months: IsoMonth[], match: (t: DraftTransaction) => boolean) {
	const totals = new Map(months.map((m) => [m, 0]));
	const names = new Map<string, number>();
	for (const t of txs) {
		const m = t.date.slice(0, 7);
		if (!totals.has(m) || !match(t)) continue;
		totals.set(m, (totals.get(m) ?? 0) + Math.abs(t.amount));
		const name = (t.payee || t.label).trim();
		names.set(name, (names.get(name) ?? 0) + 1);
	}
	const values = [...totals.values()];
	const amount = values.some((v) => v > 0) ? medianInt(values) : 0;
	const top = [...names].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
	return { amount, payee: top };
}

function seen(amount: Cents, payee: string | null, what: string): string {
	return `Vu sur vos relevés : ${formatEur(amount)} par mois en moyenne (${what}${payee ? `, ${payee}` : ''}).`;
}

function draftIncome(txs: readonly DraftTransaction[], months: IsoMonth[], out: ProfileDraft): void {
	const incomes: [string, string, string][] = [
		['applicantSalary', 'income.salary', 'salaires'],
		['applicantUnemployment', 'income.unemployment', 'allocation chômage'],
		['applicantPension', 'income.pension', 'retraite ou pension']
	];
	for (const [field, category, what] of incomes) {
		const r = monthlyMedian(txs, months, (t) => t.amount > 0 && t.category === category);
		if (r.amount <= 0) continue;
		out.values[field] = euros(r.amount);
		out.hints[field] = seen(r.amount, r.payee, what);
	}
	const activity = out.values.applicantSalary
		? 'employed'
		: out.values.applicantUnemployment
			? 'unemployed_benefit'
			: out.values.applicantPension
				? 'retired'
				: null;
	if (activity) out.values.applicantActivity = activity;
}

function draftHousing(txs: readonly DraftTransaction[], months: IsoMonth[], out: ProfileDraft): void {
	const rent = monthlyMedian(txs, months, (t) => t.amount < 0 && t.category === 'housing.rent');
	if (rent.amount > 0) {
		const social = SOCIAL_LANDLORD.some((w) => normaliseLabel(rent.payee ?? '').includes(w));
		out.values.housing = social ? 'tenant_social' : 'tenant_private';
		out.values.rent = euros(rent.amount);
		out.hints.rent = seen(rent.amount, rent.payee, 'loyer');
		out.hints.housing = social
			? 'Le loyer est payé à un bailleur social : logement HLM.'
			: 'Un loyer est payé chaque mois : locataire.';
		return;
	}
	const loan = monthlyMedian(txs, months, (t) => t.amount < 0 && t.category === 'housing.mortgage');
	if (loan.amount > 0) {
		out.values.housing = 'owner_with_loan';
		out.hints.housing = seen(loan.amount, loan.payee, 'prêt immobilier');
	}
}

function draftReceived(input: DraftInput, out: ProfileDraft): void {
	const credits = input.transactions.filter((t) => t.amount > 0);
	const detected = detectReceivedFromEvidence(
		{ credits },
		{ month: addMonthsIso(input.month, -1), definitions: input.definitions }
	);
	const ids = [...new Set(detected.filter((d) => d.received && d.benefit).map((d) => d.benefit as BenefitId))];
	if (ids.length === 0) return;
	out.values.received = ids;
	out.hints.received = 'Cochées d’après les versements de la CAF ou de la MSA vus sur vos relevés.';
}

/** The couple and the children's ages, from the newest note that says them. */
function draftFromNotes(notes: readonly string[], out: ProfileDraft): void {
	for (const note of notes) {
		const text = note.toLowerCase();
		if (out.values.couple === undefined) {
			if (/\b(en couple|mariés|pacsés|concubin|son conjoint|sa conjointe|son mari|sa femme)\b/.test(text))
				out.values.couple = 'yes';
			else if (/\b(seule?|célibataire|séparée?|divorcée?|veuve?|isolée?)\b/.test(text)) out.values.couple = 'no';
			if (out.values.couple !== undefined) out.hints.couple = 'D’après les notes de votre conseillère.';
		}
		if (out.values.children === undefined && out.hints.children === undefined) {
			const ages = /enfants?[^.\d]{0,20}?((?:\d{1,2}\s*(?:,|et)\s*)*\d{1,2})\s*ans/.exec(text);
			const count = /\b(\d|un|une|deux|trois|quatre|cinq|six)\s+enfants?\b/.exec(text);
			if (ages) {
				out.values.children = ages[1]
					.split(/\s*(?:,|et)\s*/)
					.filter(Boolean)
					.join(', ');
				out.hints.children = 'D’après les notes de votre conseillère.';
			} else if (count) {
				const n = WORD_NUMBERS[count[1]] ?? Number(count[1]);
				out.hints.children = `Les notes de votre conseillère parlent de ${n} enfant${n > 1 ? 's' : ''} : indiquez ${n > 1 ? 'leurs âges' : 'son âge'}.`;
			}
		}
	}
}

/** The draft answers of the short profile, each with where it comes from. */
export function draftProfile(input: DraftInput): ProfileDraft {
	const months = coveredMonths(input.month, input.transactions, input.firstDate);
	const out: ProfileDraft = { values: {}, hints: {}, months };
	if (months.length > 0) {
		draftIncome(input.transactions, months, out);
		draftHousing(input.transactions, months, out);
	}
	draftReceived(input, out);
	draftFromNotes(input.notes ?? [], out);
	return out;
}
