/**
 * Imports one statement file into a household, all-or-nothing: parse (pure engine), match or create the
 * accounts, skip rows already known (dedupe keys backed by a unique constraint), categorise the new rows,
 * store the balances the file states, and record the batch, inside one database transaction.
 */
import { createHash, hash } from 'node:crypto';
import { centsToString, type Cents } from '$lib/money';
import { addDaysIso } from '$lib/dates';
import { rawSqlite, type Db } from '../db';
import type { NewBankTransaction } from '../db/schema';
import type { Database as SQLiteDatabase } from 'better-sqlite3';
import {
	dedupeKeys,
	findProbableDuplicates,
	ImportError,
	maskAccountNumber,
	NeedsDateOrderError,
	NeedsMappingError,
	parseStatement,
	reconcile,
	statedClosingBalance,
	type CsvMapping,
	type CsvPreview,
	type DateOrder,
	type ParsedAccount,
	type ParsedTransaction,
	type StatementFormat
} from '../import';
import { audit } from './audit';
import { refreshBenefitAlerts } from './benefits-service';
import { refreshHouseholdStatus } from './forecast-service';
import { loadCategoriser, type Categoriser, type CategoriserOutput } from './categoriser';

export interface ImportRequest {
	organisationId: number;
	householdId: number;
	userId: number | null;
	fileName: string;
	bytes: Uint8Array;
	/** name of the account to fill when the file does not identify it (or to force one) */
	accountName?: string | null;
	/** an existing account of the household to fill */
	accountId?: number | null;
	format?: 'auto' | StatementFormat;
	mapping?: CsvMapping;
	dateOrder?: DateOrder;
	dryRun?: boolean;
	/** largest file accepted, bytes (configuration IMPORT_MAX_MB) */
	maxBytes?: number;
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
	| {
			file: string;
			status: 'rejected';
			error: { message: string; line?: number };
			needs?: { mapping?: CsvPreview; dateOrder?: true };
	  };

/** Milliseconds spent in each stage of importFile (filled when asked for, by the bench). */
export interface ImportTimings {
	/** decoding, format and layout detection, parsing (pure engine) */
	parse?: number;
	/** loading (or checking the cache of) the compiled rule set */
	loadRules?: number;
	/** the database transaction: dedupe, categorisation, inserts, balances, probable duplicates, batch */
	write?: number;
	/** part of `write`: the INSERTs of the new transactions themselves (the database's own work, mostly) */
	writeRows?: number;
	/** after commit: benefit alerts refreshed from the new transactions */
	benefitAlerts?: number;
	/** after commit: household status (balance, projected overdraft, alerts) refreshed */
	householdStatus?: number;
}

/** Rows per INSERT: 23 columns × 1,000 stays under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const CHUNK = 1000;

class DryRunRollback extends Error {}

function chunks<T>(items: T[], size = CHUNK): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

function digits(s: string | null): string | null {
	const d = s?.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
	return d ? d : null;
}

/** The household's account this parsed account belongs to: by IBAN, then account number, then name. */
async function matchAccount(
	trx: Db,
	req: ImportRequest,
	parsed: ParsedAccount,
	now: string
): Promise<{ id: number; name: string; created: boolean }> {
	const accounts = await trx
		.selectFrom('bank_account')
		.select(['id', 'name', 'iban', 'account_number'])
		.where('household_id', '=', req.householdId)
		.where('organisation_id', '=', req.organisationId)
		.execute();
	if (req.accountId) {
		const a = accounts.find((x) => x.id === req.accountId);
		if (!a) throw new ImportError('Ce compte n’appartient pas à ce ménage.', null);
		return { id: a.id, name: a.name, created: false };
	}
	const iban = digits(parsed.iban);
	const number = digits(parsed.accountNumber);
	const found =
		(iban && accounts.find((a) => digits(a.iban) === iban)) ||
		(number &&
			accounts.find((a) => {
				const n = digits(a.account_number);
				const i = digits(a.iban);
				return n === number || (i !== null && i.includes(number)) || (n !== null && iban !== null && iban.includes(n));
			})) ||
		(req.accountName && accounts.find((a) => a.name.toLowerCase() === req.accountName!.trim().toLowerCase())) ||
		(!iban && !number && !req.accountName && accounts.length === 1 ? accounts[0] : undefined);
	if (found) {
		if ((iban && !found.iban) || (number && !found.account_number)) {
			await trx
				.updateTable('bank_account')
				.set({ iban: found.iban ?? parsed.iban, account_number: found.account_number ?? parsed.accountNumber })
				.where('id', '=', found.id)
				.execute();
		}
		return { id: found.id, name: found.name, created: false };
	}
	const masked = maskAccountNumber(parsed.iban ?? parsed.accountNumber ?? '');
	const name =
		req.accountName?.trim() ||
		[parsed.label, parsed.bankName].filter(Boolean).join(' · ') ||
		(masked ? `Compte ${masked}` : `Compte ${accounts.length + 1}`);
	const row = await trx
		.insertInto('bank_account')
		.values({
			organisation_id: req.organisationId,
			household_id: req.householdId,
			name: name.slice(0, 120),
			bank: parsed.bankName,
			account_number: parsed.accountNumber,
			iban: parsed.iban,
			currency: parsed.currency || 'EUR',
			overdraft_limit: null,
			overdraft_rate_bp: null,
			csv_mapping: null,
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return { id: row.id, name, created: true };
}

/** A new transaction row, as categorised, before it is written. */
type NewRow = NewBankTransaction & {
	booking_date: string;
	amount: Cents;
	raw_label: string;
	payee: string | null;
	category_id: string;
};

/** What every new row of one account shares. */
interface SharedValues {
	organisationId: number;
	householdId: number;
	accountId: number;
	batchId: number;
	now: string;
}

/** The operation (card) date written: the file's, else the one the label gives. */
function operationDate(t: ParsedTransaction, c: CategoriserOutput): string | null {
	return t.operationDate ?? c.cardDate ?? null;
}

/** Writes the new rows of one account and returns their ids, in order. */
interface RowWriter {
	/** a promise only when the row made the writer go to the database asynchronously (awaiting every row
	 * of a 100,000-row file costs as much as a third of the SQLite insert) */
	add(t: ParsedTransaction, c: CategoriserOutput, dedupeKey: string): Promise<void> | void;
	/** writes what is still buffered; returns the ids of every row added, in order */
	finish(): Promise<number[]>;
}

/** An integer or text value written into the SQL text (both come from the database or the clock, never from the file). */
function literal(v: number | string): string {
	if (typeof v === 'number') {
		if (!Number.isSafeInteger(v)) throw new RangeError(`not an integer id: ${v}`);
		return String(v);
	}
	return `'${v.replace(/'/g, "''")}'`;
}

/**
 * On SQLite: one prepared INSERT for the account, run row by row on the connection that holds the open
 * transaction. The values shared by every row of the account (organisation, household, account, batch,
 * creation time) are written into the statement once and the 14 others passed as arguments, not as an
 * array: binding 21 values per row cost as much as the raw floor's whole insert. What remains is SQLite's
 * own work: the row, the unique dedupe index and the five other indexes of bank_transaction.
 */
function sqliteWriter(raw: SQLiteDatabase, shared: SharedValues): RowWriter {
	const statement = raw.prepare(
		`INSERT INTO bank_transaction (organisation_id, household_id, account_id, import_batch_id, created_at, categorised_by, categorised_at,
			booking_date, operation_date, amount, raw_label, normalised_label, payee, category_id, category_source, rule_id, dedupe_key, bank_id,
			tags, internal_transfer, operation_type)
		VALUES (${literal(shared.organisationId)}, ${literal(shared.householdId)}, ${literal(shared.accountId)}, ${literal(shared.batchId)},
			${literal(shared.now)}, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const ids: number[] = [];
	return {
		// the values go straight from the parsed and categorised transaction to the statement: no row object
		add(t, c, dedupeKey) {
			const info = statement.run(
				t.bookingDate,
				operationDate(t, c),
				t.amount,
				t.rawLabel,
				c.normalisedLabel,
				c.payee ?? t.payee,
				c.category,
				c.ruleId ? 'rule' : 'none',
				c.ruleId,
				dedupeKey,
				t.bankId,
				c.tags.length ? JSON.stringify(c.tags) : null,
				c.internalTransfer ? 1 : 0,
				c.operationType
			);
			ids.push(Number(info.lastInsertRowid));
		},
		async finish() {
			return ids;
		}
	};
}

/** Elsewhere (PostgreSQL): multi-row INSERTs through Kysely, CHUNK rows at a time. */
function kyselyWriter(trx: Db, shared: SharedValues): RowWriter {
	const ids: number[] = [];
	let buffer: NewRow[] = [];
	const flush = async () => {
		if (buffer.length === 0) return;
		const rows = buffer;
		buffer = [];
		for (const r of await trx.insertInto('bank_transaction').values(rows).returning('id').execute()) ids.push(r.id);
	};
	return {
		add(t, c, dedupeKey) {
			buffer.push({
				organisation_id: shared.organisationId,
				household_id: shared.householdId,
				account_id: shared.accountId,
				booking_date: t.bookingDate,
				operation_date: operationDate(t, c),
				amount: t.amount,
				raw_label: t.rawLabel,
				normalised_label: c.normalisedLabel,
				payee: c.payee ?? t.payee,
				category_id: c.category,
				category_source: c.ruleId ? 'rule' : 'none',
				rule_id: c.ruleId,
				categorised_by: null,
				categorised_at: null,
				import_batch_id: shared.batchId,
				dedupe_key: dedupeKey,
				bank_id: t.bankId,
				created_at: shared.now,
				tags: c.tags.length ? JSON.stringify(c.tags) : null,
				internal_transfer: c.internalTransfer ? 1 : 0,
				operation_type: c.operationType
			});
			if (buffer.length >= CHUNK) return flush();
		},
		async finish() {
			await flush();
			return ids;
		}
	};
}

/** The earliest and latest booking dates of the transactions at `indexes` (all of them when not given). */
function bookingDateRange(txs: ParsedTransaction[], indexes?: number[]): [string, string] | [null, null] {
	const n = indexes ? indexes.length : txs.length;
	if (n === 0) return [null, null];
	let min = txs[indexes ? indexes[0] : 0].bookingDate;
	let max = min;
	for (let k = 1; k < n; k++) {
		const d = txs[indexes ? indexes[k] : k].bookingDate;
		if (d < min) min = d;
		if (d > max) max = d;
	}
	return [min, max];
}

/** The dedupe keys among `keys` already stored for the account. */
async function knownKeys(
	trx: Db,
	raw: SQLiteDatabase | undefined,
	accountId: number,
	keys: string[]
): Promise<Set<string>> {
	const known = new Set<string>();
	// Nothing to look up in an account without transactions (a new account, a first import).
	const any = await trx
		.selectFrom('bank_transaction')
		.select('id')
		.where('account_id', '=', accountId)
		.limit(1)
		.executeTakeFirst();
	if (!any) return known;
	if (raw) {
		const size = 500;
		const full = raw
			.prepare(
				`SELECT dedupe_key FROM bank_transaction WHERE account_id = ? AND dedupe_key IN (${Array(size).fill('?').join(', ')})`
			)
			.pluck();
		for (let i = 0; i < keys.length; i += size) {
			const part = keys.slice(i, i + size);
			const statement =
				part.length === size
					? full
					: raw
							.prepare(
								`SELECT dedupe_key FROM bank_transaction WHERE account_id = ? AND dedupe_key IN (${part.map(() => '?').join(', ')})`
							)
							.pluck();
			for (const k of statement.all(accountId, ...part) as string[]) known.add(k);
		}
		return known;
	}
	for (const part of chunks(keys, 1000)) {
		const rows = await trx
			.selectFrom('bank_transaction')
			.select('dedupe_key')
			.where('account_id', '=', accountId)
			.where('dedupe_key', 'in', part)
			.execute();
		for (const r of rows) known.add(r.dedupe_key);
	}
	return known;
}

/**
 * The account's rows from other imports within 3 days of the new rows' dates: the candidates for probable
 * duplicates across formats.
 */
function earlierRowsAround(
	trx: Db,
	householdId: number,
	accountId: number,
	batchId: number,
	[first, last]: [string, string]
) {
	return trx
		.selectFrom('bank_transaction')
		.select(['id', 'booking_date', 'amount', 'raw_label'])
		.where('household_id', '=', householdId)
		.where('account_id', '=', accountId)
		.where('import_batch_id', '!=', batchId)
		.where('booking_date', '>=', addDaysIso(first, -3))
		.where('booking_date', '<=', addDaysIso(last, 3))
		.execute();
}

/** Keys are stored as a short hash of the engine's key: the unique index stays small and fast. */
function storedKey(engineKey: string): string {
	return hash('sha256', engineKey, 'base64url').slice(0, 24);
}

async function importAccount(
	trx: Db,
	raw: SQLiteDatabase | undefined,
	req: ImportRequest,
	parsed: ParsedAccount,
	batchId: number,
	categorise: Categoriser,
	now: string,
	timings?: ImportTimings
): Promise<AccountImportResult> {
	const account = await matchAccount(trx, req, parsed, now);
	const txs = parsed.transactions;
	const keys = dedupeKeys(String(account.id), txs, storedKey);
	const known = await knownKeys(trx, raw, account.id, keys);
	// The new rows are categorised and written one after the other: no second copy of the file's rows.
	const shared: SharedValues = {
		organisationId: req.organisationId,
		householdId: req.householdId,
		accountId: account.id,
		batchId,
		now
	};
	const writer = raw ? sqliteWriter(raw, shared) : kyselyWriter(trx, shared);
	const fresh: number[] = [];
	for (let i = 0; i < txs.length; i++) if (!known.has(keys[i])) fresh.push(i);
	// Read before the new rows are written, so that the query does not walk through them.
	const existing =
		fresh.length === 0
			? []
			: await earlierRowsAround(
					trx,
					req.householdId,
					account.id,
					batchId,
					bookingDateRange(txs, fresh) as [string, string]
				);
	const sample: AccountImportResult['sample'] = [];
	for (let f = 0; f < fresh.length; f++) {
		const t = txs[fresh[f]];
		const c = categorise({
			rawLabel: t.rawLabel,
			amount: t.amount,
			date: t.bookingDate,
			accountId: account.id,
			filePayee: t.payee
		});
		const started = timings ? performance.now() : 0;
		const pending = writer.add(t, c, keys[fresh[f]]);
		if (pending) await pending;
		if (timings) timings.writeRows = (timings.writeRows ?? 0) + (performance.now() - started);
		if (sample.length < 8)
			sample.push({
				date: t.bookingDate,
				amount: centsToString(t.amount),
				label: t.rawLabel,
				payee: c.payee ?? t.payee,
				category: c.category
			});
	}
	const insertedIds = await writer.finish();

	// Balances stated in the file, as end-of-day balances (an opening balance is the end of the day
	// before), stored once per (account, date, amount).
	const stated = new Map<string, { date: string; amount: Cents }>();
	for (const b of parsed.balances) {
		if (b.kind === 'running') continue;
		const date = b.kind === 'opening' ? addDaysIso(b.date, -1) : b.date;
		stated.set(`${date}|${b.amount}`, { date, amount: b.amount });
	}
	const closingStated = statedClosingBalance(parsed.transactions, parsed.balances);
	if (closingStated) stated.set(`${closingStated.date}|${closingStated.amount}`, closingStated);
	for (const b of stated.values()) {
		const exists = await trx
			.selectFrom('account_balance')
			.select('id')
			.where('account_id', '=', account.id)
			.where('date', '=', b.date)
			.where('amount', '=', b.amount)
			.executeTakeFirst();
		if (!exists) {
			await trx
				.insertInto('account_balance')
				.values({
					organisation_id: req.organisationId,
					household_id: req.householdId,
					account_id: account.id,
					date: b.date,
					amount: b.amount,
					source: 'statement',
					import_batch_id: batchId,
					created_at: now
				})
				.execute();
		}
	}

	// Probable duplicates across formats: same amount within ±3 days under another label.
	const probable: AccountImportResult['probableDuplicates'] = [];
	if (existing.length > 0) {
		const accountKey = String(account.id);
		const pairs = findProbableDuplicates(
			fresh.map((f, i) => ({ ...txs[f], accountKey, id: insertedIds[i] })),
			existing.map((e) => ({
				accountKey,
				id: e.id,
				bookingDate: e.booking_date,
				amount: e.amount,
				rawLabel: e.raw_label
			}))
		);
		for (const p of pairs) {
			await trx
				.insertInto('probable_duplicate')
				.values({
					organisation_id: req.organisationId,
					household_id: req.householdId,
					transaction_id: p.incoming.id,
					existing_transaction_id: p.existing.id,
					import_batch_id: batchId,
					status: 'open',
					created_at: now
				})
				.execute();
			probable.push({
				date: p.incoming.bookingDate,
				amount: centsToString(p.incoming.amount),
				label: p.incoming.rawLabel,
				existingDate: p.existing.bookingDate,
				existingLabel: p.existing.rawLabel
			});
		}
	}

	const [dateFrom, dateTo] = bookingDateRange(txs);
	let sum: Cents = 0;
	for (let f = 0; f < fresh.length; f++) sum += txs[fresh[f]].amount;
	const closing = closingStated;
	return {
		accountId: account.id,
		account: account.name,
		number:
			parsed.iban || parsed.accountNumber ? maskAccountNumber((parsed.iban || parsed.accountNumber) as string) : null,
		created: account.created,
		imported: fresh.length,
		duplicates: txs.length - fresh.length,
		dateFrom,
		dateTo,
		sum: centsToString(sum),
		closingBalance: closing ? centsToString(closing.amount) : null,
		reconciliation: reconcile(parsed.transactions, parsed.balances).map((g) => ({
			date: g.date,
			stated: centsToString(g.stated),
			computed: centsToString(g.computed),
			difference: centsToString(g.difference)
		})),
		probableDuplicates: probable,
		sample
	};
}

/** The ids of the accounts an import created, from its stored summary. */
function accountsCreatedBy(summary: string | null): number[] {
	if (!summary) return [];
	const { accounts } = JSON.parse(summary) as { accounts?: { accountId: number | null; created: boolean }[] };
	return (accounts ?? []).filter((a) => a.created && typeof a.accountId === 'number').map((a) => a.accountId as number);
}

/**
 * Undoes an import: removes the batch's transactions, the balances it stated, its review items and the
 * accounts it created that nothing else has filled since, in one transaction. Transactions categorised by
 * hand since are removed too (they came from that file).
 */
export async function undoImport(
	db: Db,
	actor: { id: number; organisationId: number },
	householdId: number,
	batchId: number
): Promise<number> {
	const removed = await db.transaction().execute(async (trx) => {
		const batch = await trx
			.selectFrom('import_batch')
			.select(['id', 'file_name', 'summary'])
			.where('id', '=', batchId)
			.where('household_id', '=', householdId)
			.executeTakeFirst();
		if (!batch) throw new ImportError('Import introuvable.', null);
		await trx.deleteFrom('probable_duplicate').where('import_batch_id', '=', batchId).execute();
		await trx.deleteFrom('account_balance').where('import_batch_id', '=', batchId).execute();
		const removed = await trx
			.deleteFrom('bank_transaction')
			.where('import_batch_id', '=', batchId)
			.where('household_id', '=', householdId)
			.executeTakeFirst();
		await trx.deleteFrom('import_batch').where('id', '=', batchId).execute();
		const created = accountsCreatedBy(batch.summary);
		if (created.length > 0) {
			await trx
				.deleteFrom('bank_account')
				.where('id', 'in', created)
				.where('household_id', '=', householdId)
				.where(({ exists, not, selectFrom }) =>
					not(
						exists(
							selectFrom('bank_transaction')
								.select('bank_transaction.id')
								.whereRef('bank_transaction.account_id', '=', 'bank_account.id')
						)
					)
				)
				.where(({ exists, not, selectFrom }) =>
					not(
						exists(
							selectFrom('account_balance')
								.select('account_balance.id')
								.whereRef('account_balance.account_id', '=', 'bank_account.id')
						)
					)
				)
				.execute();
		}
		await audit(trx, {
			organisationId: actor.organisationId,
			actorId: actor.id,
			householdId,
			action: 'import.undone',
			targetType: 'import_batch',
			targetId: batchId,
			details: { file: batch.file_name }
		});
		return Number(removed.numDeletedRows);
	});
	await refreshBenefitAlerts(db, householdId);
	await refreshHouseholdStatus(db, householdId);
	return removed;
}

/** Imports one file. Never throws for bad input: a rejected file comes back with its message and line. */
export async function importFile(
	db: Db,
	req: ImportRequest,
	options: { categoriser?: Categoriser; now?: Date; timings?: ImportTimings } = {}
): Promise<FileImportResult> {
	const now = (options.now ?? new Date()).toISOString();
	const timings = options.timings;
	let mark = timings ? performance.now() : 0;
	const lap = (stage: keyof ImportTimings) => {
		if (!timings) return;
		const t = performance.now();
		timings[stage] = (timings[stage] ?? 0) + (t - mark);
		mark = t;
	};
	let parsed;
	try {
		parsed = parseStatement(req.bytes, {
			fileName: req.fileName,
			format: req.format,
			mapping: req.mapping,
			dateOrder: req.dateOrder,
			maxBytes: req.maxBytes
		});
	} catch (e) {
		if (e instanceof NeedsMappingError)
			return { file: req.fileName, status: 'rejected', error: errorOf(e), needs: { mapping: e.preview } };
		if (e instanceof NeedsDateOrderError)
			return { file: req.fileName, status: 'rejected', error: errorOf(e), needs: { dateOrder: true } };
		if (e instanceof ImportError) return { file: req.fileName, status: 'rejected', error: errorOf(e) };
		throw e;
	}
	lap('parse');
	// The account the person picked or named is for a file of one account: in a file of several, each
	// account is recognised from its own number (filling one account with all of them would mix them up).
	let accountRequest = req;
	if (parsed.accounts.length > 1 && (req.accountId || req.accountName?.trim())) {
		accountRequest = { ...req, accountId: null, accountName: null };
		parsed.warnings.push(
			`Ce fichier contient ${parsed.accounts.length} comptes : chacun est rempli d’après son numéro lu dans le fichier, pas dans le compte choisi.`
		);
	}
	const categorise = options.categoriser ?? (await loadCategoriser(db, req.householdId));
	lap('loadRules');
	const sha = createHash('sha256').update(req.bytes).digest('hex');
	const raw = rawSqlite(db);
	let result: FileImportResult | null = null;
	try {
		await db.transaction().execute(async (trx) => {
			const batch = await trx
				.insertInto('import_batch')
				.values({
					organisation_id: req.organisationId,
					household_id: req.householdId,
					user_id: req.userId,
					file_name: req.fileName.slice(0, 255),
					file_sha256: sha,
					format: parsed.format,
					layout: parsed.layout,
					encoding: parsed.encoding,
					imported_count: 0,
					duplicate_count: 0,
					summary: null,
					created_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			const accounts: AccountImportResult[] = [];
			for (const account of parsed.accounts) {
				accounts.push(await importAccount(trx, raw, accountRequest, account, batch.id, categorise, now, timings));
			}
			const imported = accounts.reduce((s, a) => s + a.imported, 0);
			const duplicates = accounts.reduce((s, a) => s + a.duplicates, 0);
			await trx
				.updateTable('import_batch')
				.set({
					imported_count: imported,
					duplicate_count: duplicates,
					summary: JSON.stringify({ accounts, warnings: parsed.warnings, pendingSkipped: parsed.pendingSkipped })
				})
				.where('id', '=', batch.id)
				.execute();
			await audit(trx, {
				organisationId: req.organisationId,
				actorId: req.userId,
				householdId: req.householdId,
				action: 'import',
				targetType: 'import_batch',
				targetId: batch.id,
				details: { file: req.fileName, imported, duplicates }
			});
			result = {
				file: req.fileName,
				status: req.dryRun ? 'dry-run' : 'imported',
				format: parsed.format,
				layout: parsed.layout,
				encoding: parsed.encoding,
				accounts: accounts.map((a) => (req.dryRun ? { ...a, accountId: a.created ? null : a.accountId } : a)),
				warnings: parsed.warnings,
				pendingSkipped: parsed.pendingSkipped,
				batchId: req.dryRun ? null : batch.id
			};
			if (req.dryRun) throw new DryRunRollback();
		});
	} catch (e) {
		if (!(e instanceof DryRunRollback)) {
			if (e instanceof ImportError) return { file: req.fileName, status: 'rejected', error: errorOf(e) };
			throw e;
		}
	}
	lap('write');
	if (result && (result as FileImportResult).status === 'imported') {
		await refreshBenefitAlerts(db, req.householdId);
		lap('benefitAlerts');
		await refreshHouseholdStatus(db, req.householdId, options.now);
		lap('householdStatus');
	}
	return result!;
}

/**
 * Imports a file; when its CSV layout is unknown, with a column mapping saved for the household's accounts:
 * the picked account's, or else the one saved mapping that reads the whole file (which also names the
 * account). A file that needs no mapping (a known layout, OFX…) is read as it is, even into an account with
 * a saved mapping; several mappings that fit, or none, leave the question to the person.
 */
export async function importWithSavedMapping(
	db: Db,
	req: ImportRequest,
	options: { categoriser?: Categoriser; now?: Date } = {}
): Promise<FileImportResult> {
	const result = await importFile(db, req, options);
	if (req.mapping || result.status !== 'rejected' || !result.needs?.mapping) return result;
	let query = db
		.selectFrom('bank_account')
		.select(['id', 'name', 'csv_mapping'])
		.where('household_id', '=', req.householdId)
		.where('organisation_id', '=', req.organisationId)
		.where('csv_mapping', 'is not', null);
	if (req.accountId) query = query.where('id', '=', req.accountId);
	const fits: { id: number; name: string; mapping: CsvMapping }[] = [];
	for (const a of await query.execute()) {
		const mapping = JSON.parse(a.csv_mapping as string) as CsvMapping;
		const trial = await importFile(db, { ...req, accountId: a.id, mapping, dryRun: true }, options);
		if (trial.status !== 'rejected') fits.push({ id: a.id, name: a.name, mapping });
	}
	if (fits.length !== 1) return result;
	const [fit] = fits;
	const mapped = await importFile(db, { ...req, accountId: fit.id, mapping: fit.mapping }, options);
	if (mapped.status !== 'rejected')
		mapped.warnings.unshift(`Colonnes lues avec les réglages enregistrés pour le compte « ${fit.name} ».`);
	return mapped;
}

function errorOf(e: ImportError): { message: string; line?: number } {
	return e.line != null ? { message: e.message, line: e.line } : { message: e.message };
}
