/**
 * Backups of a SQLite deployment: an online copy through SQLite's backup API (better-sqlite3's
 * `db.backup()`), consistent while the application keeps writing, and a restore that only accepts a file
 * that is a BGV database (it has Kysely's migration table with BGV's first migration). On PostgreSQL the
 * procedure is pg_dump / pg_restore (README "Personal data").
 */
import { existsSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { rawSqlite, type Db } from '../db';
import { migrateToLatest } from '../db/migrate';
import { InputError } from './errors';

/** BGV's first migration: a database without it in its migration table is not BGV's. */
export const FIRST_MIGRATION = '2026-11-28_001_initial';

export const POSTGRES_BACKUP_MESSAGE =
	'la base est PostgreSQL : la sauvegarde se fait avec pg_dump et la restauration avec pg_restore ' +
	'(voir la section « Personal data » du README), pas avec bgv backup ni bgv restore';

export interface BackupResult {
	file: string;
	pages: number;
}

function connectionOf(db: Db): SQLite.Database {
	const connection = rawSqlite(db);
	if (!connection) throw new InputError(POSTGRES_BACKUP_MESSAGE);
	return connection;
}

/**
 * Copies the live database to `file` (overwritten) while other connections keep writing. The pages are
 * copied in one step, inside one read transaction: the copy is the database as it was at that instant (with
 * WAL, writers are not blocked), and a write by another process cannot restart it again and again.
 */
export async function backupSqlite(db: Db, file: string): Promise<BackupResult> {
	const connection = connectionOf(db);
	if (file.trim() === '') throw new InputError('précisez le fichier de sauvegarde');
	const r = await connection.backup(file, { progress: () => 0x7fffffff });
	return { file, pages: r.totalPages };
}

/** Why the file cannot be restored, in French, or null when it is a BGV database that passes its integrity check. */
export function checkBgvBackup(file: string): string | null {
	if (!existsSync(file)) return `le fichier ${file} n'existe pas`;
	let source: SQLite.Database | null = null;
	try {
		source = new SQLite(file, { readonly: true, fileMustExist: true });
		const table = source
			.prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'")
			.get();
		if (!table) return `${file} n'est pas une sauvegarde de BGV (pas de table des migrations)`;
		const first = source.prepare('select name from kysely_migration where name = ?').get(FIRST_MIGRATION);
		if (!first) return `${file} n'est pas une sauvegarde de BGV (ses migrations ne sont pas celles de BGV)`;
		const integrity = source.pragma('integrity_check', { simple: true });
		if (integrity !== 'ok') return `${file} est une base de BGV abîmée (contrôle d'intégrité : ${String(integrity)})`;
		return null;
	} catch {
		return `${file} n'est pas une base SQLite (ni une sauvegarde de BGV)`;
	} finally {
		source?.close();
	}
}

export interface RestoreResult {
	file: string;
	pages: number;
	/** migrations applied after the restore (a backup made by an older BGV) */
	migrated: string[];
	integrity: string;
}

/**
 * Replaces the database at `targetPath` (the one `db` is open on) by the backup `file`, after checking that
 * it is a BGV database; then applies the migrations the backup lacks and checks the result's integrity.
 */
export async function restoreSqlite(db: Db, targetPath: string, file: string): Promise<RestoreResult> {
	const target = connectionOf(db);
	const problem = checkBgvBackup(file);
	if (problem) throw new InputError(`restauration refusée : ${problem}`);
	const source = new SQLite(file, { readonly: true, fileMustExist: true });
	let pages: number;
	try {
		pages = (await source.backup(targetPath, { progress: () => 0x7fffffff })).totalPages;
	} finally {
		source.close();
	}
	const migrated = await migrateToLatest(db);
	const integrity = String(target.pragma('integrity_check', { simple: true }));
	return { file, pages, migrated, integrity };
}
