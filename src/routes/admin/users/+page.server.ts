import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import type { Role } from '$lib/server/db/schema';
import { InputError, NotFoundError } from '$lib/server/services/errors';
import { createStaffUser, listUsers, setUserActive } from '$lib/server/services/users';
import { resetStaffPassword } from '$lib/server/services/password-reset';
import type { Actions, PageServerLoad } from './$types';

const STAFF_ROLES: Role[] = ['adviser', 'professional', 'admin'];

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'admin');
	return { users: await listUsers(event.locals.db, actor), me: actor.id };
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireRole(event, 'admin');
		const form = await event.request.formData();
		const values = {
			email: String(form.get('email') ?? ''),
			name: String(form.get('name') ?? ''),
			role: String(form.get('role') ?? '') as Role
		};
		if (!STAFF_ROLES.includes(values.role)) {
			return fail(400, {
				values,
				errors: { role: 'Choisissez un rôle : conseiller, professionnel ou administrateur.' } as Record<string, string>
			});
		}
		try {
			await createStaffUser(event.locals.db, actor, { ...values, password: String(form.get('password') ?? '') });
			return { created: values.email };
		} catch (e) {
			if (e instanceof InputError)
				return fail(400, { values, errors: { [e.field ?? 'email']: e.message } as Record<string, string> });
			throw e;
		}
	},
	toggle: async (event) => {
		const actor = requireRole(event, 'admin');
		const form = await event.request.formData();
		const userId = Number(form.get('user'));
		try {
			await setUserActive(event.locals.db, actor, userId, form.get('active') === '1');
			return { toggled: true };
		} catch (e) {
			if (e instanceof InputError) return fail(400, { toggleError: e.message });
			if (e instanceof NotFoundError) return fail(404, { toggleError: 'Utilisateur introuvable.' });
			throw e;
		}
	},
	reset: async (event) => {
		const actor = requireRole(event, 'admin');
		const form = await event.request.formData();
		try {
			const r = await resetStaffPassword(event.locals.db, event.locals.config, actor, Number(form.get('user')));
			return { resetLink: `${event.url.origin}/login/reset/${r.token}`, resetFor: r.email, resetUntil: r.expiresAt };
		} catch (e) {
			if (e instanceof NotFoundError) return fail(404, { toggleError: 'Utilisateur introuvable.' });
			throw e;
		}
	}
};
