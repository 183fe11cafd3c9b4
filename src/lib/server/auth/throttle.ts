/**
 * Login throttling per account and per IP, kept in the database (shared by every app process). The key
 * of an account is its normalised email whether or not the account exists, so the lock reveals nothing.
 */
import { sql } from 'kysely';
import type { Config } from '../config';
import type { Db } from '../db';

export type ThrottleSettings = Config['throttle'];

export function accountKey(email: string): string {
	return `account:${email.trim().toLowerCase()}`;
}

export function ipKey(ip: string): string {
	return `ip:${ip}`;
}

/** The latest `locked_until` among the keys if any is locked at `now`, else null. */
export async function lockedUntil(db: Db, keys: string[], now = new Date()): Promise<string | null> {
	const rows = await db
		.selectFrom('login_throttle')
		.select('locked_until')
		.where('key', 'in', keys)
		.where('locked_until', '>', now.toISOString())
		.execute();
	const until = rows.map((r) => r.locked_until as string).sort();
	return until.at(-1) ?? null;
}

/** Counts one failure for `key` (atomic upsert) and locks it when the limit is reached within the window. */
export async function recordFailure(
	db: Db,
	key: string,
	limit: number,
	settings: ThrottleSettings,
	now = new Date()
): Promise<void> {
	const nowIso = now.toISOString();
	const windowStart = new Date(now.getTime() - settings.windowMinutes * 60_000).toISOString();
	await db
		.insertInto('login_throttle')
		.values({ key, failures: 1, window_started_at: nowIso, locked_until: null })
		.onConflict((oc) =>
			oc.column('key').doUpdateSet({
				failures: sql<number>`case when login_throttle.window_started_at < ${windowStart} then 1 else login_throttle.failures + 1 end`,
				window_started_at: sql<string>`case when login_throttle.window_started_at < ${windowStart} then ${nowIso} else login_throttle.window_started_at end`
			})
		)
		.execute();
	const lockUntil = new Date(now.getTime() + settings.lockMinutes * 60_000).toISOString();
	await db
		.updateTable('login_throttle')
		.set({ locked_until: lockUntil, failures: 0, window_started_at: nowIso })
		.where('key', '=', key)
		.where('failures', '>=', limit)
		.execute();
}

export async function clearFailures(db: Db, key: string): Promise<void> {
	await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
