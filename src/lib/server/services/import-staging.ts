/**
 * Files waiting between their preview and their import. The bytes are kept in the database for an hour
 * (any app process may serve the confirmation), under a random token bound to the household and the person
 * who sent them. A preview stores the file and plans its import; it writes no transaction.
 */
import { randomBytes } from 'node:crypto';
import type { Config } from '../config';
import type { Db } from '../db';
import { requirePermission, type HouseholdScope } from '../auth/access';
import type { CsvMapping, DateOrder } from '../import';
import { importFile, previewFile, type FileImportResult } from './import-service';

/** How long a previewed file waits for its confirmation. */
export const STAGING_TTL_MS = 3_600_000;

/** How a waiting file is to be imported: chosen account, column mapping, date order. */
export interface StagedOptions {
	accountId: number | null;
	accountName: string | null;
	mapping?: CsvMapping;
	dateOrder?: DateOrder;
}

export interface Staged {
	token: string;
	result: FileImportResult;
}

/** How big a file may be and how long reading it may take (from the configuration). */
export type ReadLimits = Pick<Config, 'importMaxBytes' | 'importParseTimeoutMs'>;

export interface UploadedFile {
	name: string;
	bytes: Uint8Array;
}

/** Removes the files whose hour has passed (for every household: they are nobody's any more). */
export async function purgeExpiredStaging(db: Db, now = new Date()): Promise<number> {
	const res = await db
		.deleteFrom('pending_import')
		.where('created_at', '<', new Date(now.getTime() - STAGING_TTL_MS).toISOString())
		.executeTakeFirst();
	return Number(res.numDeletedRows);
}

function stagedBy(scope: HouseholdScope): number {
	if (scope.actor.id === null) throw new Error('staging needs a signed-in person');
	return scope.actor.id;
}

async function stagedFile(db: Db, scope: HouseholdScope, token: string, now: Date) {
	return db
		.selectFrom('pending_import')
		.selectAll()
		.where('id', '=', token)
		.where('household_id', '=', scope.householdId)
		.where('user_id', '=', stagedBy(scope))
		.where('created_at', '>=', new Date(now.getTime() - STAGING_TTL_MS).toISOString())
		.executeTakeFirst();
}

function previewOf(
	db: Db,
	scope: HouseholdScope,
	name: string,
	bytes: Uint8Array,
	options: StagedOptions,
	limits: ReadLimits
) {
	return previewFile(db, scope, { fileName: name, bytes, ...options, ...readOptions(limits) });
}

/** The uploaded file is read in a worker thread: a large or hostile file never holds other requests up. */
function readOptions(limits: ReadLimits) {
	return { maxBytes: limits.importMaxBytes, offThread: { timeoutMs: limits.importParseTimeoutMs } };
}

/** Keeps the files for an hour and shows what importing each would do (nothing is imported). */
export async function stageFiles(
	db: Db,
	scope: HouseholdScope,
	files: UploadedFile[],
	options: StagedOptions,
	limits: ReadLimits,
	now = new Date()
): Promise<Staged[]> {
	requirePermission(scope, 'write');
	await purgeExpiredStaging(db, now);
	const staged: Staged[] = [];
	for (const file of files) {
		const token = randomBytes(18).toString('base64url');
		const name = file.name.slice(0, 255);
		await db
			.insertInto('pending_import')
			.values({
				id: token,
				organisation_id: scope.organisationId,
				household_id: scope.householdId,
				user_id: stagedBy(scope),
				file_name: name,
				content: file.bytes,
				options: JSON.stringify(options),
				created_at: now.toISOString()
			})
			.execute();
		staged.push({ token, result: await previewOf(db, scope, name, file.bytes, options, limits) });
	}
	return staged;
}

/** Reads a waiting file again with the mapping, date order or account the person chose; null when it is gone. */
export async function restageFile(
	db: Db,
	scope: HouseholdScope,
	token: string,
	change: { mapping?: CsvMapping; dateOrder?: DateOrder; account?: Pick<StagedOptions, 'accountId' | 'accountName'> },
	limits: ReadLimits,
	now = new Date()
): Promise<Staged | null> {
	requirePermission(scope, 'write');
	const row = await stagedFile(db, scope, token, now);
	if (!row) return null;
	const before = JSON.parse(row.options ?? '{}') as StagedOptions;
	// A date order, mapping or account chosen now replaces the previous one; what is not given again stays.
	// The account, when chosen now, replaces the one given with the upload.
	const options: StagedOptions = {
		...before,
		...change.account,
		dateOrder: change.dateOrder ?? before.dateOrder,
		mapping: change.mapping ?? before.mapping
	};
	await db
		.updateTable('pending_import')
		.set({ options: JSON.stringify(options) })
		.where('id', '=', token)
		.execute();
	return { token, result: await previewOf(db, scope, row.file_name, new Uint8Array(row.content), options, limits) };
}

/**
 * Imports the waiting files, each all or nothing; a column mapping the person chose is saved with the
 * import. Files no longer waiting are skipped; null when none was.
 */
export async function confirmStaged(
	db: Db,
	scope: HouseholdScope,
	tokens: string[],
	limits: ReadLimits,
	now = new Date()
): Promise<FileImportResult[] | null> {
	requirePermission(scope, 'write');
	const results: FileImportResult[] = [];
	for (const token of tokens) {
		const row = await stagedFile(db, scope, token, now);
		if (!row) continue;
		const options = JSON.parse(row.options ?? '{}') as StagedOptions;
		const result = await importFile(
			db,
			scope,
			{
				fileName: row.file_name,
				bytes: new Uint8Array(row.content),
				...options,
				...readOptions(limits),
				saveMapping: Boolean(options.mapping)
			},
			{ now }
		);
		results.push(result);
		if (result.status !== 'rejected') await db.deleteFrom('pending_import').where('id', '=', token).execute();
	}
	return results.length > 0 ? results : null;
}
