/**
 * Invitations of household members: the adviser creates one (sent by e-mail, the link also shown once to
 * copy), resends it (a new link, the old one revoked) or revokes it; the person accepts it with a new
 * account, or with the household account they already have. Creating an invitation never tells whether an
 * address has an account. Only someone not signed in as staff may accept, and the acceptance is in the
 * household's access log; it never restores a consent another member withdrew.
 */
import type { Config } from '../config';
import type { Db } from '../db';
import { requirePermission, type HouseholdScope } from '../auth/access';
import { hashPassword, passwordProblem } from '../auth/password';
import { createSession, type Actor } from '../auth/session';
import { hashToken, newToken } from '../auth/tokens';
import { formatDateFr } from '$lib/dates';
import { audit, auditScope } from './audit';
import { InputError, NotFoundError } from './errors';
import { appLink, sendMail } from './mailer';
import { notifyMembersOfNewcomer, recordConsent } from './membership';
import { checkEmail, checkName } from './users';

export interface PendingInvitation {
	id: number;
	email: string;
	name: string;
	createdAt: string;
	expiresAt: string;
	expired: boolean;
}

function expiry(config: Config, now: Date): string {
	return new Date(now.getTime() + config.invitationDays * 86_400_000).toISOString();
}

async function householdName(db: Db, scope: HouseholdScope): Promise<string> {
	const h = await db.selectFrom('household').select('name').where('id', '=', scope.householdId).executeTakeFirst();
	return h?.name ?? '';
}

async function mailInvitation(
	db: Db,
	config: Config,
	scope: HouseholdScope,
	to: { email: string; name: string },
	token: string,
	expiresAt: string,
	now: Date
): Promise<void> {
	const name = await householdName(db, scope);
	await sendMail(
		db,
		config,
		{
			to: to.email,
			organisationId: scope.organisationId,
			purpose: 'invitation',
			subject: 'Votre invitation à BGV',
			text: [
				`Bonjour ${to.name},`,
				'',
				`${scope.actor.name} vous invite à rejoindre le foyer « ${name} » dans BGV, l’outil de suivi du budget de votre association.`,
				`Pour accepter et choisir votre mot de passe, ouvrez ce lien avant le ${formatDateFr(expiresAt.slice(0, 10))} :`,
				appLink(config, `/invitation/${token}`),
				'',
				'Si vous n’attendiez pas ce message, ignorez-le.',
				'',
				'BGV'
			].join('\n')
		},
		now
	);
}

/** The adviser invites a person to join the household; returns the link's token (only its hash is kept). */
export async function inviteMember(
	db: Db,
	config: Config,
	scope: HouseholdScope,
	input: { email: string; name: string },
	now = new Date()
): Promise<{ token: string; expiresAt: string }> {
	requirePermission(scope, 'invite');
	const email = checkEmail(input.email);
	const name = checkName(input.name);
	const token = newToken();
	const expiresAt = expiry(config, now);
	await db
		.insertInto('invitation')
		.values({
			organisation_id: scope.organisationId,
			household_id: scope.householdId,
			token_hash: hashToken(token),
			email,
			name,
			created_by: scope.actor.id as number,
			created_at: now.toISOString(),
			expires_at: expiresAt,
			used_at: null,
			revoked_at: null
		})
		.execute();
	await auditScope(db, scope, { action: 'invitation.created', details: { email } }, now);
	await mailInvitation(db, config, scope, { email, name }, token, expiresAt, now);
	return { token, expiresAt };
}

/** The household's invitations not yet accepted nor revoked (expired ones included, marked). */
export async function pendingInvitations(
	db: Db,
	scope: HouseholdScope,
	now = new Date()
): Promise<PendingInvitation[]> {
	requirePermission(scope, 'invite');
	const rows = await db
		.selectFrom('invitation')
		.select(['id', 'email', 'name', 'created_at', 'expires_at'])
		.where('household_id', '=', scope.householdId)
		.where('used_at', 'is', null)
		.where('revoked_at', 'is', null)
		.orderBy('created_at', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		email: r.email,
		name: r.name,
		createdAt: r.created_at,
		expiresAt: r.expires_at,
		expired: r.expires_at <= now.toISOString()
	}));
}

