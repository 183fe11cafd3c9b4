/**
 * Turns CSV rows into transactions once a layout has said which column holds what: one engine for every
 * bank, so dates, amounts, debit/credit pairs, pending rows, running balances and multi-account files are
 * read the same way everywhere.
 */
import type { Cents } from '$lib/money';
import type { IsoDate } from '$lib/dates';
import { DecimalVotes, readOptionalAmount, withoutThousands, type DecimalSep } from './amounts';
import { cellOf } from './csv-index';
import type { CsvRow } from './csv-reader';
import { labelDateCandidate, looksLikeDate, parseDateText, settleLabelDate, type LabelDate } from './date-parse';
import { ImportError } from './errors';
import { shown } from './limits';
import { tidy, tidyOrNull } from './text';
import type { DateOrder, ParsedAccount, ParsedBalance, ParsedTransaction } from './types';

/** What a row is, for layouts with pending or cancelled rows. */
export type RowState = 'booked' | 'pending' | 'skip';

/** Which column holds what (0-based indexes). */
export interface ColumnSpec {
	bookingDate: number;
	operationDate?: number;
	dateOrder: DateOrder;
	/** Columns joined with a space to make the raw label (the first non-empty if `labelFirst`). */
	label: number[];
	labelFirst?: boolean;
	payee?: number;
	memo?: number[];
	amount?: number;
	debit?: number;
	credit?: number;
	/** Fee column (Revolut), a positive value taken off the amount. */
	fee?: number;
	/** Default decimal separator of the amount columns; the column's values decide when unambiguous. */
	decimal: DecimalSep;
	balance?: number;
	balanceDecimal?: DecimalSep;
	/** Balance column is the account balance at export time (Bourso), not a per-row running balance. */
	balanceIsCurrent?: boolean;
	bankId?: number;
	account?: number;
	accountLabel?: number;
	currency?: number;
	category?: number;
	mandateId?: number;
	creditorId?: number;
	/** Names of the columns for error messages. */
	names?: string[];
	/**
	 * Number of named columns of the header, when the file has one. A data row with fewer cells, or with
	 * more cells that are not empty, is then refused with its line: a separator missing, or one too many in
	 * a label without quotes, shifts the columns and would put a wrong value in the amount or the label.
	 */
	width?: number;
	/** Row classification (pending / cancelled rows). */
	state?: (cells: string[]) => RowState;
	/** Splits a `Payee | RAW LABEL` label (BoursoBank 2025+). */
	splitPipePayee?: boolean;
	/** Take the operation date from the label (CARTE dd/mm…) when there is no column for it. */
	labelOperationDate?: boolean;
	/** Thousands separator of the amount and balance columns, removed before reading (a mapping's). */
	thousands?: string;
}

export interface TableResult {
	accounts: Map<
		string,
		{ transactions: ParsedTransaction[]; balances: ParsedBalance[]; label: string | null; currency: string | null }
	>;
	pendingSkipped: number;
	warnings: string[];
	/** Rows whose date cell is not a date, handed back to the layout (preamble, trailers, balances). */
	otherRows: CsvRow[];
}

function cell(cells: string[], i: number | undefined): string {
	return i === undefined ? '' : (cells[i] ?? '');
}

function colName(spec: ColumnSpec, i: number, fallback: string): string {
	const name = spec.names?.[i];
	return name ? shown(name) : fallback;
}

/**
 * Refuses a data row whose cells do not line up with the header's columns (see ColumnSpec.width): fewer
 * cells than the header names, or more cells that are not empty. Banks differ on trailing separators
 * (Fortuneo ends a credit row with one more than a debit row), so empty cells past the header are fine.
 */
