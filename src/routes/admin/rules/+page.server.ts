import { fail } from '@sveltejs/kit';
import { MoneyParseError, parseAmount } from '$lib/money';
import { today } from '$lib/dates';
import { requireRole } from '$lib/server/auth/guards';
import { describeCondition } from '$lib/server/rules';
import { loadRuleSet } from '$lib/server/services/categoriser';
import { categorise } from '$lib/server/rules';
import { listCategories } from '$lib/server/services/categories';
import { ruleFormValues, ruleFromForm } from '$lib/server/services/rule-form';
import { listRules, saveRule } from '$lib/server/services/rules-service';
import { audit } from '$lib/server/services/audit';
import type { Actions, PageServerLoad } from './$types';

const PAGE = 50;

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = event.locals.db;
	const q = (event.url.searchParams.get('q') ?? '').trim().toLowerCase();
	const page = Math.max(1, Number(event.url.searchParams.get('page')) || 1);
	const [rules, categories] = await Promise.all([listRules(db, null), listCategories(db)]);
	const rows = rules
		.map((r) => ({
			id: r.rule.id,
			enabled: r.enabled,
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
	return {
		total: rules.length,
		found: rows.length,
		rules: rows.slice((page - 1) * PAGE, page * PAGE),
		page,
		pages: Math.max(1, Math.ceil(rows.length / PAGE)),
		q,
		categories
	};
};

export const actions: Actions = {
	/** The test box: what the default rules do with a label and an amount. */
	test: async (event) => {
		requireRole(event, 'admin');
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
		const set = await loadRuleSet(event.locals.db, null);
		const r = categorise(set, { rawLabel: label, amount, date: today(), accountId: 0 });
		return {
			test: { label, amount: amountRaw },
			result: {
				category: r.category,
				payee: r.payee,
				ruleId: r.ruleId,
				matched: r.explanation?.matched ?? null,
				operationType: r.normalised.operationType
			}
		};
	},
	toggle: async (event) => {
		const actor = requireRole(event, 'admin');
		const form = await event.request.formData();
		const id = String(form.get('id') ?? '');
		const enabled = form.get('enabled') === '1';
		const rules = await listRules(event.locals.db, null);
		const stored = rules.find((r) => r.rule.id === id);
		if (!stored) return fail(404, { toggleError: 'Règle introuvable.' });
		await saveRule(event.locals.db, actor, null, { ...stored.rule, enabled });
		await audit(event.locals.db, {
			organisationId: actor.organisationId,
			actorId: actor.id,
			action: enabled ? 'rule.enabled' : 'rule.disabled',
			targetType: 'rule',
			targetId: id
		});
		return { toggled: id };
	},
	create: async (event) => {
		const actor = requireRole(event, 'admin');
		const values = ruleFormValues(await event.request.formData());
		const categories = await listCategories(event.locals.db);
		const r = ruleFromForm(
			values,
			'default',
			categories.map((c) => c.id)
		);
		if ('errors' in r) return fail(400, { values, errors: r.errors });
		await saveRule(event.locals.db, actor, null, r.rule);
		return { created: r.rule.id };
	}
};
