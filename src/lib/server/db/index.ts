/**
 * Opens the database named by the configuration: better-sqlite3 (WAL, foreign keys, busy timeout) or a
 * pg Pool. PostgreSQL int8 values are parsed back to safe JS integers (money is bigint cents).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
	CompiledQuery,
	Kysely,
	PostgresDialect,
	SqliteDialect,
	SqliteDriver,
	type DatabaseConnection,
	type Driver,
	type SqliteDatabase
} from 'kysely';
import { createRequire } from 'node:module';
import type PgModule from 'pg';
import type { DatabaseTarget } from '../config';
import type { Database } from './schema';
import { cachedStatements } from './statement-cache';
import { settleBackground } from './background';

export type Db = Kysely<Database>;
export type Dialect = 'sqlite' | 'postgres';

export interface DbHandle {
	db: Db;
	dialect: Dialect;
	close(): Promise<void>;
}

/** The better-sqlite3 connection behind a SQLite Kysely instance, for the few bulk paths that need prepared statements. */
const rawConnections = new WeakMap<object, SQLite.Database>();

export function rawSqlite(db: Db): SQLite.Database | undefined {
	return rawConnections.get(db);
}

// pg is loaded when a PostgreSQL database is opened: a SQLite process never pays its memory
const load = createRequire(import.meta.url);
let pgModule: typeof PgModule | null = null;

function pgDriver(): typeof PgModule {
	if (pgModule) return pgModule;
	const pg = load('pg') as typeof PgModule;
	pgModule = pg;
	pg.types.setTypeParser(20, (value: string) => {
		const n = Number(value);
		if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value out of the safe integer range: ${value}`);
		return n;
	});
	return pg;
}

/**
 * SQLite transactions begin IMMEDIATE: they take the write lock at their start, waiting for it under
 * busy_timeout. A deferred transaction that reads first and writes later cannot wait when another process
 * wrote in between (SQLite answers "database is locked" at once, since its snapshot is stale).
 */
class ImmediateSqliteDriver extends SqliteDriver {
	override async beginTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('begin immediate'));
	}
}

class ImmediateSqliteDialect extends SqliteDialect {
	readonly #database: SqliteDatabase;
	constructor(database: SQLite.Database) {
		const statements = cachedStatements(database);
		super({ database: statements });
		this.#database = statements;
	}
	override createDriver(): Driver {
		return new ImmediateSqliteDriver({ database: this.#database });
	}
}

/** Closes the handle once the work started after a response on it has ended (db/background.ts). */
async function closeAfterBackground(db: Db): Promise<void> {
	await settleBackground(db);
	await db.destroy();
}

export function createDb(target: DatabaseTarget, options: { poolSize?: number } = {}): DbHandle {
	if (target.dialect === 'postgres') {
		const pool = new (pgDriver().Pool)({ connectionString: target.url, max: options.poolSize ?? 10 });
		// An idle connection cut by the server (restart, failover, an administrator) must not stop the
		// process: the pool drops that client and opens a new one on the next query.
		pool.on('error', (e) => console.error(`PostgreSQL : connexion inactive perdue (${e.message})`));
		const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
		return { db, dialect: 'postgres', close: () => closeAfterBackground(db) };
	}
	if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
	const sqlite = new SQLite(target.path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = NORMAL');
	// 16 MB page cache (default 2 MB): a 100,000-row import touches several indexes of bank_transaction.
	sqlite.pragma('cache_size = -16384');
	const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(sqlite) });
	rawConnections.set(db, sqlite);
	return { db, dialect: 'sqlite', close: () => closeAfterBackground(db) };
}
