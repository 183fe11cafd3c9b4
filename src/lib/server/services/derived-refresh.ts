/**
 * The household's derived figures refreshed off the request path (issue 20). An import only marks them
 * stale, in its own transaction (`markDerivedDue`), and asks for a refresh after its response
 * (`refreshAfterResponse`): the person sees the import's result without waiting for the forecast, the
 * fragility signals and the plan to be computed again over the whole history. A reader of those figures
 * calls `ensureDerived` (one household) or `ensureOrganisationDerived` (a caseload) first: a household still
 * stale is refreshed then, or its refresh already under way in this process is waited for, so no page shows
 * figures older than the data. Stale households left by a process that stopped are refreshed by the next
 * reader or by the periodic tasks (`refreshStaleHouseholds`).
 */
import type { Db } from '../db';
import { afterResponse } from '../db/background';
import { operatorScope, type HouseholdScope } from '../auth/access';
import { refreshDerived } from './derived-status';

type Timings = Parameters<typeof refreshDerived>[3];

/** Refreshes under way in this process, by database handle and household. */
const underWay = new WeakMap<Db, Map<number, Promise<void>>>();

function underWayOn(db: Db): Map<number, Promise<void>> {
	let map = underWay.get(db);
	if (!map) {
		map = new Map();
		underWay.set(db, map);
	}
	return map;
}

/** Marks the household's derived figures stale: inside the transaction of the change that made them so. */
export async function markDerivedDue(trx: Db, scope: HouseholdScope, now: Date): Promise<void> {
	await trx
		.insertInto('derived_refresh')
		.values({
			household_id: scope.householdId,
			organisation_id: scope.organisationId,
			due: 1,
			done: 0,
			due_at: now.toISOString()
		})
		.onConflict((oc) =>
			oc.column('household_id').doUpdateSet((eb) => ({
				due: eb('derived_refresh.due', '+', 1),
				due_at: eb.ref('excluded.due_at')
			}))
		)
		.execute();
}

/** The count of changes the household's figures are behind by, or null when they are current. */
async function staleCount(db: Db, householdId: number): Promise<number | null> {
	const row = await db
		.selectFrom('derived_refresh')
		.select(['due', 'done'])
		.where('household_id', '=', householdId)
		.executeTakeFirst();
	return row && row.due > row.done ? row.due : null;
}

/**
 * Refreshes the household's figures if they are stale; waits for a refresh of it already under way in this
 * process, then looks again (a change may have come meanwhile). The figures are marked current up to the
 * count read before the refresh, even when a step of it failed (logged by refreshDerived): a reader must not
 * run a failing refresh again on every page.
 */
export async function ensureDerived(db: Db, scope: HouseholdScope, now = new Date(), timings?: Timings): Promise<void> {
	const map = underWayOn(db);
	for (;;) {
		const current = map.get(scope.householdId);
		if (!current) break;
		await current;
	}
	// set before the first await: a second reader in this process waits for this one instead of refreshing too
	const refresh = (async () => {
		const due = await staleCount(db, scope.householdId);
		if (due === null) return;
		await refreshDerived(db, scope, now, timings);
		await db
			.updateTable('derived_refresh')
			.set({ done: due })
			.where('household_id', '=', scope.householdId)
			.where('done', '<', due)
			.execute();
	})();
	map.set(scope.householdId, refresh);
	try {
		await refresh;
	} finally {
		if (map.get(scope.householdId) === refresh) map.delete(scope.householdId);
	}
}

/** Asks for the household's figures to be refreshed once the current request has been answered. */
export function refreshAfterResponse(db: Db, scope: HouseholdScope, now = new Date()): Promise<void> {
	return afterResponse(db, `household ${scope.householdId}: refresh of its figures`, () =>
		ensureDerived(db, scope, now)
	);
}

/** Refreshes the stale households of `households` (ids), one after the other. */
async function refreshEach(db: Db, households: number[], now: Date): Promise<number> {
	let refreshed = 0;
	for (const id of households) {
		const scope = await operatorScope(db, id);
		if (!scope) continue;
		await ensureDerived(db, scope, now);
		refreshed++;
	}
	return refreshed;
}

/** Before a caseload is read: refreshes the organisation's stale households (usually none: one query). */
export async function ensureOrganisationDerived(db: Db, organisationId: number, now = new Date()): Promise<void> {
	const stale = await db
		.selectFrom('derived_refresh')
		.select('household_id')
		.where('organisation_id', '=', organisationId)
		.whereRef('due', '>', 'done')
		.orderBy('household_id')
		.execute();
	if (stale.length > 0)
		await refreshEach(
			db,
			stale.map((r) => r.household_id),
			now
		);
}

/** Every stale household, all organisations: for the periodic tasks. Returns how many were refreshed. */
export async function refreshStaleHouseholds(db: Db, now = new Date()): Promise<number> {
	const stale = await db
		.selectFrom('derived_refresh')
		.select('household_id')
		.whereRef('due', '>', 'done')
		.orderBy('household_id')
		.execute();
	return refreshEach(
		db,
		stale.map((r) => r.household_id),
		now
	);
}
