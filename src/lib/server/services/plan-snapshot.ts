/**
 * The household's computed plan, kept between requests. Computing it runs every engine (benefits, fees,
 * fragility, forecast, budget), so pages read the stored actions while they are current: computed the same
 * day (Paris time; urgency depends on the day) and after the household's last change — the last refresh of
 * its caseload row (imports, profile, registers) and its last audited change (a category, a rule, a debt,
 * a balance…), page views excepted. Otherwise the plan is computed again and stored.
 *
 * Each stored action keeps the instant it first appeared, for the adviser's morning digest.
 */
import { nowInstant, today } from '$lib/dates';
import type { Db } from '../db';
import { requirePermission, type HouseholdScope } from '../auth/access';
import { buildPlan, type PlanAction } from '../coaching/plan';
import { planInputs, type KnownInputs } from './plan-inputs';
import { VISIT_ACTIONS } from './access-log';

/** Audited actions that change nothing the plan reads. */
const NOT_CHANGES: readonly string[] = [...VISIT_ACTIONS, 'signal.followup', 'casefile.entry_added'];

async function snapshotIsCurrent(db: Db, scope: HouseholdScope, now: Date): Promise<boolean> {
	const [snap, row, change] = await Promise.all([
		db
			.selectFrom('plan_snapshot')
			.select('computed_at')
			.where('household_id', '=', scope.householdId)
			.where('organisation_id', '=', scope.organisationId)
			.executeTakeFirst(),
		db
			.selectFrom('caseload_row')
			.select('computed_at')
			.where('household_id', '=', scope.householdId)
			.executeTakeFirst(),
		db
			.selectFrom('audit_log')
			.select('at')
			.where('household_id', '=', scope.householdId)
			.where('action', 'not in', NOT_CHANGES)
			.where('action', 'not like', 'plan.%')
			.orderBy('at', 'desc')
			.limit(1)
			.executeTakeFirst()
	]);
	if (!snap) return false;
	if (today(new Date(snap.computed_at)) !== today(now)) return false;
	if (row && row.computed_at > snap.computed_at) return false;
	return !(change && change.at > snap.computed_at);
}

async function storedActions(db: Db, scope: HouseholdScope): Promise<PlanAction[]> {
	const rows = await db
		.selectFrom('plan_action')
		.select('action')
		.where('household_id', '=', scope.householdId)
		.where('organisation_id', '=', scope.organisationId)
		.orderBy('position')
		.execute();
	return rows.map((r) => JSON.parse(r.action) as PlanAction);
}

/**
 * Stores the computed actions: an action already known keeps the instant it first appeared. Upserts, so
 * that two requests storing the same plan at once do not collide on PostgreSQL.
 */
async function store(db: Db, scope: HouseholdScope, actions: readonly PlanAction[], now: Date): Promise<void> {
	const at = nowInstant(now);
	const { householdId, organisationId } = scope;
	await db.transaction().execute(async (trx) => {
		let gone = trx.deleteFrom('plan_action').where('household_id', '=', householdId);
		if (actions.length)
			gone = gone.where(
				'action_key',
				'not in',
				actions.map((a) => a.key)
			);
		await gone.execute();
		if (actions.length)
			await trx
				.insertInto('plan_action')
				.values(
					actions.map((a, position) => ({
						household_id: householdId,
						organisation_id: organisationId,
						action_key: a.key,
						position,
						kind: a.kind,
						monthly_impact: a.monthlyImpact,
						one_off_impact: a.oneOffImpact,
						urgent: a.urgent ? 1 : 0,
						action: JSON.stringify(a),
						first_seen_at: at
					}))
				)
				.onConflict((oc) =>
					oc.columns(['household_id', 'action_key']).doUpdateSet((eb) => ({
						position: eb.ref('excluded.position'),
						kind: eb.ref('excluded.kind'),
						monthly_impact: eb.ref('excluded.monthly_impact'),
						one_off_impact: eb.ref('excluded.one_off_impact'),
						urgent: eb.ref('excluded.urgent'),
						action: eb.ref('excluded.action')
					}))
				)
				.execute();
		await trx
			.insertInto('plan_snapshot')
			.values({ household_id: householdId, organisation_id: organisationId, computed_at: at })
			.onConflict((oc) => oc.column('household_id').doUpdateSet({ computed_at: at }))
			.execute();
	});
}

/** Computes the plan from the engines (reusing the `known` results) and stores it; returns the actions, ranked. */
export async function refreshPlanActions(
	db: Db,
	scope: HouseholdScope,
	now = new Date(),
	known: KnownInputs = {}
): Promise<PlanAction[]> {
	requirePermission(scope, 'read');
	const actions = buildPlan(await planInputs(db, scope, now, known));
	await store(db, scope, actions, now);
	return actions;
}

/** The computed actions: the stored ones while current, else computed again (and stored). */
export async function currentPlanActions(db: Db, scope: HouseholdScope, now = new Date()): Promise<PlanAction[]> {
	requirePermission(scope, 'read');
	if (await snapshotIsCurrent(db, scope, now)) return storedActions(db, scope);
	return refreshPlanActions(db, scope, now);
}
