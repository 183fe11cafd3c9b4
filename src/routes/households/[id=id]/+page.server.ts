import { fail } from '@sveltejs/kit';
import { may } from '$lib/server/auth/access';
import { requireHousehold } from '$lib/server/auth/guards';
import { InputError, NotFoundError } from '$lib/server/services/errors';
import { householdProfileGaps } from '$lib/server/services/case-notes-profile';
import { householdOverview } from '$lib/server/services/households';
import { householdPlan } from '$lib/server/services/plan';
import { consentState, listMembers, removeMember, setConsent } from '$lib/server/services/membership';
import type { Actions, PageServerLoad } from './$types';

const OVERVIEW_ACTIONS = 3;

export const load: PageServerLoad = async (event) => {
	const scope = requireHousehold(event);
	const db = event.locals.db;
	const [overview, members, consent, profileGaps, plan] = await Promise.all([
		householdOverview(db, scope),
		listMembers(db, scope),
		consentState(db, scope),
		householdProfileGaps(db, scope),
		may(scope, 'read') ? householdPlan(db, scope) : null
	]);
	// the overview shows the first actions only; the plan page has the rest
	const planTop = plan ? { first: plan.actions.slice(0, OVERVIEW_ACTIONS), count: plan.actions.length } : null;
	return { overview, members, consent, profileGaps, plan: planTop, isMember: may(scope, 'consent') };
};

export const actions: Actions = {
	consent: async (event) => {
		const scope = requireHousehold(event);
		if (!may(scope, 'consent')) return fail(403, { message: 'Seul un membre du ménage peut modifier ce choix.' });
		const form = await event.request.formData();
		const give = form.get('give') === '1';
		try {
			await setConsent(event.locals.db, scope, give);
		} catch (e) {
			if (e instanceof InputError) return fail(400, { message: e.message });
			throw e;
		}
		return { consentSaved: give ? 'given' : 'withdrawn' };
	},
	removeMember: async (event) => {
		const scope = requireHousehold(event);
		if (!may(scope, 'consent')) return fail(403, { message: 'Seul un membre du ménage peut retirer un membre.' });
		const form = await event.request.formData();
		try {
			await removeMember(event.locals.db, scope, Number(form.get('member')));
		} catch (e) {
			if (e instanceof InputError || e instanceof NotFoundError) return fail(400, { message: e.message });
			throw e;
		}
		return { memberRemoved: true };
	}
};
