/**
 * Categorisation rules in the database: the shared default rules (seeded from the French defaults, then
 * maintained by admins) and each household's own rules. Re-applying rules to history never touches a
 * manual categorisation.
 */
import type { Db } from '../db';
import { DEFAULT_RULES, type Rule } from '../rules';
import { audit } from './audit';
import { categoriserFor, loadRuleSet } from './categoriser';
import { NotFoundError } from './errors';

/** Inserts default rules that are missing (admins' edits and disabled rules are kept). */
export async function ensureDefaultRules(db: Db, now = new Date()): Promise<void> {
	const existing = await db.selectFrom('categorisation_rule').select('id').where('builtin', '=', 1).execute();
	const have = new Set(existing.map((r) => r.id));
	const missing = DEFAULT_RULES.filter((r) => !have.has(r.id));
	for (let i = 0; i < missing.length; i += 200) {
		await db
			.insertInto('categorisation_rule')
			.values(
				missing.slice(i, i + 200).map((r) => ({
					id: r.id,
					organisation_id: null,
					household_id: null,
					scope: 'default' as const,
					priority: r.priority,
					definition: JSON.stringify(r),
					enabled: r.enabled === false ? (0 as const) : (1 as const),
					builtin: 1 as const,
					created_by: null,
					created_at: now.toISOString(),
					updated_at: now.toISOString()
				}))
			)
			.onConflict((oc) => oc.column('id').doNothing())
			.execute();
	}
}

export interface StoredRule {
	rule: Rule;
	enabled: boolean;
	builtin: boolean;
	updatedAt: string;
}

export async function listRules(db: Db, householdId: number | null): Promise<StoredRule[]> {
	const rows = await db
		.selectFrom('categorisation_rule')
		.select(['definition', 'enabled', 'builtin', 'updated_at'])
		.where((eb) => (householdId === null ? eb('household_id', 'is', null) : eb('household_id', '=', householdId)))
		.orderBy('priority', 'desc')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({
		rule: JSON.parse(r.definition) as Rule,
		enabled: r.enabled === 1,
		builtin: r.builtin === 1,
		updatedAt: r.updated_at
	}));
}

/** Stores (creates or replaces) a rule of a layer: the default layer when householdId is null. */
export async function saveRule(
	db: Db,
	actor: { id: number | null; organisationId: number },
	householdId: number | null,
	rule: Rule,
	now = new Date()
): Promise<void> {
	const stored: Rule = { ...rule, scope: householdId === null ? 'default' : 'household' };
	const row = {
		organisation_id: householdId === null ? null : actor.organisationId,
		household_id: householdId,
		scope: stored.scope,
		priority: stored.priority,
		definition: JSON.stringify(stored),
		enabled: stored.enabled === false ? (0 as const) : (1 as const),
		updated_at: now.toISOString()
	};
	const existing = await db
		.selectFrom('categorisation_rule')
		.select(['id', 'household_id'])
		.where('id', '=', rule.id)
		.executeTakeFirst();
	if (existing) {
		if (existing.household_id !== householdId) throw new NotFoundError('Règle introuvable.');
		await db.updateTable('categorisation_rule').set(row).where('id', '=', rule.id).execute();
	} else {
		await db
			.insertInto('categorisation_rule')
			.values({ id: rule.id, ...row, builtin: 0, created_by: actor.id, created_at: now.toISOString() })
			.execute();
	}
	await audit(db, {
		organisationId: actor.organisationId,
		actorId: actor.id,
		householdId,
		action: 'rule.saved',
		targetType: 'rule',
		targetId: rule.id
	});
}

export async function deleteRule(
	db: Db,
	actor: { id: number | null; organisationId: number },
	householdId: number | null,
	ruleId: string
): Promise<void> {
	const q = db
		.deleteFrom('categorisation_rule')
		.where('id', '=', ruleId)
		.where((eb) => (householdId === null ? eb('household_id', 'is', null) : eb('household_id', '=', householdId)));
	const res = await q.executeTakeFirst();
	if (Number(res.numDeletedRows) !== 1) throw new NotFoundError('Règle introuvable.');
	await audit(db, {
		organisationId: actor.organisationId,
		actorId: actor.id,
		householdId,
		action: 'rule.deleted',
		targetType: 'rule',
		targetId: ruleId
	});
}

/**
 * Re-applies the rules to every transaction of a household that was not categorised by hand, in batches.
 * Returns how many transactions changed category or payee.
 */
export async function reapplyRules(db: Db, householdId: number): Promise<{ examined: number; changed: number }> {
	const categorise = categoriserFor(await loadRuleSet(db, householdId));
	const rows = await db
		.selectFrom('bank_transaction')
		.select(['id', 'raw_label', 'amount', 'booking_date', 'account_id', 'category_id', 'rule_id', 'payee'])
		.where('household_id', '=', householdId)
		.where('category_source', '!=', 'manual')
		.execute();
	const updates: { id: number; category: string; ruleId: string | null; payee: string | null }[] = [];
	for (const r of rows) {
		const c = categorise({ rawLabel: r.raw_label, amount: r.amount, date: r.booking_date, accountId: r.account_id });
		if (c.category !== r.category_id || c.ruleId !== r.rule_id || (c.payee ?? null) !== r.payee) {
			updates.push({ id: r.id, category: c.category, ruleId: c.ruleId, payee: c.payee });
		}
	}
	// One UPDATE per distinct outcome (category, rule, payee), not per row.
	const groups = new Map<string, { set: (typeof updates)[number]; ids: number[] }>();
	for (const u of updates) {
		const key = JSON.stringify([u.category, u.ruleId, u.payee]);
		const g = groups.get(key);
		if (g) g.ids.push(u.id);
		else groups.set(key, { set: u, ids: [u.id] });
	}
	await db.transaction().execute(async (trx) => {
		for (const { set, ids } of groups.values()) {
			for (let i = 0; i < ids.length; i += 500) {
				await trx
					.updateTable('bank_transaction')
					.set({
						category_id: set.category,
						rule_id: set.ruleId,
						category_source: set.ruleId ? 'rule' : 'none',
						payee: set.payee
					})
					.where('id', 'in', ids.slice(i, i + 500))
					.where('category_source', '!=', 'manual')
					.execute();
			}
		}
	});
	return { examined: rows.length, changed: updates.length };
}
