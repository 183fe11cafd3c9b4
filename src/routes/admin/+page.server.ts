import { requireRole } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'admin');
	const db = event.locals.db;
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
		stats: {
			advisers: byRole.adviser ?? 0,
			professionals: byRole.professional ?? 0,
			admins: byRole.admin ?? 0,
			householdMembers: byRole.household ?? 0,
			households: Number(households.n),
			categories: Number(categories.n)
		}
	};
};
