/**
 * Imports statement files into a household: parse (pure engine) → plan (reads only: the preview) → commit
 * (one transaction, all or nothing). Used by the import page and the `bgv import` command alike.
 */
import type { Db } from '../db';
import { requirePermission, type HouseholdScope } from '../auth/access';
import { CSV_LAYOUTS, ImportError, type CsvMapping, type ParsedStatement } from '../import';
import { accountRows } from './accounts';
import { auditScope } from './audit';
import { loadCategoriser, type Categoriser } from './categoriser';
import { refreshDerived } from './derived-status';
import { refreshAfterResponse } from './derived-refresh';
import { previewResult, writePlan } from './import/commit';
import { parseRequest, planImport, planParsed, type PlanOptions } from './import/plan';
import type { FileImportResult, ImportPlan, ImportRequest, ImportTimings, RejectedFile } from './import/types';

export type {
	AccountImportResult,
	FileImportResult,
	ImportPlan,
	ImportRequest,
	ImportTimings,
	RejectedFile
} from './import/types';

/** The bank each known CSV layout belongs to, by layout id ('banque-postale' → 'La Banque Postale'): public knowledge. */
export function layoutBankNames(): Record<string, string> {
	return Object.fromEntries(CSV_LAYOUTS.map((l) => [l.id, l.bankName]));
}

/**
 * The banks whose CSV export BGV reads, each once ("Caisse d'Épargne" is inside "Caisse d'Épargne / Banque
 * Populaire"), in alphabetical order: for the help page on getting a statement.
 */
export function banksRead(): string[] {
	const names = [...new Set(CSV_LAYOUTS.map((l) => l.bankName))];
	const inside = (n: string) => names.some((o) => o !== n && o.split(' / ').includes(n));
	return names.filter((n) => !inside(n)).sort((a, b) => a.localeCompare(b, 'fr'));
}

interface ImportOptions {
	categoriser?: Categoriser;
	now?: Date;
	timings?: ImportTimings;
	/** rows written per chunk inside the commit (tests write small files in several chunks) */
	chunkRows?: number;
}

/**
 * A file whose CSV layout is unknown, read with a column mapping saved for the household's accounts: the
 * picked account's, or else the one saved mapping that reads the whole file (which also names the account).
 * Trials only parse (nothing is read from or written to the transactions). Null when none or several fit.
 */
async function withSavedMapping(
	db: Db,
	scope: HouseholdScope,
	req: ImportRequest
): Promise<{ req: ImportRequest; parsed: ParsedStatement; accountName: string } | null> {
	const fits: { req: ImportRequest; parsed: ParsedStatement; accountName: string }[] = [];
	for (const a of await accountRows(db, scope)) {
		if (!a.csvMapping || (req.accountId && a.id !== req.accountId)) continue;
		const trial: ImportRequest = { ...req, accountId: a.id, mapping: JSON.parse(a.csvMapping) as CsvMapping };
		const parsed = await parseRequest(trial);
		if (!('status' in parsed)) fits.push({ req: { ...trial, saveMapping: false }, parsed, accountName: a.name });
	}
	return fits.length === 1 ? fits[0] : null;
}

/**
 * The plan of a file, with a saved column mapping when its layout is unknown. A file that needs no mapping
 * (a known layout, OFX…) is read as it is, even into an account with a saved mapping.
 */
export async function planFile(
	db: Db,
	scope: HouseholdScope,
	req: ImportRequest,
	categorise: Categoriser,
	timings?: ImportTimings,
	options: PlanOptions = {}
): Promise<ImportPlan | RejectedFile> {
	const plan = await planImport(db, scope, req, categorise, timings, options);
	if (req.mapping || !('status' in plan) || !plan.needs?.mapping) return plan;
	const fit = await withSavedMapping(db, scope, req);
	if (!fit) return plan;
	try {
		const mapped = await planParsed(db, scope, fit.req, fit.parsed, categorise, options);
		mapped.warnings.unshift(`Colonnes lues avec les réglages enregistrés pour le compte « ${fit.accountName} ».`);
		return mapped;
	} catch (e) {
		if (e instanceof ImportError) return plan;
		throw e;
	}
}

/** What importing a file would do; nothing is written. Never throws for bad input. */
export async function previewFile(
	db: Db,
	scope: HouseholdScope,
	req: ImportRequest,
	options: ImportOptions = {}
): Promise<FileImportResult> {
	const categorise = options.categoriser ?? (await loadCategoriser(db, scope));
	const plan = await planFile(db, scope, req, categorise, options.timings);
	return 'status' in plan ? plan : previewResult(plan);
}

/** Plans and writes one file (see importFile), without the refresh of the household's derived figures. */
async function planAndWrite(
	db: Db,
	scope: HouseholdScope,
	req: ImportRequest,
	now: Date,
	options: ImportOptions
): Promise<FileImportResult> {
	const timings = options.timings;
	const started = timings ? performance.now() : 0;
	const categorise = options.categoriser ?? (await loadCategoriser(db, scope));
	if (timings) timings.loadRules = (timings.loadRules ?? 0) + performance.now() - started;
	// the commit looks the rows up itself, inside its transaction: the plan only matches the accounts
	const plan = await planFile(db, scope, req, categorise, timings, { lookups: false });
	if ('status' in plan) return plan;
	return writePlan(db, scope, plan, { categoriser: categorise, now, timings, chunkRows: options.chunkRows });
}

/**
 * Imports one file, all or nothing. Never throws for bad input: a rejected file comes back with its message
 * and line. The household's derived figures (forecast status, caseload row, plan), computed over its whole
 * history, are refreshed after the response (derived-refresh.ts); a page that shows them waits for that
 * refresh if it has not ended. A command or a test waits for it with `settleBackground(db)` or by closing
 * the handle.
 */
export async function importFile(
	db: Db,
	scope: HouseholdScope,
	req: ImportRequest,
	options: ImportOptions = {}
): Promise<FileImportResult> {
	const now = options.now ?? new Date();
	const result = await planAndWrite(db, scope, req, now, options);
	if (result.status === 'imported') void refreshAfterResponse(db, scope, now);
	return result;
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
 * hand since are removed too (they came from that file). Returns how many transactions were removed.
 */
export async function undoImport(db: Db, scope: HouseholdScope, batchId: number, now = new Date()): Promise<number> {
	requirePermission(scope, 'write');
	const householdId = scope.householdId;
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
		await auditScope(trx, scope, {
			action: 'import.undone',
			targetType: 'import_batch',
			targetId: batchId,
			details: { file: batch.file_name }
		});
		return Number(removed.numDeletedRows);
	});
	await refreshDerived(db, scope, now);
	return removed;
}

export interface ImportBatchRow {
	id: number;
	fileName: string;
	format: string;
	layout: string | null;
	importedCount: number;
	duplicateCount: number;
	createdAt: string;
}

/** The household's latest imports, newest first. */
export async function recentImports(db: Db, scope: HouseholdScope, limit = 20): Promise<ImportBatchRow[]> {
	requirePermission(scope, 'read');
	const rows = await db
		.selectFrom('import_batch')
		.select(['id', 'file_name', 'format', 'layout', 'imported_count', 'duplicate_count', 'created_at'])
		.where('household_id', '=', scope.householdId)
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		fileName: r.file_name,
		format: r.format,
		layout: r.layout,
		importedCount: r.imported_count,
		duplicateCount: r.duplicate_count,
		createdAt: r.created_at
	}));
}
