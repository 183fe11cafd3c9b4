import { fail, redirect } from '@sveltejs/kit';
import { homePath } from '$lib/server/auth/access';
import { sessionCookieOptions } from '$lib/server/auth/cookie';
import { SESSION_COOKIE, validateSession } from '$lib/server/auth/session';
import { InputError } from '$lib/server/services/errors';
import { completePasswordReset, findPasswordReset } from '$lib/server/services/password-reset';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	return { reset: await findPasswordReset(locals.db, params.token) };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		let session: { token: string; expiresAt: string };
		try {
			session = await completePasswordReset(event.locals.db, event.locals.config, {
				token: event.params.token,
				password: String(form.get('password') ?? ''),
				confirm: String(form.get('confirm') ?? '')
			});
		} catch (e) {
			if (e instanceof InputError)
				return fail(400, { errors: { [e.field ?? 'password']: e.message } as Record<string, string> });
			throw e;
		}
		event.cookies.set(SESSION_COOKIE, session.token, sessionCookieOptions(event.url, session.expiresAt));
		const signedIn = await validateSession(event.locals.db, session.token, event.locals.config.sessionDays);
		redirect(303, signedIn ? await homePath(event.locals.db, signedIn.actor) : '/login');
	}
};
