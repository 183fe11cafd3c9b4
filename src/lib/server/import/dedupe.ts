/**
 * Keys that recognise a transaction again when the same file or an overlapping statement is imported,
 * and the "probable duplicate" pairs shown for review (never dropped) when labels differ across formats.
 */
import type { Cents } from '$lib/money';
import type { IsoDate } from '$lib/dates';
import { daysBetween } from './date-parse';
import type { ParsedTransaction } from './types';

const SPACES = /[\s\u00a0\u202f]+/g;

/** True when every character is printable ASCII (no accents to strip, the only whitespace is ' '). */
function printableAscii(s: string): boolean {
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 0x20 || c > 0x7e) return false;
	}
	return true;
}

/** Upper case, accents stripped, whitespace collapsed: the label as used in dedupe keys. */
export function normaliseForDedupe(rawLabel: string): string {
	if (printableAscii(rawLabel)) {
		// NFD and the mark removal change nothing in printable ASCII, whose only whitespace is the space.
		const up = rawLabel.toUpperCase();
		return up.includes('  ') || up.charCodeAt(0) === 32 || up.charCodeAt(up.length - 1) === 32
			? up.replace(SPACES, ' ').trim()
			: up;
	}
	return rawLabel
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toUpperCase()
		.replace(SPACES, ' ')
		.trim();
}

/**
 * One key per transaction, in order. The bank's id when there is one (scoped by account and amount, so a
 * bank that reuses ids cannot swallow a different row); otherwise (booking date, cents, normalised label)
 * plus the occurrence index of that tuple within the file, so two identical coffees stay two rows and an
 * overlapping statement yields the same keys for the same rows. `store` turns each key into what is kept
 * (the import service keeps a short hash), so the long keys never pile up.
 */
export function dedupeKeys(
	accountKey: string,
	txs: ParsedTransaction[],
	store: (key: string) => string = (k) => k
): string[] {
	return countedKeys(accountKey, txs, store, true) ?? (countedKeys(accountKey, txs, store, false) as string[]);
}

/**
 * The keys, occurrences counted either day by day or in one map for the whole file. Statements list a day's
 * rows together, so counting day by day keeps only one day's keys in the map, instead of every key of the
 * file until its end; it returns null when the file comes back to a day it had left (the count must then
 * see the whole file).
 */
function countedKeys(
	accountKey: string,
	txs: ParsedTransaction[],
	store: (key: string) => string,
	byDay: boolean
): string[] | null {
	const byBankId = new Map<string, number>();
	let counts = new Map<string, number>();
	let day: string | null = null;
	const daysLeft = new Set<string>();
	// bank labels repeat a lot within a file: normalise each distinct label once
	const labels = new Map<string, string>();
	const keys = new Array<string>(txs.length);
	for (let i = 0; i < txs.length; i++) {
		const t = txs[i];
		if (t.bankId) {
			const base = `${accountKey}|id|${t.bankId}|${t.amount}`;
			const n = byBankId.get(base) ?? 0;
			byBankId.set(base, n + 1);
			keys[i] = store(n === 0 ? base : `${base}|${n}`);
			continue;
		}
		if (byDay && t.bookingDate !== day) {
			if (day !== null) daysLeft.add(day);
			if (daysLeft.has(t.bookingDate)) return null;
			day = t.bookingDate;
			counts = new Map();
		}
		let label = labels.get(t.rawLabel);
		if (label === undefined) {
			label = normaliseForDedupe(t.rawLabel);
			if (labels.size < 50_000) labels.set(t.rawLabel, label);
		}
		const base = `${accountKey}|${t.bookingDate}|${t.amount}|${label}`;
		const n = counts.get(base) ?? 0;
		counts.set(base, n + 1);
		keys[i] = store(`${base}|${n}`);
	}
	return keys;
}

export interface DuplicateCandidate {
	accountKey: string;
	bookingDate: IsoDate;
	/** Cents, negative = debit. */
	amount: Cents;
	rawLabel: string;
}

export interface ProbableDuplicate<N, E> {
	incoming: N;
	existing: E;
	/** Booking-date distance in days (0 to 3). */
	daysApart: number;
}

/**
 * Pairs of an incoming and an existing transaction of the same account with the same amount, booking dates
 * within ±3 days and a different normalised label (an OFX and a CSV of the same operation): for review.
 * Pairs are sorted by date distance.
 */
export function findProbableDuplicates<N extends DuplicateCandidate, E extends DuplicateCandidate>(
	newTxs: N[],
	existingTxs: E[]
): ProbableDuplicate<N, E>[] {
	const index = new Map<string, E[]>();
	for (const e of existingTxs) {
		const k = `${e.accountKey}|${e.amount}`;
		const list = index.get(k);
		if (list) list.push(e);
		else index.set(k, [e]);
	}
	const pairs: ProbableDuplicate<N, E>[] = [];
	for (const n of newTxs) {
		const list = index.get(`${n.accountKey}|${n.amount}`);
		if (!list) continue;
		const label = normaliseForDedupe(n.rawLabel);
		for (const e of list) {
			const d = Math.abs(daysBetween(e.bookingDate, n.bookingDate));
			if (d <= 3 && normaliseForDedupe(e.rawLabel) !== label) pairs.push({ incoming: n, existing: e, daysApart: d });
		}
	}
	return pairs.sort((a, b) => a.daysApart - b.daysApart);
}
