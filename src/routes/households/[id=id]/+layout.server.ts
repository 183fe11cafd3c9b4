import { error } from '@sveltejs/kit';
import { requireHousehold } from '$lib/server/auth/guards';
import type { LayoutServerLoad } from './$types';

/** Every page of a household starts here: 404 unless the actor may see this household. */
export const load: LayoutServerLoad = async (event) => {
	const { householdId } = await requireHousehold(event);
	const household = await event.locals.db
		.selectFrom('household')
		.select(['id', 'name'])
		.where('id', '=', householdId)
		.executeTakeFirst();
	if (!household) error(404, 'Page introuvable');
	return { household };
};
