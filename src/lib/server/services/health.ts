/**
 * The health check a reverse proxy or an orchestrator polls (`GET /healthz`): the process answers and the
 * database answers a trivial query. It says nothing about anyone's data.
 */
import { sql } from 'kysely';
import type { Db } from '../db';

export interface Health {
	status: 'ok' | 'error';
	database: 'ok' | 'error';
}

/** `select 1` on the database; never throws (a failure is the answer "error"). */
export async function checkHealth(db: Db | (() => Promise<Db>)): Promise<Health> {
	try {
		const target = typeof db === 'function' ? await db() : db;
		const row = await sql<{ one: number }>`select 1 as one`.execute(target);
		if (Number(row.rows[0]?.one) !== 1) return { status: 'error', database: 'error' };
		return { status: 'ok', database: 'ok' };
	} catch (e) {
		console.error('[bgv] health check: the database did not answer', e);
		return { status: 'error', database: 'error' };
	}
}
