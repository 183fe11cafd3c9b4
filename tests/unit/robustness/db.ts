/** Opening and closing the database the children share, from the test process. */
import pg from 'pg';
import { parseDatabaseUrl } from '$lib/server/config';
import type { DbHandle } from '$lib/server/db';
import { openDatabase } from '$lib/server/services/reference-data';

export function openAt(url: string): Promise<DbHandle> {
	return openDatabase(parseDatabaseUrl(url));
}

/**
 * Closes a handle and, on PostgreSQL, waits until its connections are gone: pg's pool ends its clients
 * without waiting for them, and the DROP DATABASE … WITH (FORCE) that follows a test file would otherwise
 * catch one saying goodbye (an unhandled "terminating connection" error).
 */
export async function closeHandle(handle: DbHandle, url: string): Promise<void> {
	await handle.close();
	if (handle.dialect !== 'postgres') return;
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		for (;;) {
			const r = await client.query<{ n: number }>(
				'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()'
			);
			if (r.rows[0].n === 0) return;
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	} finally {
		await client.end();
	}
}
