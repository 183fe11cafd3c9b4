import { error } from '@sveltejs/kit';
import { requireHousehold } from '$lib/server/auth/guards';
import { NotFoundError } from '$lib/server/services/errors';
import { planDebitLetter } from '$lib/server/services/plan-debit-letter';
import type { PageServerLoad } from './$types';

/** The letter asking a creditor to take a direct debit after the income day, opened from the plan. */
export const load: PageServerLoad = async (event) => {
	const scope = requireHousehold(event, 'read');
	const series = event.url.searchParams.get('serie') ?? '';
	try {
		return { letter: await planDebitLetter(event.locals.db, scope, series), series };
	} catch (e) {
		if (e instanceof NotFoundError) error(404, e.message);
		throw e;
	}
};
