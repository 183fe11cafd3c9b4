/**
 * What the import service takes and gives back: the request for one file, the plan made from it (read
 * from the database, nothing written) and the result the pages and the CLI show.
 */
import type { Cents } from '$lib/money';
import type {
	BalanceGap,
	CsvMapping,
	CsvPreview,
	DateOrder,
	ParsedAccount,
	ParsedStatement,
	StatementFormat
} from '../../import';

export interface ImportRequest {
	fileName: string;
	bytes: Uint8Array;
	/** name of the account to fill when the file does not identify it (or to force one) */
	accountName?: string | null;
	/** an existing account of the household to fill */
	accountId?: number | null;
	format?: 'auto' | StatementFormat;
	mapping?: CsvMapping;
	dateOrder?: DateOrder;
	/** largest file accepted, bytes (configuration IMPORT_MAX_MB) */
	maxBytes?: number;
	/** keep `mapping` on the accounts the file fills, for the next file of that layout */
	saveMapping?: boolean;
	/** parse in a worker thread with this time budget (the web app: a file never holds the event loop);
	 * absent, the file is parsed on the calling thread (the command line) */
	offThread?: { timeoutMs: number };
}

/** A stated balance to store, as an end-of-day balance. */
export interface PlannedBalance {
	date: string;
	amount: Cents;
}

/** A row of the file that looks like a row already stored under another label (±3 days, same amount). */
export interface PlannedDuplicate {
	/** index of the incoming row in the parsed account's transactions */
	incoming: number;
	/** booking days between the two rows (0 to 3) */
	daysApart: number;
	existing: { id: number; bookingDate: string; amount: Cents; rawLabel: string };
}

/** What the import would do with one account of the file. */
export interface PlannedAccount {
	parsed: ParsedAccount;
	/** the household's account it fills; null when the import creates one */
	existing: { id: number; name: string } | null;
	/** the name a created account gets (or the existing account's name) */
	name: string;
	/** the account name the person typed, if any: an account of that name created meanwhile is the one */
	requestedName: string | null;
	/** identifiers the file gives that the existing account lacks, filled in on commit */
	fillIdentifiers: { iban: string | null; accountNumber: string | null } | null;
	/** the stored dedupe key of every row (existing account only: a new account's keys need its id) */
	keys: string[] | null;
	/** indexes of the rows not already stored */
	fresh: number[];
	probableDuplicates: PlannedDuplicate[];
	/** stated balances not stored yet */
	balances: PlannedBalance[];
	closing: PlannedBalance | null;
	reconciliation: BalanceGap[];
	/** what the person should check before confirming (a balance that disagrees with a known one…) */
	warnings: string[];
	/** the first new rows, categorised as they would be stored */
	sample: AccountImportResult['sample'];
}

/** Everything an import of one file would write, computed without writing anything. */
export interface ImportPlan {
	fileName: string;
	sha256: string;
	format: ParsedStatement['format'];
	layout: string | null;
	encoding: string;
	warnings: string[];
	pendingSkipped: number;
	accounts: PlannedAccount[];
	/** the column mapping the file was read with, saved on commit when the request asks */
	mapping: CsvMapping | null;
	saveMapping: boolean;
}

export interface AccountImportResult {
	accountId: number | null;
	account: string;
	/** the account's number or IBAN as read from the file, masked ('•••• 1234'), null when the file has none */
	number: string | null;
	created: boolean;
	imported: number;
	duplicates: number;
	dateFrom: string | null;
	dateTo: string | null;
	sum: string;
	closingBalance: string | null;
	reconciliation: { date: string; stated: string; computed: string; difference: string }[];
	probableDuplicates: { date: string; amount: string; label: string; existingLabel: string; existingDate: string }[];
	/** the first new rows as they will be stored, for the preview */
	sample: { date: string; amount: string; label: string; payee: string | null; category: string }[];
}

export type FileImportResult =
	| {
			file: string;
			status: 'imported' | 'dry-run';
			format: StatementFormat;
			layout: string | null;
			encoding: string;
			accounts: AccountImportResult[];
			warnings: string[];
			pendingSkipped: number;
			batchId: number | null;
	  }
	| RejectedFile;

export interface RejectedFile {
	file: string;
	status: 'rejected';
	error: { message: string; line?: number };
	needs?: { mapping?: CsvPreview; dateOrder?: true; account?: true };
}

/** Milliseconds spent in each stage of an import (filled when asked for, by the bench). */
export interface ImportTimings {
	/** decoding, format and layout detection, parsing (pure engine) */
	parse?: number;
	/** loading (or checking the cache of) the compiled rule set */
	loadRules?: number;
	/** the plan: accounts matched, dedupe keys, rows already known, probable duplicates (reads only) */
	plan?: number;
	/** the database transaction: categorisation, inserts, balances, probable duplicates, batch */
	write?: number;
	/** part of `write`: the INSERTs of the new transactions themselves (the database's own work, mostly) */
	writeRows?: number;
	/** after commit: benefit alerts refreshed from the new transactions */
	benefitAlerts?: number;
	/** after commit: household status (balance, projected overdraft, alerts) refreshed */
	householdStatus?: number;
	/** after commit: the caseload row (fragility level, signals, fees) refreshed */
	caseloadRow?: number;
	/** after commit: the action plan computed again and its counts written */
	actionPlan?: number;
}
