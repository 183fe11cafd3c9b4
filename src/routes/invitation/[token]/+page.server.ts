import { fail, redirect } from '@sveltejs/kit';
import { sessionCookieOptions } from '$lib/server/auth/cookie';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { acceptInvitation, findInvitation } from '$lib/server/services/auth-service';
import { InputError } from '$lib/server/services/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const invitation = await findInvitation(locals.db, params.token);
	return {
		invitation: invitation
			? { name: invitation.name, email: invitation.email, householdName: invitation.householdName }
			: null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		try {
			const result = await acceptInvitation(event.locals.db, event.locals.config, {
				token: event.params.token,
				password: String(form.get('password') ?? ''),
				confirm: String(form.get('confirm') ?? ''),
				shareWithAdviser: form.get('share') === 'on'
			});
			event.cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(event.url, result.expiresAt));
			redirect(303, `/households/${result.householdId}`);
		} catch (e) {
			if (e instanceof InputError) return fail(400, { errors: { [e.field ?? 'password']: e.message } });
			throw e;
		}
	}
};