function checkWidth(cells: string[], width: number, line: number): void {
	if (cells.length < width) {
		throw new ImportError(
			`Ligne ${line} : ${cells.length} colonne${cells.length > 1 ? 's' : ''} au lieu de ${width}. Un séparateur manque dans cette ligne : les colonnes sont décalées.`,
			line
		);
	}
	let filled = cells.length;
	while (filled > width && cells[filled - 1].trim() === '') filled--;
	if (filled > width) {
		throw new ImportError(
			`Ligne ${line} : ${filled} colonnes au lieu de ${width}. Un séparateur en trop (dans un libellé sans guillemets ?) décale les colonnes.`,
			line
		);
	}
}

/** Decimal separator of each amount column and of the balance column, decided from all their values. */
interface Decimals {
	of(col: number): DecimalSep;
	balance: DecimalSep;
}

function decimalsOf(rows: CsvRow[], spec: ColumnSpec): Decimals {
	const amountCols = [spec.amount, spec.debit, spec.credit, spec.fee].filter((c): c is number => c !== undefined);
	const columns = spec.balance === undefined ? amountCols : [...amountCols, spec.balance];
	const votes = columns.map(() => new DecimalVotes());
	// one cell at a time: an indexed row slices only the cells asked for
	for (let r = 0; r < rows.length; r++)
		for (let k = 0; k < columns.length; k++) votes[k].add(cellOf(rows[r], columns[k]));
	const decimals = new Map<number, DecimalSep>();
	amountCols.forEach((c, k) => decimals.set(c, votes[k].decide(spec.decimal)));
	const balanceDefault = spec.balanceDecimal ?? spec.decimal;
	return {
		of: (col) => decimals.get(col) ?? spec.decimal,
		balance: spec.balance === undefined ? balanceDefault : votes[amountCols.length].decide(balanceDefault)
	};
}

/** An amount cell read in cents, its thousands separator removed first when the spec names one. */
function amountCell(
	c: string[],
	col: number,
	decimal: DecimalSep,
	line: number,
	spec: ColumnSpec,
	fallback: string
): Cents | null {
	const name = colName(spec, col, fallback);
	const raw = cell(c, col);
	const text = spec.thousands ? withoutThousands(raw, spec.thousands, decimal, line, name) : raw;
	return readOptionalAmount(text, decimal, line, name);
}

/** The row's amount: the amount column, or credit minus debit (both written positive or signed), less the fee. */
function rowAmount(c: string[], line: number, spec: ColumnSpec, dec: Decimals): Cents {
	let amount: Cents;
	if (spec.amount !== undefined) {
		const a = amountCell(c, spec.amount, dec.of(spec.amount), line, spec, 'montant');
		if (a === null) {
			throw new ImportError(
				`Ligne ${line} : montant manquant dans la colonne « ${colName(spec, spec.amount, 'montant')} ».`,
				line
			);
		}
		amount = a;
	} else {
		const debitCol = spec.debit as number;
		const creditCol = spec.credit as number;
		const debit = amountCell(c, debitCol, dec.of(debitCol), line, spec, 'débit');
		const credit = amountCell(c, creditCol, dec.of(creditCol), line, spec, 'crédit');
		if (debit !== null && credit !== null && debit !== 0 && credit !== 0) {
			throw new ImportError(`Ligne ${line} : les colonnes débit et crédit sont toutes deux remplies.`, line);
		}
		if (debit === null && credit === null) throw new ImportError(`Ligne ${line} : ni débit ni crédit.`, line);
		amount = Math.abs(credit ?? 0) - Math.abs(debit ?? 0);
	}
	if (spec.fee !== undefined) {
		const fee = amountCell(c, spec.fee, dec.of(spec.fee), line, spec, 'frais');
		if (fee !== null) amount -= Math.abs(fee);
	}
	return amount;
}

