import { fail, redirect } from '@sveltejs/kit';
import { MoneyParseError, parseAmount } from '$lib/money';
import { today } from '$lib/dates';
import { requireRole } from '$lib/server/auth/guards';
import { describeCondition } from '$lib/server/rules';
import { listCategories } from '$lib/server/services/categories';
import { ForbiddenError, NotFoundError } from '$lib/server/services/errors';
import { ruleFormValues, ruleFromForm } from '$lib/server/services/rule-form';
import {
	deleteOrganisationRule,
	listDefaultRules,
	listOrganisationRules,
	saveAdminRule,
	setDefaultRuleEnabled,
	testDefaultRules
} from '$lib/server/services/rules-service';
import type { Actions, PageServerLoad } from './$types';

const PAGE = 50;

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'admin');
	const db = event.locals.db;
	const q = (event.url.searchParams.get('q') ?? '').trim().toLowerCase();
	const page = Math.max(1, Number(event.url.searchParams.get('page')) || 1);
	const [rules, own, categories] = await Promise.all([
		listDefaultRules(db, actor),
		listOrganisationRules(db, actor),
		listCategories(db, actor.organisationId)
	]);
	const rows = rules
		.map((r) => ({
			id: r.rule.id,
			enabled: r.enabledHere,
			builtin: r.builtin,
			conditions: r.rule.conditions.map(describeCondition),
			actions: r.rule.actions,
			priority: r.rule.priority
		}))
		.filter(
			(r) =>
				!q ||
				r.id.toLowerCase().includes(q) ||
				r.conditions.join(' ').toLowerCase().includes(q) ||
				(r.actions.category ?? '').includes(q)
		);
	const ownRules = own.map((r) => ({
		id: r.rule.id,
		conditions: r.rule.conditions.map(describeCondition),
		actions: r.rule.actions
	}));
	return {
		total: rules.length,
		found: rows.length,
		rules: rows.slice((page - 1) * PAGE, page * PAGE),
		page,
		pages: Math.max(1, Math.ceil(rows.length / PAGE)),
		q,
		categories,
		platformAdmin: actor.platformAdmin === true,
		own: ownRules,
		/** the rule the admin asked to delete, waiting for the confirmation (`?supprimer=ID`) */
		confirmDelete: ownRules.find((r) => r.id === event.url.searchParams.get('supprimer')) ?? null
	};
};

export const actions: Actions = {
	/** The test box: what the default rules do with a label and an amount. */
	test: async (event) => {
		const actor = requireRole(event, 'admin');
		const form = await event.request.formData();
		const label = String(form.get('label') ?? '');
		const amountRaw = String(form.get('amount') ?? '').trim();
		let amount: number;
		try {
			amount = parseAmount(amountRaw || '0');
		} catch (e) {
			if (e instanceof MoneyParseError)
				return fail(400, {
					test: { label, amount: amountRaw },
					testError: `Montant illisible « ${amountRaw} » (exemple : -12,34).`
				});
			throw e;
		}
		return {
			test: { label, amount: amountRaw },
			result: await testDefaultRules(event.locals.db, actor, label, amount, today())
		};
	},
	toggle: async (event) => {
		const actor = requireRole(event, 'admin');
		const form = await event.request.formData();
		const id = String(form.get('id') ?? '');
		try {
			await setDefaultRuleEnabled(event.locals.db, actor, id, form.get('enabled') === '1');
		} catch (e) {
			if (e instanceof NotFoundError) return fail(404, { toggleError: 'Règle introuvable.' });
			if (e instanceof ForbiddenError) return fail(403, { toggleError: e.message });
			throw e;
		}
		return { toggled: id };
	},
	create: async (event) => {
		const actor = requireRole(event, 'admin');
		const values = ruleFormValues(await event.request.formData());
		const categories = await listCategories(event.locals.db, actor.organisationId);
		const r = ruleFromForm(
			values,
			'default',
			categories.map((c) => c.id)
		);
		if ('errors' in r) return fail(400, { values, errors: r.errors });
		let layer: 'shared' | 'organisation';
		try {
			layer = await saveAdminRule(event.locals.db, actor, r.rule);
		} catch (e) {
			if (e instanceof ForbiddenError) return fail(403, { values, errors: { value: e.message } });
			throw e;
		}
		return { created: r.rule.id, layer };
	},
	deleteOwn: async (event) => {
		const actor = requireRole(event, 'admin');
		const form = await event.request.formData();
		const id = String(form.get('id') ?? '');
		// the confirmation step first, also without JavaScript
		if (form.get('confirm') !== 'yes') redirect(303, `/admin/rules?supprimer=${encodeURIComponent(id)}#confirmer`);
		try {
			await deleteOrganisationRule(event.locals.db, actor, id);
		} catch (e) {
			if (e instanceof NotFoundError) return fail(404, { toggleError: 'Règle introuvable.' });
			if (e instanceof ForbiddenError) return fail(403, { toggleError: e.message });
			throw e;
		}
		return { deleted: true };
	}
};
