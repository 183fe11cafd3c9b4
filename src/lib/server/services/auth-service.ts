/**
 * Logging in and changing a password: the account flows shared by the web routes and the CLI. Failures
 * get one generic message so that nobody can learn which e-mails have an account; every attempt is counted
 * before the password is checked (auth/throttle.ts), so parallel guesses gain nothing.
 */
import type { Config } from '../config';
import type { Db } from '../db';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from '../auth/password';
import { createSession, invalidateOtherSessions, type Actor } from '../auth/session';
import { accountKey, clearFailures, countAttempt, ipKey } from '../auth/throttle';
import { audit } from './audit';
import { InputError } from './errors';

export const GENERIC_LOGIN_ERROR = 'Adresse e-mail ou mot de passe incorrect.';

export type LoginResult =
	| { ok: true; actor: Actor; token: string; expiresAt: string }
	| { ok: false; message: string; locked: boolean; retryAt?: string };

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

/** "dans 2 minutes", "dans 30 secondes", in plain French. */
function waitText(retryAt: string, now: Date): string {
	const seconds = Math.max(1, Math.ceil((new Date(retryAt).getTime() - now.getTime()) / 1000));
	if (seconds < 90) return `dans ${seconds} seconde${seconds > 1 ? 's' : ''}`;
	const minutes = Math.ceil(seconds / 60);
	return `dans ${minutes} minutes`;
}

export function lockedMessage(retryAt: string, now: Date): string {
	return `Trop de tentatives de connexion : réessayez ${waitText(retryAt, now)}. Mot de passe oublié ? Demandez un lien pour en choisir un nouveau.`;
}

export async function login(
	db: Db,
	config: Config,
	input: { email: string; password: string; ip: string },
	now = new Date()
): Promise<LoginResult> {
	const email = normaliseEmail(input.email);
	const { throttle } = config;
	// Counted before the password is checked: an attempt made too early is refused without checking it.
	const account = await countAttempt(db, accountKey(email), throttle.accountFailures, throttle, now);
	const address = account.allowed ? await countAttempt(db, ipKey(input.ip), throttle.ipFailures, throttle, now) : null;
	const refused = !account.allowed ? account : address && !address.allowed ? address : null;
	if (refused && !refused.allowed) {
		await audit(db, { organisationId: null, actorId: null, action: 'login.throttled', ip: input.ip });
		return { ok: false, locked: true, retryAt: refused.retryAt, message: lockedMessage(refused.retryAt, now) };
	}
	const user = await db
		.selectFrom('app_user')
		.select(['id', 'organisation_id', 'email', 'name', 'role', 'password_hash', 'active', 'platform_admin'])
		.where('email', '=', email)
		.executeTakeFirst();
	const hash = user?.password_hash ?? (await dummyPasswordHash());
	const valid = (await verifyPassword(hash, input.password)) && !!user?.password_hash && user.active === 1;
	if (!valid || !user) {
		await audit(db, {
			organisationId: user?.organisation_id ?? null,
			actorId: user?.id ?? null,
			action: 'login.failed',
			ip: input.ip
		});
		// The attempt that used the last free one says so at once, rather than letting the next one find out.
		const nextAt = account.allowed ? account.nextAt : null;
		if (nextAt && nextAt > now.toISOString())
			return {
				ok: false,
				locked: true,
				retryAt: nextAt,
				message: `${GENERIC_LOGIN_ERROR} ${lockedMessage(nextAt, now)}`
			};
		return { ok: false, message: GENERIC_LOGIN_ERROR, locked: false };
	}
	await clearFailures(db, accountKey(email));
	const { token, expiresAt } = await createSession(db, user, config.sessionDays, now);
	await audit(db, { organisationId: user.organisation_id, actorId: user.id, action: 'login', ip: input.ip });
	return {
		ok: true,
		token,
		expiresAt,
		actor: {
			id: user.id,
			organisationId: user.organisation_id,
			email: user.email,
			name: user.name,
			role: user.role,
			platformAdmin: user.platform_admin === 1
		}
	};
}

/** Changes the actor's password after checking the current one; ends their other sessions. */
export async function changePassword(
	db: Db,
	actor: Actor,
	input: { current: string; next: string; confirm: string; keepSessionId: string | null }
): Promise<void> {
	const row = await db.selectFrom('app_user').select('password_hash').where('id', '=', actor.id).executeTakeFirst();
	if (!row?.password_hash || !(await verifyPassword(row.password_hash, input.current))) {
		throw new InputError('Le mot de passe actuel est incorrect.', 'current');
	}
	const problem = await passwordProblem(input.next, actor, input.current);
	if (problem) throw new InputError(problem, 'next');
	if (input.next !== input.confirm) throw new InputError('Les deux mots de passe ne sont pas identiques.', 'confirm');
	await db
		.updateTable('app_user')
		.set({ password_hash: await hashPassword(input.next), password_changed_at: new Date().toISOString() })
		.where('id', '=', actor.id)
		.execute();
	await invalidateOtherSessions(db, actor.id, input.keepSessionId);
	await audit(db, { organisationId: actor.organisationId, actorId: actor.id, action: 'password.changed' });
}
