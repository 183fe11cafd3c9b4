/**
 * Imports one statement file into a household, all-or-nothing: parse (pure engine), match or create the
 * accounts, skip rows already known (dedupe keys backed by a unique constraint), categorise the new rows,
 * store the balances the file states, and record the batch, inside one database transaction.
 */
import { createHash } from 'node:crypto';
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
	type StatementFormat
} from '../import';
import { audit } from './audit';
import { refreshBenefitAlerts } from './benefits-service';
import { refreshHouseholdStatus } from './forecast-service';
import { loadCategoriser, type Categoriser } from './categoriser';

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


const INSERT_COLUMNS = [
	'organisation_id', 'household_id', 'account_id', 'booking_date', 'operation_date', 'amount', 'raw_label', 'normalised_label', 'payee',
	'category_id', 'category_source', 'rule_id', 'categorised_by', 'categorised_at', 'import_batch_id', 'dedupe_key', 'bank_id', 'created_at',
	'tags', 'internal_transfer', 'operation_type'
] as const;

/**
 * Inserts transactions and returns their ids. On SQLite one prepared statement is reused row after row on
 * the transaction's own connection (the cost of a big import is mostly statement building otherwise);
 * elsewhere multi-row INSERTs through Kysely.
 */
async function insertTransactions(trx: Db, raw: SQLiteDatabase | undefined, rows: NewBankTransaction[]): Promise<number[]> {
	if (raw) {
		const statement = raw.prepare(`INSERT INTO bank_transaction (${INSERT_COLUMNS.join(', ')}) VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')})`);
		return rows.map((r) => Number(statement.run(...INSERT_COLUMNS.map((c) => (r as Record<string, unknown>)[c] ?? null)).lastInsertRowid));
	}
	const ids = await trx.insertInto('bank_transaction').values(rows).returning('id').execute();
	return ids.map((r) => r.id);
}

