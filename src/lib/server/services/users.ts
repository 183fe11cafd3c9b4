/**
 * Accounts: admins create advisers and professionals (no public sign-up; household members join by
 * invitation, services/invitations.ts).
 */
import type { Db } from '../db';
import type { Role } from '../db/schema';
import { hashPassword, passwordProblem } from '../auth/password';
import type { Actor } from '../auth/session';
import { audit } from './audit';
import { InputError, NotFoundError } from './errors';
import { normaliseEmail } from './auth-service';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(email: string): string {
	const e = normaliseEmail(email);
	if (!EMAIL.test(e) || e.length > 254)
		throw new InputError('Saisissez une adresse e-mail valide (exemple : nom@exemple.fr).', 'email');
	return e;
}

export function checkName(name: string): string {
	const n = name.trim().replace(/\s+/g, ' ');
	if (n.length < 2) throw new InputError('Saisissez un nom (au moins 2 caractères).', 'name');
	if (n.length > 120) throw new InputError('Le nom est trop long (120 caractères au plus).', 'name');
	return n;
}

export interface StaffInput {
	email: string;
	name: string;
	role: Role;
	password: string;
}

/** Creates an adviser, professional or admin in the actor's organisation (admins only). */
export async function createStaffUser(db: Db, actor: Actor, input: StaffInput, now = new Date()): Promise<number> {
	if (actor.role !== 'admin') throw new NotFoundError();
	return createUser(db, actor.organisationId, input, actor.id, now);
}

/** Creates a user in an organisation (CLI and seeds; the web goes through createStaffUser or invitations). */
export async function createUser(
	db: Db,
	organisationId: number,
	input: StaffInput,
	createdBy: number | null,
	now = new Date()
): Promise<number> {
	const email = checkEmail(input.email);
	const name = checkName(input.name);
	if (!['adviser', 'professional', 'admin', 'household'].includes(input.role))
		throw new InputError('Choisissez un rôle.', 'role');
	const problem = await passwordProblem(input.password, { email: input.email, name: input.name });
	if (problem) throw new InputError(problem, 'password');
	const exists = await db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirst();
	if (exists) throw new InputError('Un compte existe déjà avec cette adresse e-mail.', 'email');
	const row = await db
		.insertInto('app_user')
		.values({
			organisation_id: organisationId,
			email,
			name,
			password_hash: await hashPassword(input.password),
			role: input.role,
			active: 1,
			created_at: now.toISOString(),
			password_changed_at: now.toISOString()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await audit(db, {
		organisationId,
		actorId: createdBy,
		action: 'user.created',
		targetType: 'user',
		targetId: row.id,
		details: { role: input.role }
	});
	return row.id;
}

export interface UserRow {
	id: number;
	email: string;
	name: string;
	role: Role;
	active: number;
	created_at: string;
}

export async function listUsers(db: Db, actor: Actor): Promise<UserRow[]> {
	if (actor.role !== 'admin') throw new NotFoundError();
	return db
		.selectFrom('app_user')
		.select(['id', 'email', 'name', 'role', 'active', 'created_at'])
		.where('organisation_id', '=', actor.organisationId)
		.orderBy('role')
		.orderBy('name')
		.execute();
}

/** Deactivates or reactivates a user of the admin's organisation; deactivation ends their sessions. */
export async function setUserActive(db: Db, actor: Actor, userId: number, active: boolean): Promise<void> {
	if (actor.role !== 'admin') throw new NotFoundError();
	if (userId === actor.id) throw new InputError('Vous ne pouvez pas désactiver votre propre compte.', 'user');
	const res = await db
		.updateTable('app_user')
		.set({ active: active ? 1 : 0 })
		.where('id', '=', userId)
		.where('organisation_id', '=', actor.organisationId)
		.executeTakeFirst();
	if (Number(res.numUpdatedRows) !== 1) throw new NotFoundError();
	if (!active) await db.deleteFrom('session').where('user_id', '=', userId).execute();
	await audit(db, {
		organisationId: actor.organisationId,
		actorId: actor.id,
		action: active ? 'user.activated' : 'user.deactivated',
		targetType: 'user',
		targetId: userId
	});
}
