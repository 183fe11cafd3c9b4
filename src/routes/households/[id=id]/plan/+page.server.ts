import { error, fail } from '@sveltejs/kit';
import { addDaysIso, formatDateFr, today } from '$lib/dates';
import { requireHousehold } from '$lib/server/auth/guards';
import { AccessDeniedError } from '$lib/server/auth/access';
import { InputError, NotFoundError } from '$lib/server/services/errors';
import {
	ACTION_STATUSES,
	addManualAction,
	householdPlan,
	setActionHidden,
	setActionStatus,
	updateManualAction
} from '$lib/server/services/plan';
import type { Actions, PageServerLoad } from './$types';

/** The household's action plan: the household marks actions, the adviser also hides and adds some. */
export const load: PageServerLoad = async (event) => {
	const scope = requireHousehold(event, 'read');
	return { plan: await householdPlan(event.locals.db, scope), statuses: ACTION_STATUSES };
};

function refused(e: unknown) {
	if (e instanceof InputError) return fail(400, { message: e.message, field: e.field ?? null });
	if (e instanceof NotFoundError) return fail(404, { message: 'Cette action n’est plus dans le plan.' });
	if (e instanceof AccessDeniedError) error(404, 'Page introuvable');
	throw e;
}

/** "Plus tard": a number of days (the buttons) or a day (`until`); the service checks the day. */
function postponeUntil(form: FormData): string | null {
	const until = String(form.get('until') ?? '').trim();
	if (until !== '') return until;
	const days = Number(form.get('days'));
	return Number.isSafeInteger(days) && days > 0 && days <= 366 ? addDaysIso(today(), days) : null;
}

const DONE: Record<string, string> = {
	done: 'C’est noté : action faite.',
	postponed: 'C’est noté : action reportée.',
	not_relevant: 'C’est noté : action écartée.',
	open: 'L’action est de nouveau à faire.'
};

export const actions: Actions = {
	status: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		const status = String(form.get('status') ?? '');
		const until = postponeUntil(form);
		try {
			await setActionStatus(event.locals.db, scope, String(form.get('key') ?? ''), status, new Date(), until);
		} catch (e) {
			return refused(e);
		}
		return {
			done: until && status === 'postponed' ? `${DONE.postponed.slice(0, -1)} au ${formatDateFr(until)}.` : DONE[status]
		};
	},
	hide: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		const hidden = form.get('hidden') === '1';
		try {
			await setActionHidden(event.locals.db, scope, String(form.get('key') ?? ''), hidden);
		} catch (e) {
			return refused(e);
		}
		return { done: hidden ? 'L’action est masquée pour le ménage.' : 'Le ménage voit de nouveau l’action.' };
	},
	add: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		const values = {
			title: String(form.get('title') ?? ''),
			detail: String(form.get('detail') ?? ''),
			monthly: String(form.get('monthly') ?? '')
		};
		try {
			await addManualAction(event.locals.db, scope, values);
		} catch (e) {
			if (e instanceof InputError) return fail(400, { message: e.message, field: e.field ?? null, values });
			return refused(e);
		}
		return { done: 'L’action est ajoutée au plan.' };
	},
	edit: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		const key = String(form.get('key') ?? '');
		const values = {
			title: String(form.get('title') ?? ''),
			detail: String(form.get('detail') ?? ''),
			monthly: String(form.get('monthly') ?? '')
		};
		try {
			await updateManualAction(event.locals.db, scope, key, values);
		} catch (e) {
			if (e instanceof InputError) return fail(400, { message: e.message, editKey: key });
			return refused(e);
		}
		return { done: 'L’action est modifiée.' };
	}
};
