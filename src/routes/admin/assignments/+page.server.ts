import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { organisationAssignments, reassignHousehold } from '$lib/server/services/caseload';
import { teamWorkload } from '$lib/server/services/team';
import { InputError, NotFoundError } from '$lib/server/services/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'admin');
	const [assignments, team] = await Promise.all([
		organisationAssignments(event.locals.db, actor),
		teamWorkload(event.locals.db, actor)
	]);
	return { ...assignments, team };
};

export const actions: Actions = {
	reassign: async (event) => {
		const actor = requireRole(event, 'admin');
		const form = await event.request.formData();
		const householdId = Number(form.get('household'));
		const adviserId = Number(form.get('adviser'));
		try {
			await reassignHousehold(event.locals.db, actor, householdId, adviserId);
		} catch (e) {
			if (e instanceof InputError) return fail(400, { householdId, errors: { adviser: e.message } });
			if (e instanceof NotFoundError) return fail(404, { householdId, errors: { household: 'Ménage introuvable.' } });
			throw e;
		}
		return { reassigned: householdId };
	}
};
