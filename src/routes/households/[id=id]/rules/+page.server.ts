import { fail, redirect } from '@sveltejs/kit';
import { requireHousehold } from '$lib/server/auth/guards';
import { describeCondition } from '$lib/server/rules';
import { listCategories } from '$lib/server/services/categories';
import { NotFoundError } from '$lib/server/services/errors';
import { ruleFormValues, ruleFromForm } from '$lib/server/services/rule-form';
import {
	deleteHouseholdRule,
	householdRuleSuggestions,
	listHouseholdRules,
	previewHouseholdRule,
	reapplyRules,
	saveHouseholdRule
} from '$lib/server/services/rules-service';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const scope = requireHousehold(event);
	const db = event.locals.db;
	const [rules, categories, suggestions] = await Promise.all([
		listHouseholdRules(db, scope),
		listCategories(db, scope.organisationId),
		householdRuleSuggestions(db, scope)
	]);
	const shown = rules.map((r) => ({
		id: r.rule.id,
		enabled: r.enabled,
		conditions: r.rule.conditions.map(describeCondition),
		actions: r.rule.actions
	}));
	return {
		rules: shown,
		/** the rule the person asked to delete, waiting for the confirmation (`?supprimer=ID`) */
		confirmDelete: shown.find((r) => r.id === event.url.searchParams.get('supprimer')) ?? null,
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

/** The household rule the form describes, or the form's errors. */
async function ruleOfForm(event: RequestEvent, organisationId: number) {
	const values = ruleFormValues(await event.request.formData());
	const categories = await listCategories(event.locals.db, organisationId);
	const r = ruleFromForm(
		values,
		'household',
		categories.map((c) => c.id)
	);
	return { values, ...r };
}

export const actions: Actions = {
	/** Shows which transactions the rule would change, without saving it. */
	preview: async (event) => {
		const scope = requireHousehold(event);
		const r = await ruleOfForm(event, scope.organisationId);
		if ('errors' in r) return fail(400, { values: r.values, errors: r.errors });
		const preview = await previewHouseholdRule(event.locals.db, scope, r.rule);
		return {
			values: r.values,
			preview: {
				matched: preview.matched,
				skippedManual: preview.skippedManual.length,
				changes: preview.changes.slice(0, 50).map((c) => ({
					...c,
					label: preview.transactions.get(Number(c.id))?.label ?? '',
					date: preview.transactions.get(Number(c.id))?.date ?? ''
				})),
				total: preview.changes.length
			}
		};
	},
	save: async (event) => {
		const scope = requireHousehold(event, 'write');
		const r = await ruleOfForm(event, scope.organisationId);
		if ('errors' in r) return fail(400, { values: r.values, errors: r.errors });
		const changed = await saveHouseholdRule(event.locals.db, scope, r.rule);
		return { saved: true, changed };
	},
	delete: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		const id = String(form.get('id') ?? '');
		// the confirmation step first, also without JavaScript
		if (form.get('confirm') !== 'yes')
			redirect(303, `/households/${scope.householdId}/rules?supprimer=${encodeURIComponent(id)}#confirmer`);
		try {
			const changed = await deleteHouseholdRule(event.locals.db, scope, id);
			return { deleted: true, changed };
		} catch (e) {
			if (e instanceof NotFoundError) return fail(404, { errors: { rule: e.message } as Record<string, string> });
			throw e;
		}
	},
	reapply: async (event) => {
		const scope = requireHousehold(event, 'write');
		const applied = await reapplyRules(event.locals.db, scope);
		return { reapplied: true, changed: applied.changed, examined: applied.examined };
	}
};
