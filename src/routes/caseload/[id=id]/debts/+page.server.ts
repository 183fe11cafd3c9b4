import { error, fail } from '@sveltejs/kit';
import { requireHousehold } from '$lib/server/auth/guards';
import { InputError, NotFoundError } from '$lib/server/services/errors';
import { householdHeader } from '$lib/server/services/households';
import {
	addDebt,
	confirmSuggestion,
	debtFromForm,
	debtSuggestions,
	deleteDebt,
	DEBT_KIND_OPTIONS,
	DEBT_STATUS_OPTIONS,
	dismissSuggestion,
	listDebts,
	updateDebt
} from '$lib/server/services/debts';
import {
	addRegistration,
	deleteRegistration,
	endRegistration,
	listRegistrations,
	REGISTER_KIND_OPTIONS
} from '$lib/server/services/registers';
import { today } from '$lib/dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const scope = requireHousehold(event, 'write');
	const db = event.locals.db;
	const [household, debts, suggestions, registers] = await Promise.all([
		householdHeader(db, scope),
		listDebts(db, scope),
		debtSuggestions(db, scope),
		listRegistrations(db, scope)
	]);
	return {
		household,
		debts,
		suggestions,
		registers,
		registerKinds: REGISTER_KIND_OPTIONS,
		today: today(),
		kinds: DEBT_KIND_OPTIONS,
		statuses: DEBT_STATUS_OPTIONS
	};
};

function values(form: FormData): Record<string, string> {
	return Object.fromEntries(
		['creditor', 'kind', 'outstanding', 'instalment', 'arrears', 'startDate', 'status'].map((k) => [
			k,
			String(form.get(k) ?? '')
		])
	);
}

function notFound(e: unknown): never {
	if (e instanceof NotFoundError) error(404, e.message);
	throw e;
}

export const actions: Actions = {
	add: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		const { input, errors } = debtFromForm(form);
		if (!input) return fail(400, { action: 'add', errors, values: values(form) });
		await addDebt(event.locals.db, scope, input);
		return { done: `La dette envers ${input.creditor} est enregistrée.` };
	},
	update: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		const id = Number(form.get('id'));
		const { input, errors } = debtFromForm(form);
		if (!input) return fail(400, { action: 'update', id, errors, values: values(form) });
		await updateDebt(event.locals.db, scope, id, input).catch(notFound);
		return { done: `La dette envers ${input.creditor} est mise à jour.` };
	},
	delete: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		await deleteDebt(event.locals.db, scope, Number(form.get('id'))).catch(notFound);
		return { done: 'La dette est retirée du registre.' };
	},
	confirm: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		await confirmSuggestion(event.locals.db, scope, String(form.get('key') ?? '')).catch(notFound);
		return { done: 'La dette suggérée est ajoutée au registre : complétez le capital restant dû et les arriérés.' };
	},
	dismiss: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		try {
			await dismissSuggestion(event.locals.db, scope, String(form.get('key') ?? ''));
		} catch (e) {
			if (e instanceof InputError) return fail(400, { action: 'dismiss', errors: { key: e.message }, values: {} });
			throw e;
		}
		return { done: 'La suggestion est écartée.' };
	},
	register: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		const input = { kind: String(form.get('kind') ?? ''), since: String(form.get('since') ?? '') };
		try {
			await addRegistration(event.locals.db, scope, input);
		} catch (e) {
			if (e instanceof InputError) return fail(400, { action: 'register', errors: { [e.field ?? 'kind']: e.message } });
			throw e;
		}
		return { done: 'L’inscription est enregistrée : le foyer est signalé « client fragile ».' };
	},
	registerEnd: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		try {
			await endRegistration(event.locals.db, scope, Number(form.get('id')), String(form.get('until') ?? ''));
		} catch (e) {
			if (e instanceof InputError) return fail(400, { action: 'register', errors: { until: e.message } });
			notFound(e);
		}
		return { done: 'La fin de l’inscription est enregistrée.' };
	},
	registerDelete: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		await deleteRegistration(event.locals.db, scope, Number(form.get('id'))).catch(notFound);
		return { done: 'L’inscription est supprimée.' };
	}
};
