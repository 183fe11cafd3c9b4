import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { InputError, NotFoundError } from '$lib/server/services/errors';
import { inviteMember } from '$lib/server/services/users';
import type { Actions, PageServerLoad } from './$types';

async function assignedHousehold(event: { locals: App.Locals; url: URL; params: { id: string } }) {
	const actor = requireRole(event, 'adviser');
	const household = await event.locals.db
		.selectFrom('household')
		.innerJoin('adviser_assignment', 'adviser_assignment.household_id', 'household.id')
		.select(['household.id', 'household.name'])
		.where('household.id', '=', Number(event.params.id))
		.where('adviser_assignment.adviser_id', '=', actor.id)
		.where('household.organisation_id', '=', actor.organisationId)
		.executeTakeFirst();
	if (!household) error(404, 'Page introuvable');
	return { actor, household };
}

export const load: PageServerLoad = async (event) => {
	const { household } = await assignedHousehold(event);
	return { household };
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, household } = await assignedHousehold(event);
		const form = await event.request.formData();
		const email = String(form.get('email') ?? '');
		const name = String(form.get('name') ?? '');
		try {
			const { token, expiresAt } = await inviteMember(event.locals.db, event.locals.config, actor, {
				householdId: household.id,
				email,
				name
			});
			return { link: `${event.url.origin}/invitation/${token}`, expiresAt, email };
		} catch (e) {
			if (e instanceof InputError)
				return fail(400, { values: { email, name }, errors: { [e.field ?? 'email']: e.message } });
			if (e instanceof NotFoundError) error(404, 'Page introuvable');
			throw e;
		}
	}
};
