import { requireRole } from '$lib/server/auth/guards';
import { CHECK_ROLES } from '$lib/server/services/quick-check';
import { myReferrals } from '$lib/server/services/referrals';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, ...CHECK_ROLES);
	return { referrals: await myReferrals(event.locals.db, actor), sent: event.url.searchParams.has('envoyee') };
};
