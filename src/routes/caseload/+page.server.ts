import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { InputError } from '$lib/server/services/errors';
import { createHousehold } from '$lib/server/services/households';
import { caseloadPage } from '$lib/server/services/caseload';
import { LEVEL_LABELS, parseCaseloadQuery, SORT_LABELS } from '$lib/server/services/caseload-view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'adviser');
	const filters = parseCaseloadQuery(event.url.searchParams);
	const page = await caseloadPage(event.locals.db, actor, filters);
	return { ...page, filters, levelLabels: LEVEL_LABELS, sortLabels: SORT_LABELS };
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireRole(event, 'adviser');
		const form = await event.request.formData();
		const name = String(form.get('name') ?? '');
		const situation = String(form.get('situation') ?? '');
		try {
			const id = await createHousehold(event.locals.db, {
				organisationId: actor.organisationId,
				name,
				situation,
				adviserId: actor.id,
				actorId: actor.id
			});
			redirect(303, `/caseload/${id}/invite`);
		} catch (e) {
			if (e instanceof InputError)
				return fail(400, { values: { name, situation }, errors: { [e.field ?? 'name']: e.message } });
			throw e;
		}
	}
};
