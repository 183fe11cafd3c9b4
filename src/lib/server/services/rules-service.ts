/**
 * Categorisation rules in the database: the shared default rules (seeded from the French defaults, then
 * maintained by admins) and each household's own rules. Re-applying rules to history never touches a
 * manual categorisation.
 */
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../db';
import type { Database } from '../db/schema';
import type { Actor } from '../auth/session';
import { requirePermission, type HouseholdScope } from '../auth/access';
import {
	categorise,
	DEFAULT_RULES,
	describeCondition,
	previewRule,
	suggestRules,
	type PreviewResult,
	type Rule,
	type RuleSuggestion
} from '../rules';
import { audit } from './audit';
import { categoriserFor, loadRuleSet } from './categoriser';
import { ForbiddenError, NotFoundError } from './errors';
import { CARD_SETTLEMENT_CATEGORY, markCardSettlements } from './card-settlements';

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

/**
 * Who changes which layer: the platform's admins the shared rules (every organisation's households read
 * them), an organisation's admins their organisation's own rules and which shared rules apply to their
 * households, a household scope the household's own rules.
 */
type Layer =
	| { kind: 'shared'; actor: Actor }
	| { kind: 'organisation'; actor: Actor }
	| { kind: 'household'; scope: HouseholdScope };

/** Where a layer's rows live: (organisation_id, household_id). */
function layerKey(layer: Layer): { organisationId: number | null; householdId: number | null } {
	if (layer.kind === 'shared') return { organisationId: null, householdId: null };
	if (layer.kind === 'organisation') return { organisationId: layer.actor.organisationId, householdId: null };
	return { organisationId: layer.scope.organisationId, householdId: layer.scope.householdId };
}

function layerActor(layer: Layer): { id: number | null; organisationId: number } {
	return layer.kind === 'household'
		? { id: layer.scope.actor.id, organisationId: layer.scope.organisationId }
		: { id: layer.actor.id, organisationId: layer.actor.organisationId };
}

/** Throws unless the actor may read (or change) the layer: a shared rule changes only by a platform admin. */
function requireLayer(layer: Layer, permission: 'read' | 'write'): void {
	if (layer.kind === 'household') return requirePermission(layer.scope, permission);
	if (layer.actor.role !== 'admin') throw new NotFoundError('Règle introuvable.');
	if (layer.kind === 'shared' && permission === 'write' && !layer.actor.platformAdmin)
		throw new ForbiddenError('Seuls les administrateurs de la plateforme modifient les règles communes.');
}

/** The layer of the rules an admin adds: the shared one for the platform's admins, else their organisation's. */
function adminLayer(actor: Actor): Layer {
	return actor.platformAdmin ? { kind: 'shared', actor } : { kind: 'organisation', actor };
}

function layerWhere(key: { organisationId: number | null; householdId: number | null }) {
	return (eb: ExpressionBuilder<Database, 'categorisation_rule'>) =>
		eb.and([
			key.householdId === null ? eb('household_id', 'is', null) : eb('household_id', '=', key.householdId),
			key.organisationId === null ? eb('organisation_id', 'is', null) : eb('organisation_id', '=', key.organisationId)
		]);
}

async function listLayer(db: Db, layer: Layer): Promise<StoredRule[]> {
	const rows = await db
		.selectFrom('categorisation_rule')
		.select(['definition', 'enabled', 'builtin', 'updated_at'])
		.where(layerWhere(layerKey(layer)))
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

/** The shared rules, each with whether it applies to the admin's organisation (its own choice, if any). */
export async function listDefaultRules(db: Db, actor: Actor): Promise<(StoredRule & { enabledHere: boolean })[]> {
	requireLayer({ kind: 'shared', actor }, 'read');
	const [rules, overrides] = await Promise.all([
		listLayer(db, { kind: 'shared', actor }),
		db
			.selectFrom('rule_override')
			.select(['rule_id', 'enabled'])
			.where('organisation_id', '=', actor.organisationId)
			.execute()
	]);
	const choice = new Map(overrides.map((o) => [o.rule_id, o.enabled === 1]));
	return rules.map((r) => ({ ...r, enabledHere: choice.get(r.rule.id) ?? r.enabled }));
}

/** The organisation's own rules (its admins'). */
export async function listOrganisationRules(db: Db, actor: Actor): Promise<StoredRule[]> {
	requireLayer({ kind: 'organisation', actor }, 'read');
	return listLayer(db, { kind: 'organisation', actor });
}

/** The household's own rules. */
export async function listHouseholdRules(db: Db, scope: HouseholdScope): Promise<StoredRule[]> {
	requirePermission(scope, 'read');
	return listLayer(db, { kind: 'household', scope });
}

/** Stores (creates or replaces) a rule of a layer; a rule of another layer is "not found". */
async function saveInLayer(db: Db, layer: Layer, rule: Rule, now: Date): Promise<void> {
	requireLayer(layer, 'write');
	const key = layerKey(layer);
	const actor = layerActor(layer);
	const stored: Rule = { ...rule, scope: layer.kind === 'household' ? 'household' : 'default' };
	const row = {
		organisation_id: key.organisationId,
		household_id: key.householdId,
		scope: layer.kind === 'shared' ? ('default' as const) : layer.kind,
		priority: stored.priority,
		definition: JSON.stringify(stored),
		enabled: stored.enabled === false ? (0 as const) : (1 as const),
		updated_at: now.toISOString()
	};
	const existing = await db
		.selectFrom('categorisation_rule')
		.select(['id', 'household_id', 'organisation_id'])
		.where('id', '=', rule.id)
		.executeTakeFirst();
	if (existing) {
		if (existing.household_id !== key.householdId || existing.organisation_id !== key.organisationId)
			throw new NotFoundError('Règle introuvable.');
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
		householdId: key.householdId,
		action: 'rule.saved',
		targetType: 'rule',
		targetId: rule.id
	});
}

