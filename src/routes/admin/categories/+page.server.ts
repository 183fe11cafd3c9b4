import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { addCategory, listAllCategories, renameCategory } from '$lib/server/services/category-admin';
import { ForbiddenError, InputError } from '$lib/server/services/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'admin');
	return {
		categories: await listAllCategories(event.locals.db, actor.organisationId),
		platformAdmin: actor.platformAdmin === true
	};
};

export const actions: Actions = {
	rename: async (event) => {
		const actor = requireRole(event, 'admin');
		const form = await event.request.formData();
		try {
			await renameCategory(event.locals.db, actor, String(form.get('id') ?? ''), String(form.get('label') ?? ''));
			return { saved: String(form.get('id')) };
		} catch (e) {
			if (e instanceof InputError || e instanceof ForbiddenError)
				return fail(400, { renameError: e.message, id: String(form.get('id')) });
			throw e;
		}
	},
	add: async (event) => {
		const actor = requireRole(event, 'admin');
		const form = await event.request.formData();
		const values = {
			id: String(form.get('id') ?? ''),
			label: String(form.get('label') ?? ''),
			group: String(form.get('group') ?? ''),
			kind: String(form.get('kind') ?? '')
		};
		try {
			await addCategory(event.locals.db, actor, values);
			return { added: values.label };
		} catch (e) {
			if (e instanceof ForbiddenError)
				return fail(403, { values, errors: { id: e.message } as Record<string, string> });
			if (e instanceof InputError)
				return fail(400, { values, errors: { [e.field ?? 'id']: e.message } as Record<string, string> });
			throw e;
		}
	}
};
