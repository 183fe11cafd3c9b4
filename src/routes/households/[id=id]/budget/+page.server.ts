import { requireHousehold } from '$lib/server/auth/guards';
import { householdBudget } from '$lib/server/services/budget-service';
import { householdProfileGaps } from '$lib/server/services/case-notes-profile';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const scope = requireHousehold(event);
	const [view, profileGaps] = await Promise.all([
		householdBudget(event.locals.db, scope, event.url.searchParams.get('month')),
		householdProfileGaps(event.locals.db, scope)
	]);
	return { view, profileGaps };
};
