import { requireHousehold } from '$lib/server/auth/guards';
import { listAccounts } from '$lib/server/services/accounts';
import { listCategories } from '$lib/server/services/categories';
import { transactionDays } from '$lib/server/services/transaction-list';
import type { PageServerLoad } from './$types';

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
		transactionDays(db, scope, filters),
		listCategories(db, scope.organisationId),
		listAccounts(db, scope)
	]);
	const saved = Number(p.get('saved'));
	const skipped = Number(p.get('skipped'));
	return {
		...list,
		saved: Number.isSafeInteger(saved) && saved > 0 ? saved : 0,
		skipped: Number.isSafeInteger(skipped) && skipped > 0 ? skipped : 0,
		categories,
		accounts: accounts.map((a) => ({ id: a.id, name: a.name })),
		filters: {
			category: filters.category ?? '',
			account: filters.accountId ? String(filters.accountId) : '',
			q: filters.search ?? ''
		}
	};
};
