import { fail } from '@sveltejs/kit';
import { requireHousehold } from '$lib/server/auth/guards';
import { householdOverview, setConsent } from '$lib/server/services/households';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, householdId } = await requireHousehold(event);
	const overview = await householdOverview(event.locals.db, actor, householdId);
	return { overview, isMember: actor.role === 'household' };
};

export const actions: Actions = {
	consent: async (event) => {
		const { actor, householdId } = await requireHousehold(event);
		if (actor.role !== 'household') return fail(403, { message: 'Seul un membre du ménage peut modifier ce choix.' });
		const form = await event.request.formData();
		const give = form.get('give') === '1';
		await setConsent(event.locals.db, actor, householdId, give);
		return { consentSaved: give ? 'given' : 'withdrawn' };
	}
};
