/** What a signed-in person sees of their organisation: its name, and for admins its counts. */
import type { Db } from '../db';
import type { Actor } from '../auth/session';
import { NotFoundError } from './errors';

export async function organisationName(db: Db, actor: Actor): Promise<string> {
	const org = await db
		.selectFrom('organisation')
		.select('name')
		.where('id', '=', actor.organisationId)
		.executeTakeFirst();
	return org?.name ?? '';
}

export interface AdminStats {
	advisers: number;
	professionals: number;
	admins: number;
	householdMembers: number;
	households: number;
	categories: number;
}

/** The admin's home page: the organisation's users by role, its households, the shared categories. */
export async function adminStats(db: Db, actor: Actor): Promise<AdminStats> {
	if (actor.role !== 'admin') throw new NotFoundError();
	const [users, households, categories] = await Promise.all([
		db
			.selectFrom('app_user')
			.select(['role', (eb) => eb.fn.countAll<number>().as('n')])
			.where('organisation_id', '=', actor.organisationId)
			.groupBy('role')
			.execute(),
		db
			.selectFrom('household')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('organisation_id', '=', actor.organisationId)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('category')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow()
	]);
	const byRole = Object.fromEntries(users.map((u) => [u.role, Number(u.n)]));
	return {
		advisers: byRole.adviser ?? 0,
		professionals: byRole.professional ?? 0,
		admins: byRole.admin ?? 0,
		householdMembers: byRole.household ?? 0,
		households: Number(households.n),
		categories: Number(categories.n)
	};
}
