import { fail } from '@sveltejs/kit';
import { today } from '$lib/dates';
import { requireHousehold } from '$lib/server/auth/guards';
import { loadProfile, saveProfile } from '$lib/server/services/benefits-service';
import { addCaseEntry, caseFile, MAX_STEPS, setStepDone } from '$lib/server/services/case-notes';
import { profileGaps } from '$lib/server/services/case-notes-profile';
import { householdSignals } from '$lib/server/services/household-fragility';
import { addSignalFollowup, signalFollowups } from '$lib/server/services/signal-followups';
import { InputError, NotFoundError } from '$lib/server/services/errors';
import { profileFromForm, valuesFromProfile } from '$lib/server/services/profile-form';
import type { Actions, PageServerLoad } from './$types';

/** The adviser's case file: 404 for anyone but the household's adviser with consent (members included). */
export const load: PageServerLoad = async (event) => {
	const scope = requireHousehold(event, 'casefile');
	const db = event.locals.db;
	const [file, profile, signals, followups] = await Promise.all([
		caseFile(db, scope),
		loadProfile(db, scope),
		householdSignals(db, scope, today()),
		signalFollowups(db, scope)
	]);
	return {
		file,
		signals,
		followups,
		gaps: profileGaps(profile),
		profileValues: profile ? valuesFromProfile(profile) : {},
		hasProfile: profile !== null
	};
};

function text(form: FormData, name: string): string {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
}

export const actions: Actions = {
	entry: async (event) => {
		const scope = requireHousehold(event, 'casefile');
		const form = await event.request.formData();
		const values: Record<string, string> = {};
		for (const k of ['date', 'kind', 'body']) values[k] = text(form, k);
		const steps: { text: string; dueDate: string }[] = [];
		for (let n = 1; n <= MAX_STEPS; n++) {
			values[`stepText${n}`] = text(form, `stepText${n}`);
			values[`stepDue${n}`] = text(form, `stepDue${n}`);
			if (values[`stepText${n}`].trim() || values[`stepDue${n}`].trim())
				steps.push({ text: values[`stepText${n}`], dueDate: values[`stepDue${n}`] });
		}
		try {
			await addCaseEntry(event.locals.db, scope, {
				date: values.date,
				kind: values.kind,
				body: values.body,
				steps
			});
		} catch (e) {
			if (e instanceof InputError)
				return fail(400, { entry: true, values, errors: { [e.field ?? 'body']: e.message } });
			throw e;
		}
		return { entrySaved: true };
	},
	step: async (event) => {
		const scope = requireHousehold(event, 'casefile');
		const form = await event.request.formData();
		try {
			await setStepDone(event.locals.db, scope, Number(form.get('step')), form.get('done') === '1');
		} catch (e) {
			if (e instanceof NotFoundError) return fail(404, { stepError: e.message });
			throw e;
		}
		return { stepSaved: true };
	},
	followup: async (event) => {
		const scope = requireHousehold(event, 'casefile');
		const form = await event.request.formData();
		const signal = text(form, 'signal');
		const body = text(form, 'body');
		try {
			await addSignalFollowup(event.locals.db, scope, { signal, body });
		} catch (e) {
			if (e instanceof InputError) return fail(400, { followup: signal, body, followupError: e.message });
			throw e;
		}
		return { followupSaved: signal };
	},
	profile: async (event) => {
		const scope = requireHousehold(event, 'casefile');
		const form = await event.request.formData();
		const q = profileFromForm(form, today().slice(0, 7));
		if (!q.profile) return fail(400, { profile: true, profileValues: q.values, errors: q.errors });
		try {
			await saveProfile(event.locals.db, scope, q.profile);
		} catch (e) {
			if (e instanceof InputError)
				return fail(400, { profile: true, profileValues: q.values, errors: { form: e.message } });
			throw e;
		}
		return { profileSaved: true };
	}
};