async function deleteInLayer(db: Db, layer: Layer, ruleId: string): Promise<void> {
	requireLayer(layer, 'write');
	const key = layerKey(layer);
	const actor = layerActor(layer);
	const res = await db
		.deleteFrom('categorisation_rule')
		.where('id', '=', ruleId)
		.where(layerWhere(key))
		.executeTakeFirst();
	if (Number(res.numDeletedRows) !== 1) throw new NotFoundError('Règle introuvable.');
	await audit(db, {
		organisationId: actor.organisationId,
		actorId: actor.id,
		householdId: key.householdId,
		action: 'rule.deleted',
		targetType: 'rule',
		targetId: ruleId
	});
}

/** An admin adds a rule: to the shared rules (platform admin) or to their organisation's. */
export async function saveAdminRule(
	db: Db,
	actor: Actor,
	rule: Rule,
	now = new Date()
): Promise<'shared' | 'organisation'> {
	const layer = adminLayer(actor);
	await saveInLayer(db, layer, rule, now);
	return layer.kind === 'shared' ? 'shared' : 'organisation';
}

/** An organisation admin deletes one of the organisation's own rules. */
export async function deleteOrganisationRule(db: Db, actor: Actor, ruleId: string): Promise<void> {
	await deleteInLayer(db, { kind: 'organisation', actor }, ruleId);
}

/**
 * Turns a shared rule on or off: for everyone when a platform admin does it, for the admin's organisation
 * otherwise (its choice is kept beside the shared rule, which stays as it is for the others).
 */
export async function setDefaultRuleEnabled(
	db: Db,
	actor: Actor,
	ruleId: string,
	enabled: boolean,
	now = new Date()
): Promise<'shared' | 'organisation'> {
	const stored = (await listDefaultRules(db, actor)).find((r) => r.rule.id === ruleId);
	if (!stored) throw new NotFoundError('Règle introuvable.');
	let where: 'shared' | 'organisation';
	if (actor.platformAdmin) {
		await saveInLayer(db, { kind: 'shared', actor }, { ...stored.rule, enabled }, now);
		where = 'shared';
	} else {
		const row = { enabled: enabled ? (1 as const) : (0 as const), updated_at: now.toISOString(), updated_by: actor.id };
		await db
			.insertInto('rule_override')
			.values({ organisation_id: actor.organisationId, rule_id: ruleId, ...row })
			.onConflict((oc) => oc.columns(['organisation_id', 'rule_id']).doUpdateSet(row))
			.execute();
		where = 'organisation';
	}
	await audit(db, {
		organisationId: actor.organisationId,
		actorId: actor.id,
		action: enabled ? 'rule.enabled' : 'rule.disabled',
		targetType: 'rule',
		targetId: ruleId,
		details: { layer: where }
	});
	return where;
}

/** Stores a household rule, then re-applies the household's rules; returns how many transactions changed. */
export async function saveHouseholdRule(db: Db, scope: HouseholdScope, rule: Rule, now = new Date()): Promise<number> {
	await saveInLayer(db, { kind: 'household', scope }, rule, now);
	return (await reapplyRules(db, scope)).changed;
}

