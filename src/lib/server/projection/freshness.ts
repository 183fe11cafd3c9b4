/**
 * How old the balance a projection starts from is, said plainly: "Relevé du 17/10, il y a 6 semaines :
 * importez le dernier relevé." The projection starts from the last known balance, not from today, so the
 * household must know when that was.
 */
import { formatDateFr, type IsoDate } from '$lib/dates';
import { dayNumber } from './calendar';

/** A balance older than this many days asks for the latest statement. */
export const STALE_AFTER_DAYS = 14;

export interface BalanceAge {
	/** date of the last known balance */
	date: IsoDate;
	/** whole days between that date and `asOf` (0 the same day) */
	days: number;
	stale: boolean;
	/** plain French */
	message: string;
}

/** "il y a 3 jours", "il y a 6 semaines", "il y a 4 mois". */
export function agoFr(days: number): string {
	if (days <= 0) return 'aujourd’hui';
	if (days === 1) return 'hier';
	if (days < 14) return `il y a ${days} jours`;
	if (days < 61) return `il y a ${Math.floor(days / 7)} semaines`;
	return `il y a ${Math.floor(days / 30.44)} mois`;
}

/** "17/10" in the year of `asOf`, "17/10/2025" otherwise. */
function shortDateFr(date: IsoDate, asOf: IsoDate): string {
	const full = formatDateFr(date);
	return date.slice(0, 4) === asOf.slice(0, 4) ? full.slice(0, 5) : full;
}

export function balanceAge(date: IsoDate, asOf: IsoDate): BalanceAge {
	const days = Math.max(0, dayNumber(asOf) - dayNumber(date));
	const stale = days > STALE_AFTER_DAYS;
	const when = `${shortDateFr(date, asOf)}, ${agoFr(days)}`;
	return {
		date,
		days,
		stale,
		message: stale
			? `Relevé du ${when} : importez le dernier relevé pour une prévision à jour.`
			: `Solde connu au ${when}.`
	};
}
