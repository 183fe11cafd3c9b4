import { fail, redirect } from '@sveltejs/kit';
import { homePath } from '$lib/server/auth/access';
import { sessionCookieOptions } from '$lib/server/auth/cookie';
import { clientIp } from '$lib/server/auth/guards';
import { safeNext } from '$lib/server/auth/redirect';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { login } from '$lib/server/services/auth-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.actor) redirect(303, safeNext(url.searchParams.get('next')) ?? (await homePath(locals.db, locals.actor)));
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const email = form.get('email');
		const password = form.get('password');
		if (typeof email !== 'string' || typeof password !== 'string' || email.trim() === '' || password === '') {
			return fail(400, {
				email: typeof email === 'string' ? email : '',
				message: 'Saisissez votre adresse e-mail et votre mot de passe.'
			});
		}
		const result = await login(event.locals.db, event.locals.config, { email, password, ip: clientIp(event) });
		if (!result.ok) return fail(result.locked ? 429 : 400, { email, message: result.message, locked: result.locked });
		event.cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(event.url, result.expiresAt));
		redirect(303, safeNext(event.url.searchParams.get('next')) ?? (await homePath(event.locals.db, result.actor)));
	}
};
