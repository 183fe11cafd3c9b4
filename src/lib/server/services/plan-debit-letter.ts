/**
 * The letter asking a creditor to take a recurring direct debit after the household's income arrives (the
 * plan's overdraft actions). Every figure comes from the forecast: the series (payee, typical amount, day of
 * the month, last debit) and the income series that arrives after it. The mandate reference (RUM) and the
 * creditor identifier (ICS) are read from the last debit's bank label when the bank printed them.
 */
import { formatDateFr, today, type IsoDate } from '$lib/dates';
import { formatEur } from '$lib/money';
import type { Db } from '../db';
import { requirePermission, type HouseholdScope } from '../auth/access';
import { normaliseLabel } from '../rules';
import type { RecurringSeries } from '../projection/types';
import { householdForecast } from './forecast-service';
import { householdHeader } from './households';
import { renderLetterPdf } from './fee-letter';
import { NotFoundError } from './errors';

export const DEBIT_LETTER_TITLE = 'Demande de changement de la date de prélèvement';

/** Days after the income's usual day the new date is asked for (the transfer may arrive a day late). */
export const DEBIT_LETTER_MARGIN_DAYS = 2;

export interface DebitLetter {
	title: string;
	creditor: string;
	/** cents, positive */
	amount: number;
	/** day of the month the debit is taken today, and the one asked for */
	currentDay: number | null;
	askedDay: number;
	income: string;
	body: string;
}

const dayOf = (s: RecurringSeries): number => s.dayOfMonth ?? Number(s.lastDate.slice(8, 10));

/** The income that comes after the debit in the month: the largest active monthly credit series. */
function incomeSeries(series: readonly RecurringSeries[]): RecurringSeries | undefined {
	return series
		.filter((s) => s.status === 'active' && s.amount > 0 && s.dayOfMonth !== null)
		.sort((a, b) => b.amount - a.amount)[0];
}

async function mandate(
	db: Db,
	scope: HouseholdScope,
	s: RecurringSeries
): Promise<{ rum: string | null; ics: string | null }> {
	const ids = s.transactionIds.map(Number).filter((n) => Number.isInteger(n));
	if (ids.length === 0) return { rum: null, ics: null };
	const row = await db
		.selectFrom('bank_transaction')
		.select(['raw_label', 'booking_date', 'amount'])
		.where('household_id', '=', scope.householdId)
		.where('organisation_id', '=', scope.organisationId)
		.where('id', 'in', ids.slice(-12))
		.orderBy('booking_date', 'desc')
		.executeTakeFirst();
	if (!row) return { rum: null, ics: null };
	const n = normaliseLabel(row.raw_label, { amount: Number(row.amount), bookingDate: row.booking_date as IsoDate });
	return { rum: n.rum, ics: n.ics };
}

/** The letter for the series of that key; NotFoundError when the household has no such recurring debit. */
export async function planDebitLetter(
	db: Db,
	scope: HouseholdScope,
	seriesKey: string,
	now = new Date()
): Promise<DebitLetter> {
	requirePermission(scope, 'read');
	const asOf = today(now);
	const [forecast, header] = await Promise.all([householdForecast(db, scope, { asOf }), householdHeader(db, scope)]);
	const s = forecast.series.find((x) => x.key === seriesKey && x.amount < 0 && x.status === 'active');
	if (!s) throw new NotFoundError('Ce prélèvement n’est plus dans vos prévisions.');
	const income = incomeSeries(forecast.series);
	const incomeDay = income ? dayOf(income) : null;
	// a day every month has; after an income at the end of the month, the first of the next one
	const wanted = (incomeDay ?? dayOf(s)) + DEBIT_LETTER_MARGIN_DAYS;
	const askedDay = wanted > 28 ? 1 : wanted;
	const { rum, ics } = await mandate(db, scope, s);
	const currentDay = s.dayOfMonth;
	const name = header.name;
	const lines = [
		name,
		'[adresse]',
		'',
		s.payee,
		'Service clients',
		'[adresse du créancier, sur vos factures]',
		'',
		`Le ${formatDateFr(asOf)}`,
		'',
		`Objet : ${DEBIT_LETTER_TITLE.toLowerCase()}`,
		`Référence du mandat (RUM) : ${rum ?? '[sur vos factures ou votre échéancier]'}`,
		...(ics ? [`Identifiant créancier (ICS) : ${ics}`] : []),
		'[numéro de client ou de contrat]',
		'',
		'Madame, Monsieur,',
		'',
		`Vous prélevez chaque mois environ ${formatEur(-s.amount)} sur mon compte` +
			(currentDay ? `, vers le ${currentDay} du mois` : '') +
			` (dernier prélèvement le ${formatDateFr(s.lastDate)}).`,
		income && incomeDay
			? `Mes revenus (${income.payee}) arrivent vers le ${incomeDay} du mois. Le prélèvement tombe avant leur arrivée, quand mon compte est au plus bas, et le met à découvert, ce qui me coûte des frais bancaires.`
			: 'Le prélèvement tombe avant l’arrivée de mes revenus et met mon compte à découvert, ce qui me coûte des frais bancaires.',
		'',
		`Je vous demande de bien vouloir fixer la date de prélèvement au ${askedDay === 1 ? '1er' : askedDay} de chaque mois, à partir de la prochaine échéance, sans changer le montant ni le contrat.`,
		'Je vous remercie de me confirmer la nouvelle date par écrit.',
		'',
		'Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.',
		'',
		name
	];
	return {
		title: DEBIT_LETTER_TITLE,
		creditor: s.payee,
		amount: -s.amount,
		currentDay,
		askedDay,
		income: income?.payee ?? '',
		body: lines.join('\n')
	};
}

/** The same letter as a PDF, with its file name. */
export async function planDebitLetterPdf(
	db: Db,
	scope: HouseholdScope,
	seriesKey: string,
	now = new Date()
): Promise<{ pdf: Buffer; filename: string }> {
	const letter = await planDebitLetter(db, scope, seriesKey, now);
	return {
		pdf: await renderLetterPdf(letter.body, { now, title: DEBIT_LETTER_TITLE, subject: `Lettre à ${letter.creditor}` }),
		filename: `bgv-lettre-date-prelevement-${today(now)}.pdf`
	};
}
