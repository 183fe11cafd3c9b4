/**
 * Import, step 3: commit a plan in one transaction. What the plan read is read again inside the transaction
 * (the account still there, the rows already stored, the balances, the probable duplicates), so an import
 * committed in between is seen; the unique dedupe constraint settles any race that remains. The column
 * mapping the person chose is saved in the same transaction. The household's derived figures (benefit
 * alerts, forecast status, caseload row, plan) are marked stale in it and refreshed after the commit, off the
 * request path (derived-refresh.ts); their failure never undoes or hides the import.
 */
import { centsToString, type Cents } from '$lib/money';
import { rawSqlite, type Db } from '../../db';
import { requirePermission, type HouseholdScope } from '../../auth/access';
import { ImportError, type ParsedAccount } from '../../import';
import { accountRows } from '../accounts';
import { auditScope } from '../audit';
import type { Categoriser } from '../categoriser';
import { retryBusy } from '../derived-status';
import { ensureDerived, markDerivedDue } from '../derived-refresh';
import { markCardSettlements } from '../card-settlements';
import { findAccount, maskedNumberOf } from './accounts';
import { writeAccountRows, type ChunkContext } from './chunks';
import { accountKeys, storedBalances, statedBalances } from './lookups';
import { bookingDateRange } from './plan';
import type { AccountImportResult, FileImportResult, ImportPlan, ImportTimings, PlannedAccount } from './types';

interface CommitContext extends ChunkContext {
	plan: ImportPlan;
	/** SQLite: the transaction began IMMEDIATE, commits take turns */
	sqlite: boolean;
}