/** Deletes a household rule, then re-applies the household's rules; returns how many transactions changed. */
export async function deleteHouseholdRule(db: Db, scope: HouseholdScope, ruleId: string): Promise<number> {
	await deleteInLayer(db, { kind: 'household', scope }, ruleId);
	return (await reapplyRules(db, scope)).changed;
}

/** Which of the household's transactions a rule would change, without saving it. */
export async function previewHouseholdRule(
	db: Db,
	scope: HouseholdScope,
	rule: Rule
): Promise<PreviewResult & { transactions: Map<number, { label: string; date: string }> }> {
	requirePermission(scope, 'read');
	const rows = await db
		.selectFrom('bank_transaction')
		.select(['id', 'raw_label', 'amount', 'booking_date', 'account_id', 'category_id', 'category_source', 'payee'])
		.where('household_id', '=', scope.householdId)
		.execute();
	const preview = previewRule(
		rule,
		rows.map((r) => ({
			id: r.id,
			rawLabel: r.raw_label,
			amount: r.amount,
			date: r.booking_date,
			accountId: r.account_id,
			category: r.category_id,
			categorySource: r.category_source,
			payee: r.payee
		}))
	);
	return { ...preview, transactions: new Map(rows.map((r) => [r.id, { label: r.raw_label, date: r.booking_date }])) };
}

/** Rules worth proposing: payees seen 3 times or more among the household's uncategorised transactions. */
export async function householdRuleSuggestions(db: Db, scope: HouseholdScope, limit = 10): Promise<RuleSuggestion[]> {
	requirePermission(scope, 'read');
	const rows = await db
		.selectFrom('bank_transaction')
		.select(['payee', 'raw_label', 'amount', 'category_id'])
		.where('household_id', '=', scope.householdId)
		.where('category_id', '=', 'uncategorised')
		.execute();
	return suggestRules(
		rows.map((t) => ({ payee: t.payee, rawLabel: t.raw_label, amount: t.amount, category: t.category_id }))
	).slice(0, limit);
}

/** Why a rule gives its category, in French: its conditions, keyed by rule id (one query for all of them). */
export async function ruleExplanations(db: Db, ruleIds: Iterable<string>): Promise<Map<string, string>> {
	const ids = [...new Set(ruleIds)];
	const out = new Map<string, string>();
	for (let i = 0; i < ids.length; i += 500) {
		const rows = await db
			.selectFrom('categorisation_rule')
			.select(['id', 'definition'])
			.where('id', 'in', ids.slice(i, i + 500))
			.execute();
		for (const r of rows) {
			const rule = JSON.parse(r.definition) as Rule;
			out.set(r.id, rule.description || rule.conditions.map(describeCondition).join(' et '));
		}
	}
	return out;
}

/**
 * Re-applies the rules to every transaction of a household that was not categorised by hand, in batches.
 * Returns how many transactions changed category or payee.
 */
export async function reapplyRules(db: Db, scope: HouseholdScope): Promise<{ examined: number; changed: number }> {
	requirePermission(scope, 'write');
	const householdId = scope.householdId;
	const categorise = categoriserFor(await loadRuleSet(db, scope));
	const rows = await db
		.selectFrom('bank_transaction')
		.select([
			'id',
			'raw_label',
			'amount',
			'booking_date',
			'account_id',
			'category_id',
			'rule_id',
			'payee',
			'imported_payee',
			'internal_transfer'
		])
		.where('household_id', '=', householdId)
		.where('category_source', '!=', 'manual')
		.execute();
	const updates: { id: number; category: string; ruleId: string | null; payee: string | null }[] = [];
	for (const r of rows) {
		// A card settlement stays one (services/card-settlements.ts decides, after the rules).
		if (r.category_id === CARD_SETTLEMENT_CATEGORY && r.internal_transfer === 1 && r.rule_id === null) continue;
		const c = categorise({
			rawLabel: r.raw_label,
			amount: r.amount,
			date: r.booking_date,
			accountId: r.account_id,
			filePayee: r.imported_payee
		});
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
	const settlements = await markCardSettlements(db, scope);
	return { examined: rows.length, changed: updates.length + settlements };
}

/** The admin's test box: what the default rules do with a label and an amount. */
export async function testDefaultRules(db: Db, actor: Actor, label: string, amount: number, date: string) {
	requireLayer({ kind: 'shared', actor }, 'read');
	const layers = { organisationId: actor.organisationId, householdId: null };
	const r = categorise(await loadRuleSet(db, layers), { rawLabel: label, amount, date, accountId: 0 });
	return {
		category: r.category,
		payee: r.payee,
		ruleId: r.ruleId,
		matched: r.explanation?.matched ?? null,
		operationType: r.normalised.operationType
	};
}
