/**
 * Import, step 3: commit a plan in one transaction. What the plan read is read again inside the transaction
 * (the account still there, the rows already stored, the balances, the probable duplicates), so an import
 * committed in between is seen; the unique dedupe constraint settles any race that remains. The column
 * mapping the person chose is saved in the same transaction. The household's derived figures (benefit
 * alerts, forecast status) are refreshed after the commit; their failure never undoes or hides the import.
 */
import { centsToString, type Cents } from '$lib/money';
import type { Database as SQLiteDatabase } from 'better-sqlite3';
import { rawSqlite, type Db } from '../../db';
import { requirePermission, type HouseholdScope } from '../../auth/access';
import { ImportError, type ParsedAccount } from '../../import';
import { accountRows } from '../accounts';
import { auditScope } from '../audit';
import type { Categoriser } from '../categoriser';
import { refreshDerived, retryBusy } from '../derived-status';
import { markCardSettlements } from '../card-settlements';
import { findAccount, maskedNumberOf } from './accounts';
import { accountKeys, knownKeys, probableDuplicates, storedBalances, statedBalances } from './lookups';
import { bookingDateRange } from './plan';
import type { AccountImportResult, FileImportResult, ImportPlan, ImportTimings, PlannedAccount } from './types';
import { kyselyWriter, sqliteWriter, type SharedValues } from './writers';

interface CommitContext {
	trx: Db;
	/** SQLite: the connection the transaction runs on (read from the Kysely instance, not the transaction) */
	raw: SQLiteDatabase | undefined;
	scope: HouseholdScope;
	plan: ImportPlan;
	batchId: number;
	categorise: Categoriser;
	now: string;
	timings?: ImportTimings;
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

/** Writes the rows not stored yet; returns their indexes and ids (in order), the rows skipped included as null. */
async function writeRows(
	ctx: CommitContext,
	accountId: number,
	parsed: ParsedAccount,
	keys: string[],
	fresh: number[]
) {
	const raw = ctx.raw;
	const shared: SharedValues = {
		organisationId: ctx.scope.organisationId,
		householdId: ctx.scope.householdId,
		accountId,
		batchId: ctx.batchId,
		now: ctx.now
	};
	const writer = raw ? sqliteWriter(raw, shared) : kyselyWriter(ctx.trx, shared);
	const txs = parsed.transactions;
	const timings = ctx.timings;
	for (let f = 0; f < fresh.length; f++) {
		const t = txs[fresh[f]];
		const c = ctx.categorise({
			rawLabel: t.rawLabel,
			amount: t.amount,
			date: t.bookingDate,
			accountId,
			filePayee: t.payee
		});
		const started = timings ? performance.now() : 0;
		const pending = writer.add(t, c, keys[fresh[f]]);
		if (pending) await pending;
		if (timings) timings.writeRows = (timings.writeRows ?? 0) + (performance.now() - started);
	}
	return writer.finish();
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
	const known = account.created ? new Set<string>() : await knownKeys(trx, account.id, keys, ctx.raw);
	const fresh: number[] = [];
	for (let i = 0; i < txs.length; i++) if (!known.has(keys[i])) fresh.push(i);
	// Read before the new rows are written, so that the query does not walk through them.
	const probable = account.created ? [] : await probableDuplicates(trx, scope, account.id, txs, fresh);
	const ids = await writeRows(ctx, account.id, parsed, keys, fresh);
	let imported = 0;
	let sum: Cents = 0;
	for (let f = 0; f < fresh.length; f++) {
		if (ids[f] === null) continue;
		imported++;
		sum += txs[fresh[f]].amount;
	}
	await storeBalances(ctx, account.id, parsed);
	// The id each probable duplicate's incoming row got (fresh is in ascending order: a binary search).
	const idOf = (incoming: number): number | null => {
		let lo = 0;
		let hi = fresh.length - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			if (fresh[mid] === incoming) return ids[mid];
			if (fresh[mid] < incoming) lo = mid + 1;
			else hi = mid - 1;
		}
		return null;
	};
	const pairs = probable.filter((p) => idOf(p.incoming) !== null);
	if (pairs.length > 0)
		await trx
			.insertInto('probable_duplicate')
			.values(
				pairs.map((p) => ({
					organisation_id: scope.organisationId,
					household_id: scope.householdId,
					transaction_id: idOf(p.incoming) as number,
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
		imported,
		duplicates: txs.length - imported,
		sum: centsToString(sum),
		probableDuplicates: pairs.map((p) => duplicateText(txs, p))
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

/** Commits a plan: all of it or nothing. Returns the import's result; a plan gone stale is rejected. */
export async function commitPlan(
	db: Db,
	scope: HouseholdScope,
	plan: ImportPlan,
	options: { categoriser: Categoriser; now?: Date; timings?: ImportTimings }
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
					sqlite: rawSqlite(db) !== undefined
				};
				const accounts: AccountImportResult[] = [];
				for (const planned of plan.accounts) accounts.push(await commitAccount(ctx, planned));
				await markCardSettlements(trx, scope);
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
	await refreshDerived(db, scope, now, timings);
	return result;
}
