import { fail } from '@sveltejs/kit';
import { requireHousehold } from '$lib/server/auth/guards';
import { describeCondition, previewRule, suggestRules } from '$lib/server/rules';
import { listCategories } from '$lib/server/services/categories';
import { NotFoundError } from '$lib/server/services/errors';
import { ruleFormValues, ruleFromForm } from '$lib/server/services/rule-form';
import { deleteRule, listRules, reapplyRules, saveRule } from '$lib/server/services/rules-service';
import type { Db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

async function previewTransactions(db: Db, householdId: number) {
	const rows = await db
		.selectFrom('bank_transaction')
		.select(['id', 'raw_label', 'amount', 'booking_date', 'account_id', 'category_id', 'category_source', 'payee'])
		.where('household_id', '=', householdId)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		rawLabel: r.raw_label,
		amount: r.amount,
		date: r.booking_date,
		accountId: r.account_id,
		category: r.category_id,
		categorySource: r.category_source,
		payee: r.payee
	}));
}

export const load: PageServerLoad = async (event) => {
	const { householdId } = await requireHousehold(event);
	const db = event.locals.db;
	const [rules, categories, uncategorised] = await Promise.all([
		listRules(db, householdId),
		listCategories(db),
		db
			.selectFrom('bank_transaction')
			.select(['payee', 'raw_label', 'amount', 'category_id'])
			.where('household_id', '=', householdId)
			.where('category_id', '=', 'uncategorised')
			.execute()
	]);
	const suggestions = suggestRules(
		uncategorised.map((t) => ({ payee: t.payee, rawLabel: t.raw_label, amount: t.amount, category: t.category_id }))
	).slice(0, 10);
	return {
		rules: rules.map((r) => ({
			id: r.rule.id,
			enabled: r.enabled,
			conditions: r.rule.conditions.map(describeCondition),
			actions: r.rule.actions
		})),
		categories,
		suggestions: suggestions.map((s) => ({
			payee: s.payee,
			sign: s.sign,
			count: s.count,
			examples: s.examples,
			total: s.total
		}))
	};
};

export const actions: Actions = {
	/** Shows which transactions the rule would change, without saving it. */
	preview: async (event) => {
		const { householdId } = await requireHousehold(event);
		const db = event.locals.db;
		const values = ruleFormValues(await event.request.formData());
		const categories = await listCategories(db);
		const r = ruleFromForm(
			values,
			'household',
			categories.map((c) => c.id)
		);
		if ('errors' in r) return fail(400, { values, errors: r.errors });
		const txs = await previewTransactions(db, householdId);
		const preview = previewRule(r.rule, txs);
		const byId = new Map(txs.map((t) => [t.id, t]));
		return {
			values,
			preview: {
				matched: preview.matched,
				skippedManual: preview.skippedManual.length,
				changes: preview.changes.slice(0, 50).map((c) => ({
					...c,
					label: byId.get(Number(c.id))?.rawLabel ?? '',
					date: byId.get(Number(c.id))?.date ?? ''
				})),
				total: preview.changes.length
			}
		};
	},
	save: async (event) => {
		const { actor, householdId } = await requireHousehold(event);
		const db = event.locals.db;
		const values = ruleFormValues(await event.request.formData());
		const categories = await listCategories(db);
		const r = ruleFromForm(
			values,
			'household',
			categories.map((c) => c.id)
		);
		if ('errors' in r) return fail(400, { values, errors: r.errors });
		await saveRule(db, actor, householdId, r.rule);
		const applied = await reapplyRules(db, householdId);
		return { saved: true, changed: applied.changed };
	},
	delete: async (event) => {
		const { actor, householdId } = await requireHousehold(event);
		const form = await event.request.formData();
		try {
			await deleteRule(event.locals.db, actor, householdId, String(form.get('id') ?? ''));
		} catch (e) {
			if (e instanceof NotFoundError) return fail(404, { errors: { rule: e.message } as Record<string, string> });
			throw e;
		}
		const applied = await reapplyRules(event.locals.db, householdId);
		return { deleted: true, changed: applied.changed };
	},
	reapply: async (event) => {
		const { householdId } = await requireHousehold(event);
		const applied = await reapplyRules(event.locals.db, householdId);
		return { reapplied: true, changed: applied.changed, examined: applied.examined };
	}
};
