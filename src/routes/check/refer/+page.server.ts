import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { CHECK_ROLES } from '$lib/server/services/quick-check';
import { referFromCheck, referralConsentText, referralOrganisations } from '$lib/server/services/referrals';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, ...CHECK_ROLES);
	return {
		organisations: await referralOrganisations(event.locals.db),
		consentText: referralConsentText(event.locals.config.referralKeepDays)
	};
};

export const actions: Actions = {
	/**
	 * Posted with the check's answers: first from the result page (`step` absent: shows the form), then with
	 * the referral's fields (`step=send`). Nothing is written unless the person's consent is ticked.
	 */
	default: async (event) => {
		const actor = requireRole(event, ...CHECK_ROLES);
		const form = await event.request.formData();
		const send = form.get('step') === 'send';
		const r = await referFromCheck(event.locals.db, event.locals.config, actor, form, send);
		if (r.id !== null) redirect(303, '/check/referrals?envoyee=1');
		// the consent box is never shown ticked again: the person agrees anew
		const fields = { ...r.fields, consent: false };
		const data = {
			values: r.values,
			fields,
			benefits: r.benefits,
			month: r.month,
			checked: r.checked,
			errors: r.errors
		};
		return Object.keys(r.errors).length > 0 ? fail(400, data) : data;
	}
};
