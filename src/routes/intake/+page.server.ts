import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { InputError, NotFoundError } from '$lib/server/services/errors';
import { acceptReferral, closeReferral, INTAKE_ROLES, intakeQueue } from '$lib/server/services/intake';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, ...INTAKE_ROLES);
	return { ...(await intakeQueue(event.locals.db, actor)), mayAccept: actor.role === 'adviser' };
};

function failure(e: unknown, id: number) {
	if (e instanceof InputError) return fail(400, { id, errors: { [e.field ?? 'id']: e.message } });
	if (e instanceof NotFoundError) error(404, 'Demande introuvable');
	throw e;
}

export const actions: Actions = {
	accept: async (event) => {
		const actor = requireRole(event, ...INTAKE_ROLES);
		const form = await event.request.formData();
		const id = Number(form.get('id'));
		try {
			await acceptReferral(event.locals.db, event.locals.config, actor, id);
		} catch (e) {
			return failure(e, id);
		}
		// the household just taken up needs no action flagged yet: show it among all the adviser's households
		redirect(303, `/caseload?vue=tous`);
	},
	close: async (event) => {
		const actor = requireRole(event, ...INTAKE_ROLES);
		const form = await event.request.formData();
		const id = Number(form.get('id'));
		try {
			await closeReferral(event.locals.db, actor, id, String(form.get('reason') ?? ''));
		} catch (e) {
			return failure(e, id);
		}
		return { closed: id };
	}
};
