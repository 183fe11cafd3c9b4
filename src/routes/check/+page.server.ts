import { requireRole } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'professional', 'adviser', 'admin');
	return {};
};
