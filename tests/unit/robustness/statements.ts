/**
 * Synthetic BoursoBank statements for the kill and concurrency tests: one deterministic sequence of days
 * (day 0 is the newest, 2026-06-30; day n is n days earlier), each day's rows fixed by its index, so two
 * statements covering overlapping days hold the very same rows for the days they share (same dedupe keys).
 * A salary arrives on the 1st and the rent leaves on the 5th of each month; the rest are card payments,
 * direct debits and withdrawals. The balance column is the account's balance at the statement's newest day.
 */
import { addDaysIso } from '$lib/dates';

export const NEWEST_DATE = '2026-06-30';

/** Days [newest, newest + days), `perDay` rows each. */
export interface StatementSpec {
	newest: number;
	days: number;
	perDay: number;
}

export interface StatementRow {
	date: string;
	/** cents */
	amount: number;
	label: string;
}

const LABELS = [
	'CARTE CARREFOUR MARKET CB*4521',
	'PRLV SEPA EDF CLIENTS PARTICULIERS',
	'CARTE BOULANGERIE DU MARCHE CB*4521',
	'RETRAIT DAB PARIS 11 CB*4521',
	'PRLV SEPA FREE MOBILE',
	'CARTE PHARMACIE CENTRALE CB*4521',
	'CARTE SNCF INTERNET CB*4521',
	'VIR SEPA RECU /DE CAF DE PARIS'
];

const HEADER =
	'dateOp;dateVal;label;category;categoryParent;supplierFound;amount;comment;accountNum;accountLabel;accountbalance';

/** A small deterministic hash of two integers (no randomness: the same day always holds the same rows). */
function mix(a: number, b: number): number {
	let h = (a * 73_856_093) ^ (b * 19_349_663);
	h = Math.imul(h ^ (h >>> 13), 0x5bd1e995);
	return (h ^ (h >>> 15)) >>> 0;
}

const MAX_PER_DAY = 40;

/** The rows of day `day`, in file order. */
export function dayRows(day: number, perDay: number): StatementRow[] {
	if (perDay > MAX_PER_DAY) throw new RangeError(`at most ${MAX_PER_DAY} rows a day`);
	const date = addDaysIso(NEWEST_DATE, -day);
	const dom = Number(date.slice(8, 10));
	const rows: StatementRow[] = [];
	for (let k = 0; k < perDay; k++) {
		if (k === 0 && dom === 1) rows.push({ date, amount: 1_650_00, label: 'VIR SEPA SALAIRE ACME INDUSTRIE' });
		else if (k === 0 && dom === 5) rows.push({ date, amount: -720_00, label: 'PRLV SEPA LOYER OPH PARIS HABITAT' });
		else {
			const h = mix(day, k);
			const label = LABELS[h % LABELS.length];
			// one amount per (day modulo 8, row): rows of equal amounts are 8 days apart or more, so that no
			// row of one statement looks like a probable duplicate (±3 days) of another row
			const cents = 1 + ((day % 8) * MAX_PER_DAY + k) * 50 + ((h >>> 8) % 50);
			rows.push({ date, amount: label.startsWith('VIR') ? cents : -cents, label });
		}
	}
	return rows;
}

/** Every row of the statement, newest day first. */
export function statementRows(spec: StatementSpec): StatementRow[] {
	const rows: StatementRow[] = [];
	for (let d = spec.newest; d < spec.newest + spec.days; d++) rows.push(...dayRows(d, spec.perDay));
	return rows;
}

function euros(cents: number, decimal: ',' | '.'): string {
	const a = Math.abs(cents);
	return `${cents < 0 ? '-' : ''}${Math.trunc(a / 100)}${decimal}${String(a % 100).padStart(2, '0')}`;
}

/**
 * The statement as the bank exports it. The balance is that of the end of its newest day, the sum of every
 * row up to `oldest` days back from a fixed opening: statements that share days agree on their balances.
 */
export function statementCsv(spec: StatementSpec, oldest = spec.newest + spec.days): string {
	let balance = 500_00;
	for (let d = oldest - 1; d >= spec.newest; d--) for (const r of dayRows(d, spec.perDay)) balance += r.amount;
	const lines = [HEADER];
	for (const r of statementRows(spec)) {
		const amount = euros(r.amount, ',');
		lines.push(
			`${r.date};${r.date};"${r.label}";"Divers";"Divers";"";${amount};;00012345;"BOURSORAMA BANQUE";${euros(balance, '.')}`
		);
	}
	return lines.join('\n') + '\n';
}

/** The rows of several statements together, each row once (the days they share counted once). */
export function unionRows(specs: StatementSpec[]): StatementRow[] {
	const perDay = new Map<number, number>();
	for (const s of specs) for (let d = s.newest; d < s.newest + s.days; d++) perDay.set(d, s.perDay);
	return [...perDay.entries()].sort((a, b) => a[0] - b[0]).flatMap(([d, n]) => dayRows(d, n));
}

/** A row as a comparable string. */
export function rowKey(r: StatementRow): string {
	return `${r.date}|${r.amount}|${r.label}`;
}
