import { fail, redirect } from '@sveltejs/kit';
import { today } from '$lib/dates';
import { requireHousehold } from '$lib/server/auth/guards';
import { saveProfile } from '$lib/server/services/benefits-service';
import { InputError } from '$lib/server/services/errors';
import { profileFromForm } from '$lib/server/services/profile-form';
import { shortProfileDraft } from '$lib/server/services/profile-draft';
import type { Actions, PageServerLoad } from './$types';

/** The short profile: eight questions, their answers drafted from the statements. */
export const load: PageServerLoad = async (event) => {
	const scope = requireHousehold(event, 'write');
	return { draft: await shortProfileDraft(event.locals.db, scope) };
};

export const actions: Actions = {
	default: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		const q = profileFromForm(form, today().slice(0, 7));
		if (!q.profile) return fail(400, { values: q.values, errors: q.errors });
		try {
			await saveProfile(event.locals.db, scope, q.profile);
		} catch (e) {
			if (e instanceof InputError)
				return fail(400, { values: q.values, errors: { form: e.message } as Record<string, string> });
			throw e;
		}
		redirect(303, `/households/${scope.householdId}?profil=enregistre`);
	}
};
