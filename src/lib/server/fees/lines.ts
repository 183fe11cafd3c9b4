/**
 * Incident-fee lines of a statement (fragility.md §2), each attributed to the month of its incident:
 * a label naming its period ("SEPTEMBRE 2026", "09/2026") gives it; a rejection fee takes the month of the
 * rejected debit it follows; an aggregate line (a count in the label, or a commission d'intervention above
 * one operation's cap) is the deferred monthly billing of the month before (CMF L312-1-5, R312-1-2); any
 * other line belongs to the month it posts in. Pure: no database, no SvelteKit.
 */
import Decimal from 'decimal.js';
import type { Cents } from '$lib/money';
import type { IsoDate } from '$lib/dates';
import { classifyBankLine, foldLabel, type BankLineFamily } from '../fragility/bank-lines';
import { dayNumber } from '../projection/calendar';
import { monthOf } from '../fragility/signal-facts';

export interface FeeTx {
	id: number;
	date: IsoDate;
	/** cents, negative = debit */
	amount: Cents;
	label: string;
}

export type FeeFamily = Exclude<BankLineFamily, 'rejected_debit'>;

export interface FeeLine {
	id: number;
	date: IsoDate;
	label: string;
	/** cents, positive */
	amount: Cents;
	family: FeeFamily;
	/** the incident month the fee is attributed to */
	month: string;
	/** operations this line charges (commissions d'intervention; 1 otherwise) */
	count: number;
	/** whether `count` was read from the label (true) or inferred from the amount */
	countStated: boolean;
	/** the rejected debit this rejection fee follows, when found */
	rejected?: { id: number; date: IsoDate; amount: Cents; creditor: string; represented: boolean };
}

const MONTHS_FR = [
	'JANV(?:IER)?',
	'FEV(?:R(?:IER)?)?',
	'MARS',
	'AVR(?:IL)?',
	'MAI',
	'JUIN',
	'JUIL(?:LET)?',
	'AOUT',
	'SEPT(?:EMBRE)?',
	'OCT(?:OBRE)?',
	'NOV(?:EMBRE)?',
	'DEC(?:EMBRE)?'
].map((m) => new RegExp(`\\b${m}\\.?(?: (20\\d{2}|\\d{2}))?\\b`));

/** The month a label names ("SEPTEMBRE 2026", "SEPT 26", "09/2026", "DU 01/09/26 AU 30/09/26"), or null. */
export function statedMonth(folded: string, postedOn: IsoDate): string | null {
	const year = (y: string | undefined) =>
		y === undefined ? Number(postedOn.slice(0, 4)) : y.length === 2 ? 2000 + Number(y) : Number(y);
	const posted = postedOn.slice(0, 7);
	// A month in the 12 months up to the posting month ("SEPTEMBRE" posted in January is the September before).
	const fix = (y: number, m: number): string | null => {
		const mm = String(m).padStart(2, '0');
		const iso = `${y}-${mm}` > posted ? `${y - 1}-${mm}` : `${y}-${mm}`;
		return iso >= monthOf(postedOn, -12) ? iso : null;
	};
	const range = /\bAU (\d{2})\/(\d{2})(?:\/(\d{2,4}))?\b/.exec(folded);
	if (range) return fix(year(range[3]), Number(range[2]));
	const numeric = /\b(0[1-9]|1[0-2])[/.-](20\d{2}|\d{2})\b/.exec(folded);
	if (numeric) return fix(year(numeric[2]), Number(numeric[1]));
	for (let i = 0; i < 12; i++) {
		const m = MONTHS_FR[i].exec(folded);
		if (m) return fix(year(m[1]), i + 1);
	}
	return null;
}