/** The account the planned rows go to, as it stands inside the transaction. */
async function resolveAccount(ctx: CommitContext, planned: PlannedAccount): Promise<{ id: number; created: boolean }> {
	const { trx, scope } = ctx;
	if (planned.existing) {
		const still = await trx
			.selectFrom('bank_account')
			.select('id')
			.where('id', '=', planned.existing.id)
			.where('household_id', '=', scope.householdId)
			.executeTakeFirst();
		if (!still)
			throw new ImportError(
				`Le compte « ${planned.existing.name} » a été supprimé depuis l’aperçu : choisissez le fichier de nouveau.`
			);
		if (planned.fillIdentifiers)
			await trx
				.updateTable('bank_account')
				.set({ iban: planned.fillIdentifiers.iban, account_number: planned.fillIdentifiers.accountNumber })
				.where('id', '=', still.id)
				.execute();
		return { id: still.id, created: false };
	}
	// Another import may have created this account since the plan (same number or IBAN, or the name typed),
	// or be creating it right now. On PostgreSQL the household's row is locked first, so that two imports
	// that would create an account take turns and the later one finds the earlier one's once committed
	// (without it each created its own and the rows they shared were stored twice); inserts referring to the
	// household do not wait for this lock. SQLite's IMMEDIATE transactions already take turns.
	const parsed = planned.parsed;
	if (!ctx.sqlite)
		await trx.selectFrom('household').select('id').where('id', '=', scope.householdId).forNoKeyUpdate().execute();
	if (parsed.iban || parsed.accountNumber || planned.requestedName) {
		const now = findAccount(await accountRows(trx, scope), { accountName: planned.requestedName }, parsed);
		if (now) return { id: now.id, created: false };
	}
	const row = await trx
		.insertInto('bank_account')
		.values({
			organisation_id: scope.organisationId,
			household_id: scope.householdId,
			name: planned.name,
			bank: parsed.bankName,
			account_number: parsed.accountNumber,
			iban: parsed.iban,
			currency: parsed.currency || 'EUR',
			overdraft_limit: null,
			overdraft_rate_bp: null,
			csv_mapping: null,
			created_at: ctx.now,
			kind: parsed.kind ?? 'bank'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return { id: row.id, created: true };
}

async function storeBalances(ctx: CommitContext, accountId: number, parsed: ParsedAccount): Promise<void> {
	const have = await storedBalances(ctx.trx, accountId);
	const missing = statedBalances(parsed).all.filter((b) => !have.has(`${b.date}|${b.amount}`));
	if (missing.length === 0) return;
	await ctx.trx
		.insertInto('account_balance')
		.values(
			missing.map((b) => ({
				organisation_id: ctx.scope.organisationId,
				household_id: ctx.scope.householdId,
				account_id: accountId,
				date: b.date,
				amount: b.amount,
				source: 'statement' as const,
				import_batch_id: ctx.batchId,
				created_at: ctx.now
			}))
		)
		.execute();
}

async function commitAccount(ctx: CommitContext, planned: PlannedAccount): Promise<AccountImportResult> {
	const { trx, scope } = ctx;
	const account = await resolveAccount(ctx, planned);
	const parsed = planned.parsed;
	const txs = parsed.transactions;
	const keys = planned.existing?.id === account.id && planned.keys ? planned.keys : accountKeys(account.id, txs);
	const written = await writeAccountRows(ctx, account, txs, keys);
	await storeBalances(ctx, account.id, parsed);
	if (written.pairs.length > 0)
		await trx
			.insertInto('probable_duplicate')
			.values(
				written.pairs.map((p) => ({
					organisation_id: scope.organisationId,
					household_id: scope.householdId,
					transaction_id: p.transactionId,
					existing_transaction_id: p.existing.id,
					import_batch_id: ctx.batchId,
					status: 'open' as const,
					created_at: ctx.now
				}))
			)
			.execute();
	if (ctx.plan.saveMapping && ctx.plan.mapping)
		await trx
			.updateTable('bank_account')
			.set({ csv_mapping: JSON.stringify(ctx.plan.mapping) })
			.where('id', '=', account.id)
			.execute();
	const [dateFrom, dateTo] = bookingDateRange(txs);
	return {
		...accountSummary(planned, dateFrom, dateTo),
		accountId: account.id,
		created: account.created,
		imported: written.imported,
		duplicates: txs.length - written.imported,
		sum: centsToString(written.sum),
		probableDuplicates: written.pairs.map((p) => duplicateText(txs, p)),
		sample: written.sample
	};
}

function duplicateText(txs: ParsedAccount['transactions'], p: PlannedAccount['probableDuplicates'][number]) {
	const t = txs[p.incoming];
	return {
		date: t.bookingDate,
		amount: centsToString(t.amount),
		label: t.rawLabel,
		existingDate: p.existing.bookingDate,
		existingLabel: p.existing.rawLabel
	};
}

/** The parts of an account's result that the plan alone decides. */
function accountSummary(planned: PlannedAccount, dateFrom: string | null, dateTo: string | null) {
	return {
		account: planned.name,
		number: maskedNumberOf(planned.parsed),
		dateFrom,
		dateTo,
		closingBalance: planned.closing ? centsToString(planned.closing.amount) : null,
		reconciliation: planned.reconciliation.map((g) => ({
			date: g.date,
			stated: centsToString(g.stated),
			computed: centsToString(g.computed),
			difference: centsToString(g.difference)
		})),
		sample: planned.sample
	};
}

/** What a plan would do, as the preview shows it (nothing written). */
export function previewResult(plan: ImportPlan): FileImportResult {
	return {
		file: plan.fileName,
		status: 'dry-run',
		format: plan.format,
		layout: plan.layout,
		encoding: plan.encoding,
		warnings: plan.warnings,
		pendingSkipped: plan.pendingSkipped,
		batchId: null,
		accounts: plan.accounts.map((a) => {
			const txs = a.parsed.transactions;
			const [dateFrom, dateTo] = bookingDateRange(txs);
			let sum: Cents = 0;
			for (const i of a.fresh) sum += txs[i].amount;
			return {
				...accountSummary(a, dateFrom, dateTo),
				accountId: a.existing?.id ?? null,
				created: a.existing === null,
				imported: a.fresh.length,
				duplicates: txs.length - a.fresh.length,
				sum: centsToString(sum),
				probableDuplicates: a.probableDuplicates.map((p) => duplicateText(txs, p))
			};
		})
	};
}

async function insertBatch(trx: Db, scope: HouseholdScope, plan: ImportPlan, now: Date): Promise<number> {
	const batch = await trx
		.insertInto('import_batch')
		.values({
			organisation_id: scope.organisationId,
			household_id: scope.householdId,
			user_id: scope.actor.id,
			file_name: plan.fileName.slice(0, 255),
			file_sha256: plan.sha256,
			format: plan.format,
			layout: plan.layout,
			encoding: plan.encoding,
			imported_count: 0,
			duplicate_count: 0,
			summary: null,
			created_at: now.toISOString()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return batch.id;
}

export interface CommitOptions {
	categoriser: Categoriser;
	now?: Date;
	timings?: ImportTimings;
	chunkRows?: number;
}

/** Commits a plan, then refreshes the household's derived figures before returning: see writePlan. */
export async function commitPlan(
	db: Db,
	scope: HouseholdScope,
	plan: ImportPlan,
	options: CommitOptions
): Promise<FileImportResult> {
	const result = await writePlan(db, scope, plan, options);
	if (result.status === 'imported') await ensureDerived(db, scope, options.now ?? new Date(), options.timings);
	return result;
}

/**
 * Writes a plan: all of it or nothing. Returns the import's result; a plan gone stale is rejected. The
 * household's derived figures are marked stale in the same transaction, not refreshed (derived-refresh.ts).
 */
export async function writePlan(
	db: Db,
	scope: HouseholdScope,
	plan: ImportPlan,
	options: CommitOptions
): Promise<FileImportResult> {
	requirePermission(scope, 'write');
	const now = options.now ?? new Date();
	const timings = options.timings;
	const started = timings ? performance.now() : 0;
	let result: FileImportResult;
	try {
		// SQLite: a write transaction waits busy_timeout for the write lock at its start; other imports of
		// 100,000 rows can hold it longer (three at once: the third failed with "database is locked"), so the
		// whole commit is tried again, from the reads inside it. Nothing of a failed attempt remains.
		result = await retryBusy(() =>
			db.transaction().execute(async (trx) => {
				const batchId = await insertBatch(trx, scope, plan, now);
				const ctx: CommitContext = {
					trx,
					raw: rawSqlite(db),
					scope,
					plan,
					batchId,
					categorise: options.categoriser,
					now: now.toISOString(),
					timings,
					chunkRows: options.chunkRows,
					sqlite: rawSqlite(db) !== undefined
				};
				const accounts: AccountImportResult[] = [];
				for (const planned of plan.accounts) accounts.push(await commitAccount(ctx, planned));
				await markCardSettlements(trx, scope);
				await markDerivedDue(trx, scope, now);
				const imported = accounts.reduce((s, a) => s + a.imported, 0);
				const duplicates = accounts.reduce((s, a) => s + a.duplicates, 0);
				await trx
					.updateTable('import_batch')
					.set({
						imported_count: imported,
						duplicate_count: duplicates,
						summary: JSON.stringify({ accounts, warnings: plan.warnings, pendingSkipped: plan.pendingSkipped })
					})
					.where('id', '=', batchId)
					.execute();
				await auditScope(
					trx,
					scope,
					{
						action: 'import',
						targetType: 'import_batch',
						targetId: batchId,
						details: { file: plan.fileName, imported, duplicates }
					},
					now
				);
				return {
					file: plan.fileName,
					status: 'imported' as const,
					format: plan.format,
					layout: plan.layout,
					encoding: plan.encoding,
					accounts,
					warnings: plan.warnings,
					pendingSkipped: plan.pendingSkipped,
					batchId
				};
			})
		);
	} catch (e) {
		if (e instanceof ImportError) return { file: plan.fileName, status: 'rejected', error: { message: e.message } };
		throw e;
	}
	if (timings) timings.write = (timings.write ?? 0) + performance.now() - started;
	return result;
}