/** The raw label (a BoursoBank `Payee | RAW LABEL` split), the file's payee and the memo of a row. */
function rowTexts(c: string[], spec: ColumnSpec): { rawLabel: string; payee: string | null; memo: string | null } {
	let rawLabel =
		spec.label.length === 1
			? tidy(cell(c, spec.label[0]))
			: spec.labelFirst
				? (spec.label.map((i) => tidy(cell(c, i))).find((s) => s !== '') ?? '')
				: spec.label
						.map((i) => tidy(cell(c, i)))
						.filter((s) => s !== '')
						.join(' ');
	let payee = spec.payee !== undefined ? tidyOrNull(cell(c, spec.payee)) : null;
	if (spec.splitPipePayee) {
		const idx = rawLabel.indexOf(' | ');
		if (idx > 0) {
			payee = tidyOrNull(rawLabel.slice(0, idx)) ?? payee;
			rawLabel = tidy(rawLabel.slice(idx + 3));
		}
	}
	if (rawLabel === '') rawLabel = payee ?? '';
	let memo: string | null = null;
	if (spec.memo !== undefined && spec.memo.length === 1) {
		const m = tidy(cell(c, spec.memo[0]));
		if (m !== '' && m !== rawLabel) memo = m;
	} else if (spec.memo !== undefined && spec.memo.length > 1) {
		const memoParts = spec.memo.map((i) => tidy(cell(c, i))).filter((s) => s !== '' && s !== rawLabel);
		if (memoParts.length) memo = memoParts.join(' ');
	}
	return { rawLabel, payee, memo };
}

/** Caches of one table: a statement repeats its dates (and often its labels) many times. */
function textCaches(spec: ColumnSpec) {
	const dates = new Map<string, IsoDate | null>();
	const labelDates = new Map<string, LabelDate | null>();
	return {
		date(text: string): IsoDate | null {
			let d = dates.get(text);
			if (d === undefined) {
				d = parseDateText(text, spec.dateOrder);
				if (dates.size < 100_000) dates.set(text, d);
			}
			return d;
		},
		labelDate(rawLabel: string, bookingDate: IsoDate): IsoDate | null {
			let candidate = labelDates.get(rawLabel);
			if (candidate === undefined) {
				candidate = labelDateCandidate(rawLabel);
				if (labelDates.size < 50_000) labelDates.set(rawLabel, candidate);
			}
			return settleLabelDate(candidate, bookingDate);
		}
	};
}

/** The operation date column of a row, or null when empty; an unreadable one is refused. */
function operationDateCell(c: string[], line: number, spec: ColumnSpec, read: (t: string) => IsoDate | null) {
	if (spec.operationDate === undefined) return null;
	const t = cell(c, spec.operationDate).trim();
	if (t === '') return null;
	const d = read(t);
	if (d === null) {
		throw new ImportError(
			`Ligne ${line} : date d'opération illisible « ${shown(t)} » dans la colonne « ${colName(spec, spec.operationDate, "date d'opération")} ».`,
			line
		);
	}
	return d;
}

/** One transaction from a row whose booking date was read. */
function rowTransaction(
	row: CsvRow,
	bookingDate: IsoDate,
	spec: ColumnSpec,
	dec: Decimals,
	caches: ReturnType<typeof textCaches>
): ParsedTransaction {
	const c = row.cells;
	if (spec.width !== undefined) checkWidth(c, spec.width, row.line);
	let operationDate = operationDateCell(c, row.line, spec, caches.date);
	const amount = rowAmount(c, row.line, spec, dec);
	const { rawLabel, payee, memo } = rowTexts(c, spec);
	if (operationDate === null && spec.labelOperationDate) operationDate = caches.labelDate(rawLabel, bookingDate);
	const tx: ParsedTransaction = {
		line: row.line,
		bookingDate,
		operationDate,
		amount,
		rawLabel,
		payee,
		memo,
		bankId: spec.bankId !== undefined ? tidyOrNull(cell(c, spec.bankId)) : null
	};
	if (spec.mandateId !== undefined) tx.mandateId = tidyOrNull(cell(c, spec.mandateId));
	if (spec.creditorId !== undefined) tx.creditorId = tidyOrNull(cell(c, spec.creditorId));
	if (spec.category !== undefined) tx.bankCategory = tidyOrNull(cell(c, spec.category));
	return tx;
}

