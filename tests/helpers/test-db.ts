/**
 * A fresh migrated database for each test file, on the dialect of DATABASE_URL. On PostgreSQL the
 * database of DATABASE_URL is only used to create and drop clones of a template migrated once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { parseDatabaseUrl } from '$lib/server/config';
import { openDatabase } from '$lib/server/services/reference-data';
import type { DbHandle } from '$lib/server/db';

const target = parseDatabaseUrl(process.env.DATABASE_URL);
const TEMPLATE = `bgv_template_${process.env.BGV_TEST_RUN ?? 'x'}`;

function withDatabase(url: string, name: string): string {
	const u = new URL(url);
	u.pathname = `/${name}`;
	return u.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
	if (target.dialect !== 'postgres') throw new Error('not on PostgreSQL');
	const client = new pg.Client({ connectionString: target.url });
	await client.connect();
	try {
		return await fn(client);
	} finally {
		await client.end();
	}
}

export const testDialect = target.dialect;

export async function prepareTemplate(): Promise<void> {
	if (target.dialect !== 'postgres') return;
	process.env.BGV_TEST_RUN = `${process.pid}`;
	const name = `bgv_template_${process.pid}`;
	await admin(async (c) => {
		await c.query(`DROP DATABASE IF EXISTS ${name}`);
		await c.query(`CREATE DATABASE ${name}`);
	});
	const handle = await openDatabase({ dialect: 'postgres', url: withDatabase(target.url, name) });
	await handle.close();
}

export async function dropTemplate(): Promise<void> {
	if (target.dialect !== 'postgres') return;
	await admin((c) => c.query(`DROP DATABASE IF EXISTS bgv_template_${process.pid}`));
}

/**
 * Waits until no session is left on the database of `url`: pg's pool ends its clients without waiting
 * for them, and a DROP DATABASE … WITH (FORCE) would otherwise catch one saying goodbye (an unhandled
 * "terminating connection" error in whichever test file runs next in the worker).
 */
export async function waitForNoSessions(url: string): Promise<void> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		for (let i = 0; i < 250; i++) {
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

/** A DATABASE_URL for a fresh migrated database (for code that opens its own, like the CLI), and its cleanup. */
export async function createTestDatabaseUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
	if (target.dialect === 'postgres') {
		const name = `bgv_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
		await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`));
		return {
			url: withDatabase(target.url, name),
			drop: async () => {
				await waitForNoSessions(withDatabase(target.url, name));
				await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
			}
		};
	}
	const dir = mkdtempSync(join(tmpdir(), 'bgv-test-'));
	return { url: join(dir, 'test.sqlite'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A migrated, empty database (built-in categories only) that is deleted by `close()`. */
export async function createTestDb(): Promise<DbHandle> {
	if (target.dialect === 'postgres') {
		const name = `bgv_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
		await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`));
		const handle = await openDatabase({ dialect: 'postgres', url: withDatabase(target.url, name) });
		return {
			...handle,
			close: async () => {
				await handle.close();
				await waitForNoSessions(withDatabase(target.url, name));
				await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
			}
		};
	}
	const dir = mkdtempSync(join(tmpdir(), 'bgv-test-'));
	const handle = await openDatabase({ dialect: 'sqlite', path: join(dir, 'test.sqlite') });
	return {
		...handle,
		close: async () => {
			await handle.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
