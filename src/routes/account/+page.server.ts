import { fail } from '@sveltejs/kit';
import { requireActor } from '$lib/server/auth/guards';
import { changePassword } from '$lib/server/services/auth-service';
import { InputError } from '$lib/server/services/errors';
import { organisationName } from '$lib/server/services/organisation';
import type { Actions, PageServerLoad } from './$types';

const ROLE_LABELS = {
	household: 'Membre d’un ménage',
	adviser: 'Conseiller ou conseillère',
	professional: 'Professionnel formé',
	admin: 'Administrateur'
} as const;

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const organisation = await organisationName(event.locals.db, actor);
	return { me: { name: actor.name, email: actor.email, role: ROLE_LABELS[actor.role], organisation } };
};

export const actions: Actions = {
	password: async (event) => {
		const actor = requireActor(event);
		const form = await event.request.formData();
		try {
			await changePassword(event.locals.db, actor, {
				current: String(form.get('current') ?? ''),
				next: String(form.get('next') ?? ''),
				confirm: String(form.get('confirm') ?? ''),
				keepSessionId: event.locals.session?.id ?? null
			});
			return { passwordChanged: true };
		} catch (e) {
			if (e instanceof InputError) return fail(400, { errors: { [e.field ?? 'next']: e.message } });
			throw e;
		}
	}
};