/** Revokes a pending invitation of the household; returns it, or throws NotFoundError. */
export async function revokeInvitation(db: Db, scope: HouseholdScope, id: number, now = new Date()) {
	requirePermission(scope, 'invite');
	const row = await db
		.updateTable('invitation')
		.set({ revoked_at: now.toISOString() })
		.where('id', '=', id)
		.where('household_id', '=', scope.householdId)
		.where('used_at', 'is', null)
		.where('revoked_at', 'is', null)
		.returning(['email', 'name'])
		.executeTakeFirst();
	if (!row) throw new NotFoundError('Invitation introuvable.');
	await auditScope(db, scope, { action: 'invitation.revoked', targetType: 'invitation', targetId: id }, now);
	return row;
}

/** Sends a new link for a pending invitation (the old link stops working). */
export async function resendInvitation(
	db: Db,
	config: Config,
	scope: HouseholdScope,
	id: number,
	now = new Date()
): Promise<{ token: string; expiresAt: string; email: string }> {
	const old = await revokeInvitation(db, scope, id, now);
	const fresh = await inviteMember(db, config, scope, old, now);
	return { ...fresh, email: old.email };
}

export interface InvitationView {
	id: number;
	email: string;
	name: string;
	householdName: string;
	/** nobody has joined the household yet: the person decides about sharing with the adviser */
	firstMember: boolean;
}

/** The pending invitation behind a link token, or null if unknown, used, revoked or expired. */
export async function findInvitation(db: Db, token: string, now = new Date()): Promise<InvitationView | null> {
	const row = await db
		.selectFrom('invitation')
		.innerJoin('household', 'household.id', 'invitation.household_id')
		.select((eb) => [
			'invitation.id',
			'invitation.email',
			'invitation.name',
			'household.name as householdName',
			eb
				.not(
					eb.exists(
						eb
							.selectFrom('household_member as m')
							.select('m.user_id')
							.whereRef('m.household_id', '=', 'invitation.household_id')
					)
				)
				.as('firstMember')
		])
		.where('invitation.token_hash', '=', hashToken(token))
		.where('invitation.used_at', 'is', null)
		.where('invitation.revoked_at', 'is', null)
		.where('invitation.expires_at', '>', now.toISOString())
		.executeTakeFirst();
	return row ? { ...row, firstMember: Boolean(row.firstMember) } : null;
}

export interface AcceptInput {
	token: string;
	password: string;
	confirm: string;
	shareWithAdviser: boolean;
	/** who is signed in on this browser, if anyone */
	signedIn: Actor | null;
}

export interface Accepted {
	actor: Actor;
	/** a new session when a new account was created (the person signed in already keeps theirs) */
	session: { token: string; expiresAt: string } | null;
	householdId: number;
	/** the sharing choice was left to the members already there */
	consentLeftToMembers: boolean;
}

const STALE = "Ce lien d'invitation n'est plus valable. Demandez-en un nouveau à votre conseiller.";

/** Marks the invitation used (once) and returns it, inside the transaction. */
async function claimInvitation(trx: Db, token: string, nowIso: string) {
	const inv = await trx
		.selectFrom('invitation')
		.selectAll()
		.where('token_hash', '=', hashToken(token))
		.where('used_at', 'is', null)
		.where('revoked_at', 'is', null)
		.where('expires_at', '>', nowIso)
		.executeTakeFirst();
	if (!inv) throw new InputError(STALE, 'token');
	const used = await trx
		.updateTable('invitation')
		.set({ used_at: nowIso })
		.where('id', '=', inv.id)
		.where('used_at', 'is', null)
		.executeTakeFirst();
	if (Number(used.numUpdatedRows) !== 1) throw new InputError("Ce lien d'invitation a déjà été utilisé.", 'token');
	return inv;
}

