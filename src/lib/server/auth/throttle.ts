/**
 * Login throttling per account and per address, kept in the database (shared by every app process).
 * Every attempt is counted before the password is checked, by one conditional upsert per key: once a key
 * has had `free` attempts, the next one must wait a delay that doubles with each attempt (30 s, 1 min,
 * 2 min… up to LOGIN_LOCK_MINUTES). An attempt made before that time is refused without checking the
 * password, so parallel guesses gain nothing; the right password still works once the delay has passed.
 * The key of an account is its normalised e-mail whether or not the account exists, so it reveals nothing.
 */
import { sql } from 'kysely';
import type { Config } from '../config';
import type { Db } from '../db';

export type ThrottleSettings = Config['throttle'];

/** The first delay once the free attempts are used, doubled at each further attempt. */
const FIRST_DELAY_MS = 30_000;
/** Once a key is slowed down, the quiet time after which its count starts again (a success clears it). */
const SLOWED_QUIET_MS = 24 * 3_600_000;

export function accountKey(email: string): string {
	return `account:${email.trim().toLowerCase()}`;
}

export function ipKey(ip: string): string {
	return `ip:${ip}`;
}

/** When the attempt after `attempts` may be made, as ISO instants, for attempts = free … (cap reached). */
function delays(free: number, settings: ThrottleSettings, now: Date): { attempts: number; until: string }[] {
	const cap = settings.lockMinutes * 60_000;
	const out: { attempts: number; until: string }[] = [];
	for (let k = 0, d = FIRST_DELAY_MS; ; k++, d *= 2) {
		out.push({ attempts: free + k, until: new Date(now.getTime() + Math.min(d, cap)).toISOString() });
		if (d >= cap) return out;
	}
}

/** An allowed attempt says when the next one may be made (null while free attempts remain). */
export type Attempt = { allowed: true; nextAt: string | null } | { allowed: false; retryAt: string };

/**
 * Counts an attempt for `key` if one may be made now, in one statement (atomic under concurrency). The count
 * starts again after `windowMinutes` without an attempt, or 24 hours once the key is slowed down (so that
 * waiting out the longest delay does not give the free attempts back). Returns whether the attempt may go on.
 */
export async function countAttempt(
	db: Db,
	key: string,
	free: number,
	settings: ThrottleSettings,
	now = new Date()
): Promise<Attempt> {
	const nowIso = now.toISOString();
	const quietSince = new Date(now.getTime() - settings.windowMinutes * 60_000).toISOString();
	const longQuietSince = new Date(now.getTime() - SLOWED_QUIET_MS).toISOString();
	const steps = delays(free, settings, now);
	const last = steps[steps.length - 1];
	const quiet = sql`(login_throttle.failures < ${free} and login_throttle.window_started_at < ${quietSince}) or login_throttle.window_started_at < ${longQuietSince}`;
	const count = sql<number>`case when ${quiet} then 1 else login_throttle.failures + 1 end`;
	const whens = steps.slice(0, -1).map((s) => sql`when ${count} = ${s.attempts} then ${s.until}`);
	const until = sql<
		string | null
	>`case when ${count} < ${free} then null ${sql.join(whens, sql` `)} else ${last.until} end`;
	const row = await db
		.insertInto('login_throttle')
		.values({ key, failures: 1, window_started_at: nowIso, locked_until: free <= 1 ? steps[0].until : null })
		.onConflict((oc) =>
			oc
				.column('key')
				.doUpdateSet({ failures: count, window_started_at: nowIso, locked_until: until })
				.where((eb) =>
					eb.or([eb('login_throttle.locked_until', 'is', null), eb('login_throttle.locked_until', '<=', nowIso)])
				)
		)
		.returning(['failures', 'locked_until'])
		.executeTakeFirst();
	if (row) return { allowed: true, nextAt: row.locked_until };
	const current = await db
		.selectFrom('login_throttle')
		.select('locked_until')
		.where('key', '=', key)
		.executeTakeFirst();
	return { allowed: false, retryAt: current?.locked_until ?? nowIso };
}

/** Forgets the attempts of `key` (after a successful login or a password reset). */
export async function clearFailures(db: Db, key: string): Promise<void> {
	await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
