import { requireHousehold } from '$lib/server/auth/guards';
import { planFeeLetter } from '$lib/server/services/plan-letter';
import type { PageServerLoad } from './$types';

/** The fee letter, ready to print, opened from the plan. */
export const load: PageServerLoad = async (event) => {
	const scope = requireHousehold(event, 'read');
	return { letter: await planFeeLetter(event.locals.db, scope) };
};
