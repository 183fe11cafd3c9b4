import { error, fail, redirect } from '@sveltejs/kit';
import { requireHousehold } from '$lib/server/auth/guards';
import { listCategories } from '$lib/server/services/categories';
import { InputError, NotFoundError } from '$lib/server/services/errors';
import { transactionForEdit } from '$lib/server/services/transaction-list';
import { categoriseByHand } from '$lib/server/services/transactions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const scope = requireHousehold(event, 'write');
	try {
		const [tx, categories] = await Promise.all([
			transactionForEdit(event.locals.db, scope, Number(event.params.tx)),
			listCategories(event.locals.db, scope.organisationId)
		]);
		return { tx, categories };
	} catch (e) {
		if (e instanceof NotFoundError) error(404, 'Opération introuvable');
		throw e;
	}
};

export const actions: Actions = {
	default: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		const category = String(form.get('category') ?? '');
		const transactionId = Number(event.params.tx);
		if (!category) return fail(400, { errors: { category: 'Choisissez une catégorie.' } });
		let r;
		try {
			r = await categoriseByHand(event.locals.db, scope, {
				transactionId,
				category,
				similar: form.get('similar') === 'on',
				makeRule: form.get('similar') === 'on' && form.get('rule') === 'on'
			});
		} catch (e) {
			if (e instanceof InputError)
				return fail(400, { errors: { category: 'Catégorie : choisissez une catégorie de la liste.' } });
			if (e instanceof NotFoundError) error(404, 'Opération introuvable');
			throw e;
		}
		const back = String(form.get('back') ?? '');
		const month = /^\d{4}-\d{2}$/.test(back) ? `&month=${back}` : '';
		const skipped = r.skipped > 0 ? `&skipped=${r.skipped}` : '';
		redirect(
			303,
			`/households/${scope.householdId}/transactions?saved=${r.changed}${skipped}${month}#tx-${transactionId}`
		);
	}
};
