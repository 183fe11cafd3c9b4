import { requireRole } from '$lib/server/auth/guards';
import { adminStats } from '$lib/server/services/organisation';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'admin');
	return { stats: await adminStats(event.locals.db, actor) };
};
