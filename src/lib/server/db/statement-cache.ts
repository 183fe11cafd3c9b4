/**
 * Kysely's SQLite driver prepares every query again (better-sqlite3's `prepare`, about 20–50 µs for a small
 * query, a few milliseconds for a page of twenty queries). The driver is given this facade instead of the
 * connection: the same SQL text gets the same prepared statement, the least recently used one dropped past
 * `size`. A statement still iterating (a streamed query) is busy: that query gets a fresh statement.
 * The bulk paths that tune their statements (pluck, raw) use the connection itself, never this cache.
 */
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export const STATEMENT_CACHE_SIZE = 500;

export function cachedStatements(sqlite: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
	const cache = new Map<string, SQLite.Statement>();
	return {
		prepare(sql: string): SqliteStatement {
			const hit = cache.get(sql);
			if (hit && !hit.busy) {
				// a Map keeps insertion order: re-inserting marks it as the most recently used
				cache.delete(sql);
				cache.set(sql, hit);
				return hit as unknown as SqliteStatement;
			}
			const statement = sqlite.prepare(sql);
			if (!hit) {
				cache.set(sql, statement);
				if (cache.size > size) cache.delete(cache.keys().next().value as string);
			}
			return statement as unknown as SqliteStatement;
		},
		close(): void {
			cache.clear();
			sqlite.close();
		}
	};
}
