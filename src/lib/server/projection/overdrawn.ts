/**
 * An account already overdrawn when the projection starts: since when (walking the statements back from
 * the known balance), by how much, and what it costs per day — debit interest at the account's rate and,
 * beyond the authorised overdraft, a commission d'intervention per operation within the legal caps
 * (fee-caps.ts). "À découvert depuis le 12/11", not "découvert prévu le <demain>".
 */
import Decimal from 'decimal.js';
import { formatEur, type Cents } from '$lib/money';
import { formatDateFr, type IsoDate } from '$lib/dates';
import { feeCapsAt, FEE_CAPS } from './fee-caps';
import type { OverdraftSettings } from './overdraft-cost';

/** Rate used when the account's is unknown: a common French overdraft rate, said as such. */
export const TYPICAL_OVERDRAFT_RATE_BP = 1600;

export interface CurrentOverdraft {
	/** the first day of the current overdraft (end-of-day balance below zero since then) */
	since: IsoDate;
	/** false when the statements start already overdrawn: "since at least" */
	sinceKnown: boolean;
	/** date and amount of the known balance (cents, negative) */
	date: IsoDate;
	balance: Cents;
	/** debit interest per day at `rateBp` (cents) */
	interestPerDay: Cents;
	rateBp: number;
	rateKnown: boolean;
	/** authorised overdraft (positive cents, 0 = none) and whether the balance is beyond it */
	limit: Cents;
	beyondLimit: boolean;
	/** commission d'intervention per operation and per month in force (cents) */
	interventionFee: Cents;
	interventionMonthCap: Cents;
	/** first projected day back at zero or above, if any */
	backToPositive: IsoDate | null;
	/** plain French */
	message: string;
}

/**
 * The first day of the overdraft that `balance` (end of `date`) is part of, from the transactions up to
 * that date; null when the balance is not negative.
 */
export function overdrawnSince(
	txs: readonly { date: IsoDate; amount: Cents }[],
	balance: { date: IsoDate; amount: Cents }
): { since: IsoDate; known: boolean } | null {
	if (balance.amount >= 0) return null;
	const byDay = new Map<IsoDate, Cents>();
	for (const t of txs) if (t.date <= balance.date) byDay.set(t.date, (byDay.get(t.date) ?? 0) + t.amount);
	const days = [...byDay.keys()].sort().reverse();
	let endOfDay = balance.amount;
	let since = balance.date;
	for (const day of days) {
		// the end of `day` was negative; the end of the day before is this minus the day's movements
		since = day;
		const before = endOfDay - (byDay.get(day) ?? 0);
		if (before >= 0) return { since: day, known: true };
		endOfDay = before;
	}
	return { since, known: false };
}

export function currentOverdraft(
	txs: readonly { date: IsoDate; amount: Cents }[],
	balance: { date: IsoDate; amount: Cents },
	settings: OverdraftSettings,
	projectedDays: readonly { date: IsoDate; balance: Cents }[] = []
): CurrentOverdraft | null {
	const found = overdrawnSince(txs, balance);
	if (!found) return null;
	const rateKnown = settings.rateBp !== null && settings.rateBp > 0;
	const rateBp = rateKnown ? (settings.rateBp as number) : TYPICAL_OVERDRAFT_RATE_BP;
	const interestPerDay = new Decimal(-balance.amount)
		.times(rateBp)
		.dividedBy(10000 * (settings.dayCountBasis ?? 365))
		.toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
		.toNumber();
	const limit = Math.max(0, settings.limit ?? 0);
	const caps = feeCapsAt(balance.date, settings.feeCaps ?? FEE_CAPS);
	const status = settings.clientStatus ?? 'standard';
	const back = projectedDays.find((d) => d.balance >= 0)?.date ?? null;
	const result: Omit<CurrentOverdraft, 'message'> = {
		since: found.since,
		sinceKnown: found.known,
		date: balance.date,
		balance: balance.amount,
		interestPerDay,
		rateBp,
		rateKnown,
		limit,
		beyondLimit: -balance.amount > limit,
		interventionFee: caps.interventionPerOperation[status],
		interventionMonthCap: caps.interventionPerMonth[status],
		backToPositive: back
	};
	return { ...result, message: overdraftMessage(result, projectedDays.at(-1)?.date ?? null) };
}

function percentFr(bp: number): string {
	return `${new Decimal(bp).dividedBy(100).toString().replace('.', ',')} %`;
}

function overdraftMessage(o: Omit<CurrentOverdraft, 'message'>, horizon: IsoDate | null): string {
	const parts = [
		`Votre compte est à découvert depuis ${o.sinceKnown ? 'le' : 'au moins le'} ${formatDateFr(o.since)} ` +
			`(solde ${formatEur(o.balance)} au ${formatDateFr(o.date)}).`,
		`Ce découvert coûte environ ${formatEur(o.interestPerDay)} d’agios par jour` +
			(o.rateKnown
				? ` au taux de ${percentFr(o.rateBp)} par an.`
				: ` au taux courant de ${percentFr(o.rateBp)} par an (le vôtre figure sur vos relevés).`)
	];
	if (o.beyondLimit) {
		parts.push(
			(o.limit > 0
				? `Il dépasse le découvert autorisé de ${formatEur(o.limit)} : `
				: 'Aucun découvert n’est autorisé sur ce compte : ') +
				`chaque prélèvement ou virement présenté peut coûter une commission d’intervention de ${formatEur(o.interventionFee)} ` +
				`(${formatEur(o.interventionMonthCap)} par mois au plus).`
		);
	}
	if (o.backToPositive)
		parts.push(`D’après la prévision, le solde redevient positif le ${formatDateFr(o.backToPositive)}.`);
	else if (horizon)
		parts.push(`D’après la prévision, il reste à découvert jusqu’au ${formatDateFr(horizon)} au moins.`);
	return parts.join(' ');
}
