/**
 * Reading the household's registrations (FICP, FCC, surendettement): for its pages and for the caseload
 * row's F4 signal. Writing is in registers.ts.
 */
import { today } from '$lib/dates';
import type { Db } from '../db';
import { requirePermission, type HouseholdScope } from '../auth/access';
import { REGISTER_KINDS, type RegisterKind, type Registration } from '../fragility/signals-situation';

export interface RegisterEntry extends Registration {
	id: number;
	label: string;
	active: boolean;
}

const isKind = (k: string): k is RegisterKind => Object.hasOwn(REGISTER_KINDS, k);

/** The household's registrations, those in force first, then the most recent. */
export async function listRegistrations(db: Db, scope: HouseholdScope, asOf = today()): Promise<RegisterEntry[]> {
	requirePermission(scope, 'read');
	const rows = await db
		.selectFrom('household_register')
		.select(['id', 'kind', 'since', 'until'])
		.where('household_id', '=', scope.householdId)
		.orderBy('since', 'desc')
		.orderBy('id', 'desc')
		.execute();
	return rows
		.filter((r) => isKind(r.kind))
		.map((r) => {
			const kind = r.kind as RegisterKind;
			return {
				id: r.id,
				kind,
				label: REGISTER_KINDS[kind],
				since: r.since,
				until: r.until,
				active: r.since <= asOf && (r.until === null || r.until >= asOf)
			};
		})
		.sort((a, b) => Number(b.active) - Number(a.active));
}

/** The registrations as the fragility engine reads them. */
export async function registrationsOf(db: Db, scope: HouseholdScope): Promise<Registration[]> {
	return (await listRegistrations(db, scope)).map(({ kind, since, until }) => ({ kind, since, until }));
}
