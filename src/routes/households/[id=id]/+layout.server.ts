import { requireHousehold } from '$lib/server/auth/guards';
import { householdHeader } from '$lib/server/services/households';
import type { LayoutServerLoad } from './$types';

/** Every page of a household starts here: 404 unless the actor may see this household's data. */
export const load: LayoutServerLoad = async (event) => {
	const scope = requireHousehold(event);
	return { household: await householdHeader(event.locals.db, scope), adviser: scope.relation === 'adviser' };
};
