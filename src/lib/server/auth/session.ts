/**
 * Database sessions: the cookie holds a random token, the table its hash. Sliding expiry: a session used
 * after half its lifetime is extended. Stored in the database so several app processes share them.
 */
import type { Db } from '../db';
import type { Role } from '../db/schema';
import { hashToken, newToken } from './tokens';

export const SESSION_COOKIE = 'bgv_session';
const DAY_MS = 86_400_000;

export interface Actor {
	id: number;
	organisationId: number;
	email: string;
	name: string;
	role: Role;
	/** an admin of the platform, who keeps the shared reference data (categories, default rules, benefits) */
	platformAdmin?: boolean;
}

export interface SessionInfo {
	id: string;
	expiresAt: string;
}

export async function createSession(
	db: Db,
	user: { id: number; organisation_id: number },
	lifetimeDays: number,
	now = new Date()
): Promise<{ token: string; expiresAt: string }> {
	const token = newToken();
	const expiresAt = new Date(now.getTime() + lifetimeDays * DAY_MS).toISOString();
	await db
		.insertInto('session')
		.values({
			id: hashToken(token),
			user_id: user.id,
			organisation_id: user.organisation_id,
			created_at: now.toISOString(),
			expires_at: expiresAt,
			last_seen_at: now.toISOString()
		})
		.execute();
	return { token, expiresAt };
}

/**
 * The actor behind a cookie token, or null. Extends the session when less than half its lifetime
 * remains (the caller then re-sets the cookie with the new expiry).
 */
export async function validateSession(
	db: Db,
	token: string,
	lifetimeDays: number,
	now = new Date()
): Promise<{ actor: Actor; session: SessionInfo; renewed: boolean } | null> {
	const id = hashToken(token);
	const row = await db
		.selectFrom('session')
		.innerJoin('app_user', 'app_user.id', 'session.user_id')
		.select([
			'session.id as sessionId',
			'session.expires_at',
			'app_user.id',
			'app_user.organisation_id',
			'app_user.email',
			'app_user.name',
			'app_user.role',
			'app_user.active',
			'app_user.platform_admin'
		])
		.where('session.id', '=', id)
		.executeTakeFirst();
	if (!row) return null;
	if (row.expires_at <= now.toISOString() || row.active !== 1) {
		await db.deleteFrom('session').where('id', '=', id).execute();
		return null;
	}
	let expiresAt = row.expires_at;
	let renewed = false;
	const remaining = new Date(row.expires_at).getTime() - now.getTime();
	if (remaining < (lifetimeDays * DAY_MS) / 2) {
		expiresAt = new Date(now.getTime() + lifetimeDays * DAY_MS).toISOString();
		renewed = true;
		await db
			.updateTable('session')
			.set({ expires_at: expiresAt, last_seen_at: now.toISOString() })
			.where('id', '=', id)
			.execute();
	}
	return {
		actor: {
			id: row.id,
			organisationId: row.organisation_id,
			email: row.email,
			name: row.name,
			role: row.role,
			platformAdmin: row.platform_admin === 1
		},
		session: { id, expiresAt },
		renewed
	};
}

export async function invalidateSession(db: Db, token: string): Promise<void> {
	await db.deleteFrom('session').where('id', '=', hashToken(token)).execute();
}

/** Ends every session of a user except `keepSessionId` (after a password change). */
export async function invalidateOtherSessions(db: Db, userId: number, keepSessionId: string | null): Promise<void> {
	let q = db.deleteFrom('session').where('user_id', '=', userId);
	if (keepSessionId) q = q.where('id', '!=', keepSessionId);
	await q.execute();
}

export async function deleteExpiredSessions(db: Db, now = new Date()): Promise<void> {
	await db.deleteFrom('session').where('expires_at', '<=', now.toISOString()).execute();
}
