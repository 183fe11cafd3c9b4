/**
 * Shapes returned by the statement parser. Amounts are integer cents (negative = debit), dates are
 * IsoDate strings; every transaction keeps the 1-based line of the file it came from.
 */
import type { Cents } from '$lib/money';
import type { IsoDate } from '$lib/dates';

export type StatementFormat = 'csv' | 'ofx' | 'qif' | 'camt053';
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/** One booked transaction read from the file. */
export interface ParsedTransaction {
	/** 1-based line of the file where the transaction starts. */
	line: number;
	/** Booking date (date the bank posted it). */
	bookingDate: IsoDate;
	/** Operation date (card date) when the file gives it, else null. */
	operationDate: IsoDate | null;
	/** Cents, negative = debit. */
	amount: Cents;
	/** The bank's label, kept verbatim (trimmed) for audit and dedupe. */
	rawLabel: string;
	/** Payee given by the file itself (OFX NAME, Bourso `Payee |`, CAMT Cdtr/Dbtr, BPCE libellé simplifié…). */
	payee: string | null;
	memo: string | null;
	/** The bank's own transaction id (FITID, AcctSvcrRef, CE n° d'opération, Shine/Qonto ids). */
	bankId: string | null;
	/** SEPA direct-debit mandate reference (RUM) when the file gives it. */
	mandateId?: string | null;
	/** SEPA creditor identifier (ICS) when the file gives it. */
	creditorId?: string | null;
	/** Category written by the bank (Bourso, BPCE, QIF L), for information only. */
	bankCategory?: string | null;
}

/** A balance stated by the file. `opening` is the balance at the start of `date` (before its transactions);
 * `closing` and `running` are balances at the end of `date` (running: after the row at `line`). */
export interface ParsedBalance {
	date: IsoDate;
	/** Cents, negative = overdrawn. */
	amount: Cents;
	kind: 'opening' | 'closing' | 'running';
	line?: number;
}

export interface ParsedAccount {
	accountNumber: string | null;
	iban: string | null;
	label: string | null;
	bankName: string | null;
	/** ISO 4217 code, 'EUR' unless the file says otherwise. */
	currency: string;
	transactions: ParsedTransaction[];
	balances: ParsedBalance[];
	/**
	 * 'card': the card account of a deferred debit card (OFX CREDITCARDMSGSRSV1/CCSTMTRS, QIF `!Type:CCard`):
	 * its purchases are spending (negative amounts), paid by one monthly debit on the current account, which
	 * the service marks as the settlement so that each euro counts once. Always set by parseStatement
	 * (absent in objects built elsewhere means 'bank'). A card account's `label` names it ("Carte •••• 1234").
	 */
	kind?: 'bank' | 'card';
	/**
	 * False when the file does not say which account it is (no account number, IBAN nor card number: QIF,
	 * generic CSV, headerless exports): ask which account the rows go to rather than guess. Always set by
	 * parseStatement.
	 */
	identified?: boolean;
}

export interface ParsedStatement {
	format: StatementFormat;
	/** Stable id of the CSV layout ('boursobank', 'lcl', … 'generic'), null for other formats. */
	layout: string | null;
	encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be' | string;
	accounts: ParsedAccount[];
	/** French messages for the person importing (skipped lines, lossy encoding…). */
	warnings: string[];
	/** Rows not yet booked (Revolut PENDING, Qonto pending, camt PDNG) left out. */
	pendingSkipped: number;
}

/** How to read a CSV file whose layout is unknown. Column indexes are 0-based. */
export interface CsvMapping {
	dateColumn: number;
	labelColumns: number[];
	amountColumn?: number;
	debitColumn?: number;
	creditColumn?: number;
	operationDateColumn?: number;
	payeeColumn?: number;
	balanceColumn?: number;
	dateOrder?: DateOrder;
	decimal?: ',' | '.';
	hasHeader: boolean;
	/**
	 * Lines to skip at the top of the file before the header (or the first row). When absent, the data
	 * starts at the first row whose date cell is a date, and the header is the row just before it.
	 */
	skipRows?: number;
	/** Separator to use instead of the detected one. */
	delimiter?: string;
	/**
	 * Exact format of the date column (`dd.mm.yyyy`, `dd/mm/yy`, `yyyy-mm-dd`, `mm/dd/yyyy`…): it sets the
	 * date order, and a date cell written another way is refused with its line.
	 */
	dateFormat?: string;
	/**
	 * Thousands separator of the amount columns (`'`, `’`, ' ', '.', ','; '' for none): removed before the
	 * amount is read, after checking that it separates groups of three digits.
	 */
	thousands?: string;
}

export interface CsvPreview {
	delimiter: string;
	hasHeader: boolean;
	/** Header cells, or "Colonne 1", "Colonne 2"… when there is no header. */
	columns: string[];
	/** Up to 10 data rows after the header. */
	rows: string[][];
	/** Lines before the header that look like a preamble (to pass as skipRows). */
	skipRows: number;
	/** A mapping guessed from the header names and values, to pre-fill the form (may be null). */
	suggestedMapping: CsvMapping | null;
}

export interface ParseOptions {
	fileName?: string;
	/** largest file accepted, in bytes (default 20 MB; IMPORT_MAX_MB in the app's configuration) */
	maxBytes?: number;
	format?: 'auto' | StatementFormat;
	mapping?: CsvMapping;
	dateOrder?: DateOrder;
}
