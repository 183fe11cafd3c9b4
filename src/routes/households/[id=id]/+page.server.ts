import { fail } from '@sveltejs/kit';
import { may } from '$lib/server/auth/access';
import { requireHousehold } from '$lib/server/auth/guards';
import { householdOverview, setConsent } from '$lib/server/services/households';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const scope = requireHousehold(event);
	const overview = await householdOverview(event.locals.db, scope);
	return { overview, isMember: may(scope, 'consent') };
};

export const actions: Actions = {
	consent: async (event) => {
		const scope = requireHousehold(event);
		if (!may(scope, 'consent')) return fail(403, { message: 'Seul un membre du ménage peut modifier ce choix.' });
		const form = await event.request.formData();
		const give = form.get('give') === '1';
		await setConsent(event.locals.db, scope, give);
		return { consentSaved: give ? 'given' : 'withdrawn' };
	}
};
