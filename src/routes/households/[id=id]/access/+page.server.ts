import { fail } from '@sveltejs/kit';
import { may } from '$lib/server/auth/access';
import { requireHousehold } from '$lib/server/auth/guards';
import { householdAccessLog } from '$lib/server/services/access-log';
import { alertSubscription, setAlertSubscription } from '$lib/server/services/alert-mail';
import { InputError } from '$lib/server/services/errors';
import { consentState, setConsent } from '$lib/server/services/membership';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const scope = requireHousehold(event);
	const [entries, consent, alerts] = await Promise.all([
		householdAccessLog(event.locals.db, scope),
		consentState(event.locals.db, scope),
		alertSubscription(event.locals.db, scope)
	]);
	return {
		entries,
		consent,
		alerts,
		isMember: may(scope, 'consent'),
		retentionMonths: event.locals.config.auditRetentionMonths
	};
};

export const actions: Actions = {
	withdraw: async (event) => {
		const scope = requireHousehold(event);
		if (!may(scope, 'consent')) return fail(403, { message: 'Seul un membre du ménage peut arrêter le partage.' });
		try {
			await setConsent(event.locals.db, scope, false);
		} catch (e) {
			if (e instanceof InputError) return fail(400, { message: e.message });
			throw e;
		}
		return { withdrawn: true };
	},
	alerts: async (event) => {
		const scope = requireHousehold(event);
		if (!may(scope, 'consent')) return fail(403, { message: 'Seul un membre du ménage peut choisir ses alertes.' });
		const form = await event.request.formData();
		const on = form.get('on') === '1';
		await setAlertSubscription(event.locals.db, scope, on);
		return { alertsSaved: on };
	}
};
