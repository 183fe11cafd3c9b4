import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { InputError, NotFoundError } from '$lib/server/services/errors';
import { eraseHousehold, organisationHouseholds } from '$lib/server/services/household-erasure';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'admin');
	const households = await organisationHouseholds(event.locals.db, actor, event.locals.config.retentionMonths);
	const eraseId = Number(event.url.searchParams.get('erase'));
	return {
		households,
		retentionMonths: event.locals.config.retentionMonths,
		confirm: households.find((h) => h.id === eraseId) ?? null
	};
};

export const actions: Actions = {
	erase: async (event) => {
		const actor = requireRole(event, 'admin');
		const form = await event.request.formData();
		const householdId = Number(form.get('household'));
		const confirmation = String(form.get('confirmation') ?? '');
		try {
			const r = await eraseHousehold(event.locals.db, { actor, confirmation }, householdId);
			return { erased: r.householdId };
		} catch (e) {
			if (e instanceof InputError)
				return fail(400, { householdId, errors: { confirmation: e.message } as Record<string, string> });
			if (e instanceof NotFoundError) return fail(404, { householdId, notFound: 'Ce ménage n’existe pas.' });
			throw e;
		}
	}
};
