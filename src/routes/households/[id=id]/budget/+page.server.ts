import { requireHousehold } from '$lib/server/auth/guards';
import { householdBudget } from '$lib/server/services/budget-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const scope = requireHousehold(event);
	return { view: await householdBudget(event.locals.db, scope, event.url.searchParams.get('month')) };
};
