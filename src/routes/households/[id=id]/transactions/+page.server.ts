import { fail } from '@sveltejs/kit';
import { requireHousehold } from '$lib/server/auth/guards';
import { listAccounts } from '$lib/server/services/accounts';
import { listCategories } from '$lib/server/services/categories';
import { InputError, NotFoundError } from '$lib/server/services/errors';
import { categoriseByHand, transactionsPage } from '$lib/server/services/transactions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const scope = requireHousehold(event);
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
		transactionsPage(db, scope, filters),
		listCategories(db, scope.organisationId),
		listAccounts(db, scope)
	]);
	return {
		month: list.month,
		months: list.months,
		truncated: list.truncated,
		rows: list.rows,
		categories,
		accounts: accounts.map((a) => ({ id: a.id, name: a.name })),
		filters: {
			category: filters.category ?? '',
			account: filters.accountId ? String(filters.accountId) : '',
			q: filters.search ?? ''
		}
	};
};

export const actions: Actions = {
	categorise: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		const transactionId = Number(form.get('transaction'));
		const category = String(form.get('category') ?? '');
		try {
			const r = await categoriseByHand(event.locals.db, scope, {
				transactionId,
				category,
				similar: form.get('similar') === 'on',
				makeRule: form.get('rule') === 'on'
			});
			return { saved: transactionId, changed: r.changed, payee: r.payee, category };
		} catch (e) {
			if (e instanceof InputError) return fail(400, { error: e.message, transaction: transactionId });
			if (e instanceof NotFoundError) return fail(404, { error: 'Opération introuvable.', transaction: transactionId });
			throw e;
		}
	}
};