/** A count of operations in the label: "14 COMMISSIONS", "X14", "(14)", "14 OPERATIONS". */
function statedCount(folded: string): number | null {
	const m =
		/\b(\d{1,3}) (?:COMMISSIONS?|COM\b|OPERATIONS?|OPE\b)/.exec(folded) ??
		/\bX ?(\d{1,3})\b/.exec(folded) ??
		/\((\d{1,3})\)/.exec(folded) ??
		/\bNB ?(\d{1,3})\b/.exec(folded);
	const n = m ? Number(m[1]) : NaN;
	return Number.isInteger(n) && n >= 1 ? n : null;
}

/** "REJET PRLV EDF CLIENTS PARTICULIERS 1234" → "EDF CLIENTS PARTICULIERS". */
export function creditorKey(folded: string): string {
	return folded
		.replace(/\b(REJET|IMPAYE|RETOUR|PRL?V\w*|SEPA|SDD|DE|DU)\b/g, ' ')
		.replace(/[^A-Z ]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

interface Rejected {
	id: number;
	date: IsoDate;
	day: number;
	amount: Cents;
	creditor: string;
	represented: boolean;
	paired: boolean;
}

/** Rejected debits (credits), each flagged when it is the same operation presented again within 45 days. */
function rejectedDebits(txs: readonly FeeTx[]): Rejected[] {
	const out: Rejected[] = [];
	for (const t of txs) {
		if (classifyBankLine(t.label, t.amount) !== 'rejected_debit') continue;
		const creditor = creditorKey(foldLabel(t.label));
		const day = dayNumber(t.date);
		const represented = out.some((r) => r.creditor === creditor && r.amount === t.amount && day - r.day <= 45);
		out.push({ id: t.id, date: t.date, day, amount: t.amount, creditor, represented, paired: false });
	}
	return out;
}

/**
 * True for the transactions feeLines reads: fee lines and rejected debits. Every other transaction changes
 * nothing in its result (nor in checkFees'), so a caller reading years of history can keep only these.
 */
export function readByFeeLines(t: Pick<FeeTx, 'label' | 'amount'>): boolean {
	return classifyBankLine(t.label, t.amount) !== null;
}

/** The fee lines of the transactions (sorted by date), attributed to their incident month. */
export function feeLines(
	txs: readonly FeeTx[],
	perOperationCap: (month: string) => { standard: Cents; client: Cents }
): FeeLine[] {
	const sorted = [...txs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
	const rejected = rejectedDebits(sorted);
	const lines: FeeLine[] = [];
	for (const t of sorted) {
		const family = classifyBankLine(t.label, t.amount);
		if (!family || family === 'rejected_debit') continue;
		const folded = foldLabel(t.label);
		const amount = -t.amount;
		const posted = monthOf(t.date);
		const stated = statedMonth(folded, t.date);
		const count = family === 'intervention' ? statedCount(folded) : null;
		const line: FeeLine = {
			id: t.id,
			date: t.date,
			label: t.label,
			amount,
			family,
			month: stated ?? posted,
			count: count ?? 1,
			countStated: count !== null
		};
		if (family === 'rejection_fee') {
			const day = dayNumber(t.date);
			const r = rejected.find((x) => !x.paired && day - x.day >= -3 && day - x.day <= 10);
			if (r) {
				r.paired = true;
				line.rejected = { id: r.id, date: r.date, amount: r.amount, creditor: r.creditor, represented: r.represented };
				if (!stated) line.month = monthOf(r.date);
			}
		}
		if (family === 'intervention') {
			const caps = perOperationCap(stated ?? monthOf(t.date, -1));
			// One line of two standard commissions or more is a monthly aggregate; one between 8 and 16 € is
			// a single operation charged above the cap.
			const aggregate = count !== null ? count > 1 : amount >= 2 * caps.standard;
			if (!stated && aggregate) line.month = monthOf(t.date, -1);
			// An aggregate without a count: at least as many operations as the client's cap allows.
			if (count === null && aggregate) line.count = new Decimal(amount).dividedBy(caps.client).ceil().toNumber();
		}
		lines.push(line);
	}
	return lines;
}
