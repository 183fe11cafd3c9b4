import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { InputError } from '$lib/server/services/errors';
import { createHousehold } from '$lib/server/services/households';
import { caseloadPage } from '$lib/server/services/caseload';
import { LEVEL_LABELS, parseCaseloadQuery, SORT_LABELS } from '$lib/server/services/caseload-view';
import type { Actions, PageServerLoad } from './$types';

/** Households listed per page. */
const PAGE_SIZE = 50;

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'adviser');
	const filters = parseCaseloadQuery(event.url.searchParams);
	const requested = Number(event.url.searchParams.get('page'));
	// At most PAGE_SIZE households at a time, the most pressing first (the list's order): the service filters,
	// counts and sorts them all, and builds only those of the page.
	const page = await caseloadPage(event.locals.db, actor, filters, new Date(), {
		page: Number.isSafeInteger(requested) && requested >= 1 ? requested : 1,
		size: PAGE_SIZE
	});
	// Only what the list shows goes into the page (its data is serialised for hydration): at 500 households,
	// the stored signals' texts doubled the page's weight and its rendering time.
	const pageNo = page.page;
	const pages = Math.max(1, Math.ceil(page.matching / PAGE_SIZE));
	const entries = page.entries.map((e) => ({
		id: e.id,
		name: e.name,
		situation: e.situation,
		consent: e.consent,
		members: e.members,
		reasons: e.reasons,
		level: e.level,
		daysOverdrawn: e.daysOverdrawn,
		firstOverdraft: e.firstOverdraft,
		fees3m: e.fees3m,
		rejected3m: e.rejected3m,
		benefitsCount: e.benefitsCount,
		benefitsYearly: e.benefitsYearly,
		plan: e.plan,
		daysSinceImport: e.daysSinceImport,
		nextAppointment: e.nextAppointment
	}));
	return {
		...page,
		entries,
		pageNo,
		pages,
		first: (pageNo - 1) * PAGE_SIZE + 1,
		filters,
		levelLabels: LEVEL_LABELS,
		sortLabels: SORT_LABELS
	};
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireRole(event, 'adviser');
		const form = await event.request.formData();
		const name = String(form.get('name') ?? '');
		const situation = String(form.get('situation') ?? '');
		try {
			const id = await createHousehold(event.locals.db, {
				organisationId: actor.organisationId,
				name,
				situation,
				adviserId: actor.id,
				actorId: actor.id
			});
			redirect(303, `/caseload/${id}/invite`);
		} catch (e) {
			if (e instanceof InputError)
				return fail(400, { values: { name, situation }, errors: { [e.field ?? 'name']: e.message } });
			throw e;
		}
	}
};
