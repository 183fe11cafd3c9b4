import { fail } from '@sveltejs/kit';
import { requireHousehold } from '$lib/server/auth/guards';
import { InputError } from '$lib/server/services/errors';
import { householdHeader } from '$lib/server/services/households';
import { inviteMember } from '$lib/server/services/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const scope = requireHousehold(event, 'invite');
	return { household: await householdHeader(event.locals.db, scope) };
};

export const actions: Actions = {
	default: async (event) => {
		const scope = requireHousehold(event, 'invite');
		const form = await event.request.formData();
		const email = String(form.get('email') ?? '');
		const name = String(form.get('name') ?? '');
		try {
			const { token, expiresAt } = await inviteMember(event.locals.db, event.locals.config, scope, { email, name });
			return { link: `${event.url.origin}/invitation/${token}`, expiresAt, email };
		} catch (e) {
			if (e instanceof InputError)
				return fail(400, { values: { email, name }, errors: { [e.field ?? 'email']: e.message } });
			throw e;
		}
	}
};
