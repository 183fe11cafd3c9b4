import { fail } from '@sveltejs/kit';
import { requireHousehold } from '$lib/server/auth/guards';
import { listCategories } from '$lib/server/services/categories';
import { InputError, NotFoundError } from '$lib/server/services/errors';
import { listTransactions, setCategoryManually } from '$lib/server/services/transactions';
import { ruleFromForm } from '$lib/server/services/rule-form';
import { reapplyRules, saveRule } from '$lib/server/services/rules-service';
import { categorise } from '$lib/server/rules';
import { loadRuleSet } from '$lib/server/services/categoriser';
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
		db
			.selectFrom('bank_account')
			.select(['id', 'name'])
			.where('household_id', '=', householdId)
			.orderBy('name')
			.execute()
	]);
	// Why each rule-categorised row has its category: the rule and the condition that decided.
	const set = await loadRuleSet(db, householdId);
	const rows = list.rows.map((r) => ({
		...r,
		explanation:
			r.categorySource === 'rule'
				? (categorise(set, { rawLabel: r.rawLabel, amount: r.amount, date: r.date, accountId: r.accountId }).explanation
						?.matched ?? null)
				: null
	}));
	return {
		month: list.month,
		months: list.months,
		truncated: list.truncated,
		rows,
		categories,
		accounts,
		filters: {
			category: filters.category ?? '',
			account: filters.accountId ? String(filters.accountId) : '',
			q: filters.search ?? ''
		}
	};
};

export const actions: Actions = {
	categorise: async (event) => {
		const { actor, householdId } = await requireHousehold(event);
		const form = await event.request.formData();
		const transactionId = Number(form.get('transaction'));
		const category = String(form.get('category') ?? '');
		try {
			const r = await setCategoryManually(event.locals.db, actor, householdId, transactionId, category, {
				similar: form.get('similar') === 'on'
			});
			let ruleChanged = 0;
			if (form.get('rule') === 'on' && r.payee) {
				const categories = await listCategories(event.locals.db);
				const rule = ruleFromForm(
					{ field: 'payee', op: 'equals', value: r.payee, sign: '', category, payee: '', priority: '', id: '' },
					'household',
					categories.map((c) => c.id)
				);
				if ('rule' in rule) {
					await saveRule(event.locals.db, actor, householdId, rule.rule);
					ruleChanged = (await reapplyRules(event.locals.db, householdId)).changed;
				}
			}
			return { saved: transactionId, changed: r.changed + ruleChanged, payee: r.payee, category };
		} catch (e) {
			if (e instanceof InputError) return fail(400, { error: e.message, transaction: transactionId });
			if (e instanceof NotFoundError) return fail(404, { error: 'Opération introuvable.', transaction: transactionId });
			throw e;
		}
	}
};
