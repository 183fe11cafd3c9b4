import { fail } from '@sveltejs/kit';
import { requireActor } from '$lib/server/auth/guards';
import { changePassword } from '$lib/server/services/auth-service';
import { InputError } from '$lib/server/services/errors';
import type { Actions, PageServerLoad } from './$types';

const ROLE_LABELS = {
	household: 'Membre d’un ménage',
	adviser: 'Conseiller ou conseillère',
	professional: 'Professionnel formé',
	admin: 'Administrateur'
} as const;

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const org = await event.locals.db
		.selectFrom('organisation')
		.select('name')
		.where('id', '=', actor.organisationId)
		.executeTakeFirst();
	return { me: { name: actor.name, email: actor.email, role: ROLE_LABELS[actor.role], organisation: org?.name ?? '' } };
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
