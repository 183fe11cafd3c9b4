import { fail } from '@sveltejs/kit';
import { requestPasswordReset } from '$lib/server/services/password-reset';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ hours: locals.config.resetLinkHours });

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const email = String(form.get('email') ?? '').trim();
		if (!email.includes('@')) return fail(400, { email, error: 'Saisissez votre adresse e-mail.' });
		await requestPasswordReset(event.locals.db, event.locals.config, email);
		// The same answer whether or not the address has an account.
		return { sent: true };
	}
};
