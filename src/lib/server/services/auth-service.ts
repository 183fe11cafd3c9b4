/**
 * Logging in, changing a password, accepting an invitation: the account flows shared by the web routes
 * and the CLI. Failures get one generic message so that nobody can learn which emails have an account.
 */
import type { Config } from '../config';
import type { Db } from '../db';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from '../auth/password';
import { createSession, invalidateOtherSessions, type Actor } from '../auth/session';
import { accountKey, clearFailures, ipKey, lockedUntil, recordFailure } from '../auth/throttle';
import { hashToken } from '../auth/tokens';
import { audit } from './audit';
import { InputError } from './errors';

export const GENERIC_LOGIN_ERROR = 'Adresse e-mail ou mot de passe incorrect.';
export const LOCKED_LOGIN_ERROR =
	'Trop de tentatives de connexion. Patientez quelques minutes avant de réessayer, ou demandez à votre conseiller de vous aider.';

export type LoginResult =
	{ ok: true; actor: Actor; token: string; expiresAt: string } | { ok: false; message: string; locked: boolean };

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export async function login(
	db: Db,
	config: Config,
	input: { email: string; password: string; ip: string },
	now = new Date()
): Promise<LoginResult> {
	const email = normaliseEmail(input.email);
	const keys = [accountKey(email), ipKey(input.ip)];
	if (await lockedUntil(db, keys, now)) {
		return { ok: false, message: LOCKED_LOGIN_ERROR, locked: true };
	}
	const user = await db
		.selectFrom('app_user')
		.select(['id', 'organisation_id', 'email', 'name', 'role', 'password_hash', 'active'])
		.where('email', '=', email)
		.executeTakeFirst();
	const hash = user?.password_hash ?? (await dummyPasswordHash());
	const valid = (await verifyPassword(hash, input.password)) && !!user?.password_hash && user.active === 1;
	if (!valid || !user) {
		await recordFailure(db, keys[0], config.throttle.accountFailures, config.throttle, now);
		await recordFailure(db, keys[1], config.throttle.ipFailures, config.throttle, now);
		await audit(db, {
			organisationId: user?.organisation_id ?? null,
			actorId: user?.id ?? null,
			action: 'login.failed',
			ip: input.ip
		});
		const locked = (await lockedUntil(db, keys, now)) !== null;
		return { ok: false, message: locked ? LOCKED_LOGIN_ERROR : GENERIC_LOGIN_ERROR, locked };
	}
	await clearFailures(db, keys[0]);
	const { token, expiresAt } = await createSession(db, user, config.sessionDays, now);
	await audit(db, { organisationId: user.organisation_id, actorId: user.id, action: 'login', ip: input.ip });
	return {
		ok: true,
		token,
		expiresAt,
		actor: { id: user.id, organisationId: user.organisation_id, email: user.email, name: user.name, role: user.role }
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
	const problem = passwordProblem(input.next);
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

export interface InvitationView {
	id: number;
	email: string;
	name: string;
	householdName: string;
}

/** The pending invitation behind a link token, or null if unknown, used or expired. */
export async function findInvitation(db: Db, token: string, now = new Date()): Promise<InvitationView | null> {
	const row = await db
		.selectFrom('invitation')
		.innerJoin('household', 'household.id', 'invitation.household_id')
		.select(['invitation.id', 'invitation.email', 'invitation.name', 'household.name as householdName'])
		.where('invitation.token_hash', '=', hashToken(token))
		.where('invitation.used_at', 'is', null)
		.where('invitation.expires_at', '>', now.toISOString())
		.executeTakeFirst();
	return row ?? null;
}

/**
 * Accepts an invitation: creates the member's account with the chosen password, makes them a member of
 * the household, records their consent to share with their adviser if they gave it, and logs them in.
 */
export async function acceptInvitation(
	db: Db,
	config: Config,
	input: { token: string; password: string; confirm: string; shareWithAdviser: boolean },
	now = new Date()
): Promise<{ actor: Actor; token: string; expiresAt: string; householdId: number }> {
	const problem = passwordProblem(input.password);
	if (problem) throw new InputError(problem, 'password');
	if (input.password !== input.confirm)
		throw new InputError('Les deux mots de passe ne sont pas identiques.', 'confirm');
	const passwordHash = await hashPassword(input.password);
	const nowIso = now.toISOString();
	const result = await db.transaction().execute(async (trx) => {
		const inv = await trx
			.selectFrom('invitation')
			.selectAll()
			.where('token_hash', '=', hashToken(input.token))
			.where('used_at', 'is', null)
			.where('expires_at', '>', nowIso)
			.executeTakeFirst();
		if (!inv)
			throw new InputError(
				"Ce lien d'invitation n'est plus valable. Demandez-en un nouveau à votre conseiller.",
				'token'
			);
		const used = await trx
			.updateTable('invitation')
			.set({ used_at: nowIso })
			.where('id', '=', inv.id)
			.where('used_at', 'is', null)
			.executeTakeFirst();
		if (Number(used.numUpdatedRows) !== 1) throw new InputError("Ce lien d'invitation a déjà été utilisé.", 'token');
		const existing = await trx.selectFrom('app_user').select('id').where('email', '=', inv.email).executeTakeFirst();
		if (existing) throw new InputError('Un compte existe déjà pour cette adresse e-mail. Connectez-vous.', 'token');
		const user = await trx
			.insertInto('app_user')
			.values({
				organisation_id: inv.organisation_id,
				email: inv.email,
				name: inv.name,
				password_hash: passwordHash,
				role: 'household',
				active: 1,
				created_at: nowIso,
				password_changed_at: nowIso
			})
			.returning(['id', 'organisation_id', 'email', 'name', 'role'])
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('household_member')
			.values({
				household_id: inv.household_id,
				user_id: user.id,
				organisation_id: inv.organisation_id,
				created_at: nowIso
			})
			.execute();
		if (input.shareWithAdviser) {
			await giveConsentIn(trx, inv.household_id, inv.organisation_id, user.id, now);
		}
		await audit(trx, {
			organisationId: inv.organisation_id,
			actorId: user.id,
			householdId: inv.household_id,
			action: 'invitation.accepted',
			targetType: 'invitation',
			targetId: inv.id
		});
		return { user, householdId: inv.household_id };
	});
	const session = await createSession(db, result.user, config.sessionDays, now);
	return {
		actor: {
			id: result.user.id,
			organisationId: result.user.organisation_id,
			email: result.user.email,
			name: result.user.name,
			role: result.user.role
		},
		token: session.token,
		expiresAt: session.expiresAt,
		householdId: result.householdId
	};
}

/** Records consent unless one is already in force. */
export async function giveConsentIn(
	db: Db,
	householdId: number,
	organisationId: number,
	userId: number | null,
	now = new Date()
): Promise<void> {
	const current = await db
		.selectFrom('consent')
		.select('id')
		.where('household_id', '=', householdId)
		.where('withdrawn_at', 'is', null)
		.executeTakeFirst();
	if (current) return;
	await db
		.insertInto('consent')
		.values({
			household_id: householdId,
			organisation_id: organisationId,
			given_at: now.toISOString(),
			given_by: userId,
			withdrawn_at: null,
			withdrawn_by: null
		})
		.execute();
}