/** The member's account: the signed-in household account of that address, or a new one. */
async function memberAccount(
	trx: Db,
	inv: { email: string; name: string; organisation_id: number },
	input: AcceptInput,
	passwordHash: string | null,
	nowIso: string
) {
	const existing = await trx
		.selectFrom('app_user')
		.select(['id', 'role'])
		.where('email', '=', inv.email)
		.executeTakeFirst();
	if (existing) {
		if (input.signedIn?.id === existing.id && existing.role === 'household') return { id: existing.id, created: false };
		throw new InputError(
			'Cette adresse a déjà un compte BGV : connectez-vous avec, puis ouvrez de nouveau ce lien.',
			'token'
		);
	}
	const problem = await passwordProblem(input.password, { email: inv.email, name: inv.name });
	if (problem) throw new InputError(problem, 'password');
	if (input.password !== input.confirm)
		throw new InputError('Les deux mots de passe ne sont pas identiques.', 'confirm');
	if (!passwordHash) throw new InputError('Choisissez un mot de passe.', 'password');
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
		.returning('id')
		.executeTakeFirstOrThrow();
	return { id: user.id, created: true };
}

/**
 * Accepts an invitation: the person joins the household (with a new account, or the household account they
 * are signed in with). The first member decides whether to share with the adviser; when members are already
 * there, their choice stands. The other members are told by e-mail.
 */
export async function acceptInvitation(
	db: Db,
	config: Config,
	input: AcceptInput,
	now = new Date()
): Promise<Accepted> {
	if (input.signedIn && input.signedIn.role !== 'household')
		throw new InputError(
			'Vous êtes connecté avec un compte d’équipe : déconnectez-vous, puis ouvrez de nouveau ce lien.',
			'token'
		);
	const nowIso = now.toISOString();
	// Hashed before the transaction: argon2 takes tens of milliseconds, the write lock should not wait for it.
	const passwordHash = input.password ? await hashPassword(input.password) : null;
	const result = await db.transaction().execute(async (trx) => {
		const inv = await claimInvitation(trx, input.token, nowIso);
		const account = await memberAccount(trx, inv, input, passwordHash, nowIso);
		const others = await trx
			.selectFrom('household_member')
			.select('user_id')
			.where('household_id', '=', inv.household_id)
			.execute();
		if (!others.some((o) => o.user_id === account.id))
			await trx
				.insertInto('household_member')
				.values({
					household_id: inv.household_id,
					user_id: account.id,
					organisation_id: inv.organisation_id,
					created_at: nowIso
				})
				.execute();
		const first = others.length === 0;
		if (first && input.shareWithAdviser)
			await recordConsent(trx, inv.household_id, inv.organisation_id, account.id, now);
		await audit(trx, {
			organisationId: inv.organisation_id,
			actorId: account.id,
			householdId: inv.household_id,
			action: 'invitation.accepted',
			targetType: 'invitation',
			targetId: inv.id,
			details: { newAccount: account.created }
		});
		const user = await trx
			.selectFrom('app_user')
			.select(['id', 'organisation_id', 'email', 'name', 'role'])
			.where('id', '=', account.id)
			.executeTakeFirstOrThrow();
		const household = await trx
			.selectFrom('household')
			.select(['id', 'name'])
			.where('id', '=', inv.household_id)
			.executeTakeFirstOrThrow();
		return { user, created: account.created, first, household: { ...household, organisationId: inv.organisation_id } };
	});
	const actor: Actor = {
		id: result.user.id,
		organisationId: result.user.organisation_id,
		email: result.user.email,
		name: result.user.name,
		role: result.user.role
	};
	await notifyMembersOfNewcomer(db, config, result.household, { id: actor.id, name: actor.name }, now);
	const session = result.created ? await createSession(db, result.user, config.sessionDays, now) : null;
	return { actor, session, householdId: result.household.id, consentLeftToMembers: !result.first };
}
