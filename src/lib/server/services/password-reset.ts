/**
 * A way back for someone who forgot their password or is slowed down by the login throttle: a single-use
 * link that expires (RESET_LINK_HOURS), sent by e-mail when the person asks (the answer is the same whether
 * or not the address has an account), or asked by an admin for a member of their team. Using the link sets
 * the new password, ends every session of the account and forgets its failed logins.
 */
import type { Config } from '../config';
import type { Db } from '../db';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password';
import { createSession, type Actor } from '../auth/session';
import { accountKey, clearFailures, countAttempt } from '../auth/throttle';
import { hashToken, newToken } from '../auth/tokens';
import { audit } from './audit';
import { InputError, NotFoundError } from './errors';
import { appLink, sendMail } from './mailer';

/** Reset requests allowed per address before they are slowed down like logins. */
const FREE_REQUESTS = 3;
const STAFF = ['adviser', 'professional', 'admin'] as const;

async function issueLink(
	db: Db,
	config: Config,
	user: { id: number; organisation_id: number; email: string; name: string },
	createdBy: number | null,
	now: Date
): Promise<{ token: string; expiresAt: string }> {
	const token = newToken();
	const expiresAt = new Date(now.getTime() + config.resetLinkHours * 3_600_000).toISOString();
	await db
		.insertInto('password_reset')
		.values({
			organisation_id: user.organisation_id,
			user_id: user.id,
			token_hash: hashToken(token),
			created_by: createdBy,
			created_at: now.toISOString(),
			expires_at: expiresAt,
			used_at: null
		})
		.execute();
	const hours = config.resetLinkHours;
	await sendMail(
		db,
		config,
		{
			to: user.email,
			organisationId: user.organisation_id,
			purpose: 'password_reset',
			subject: 'Choisir un nouveau mot de passe BGV',
			text: [
				`Bonjour ${user.name},`,
				'',
				'Pour choisir un nouveau mot de passe BGV, ouvrez ce lien :',
				appLink(config, `/login/reset/${token}`),
				'',
				`Il ne sert qu’une fois et reste valable ${hours} heure${hours > 1 ? 's' : ''}.`,
				'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.',
				'',
				'BGV'
			].join('\n')
		},
		now
	);
	await audit(db, {
		organisationId: user.organisation_id,
		actorId: createdBy,
		action: 'password_reset.issued',
		targetType: 'user',
		targetId: user.id
	});
	return { token, expiresAt };
}

/** Sends a reset link if the address has an active account; says nothing either way. */
export async function requestPasswordReset(db: Db, config: Config, email: string, now = new Date()): Promise<void> {
	const address = email.trim().toLowerCase();
	if (!address.includes('@')) return;
	const attempt = await countAttempt(db, `reset:${address}`, FREE_REQUESTS, config.throttle, now);
	if (!attempt.allowed) return;
	const user = await db
		.selectFrom('app_user')
		.select(['id', 'organisation_id', 'email', 'name'])
		.where('email', '=', address)
		.where('active', '=', 1)
		.executeTakeFirst();
	if (user) await issueLink(db, config, user, null, now);
}

/** An admin sends a reset link to a member of their organisation's team; returns the link to give by hand. */
export async function resetStaffPassword(
	db: Db,
	config: Config,
	admin: Actor,
	userId: number,
	now = new Date()
): Promise<{ token: string; expiresAt: string; email: string }> {
	if (admin.role !== 'admin') throw new NotFoundError();
	const user = await db
		.selectFrom('app_user')
		.select(['id', 'organisation_id', 'email', 'name'])
		.where('id', '=', userId)
		.where('organisation_id', '=', admin.organisationId)
		.where('role', 'in', [...STAFF])
		.where('active', '=', 1)
		.executeTakeFirst();
	if (!user) throw new NotFoundError('Utilisateur introuvable.');
	return { ...(await issueLink(db, config, user, admin.id, now)), email: user.email };
}

async function pendingReset(db: Db, token: string, now: Date) {
	return db
		.selectFrom('password_reset as r')
		.innerJoin('app_user as u', 'u.id', 'r.user_id')
		.select(['r.id', 'r.user_id', 'u.email', 'u.name', 'u.password_hash', 'u.organisation_id'])
		.where('r.token_hash', '=', hashToken(token))
		.where('r.used_at', 'is', null)
		.where('r.expires_at', '>', now.toISOString())
		.where('u.active', '=', 1)
		.executeTakeFirst();
}

/** Whose password a link resets, or null when the link is unknown, used or expired. */
export async function findPasswordReset(db: Db, token: string, now = new Date()): Promise<{ name: string } | null> {
	const r = await pendingReset(db, token, now);
	return r ? { name: r.name } : null;
}

/** Sets the new password from a reset link; ends the account's sessions and signs this browser in. */
export async function completePasswordReset(
	db: Db,
	config: Config,
	input: { token: string; password: string; confirm: string },
	now = new Date()
): Promise<{ token: string; expiresAt: string; userId: number }> {
	const r = await pendingReset(db, input.token, now);
	if (!r) throw new InputError('Ce lien n’est plus valable : demandez-en un nouveau.', 'token');
	const problem = await passwordProblem(input.password, { email: r.email, name: r.name });
	if (problem) throw new InputError(problem, 'password');
	if (r.password_hash && (await verifyPassword(r.password_hash, input.password)))
		throw new InputError('Choisissez un mot de passe différent de l’ancien.', 'password');
	if (input.password !== input.confirm)
		throw new InputError('Les deux mots de passe ne sont pas identiques.', 'confirm');
	const hash = await hashPassword(input.password);
	const used = await db.transaction().execute(async (trx) => {
		const res = await trx
			.updateTable('password_reset')
			.set({ used_at: now.toISOString() })
			.where('id', '=', r.id)
			.where('used_at', 'is', null)
			.executeTakeFirst();
		if (Number(res.numUpdatedRows) !== 1) return false;
		await trx
			.updateTable('app_user')
			.set({ password_hash: hash, password_changed_at: now.toISOString() })
			.where('id', '=', r.user_id)
			.execute();
		await trx.deleteFrom('session').where('user_id', '=', r.user_id).execute();
		await audit(trx, {
			organisationId: r.organisation_id,
			actorId: r.user_id,
			action: 'password_reset.used',
			targetType: 'user',
			targetId: r.user_id
		});
		return true;
	});
	if (!used) throw new InputError('Ce lien a déjà servi : demandez-en un nouveau.', 'token');
	await clearFailures(db, accountKey(r.email));
	const session = await createSession(
		db,
		{ id: r.user_id, organisation_id: r.organisation_id },
		config.sessionDays,
		now
	);
	return { ...session, userId: r.user_id };
}
