import { fail } from '@sveltejs/kit';
import { requireHousehold } from '$lib/server/auth/guards';
import { listCategories } from '$lib/server/services/categories';
import { InputError, NotFoundError } from '$lib/server/services/errors';
import { listTransactions, setCategoryManually } from '$lib/server/services/transactions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { householdId } = await requireHousehold(event);
	const db = event.locals.db;
	const p = event.url.searchParams;
	const accountId = Number(p.get('account'));
	const filters = {
		month: p.get('month'),
		category: p.get('category') || null,
		uncategorised: p.get('category') === 'uncategorised',
		accountId: Number.isSafeInteger(accountId) && accountId > 0 ? accountId : null,
		search: p.get('q')
	};
	const [list, categories, accounts] = await Promise.all([
		listTransactions(db, householdId, filters),
		listCategories(db),
		db.selectFrom('bank_account').select(['id', 'name']).where('household_id', '=', householdId).orderBy('name').execute()
	]);
	return { ...list, categories, accounts, filters: { category: filters.category ?? '', account: filters.accountId ? String(filters.accountId) : '', q: filters.search ?? '' } };
};

export const actions: Actions = {
	categorise: async (event) => {
		const { actor, householdId } = await requireHousehold(event);
		const form = await event.request.formData();
		const transactionId = Number(form.get('transaction'));
		const category = String(form.get('category') ?? '');
		try {
			const r = await setCategoryManually(event.locals.db, actor, householdId, transactionId, category, { similar: form.get('similar') === 'on' });
			return { saved: transactionId, changed: r.changed, payee: r.payee, category };
		} catch (e) {
			if (e instanceof InputError) return fail(400, { error: e.message, transaction: transactionId });
			if (e instanceof NotFoundError) return fail(404, { error: 'Opération introuvable.', transaction: transactionId });
			throw e;
		}
	}
};