/** Reads the data rows of a table. Rows whose booking-date cell is not a date go to `otherRows`. */
export function readTable(rows: CsvRow[], spec: ColumnSpec): TableResult {
	const dec = decimalsOf(rows, spec);
	const caches = textCaches(spec);
	const result: TableResult = { accounts: new Map(), pendingSkipped: 0, warnings: [], otherRows: [] };
	const current = new Map<string, { amount: Cents; line: number; text: string }>();
	for (let r = 0; r < rows.length; r++) {
		const row = rows[r];
		const c = row.cells;
		const state = spec.state ? spec.state(c) : 'booked';
		if (state === 'pending') {
			result.pendingSkipped++;
			continue;
		}
		if (state === 'skip') {
			result.warnings.push(`Ligne ${row.line} ignorée : opération annulée ou refusée.`);
			continue;
		}
		const dateText = cell(c, spec.bookingDate).trim();
		const bookingDate = caches.date(dateText);
		if (bookingDate === null) {
			if (dateText !== '' && looksLikeDate(dateText)) {
				throw new ImportError(`Ligne ${row.line} : date impossible « ${shown(dateText)} ».`, row.line);
			}
			result.otherRows.push(row);
			continue;
		}
		const tx = rowTransaction(row, bookingDate, spec, dec, caches);
		const key = spec.account !== undefined ? tidy(cell(c, spec.account)) : '';
		let acc = result.accounts.get(key);
		if (!acc) {
			acc = {
				transactions: [],
				balances: [],
				label: spec.accountLabel !== undefined ? tidyOrNull(cell(c, spec.accountLabel)) : null,
				currency: spec.currency !== undefined ? tidyOrNull(cell(c, spec.currency)) : null
			};
			result.accounts.set(key, acc);
		}
		acc.transactions.push(tx);
		if (spec.balance === undefined) continue;
		const text = cell(c, spec.balance);
		const last = spec.balanceIsCurrent ? current.get(key) : undefined;
		if (last !== undefined && last.text === text) {
			// the export-time balance, repeated on every row: the same text is the same amount
			last.line = row.line;
			continue;
		}
		const bal = amountCell(c, spec.balance, dec.balance, row.line, spec, 'solde');
		if (bal === null) continue;
		if (spec.balanceIsCurrent) current.set(key, { amount: bal, line: row.line, text });
		else acc.balances.push({ date: bookingDate, amount: bal, kind: 'running', line: row.line });
	}
	for (const [key, { amount, line }] of current) {
		const acc = result.accounts.get(key);
		if (!acc || acc.transactions.length === 0) continue;
		let last = acc.transactions[0].bookingDate;
		for (const t of acc.transactions) if (t.bookingDate > last) last = t.bookingDate;
		acc.balances.push({ date: last, amount, kind: 'closing', line });
	}
	return result;
}

/** One account from a table result, with the layout's metadata. */
export function toAccount(
	entry: {
		transactions: ParsedTransaction[];
		balances: ParsedBalance[];
		label: string | null;
		currency: string | null;
	},
	meta: Partial<Omit<ParsedAccount, 'transactions'>>
): ParsedAccount {
	return {
		accountNumber: meta.accountNumber ?? null,
		iban: meta.iban ?? null,
		label: meta.label ?? entry.label,
		bankName: meta.bankName ?? null,
		currency: entry.currency ?? meta.currency ?? 'EUR',
		transactions: entry.transactions,
		balances: [...(meta.balances ?? []), ...entry.balances],
		...(meta.kind ? { kind: meta.kind } : {}),
		...(meta.identified !== undefined ? { identified: meta.identified } : {})
	};
}

/** Finds, in the first `within` rows, the row whose cells match all `names` (any order); returns its index. */
export function findHeaderRow(rows: CsvRow[], test: (cells: string[]) => boolean, within = 15): number {
	for (let i = 0; i < Math.min(rows.length, within); i++) if (test(rows[i].cells)) return i;
	return -1;
}
