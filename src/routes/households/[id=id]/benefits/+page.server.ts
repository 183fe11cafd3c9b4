import { fail } from '@sveltejs/kit';
import { today } from '$lib/dates';
import { requireHousehold } from '$lib/server/auth/guards';
import { nonRecoursSummary } from '$lib/server/benefits';
import type { AlertStatus } from '$lib/server/db/schema';
import {
	ALERT_STATUSES,
	evaluateHousehold,
	listBenefitAlerts,
	loadProfile,
	saveProfile,
	setAlertStatus
} from '$lib/server/services/benefits-service';
import { InputError } from '$lib/server/services/errors';
import { profileFromForm, valuesFromProfile } from '$lib/server/services/profile-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const scope = requireHousehold(event);
	const db = event.locals.db;
	const [profile, alerts] = await Promise.all([loadProfile(db, scope), listBenefitAlerts(db, scope)]);
	const result = profile ? await evaluateHousehold(db, scope) : null;
	return {
		values: profile ? valuesFromProfile(profile) : {},
		hasProfile: profile !== null,
		result,
		summary: result ? nonRecoursSummary(result) : null,
		alerts
	};
};

export const actions: Actions = {
	profile: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		const q = profileFromForm(form, today().slice(0, 7));
		if (!q.profile) return fail(400, { values: q.values, errors: q.errors });
		try {
			await saveProfile(event.locals.db, scope, q.profile);
		} catch (e) {
			if (e instanceof InputError)
				return fail(400, { values: q.values, errors: { form: e.message } as Record<string, string> });
			throw e;
		}
		return { saved: true };
	},
	alert: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		const status = String(form.get('status') ?? '') as AlertStatus;
		if (!ALERT_STATUSES.includes(status))
			return fail(400, { errors: { alert: 'État inconnu.' } as Record<string, string> });
		try {
			await setAlertStatus(event.locals.db, scope, Number(form.get('alert')), status);
		} catch (e) {
			if (e instanceof InputError) return fail(404, { errors: { alert: e.message } as Record<string, string> });
			throw e;
		}
		return { saved: true };
	}
};