async function importAccount(
	trx: Db,
	raw: SQLiteDatabase | undefined,
	req: ImportRequest,
	parsed: ParsedAccount,
	batchId: number,
	categorise: Categoriser,
	now: string
): Promise<AccountImportResult> {
	const account = await matchAccount(trx, req, parsed, now);
	// Keys are stored as a short hash of the engine's key: the unique index stays small and fast.
	const keys = dedupeKeys(String(account.id), parsed.transactions).map((k) => createHash('sha256').update(k).digest('base64url').slice(0, 24));
	const known = new Set<string>();
	for (const part of chunks(keys, 1000)) {
		const rows = await trx
			.selectFrom('bank_transaction')
			.select('dedupe_key')
			.where('account_id', '=', account.id)
			.where('dedupe_key', 'in', part)
			.execute();
		for (const r of rows) known.add(r.dedupe_key);
	}
	const fresh = parsed.transactions.map((t, i) => ({ t, key: keys[i] })).filter((x) => !known.has(x.key));
	// Categorise and insert chunk by chunk, so a 100,000-row file never holds all its rows twice in memory.
	const insertedIds: number[] = [];
	const sample: AccountImportResult['sample'] = [];
	for (const part of chunks(fresh, CHUNK)) {
		const rows = part.map(({ t, key }) => {
			const c = categorise({ rawLabel: t.rawLabel, amount: t.amount, date: t.bookingDate, accountId: account.id, filePayee: t.payee });
			return {
				organisation_id: req.organisationId,
				household_id: req.householdId,
				account_id: account.id,
				booking_date: t.bookingDate,
				operation_date: t.operationDate ?? c.cardDate ?? null,
				amount: t.amount,
				raw_label: t.rawLabel,
				normalised_label: c.normalisedLabel,
				payee: c.payee ?? t.payee,
				category_id: c.category,
				category_source: c.ruleId ? ('rule' as const) : ('none' as const),
				rule_id: c.ruleId,
				categorised_by: null,
				categorised_at: null,
				import_batch_id: batchId,
				dedupe_key: key,
				bank_id: t.bankId,
				created_at: now,
				tags: c.tags.length ? JSON.stringify(c.tags) : null,
				internal_transfer: c.internalTransfer ? (1 as const) : (0 as const),
				operation_type: c.operationType
			};
		});
		insertedIds.push(...(await insertTransactions(trx, raw, rows)));
		for (const r of rows) {
			if (sample.length >= 8) break;
			sample.push({ date: r.booking_date, amount: centsToString(r.amount), label: r.raw_label, payee: r.payee, category: r.category_id });
		}
	}

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
	if (fresh.length > 0) {
		const dates = fresh.map((f) => f.t.bookingDate).sort();
		const existing = await trx
			.selectFrom('bank_transaction')
			.select(['id', 'booking_date', 'amount', 'raw_label'])
			.where('account_id', '=', account.id)
			.where('import_batch_id', '!=', batchId)
			.where('booking_date', '>=', addDaysIso(dates[0], -3))
			.where('booking_date', '<=', addDaysIso(dates[dates.length - 1], 3))
			.execute();
		if (existing.length > 0) {
			const accountKey = String(account.id);
			const pairs = findProbableDuplicates(
				fresh.map((f, i) => ({ ...f.t, accountKey, id: insertedIds[i] })),
				existing.map((e) => ({ accountKey, id: e.id, bookingDate: e.booking_date, amount: e.amount, rawLabel: e.raw_label }))
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
	}

	const dates = parsed.transactions.map((t) => t.bookingDate).sort();
	const sum = fresh.reduce<Cents>((s, f) => s + f.t.amount, 0);
	const closing = closingStated;
	return {
		accountId: account.id,
		account: account.name,
		created: account.created,
		imported: fresh.length,
		duplicates: parsed.transactions.length - fresh.length,
		dateFrom: dates[0] ?? null,
		dateTo: dates.at(-1) ?? null,
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

/**
 * Undoes an import: removes the batch's transactions, the balances it stated and its review items, in one
 * transaction. Transactions categorised by hand since are removed too (they came from that file).
 */
export async function undoImport(db: Db, actor: { id: number; organisationId: number }, householdId: number, batchId: number): Promise<number> {
	const removed = await db.transaction().execute(async (trx) => {
		const batch = await trx
			.selectFrom('import_batch')
			.select(['id', 'file_name'])
			.where('id', '=', batchId)
			.where('household_id', '=', householdId)
			.executeTakeFirst();
		if (!batch) throw new ImportError('Import introuvable.', null);
		await trx.deleteFrom('probable_duplicate').where('import_batch_id', '=', batchId).execute();
		await trx.deleteFrom('account_balance').where('import_batch_id', '=', batchId).execute();
		const removed = await trx.deleteFrom('bank_transaction').where('import_batch_id', '=', batchId).where('household_id', '=', householdId).executeTakeFirst();
		await trx.deleteFrom('import_batch').where('id', '=', batchId).execute();
		await audit(trx, { organisationId: actor.organisationId, actorId: actor.id, householdId, action: 'import.undone', targetType: 'import_batch', targetId: batchId, details: { file: batch.file_name } });
		return Number(removed.numDeletedRows);
	});
	await refreshBenefitAlerts(db, householdId);
	await refreshHouseholdStatus(db, householdId);
	return removed;
}

/** Imports one file. Never throws for bad input: a rejected file comes back with its message and line. */
export async function importFile(db: Db, req: ImportRequest, options: { categoriser?: Categoriser; now?: Date } = {}): Promise<FileImportResult> {
	const now = (options.now ?? new Date()).toISOString();
	let parsed;
	try {
		parsed = parseStatement(req.bytes, { fileName: req.fileName, format: req.format, mapping: req.mapping, dateOrder: req.dateOrder, maxBytes: req.maxBytes });
	} catch (e) {
		if (e instanceof NeedsMappingError)
			return { file: req.fileName, status: 'rejected', error: errorOf(e), needs: { mapping: e.preview } };
		if (e instanceof NeedsDateOrderError) return { file: req.fileName, status: 'rejected', error: errorOf(e), needs: { dateOrder: true } };
		if (e instanceof ImportError) return { file: req.fileName, status: 'rejected', error: errorOf(e) };
		throw e;
	}
	const categorise = options.categoriser ?? (await loadCategoriser(db, req.householdId));
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
				accounts.push(await importAccount(trx, raw, req, account, batch.id, categorise, now));
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
	if (result && (result as FileImportResult).status === 'imported') {
		await refreshBenefitAlerts(db, req.householdId);
		await refreshHouseholdStatus(db, req.householdId, options.now);
	}
	return result!;
}

function errorOf(e: ImportError): { message: string; line?: number } {
	return e.line != null ? { message: e.message, line: e.line } : { message: e.message };
}
