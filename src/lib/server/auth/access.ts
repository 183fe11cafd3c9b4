/**
 * The one place that decides who may see a household's data. A household member sees their household;
 * an adviser sees the households assigned to them that have given (and not withdrawn) consent;
 * professionals and admins see no household's financial data. Every load and action goes through it.
 */
import type { Db } from '../db';
import type { Actor } from './session';

/** The subset of `householdIds` whose financial data `actor` may read (and act on). */
export async function visibleHouseholdIds(db: Db, actor: Actor, householdIds: number[]): Promise<Set<number>> {
	const ids = [...new Set(householdIds.filter((id) => Number.isSafeInteger(id) && id > 0))];
	if (ids.length === 0) return new Set();
	if (actor.role === 'household') {
		const rows = await db
			.selectFrom('household_member')
			.select('household_id')
			.where('user_id', '=', actor.id)
			.where('organisation_id', '=', actor.organisationId)
			.where('household_id', 'in', ids)
			.execute();
		return new Set(rows.map((r) => r.household_id));
	}
	if (actor.role === 'adviser') {
		const rows = await db
			.selectFrom('adviser_assignment as a')
			.select('a.household_id')
			.where('a.adviser_id', '=', actor.id)
			.where('a.organisation_id', '=', actor.organisationId)
			.where('a.household_id', 'in', ids)
			.where((eb) =>
				eb.exists(
					eb
						.selectFrom('consent as c')
						.select('c.id')
						.whereRef('c.household_id', '=', 'a.household_id')
						.where('c.withdrawn_at', 'is', null)
				)
			)
			.execute();
		return new Set(rows.map((r) => r.household_id));
	}
	return new Set();
}

export async function canSeeHousehold(db: Db, actor: Actor, householdId: number): Promise<boolean> {
	return (await visibleHouseholdIds(db, actor, [householdId])).has(householdId);
}

/**
 * Households an adviser follows, whether or not consent is given (the adviser sees the name and the
 * consent state in the caseload, never the data without consent).
 */
export async function assignedHouseholdIds(db: Db, adviser: Actor): Promise<number[]> {
	if (adviser.role !== 'adviser') return [];
	const rows = await db
		.selectFrom('adviser_assignment')
		.select('household_id')
		.where('adviser_id', '=', adviser.id)
		.where('organisation_id', '=', adviser.organisationId)
		.execute();
	return rows.map((r) => r.household_id);
}

/** Roles allowed on each top-level section of the site (the first segment of the route id). */
export const SECTION_ROLES: Record<string, readonly Actor['role'][]> = {
	households: ['household', 'adviser'],
	caseload: ['adviser'],
	admin: ['admin'],
	check: ['professional', 'adviser', 'admin'],
	account: ['household', 'adviser', 'professional', 'admin']
};

export function mayEnterSection(actor: Actor, section: string): boolean {
	const roles = SECTION_ROLES[section];
	return roles === undefined || roles.includes(actor.role);
}

/** Where each role lands after login. */
export async function homePath(db: Db, actor: Actor): Promise<string> {
	switch (actor.role) {
		case 'adviser':
			return '/caseload';
		case 'professional':
			return '/check';
		case 'admin':
			return '/admin';
		case 'household': {
			const row = await db
				.selectFrom('household_member')
				.select('household_id')
				.where('user_id', '=', actor.id)
				.orderBy('household_id')
				.executeTakeFirst();
			return row ? `/households/${row.household_id}` : '/account';
		}
	}
}
