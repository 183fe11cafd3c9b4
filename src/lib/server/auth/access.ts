/**
 * The one place that decides who may see or change a household's data, and the only module that creates a
 * `HouseholdScope`. A household member reads and changes their household and decides on consent; an adviser
 * assigned to a household sees that it exists, and reads and changes its data only while consent is given
 * (and not withdrawn); professionals and admins see no household's financial data. Every household service
 * takes a scope and checks the permission it needs, so no service can run without an access decision.
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db';
import type { Role } from '../db/schema';
import type { Actor } from './session';

/**
 * What an actor may do with one household:
 * - `view`: know that the household exists (its name, consent state, members): the caseload row;
 * - `read`: its financial data (transactions, budget, forecast, benefits, profile);
 * - `write`: change that data (import, categorise, rules, forecast choices, profile, alerts);
 * - `consent`: give or withdraw consent to share with the adviser (members only);
 * - `invite`: invite a member (the assigned adviser, with or without consent);
 * - `casefile`: read and write the adviser's case file (notes, appointments, next steps): the assigned
 *   adviser with consent only, never the household's members.
 */
export type HouseholdPermission = 'view' | 'read' | 'write' | 'consent' | 'invite' | 'casefile';

/** Who acts through a scope: a signed-in user, or the operator running the command line. */
export interface ScopeActor {
	/** the user's id; null for the command line (its audit entries carry no user) */
	id: number | null;
	organisationId: number;
	role: Role | 'operator';
	name: string;
}

export interface HouseholdScope {
	readonly actor: ScopeActor;
	readonly householdId: number;
	/** the household's organisation (the tenant and shard key), never the actor's guess */
	readonly organisationId: number;
	/** how the actor relates to the household */
	readonly relation: 'member' | 'adviser' | 'operator';
	readonly permissions: ReadonlySet<HouseholdPermission>;
}

/** A scope is asked for a permission it does not carry, or was not made by this module. */
export class AccessDeniedError extends Error {
	constructor(readonly permission: HouseholdPermission) {
		super('Page introuvable');
		this.name = 'AccessDeniedError';
	}
}

/** The scopes this module issued: a look-alike object built elsewhere is refused. */
const issued = new WeakSet<HouseholdScope>();

function issue(
	actor: ScopeActor,
	householdId: number,
	organisationId: number,
	relation: HouseholdScope['relation'],
	permissions: HouseholdPermission[]
): HouseholdScope {
	const scope: HouseholdScope = Object.freeze({
		actor: Object.freeze({ ...actor }),
		householdId,
		organisationId,
		relation,
		permissions: new Set(permissions)
	});
	issued.add(scope);
	return scope;
}

const MEMBER: HouseholdPermission[] = ['view', 'read', 'write', 'consent'];
const ADVISER_WITH_CONSENT: HouseholdPermission[] = ['view', 'read', 'write', 'invite', 'casefile'];
const ADVISER_WITHOUT_CONSENT: HouseholdPermission[] = ['view', 'invite'];
const OPERATOR: HouseholdPermission[] = ['view', 'read', 'write'];

function scopeActor(actor: Actor): ScopeActor {
	return { id: actor.id, organisationId: actor.organisationId, role: actor.role, name: actor.name };
}

function validIds(householdIds: number[]): number[] {
	return [...new Set(householdIds.filter((id) => Number.isSafeInteger(id) && id > 0))];
}

/**
 * The SQL condition under which an assigned adviser reads the household of `householdId` (its consent given
 * and not withdrawn): the rule of the adviser's scopes below, for a query that filters or counts a whole
 * caseload in SQL before asking for the scopes of the few households it shows.
 */
export function consentShared(householdId: Expression<number>): RawBuilder<SqlBool> {
	return sql<SqlBool>`exists (select 1 from consent where consent.household_id = ${householdId} and consent.withdrawn_at is null)`;
}

/**
 * The actor's scopes on the given households, keyed by household id; a household the actor has no relation
 * with (another household, another organisation) is absent. One query per call, whatever the number of ids.
 */
export async function householdScopes(
	db: Db,
	actor: Actor,
	householdIds: number[]
): Promise<Map<number, HouseholdScope>> {
	const ids = validIds(householdIds);
	const scopes = new Map<number, HouseholdScope>();
	if (ids.length === 0) return scopes;
	if (actor.role === 'household') {
		const rows = await db
			.selectFrom('household_member as m')
			.innerJoin('household as h', 'h.id', 'm.household_id')
			.select(['m.household_id', 'h.organisation_id'])
			.where('m.user_id', '=', actor.id)
			.where('m.organisation_id', '=', actor.organisationId)
			.where('h.organisation_id', '=', actor.organisationId)
			.where('m.household_id', 'in', ids)
			.execute();
		for (const r of rows)
			scopes.set(r.household_id, issue(scopeActor(actor), r.household_id, r.organisation_id, 'member', MEMBER));
		return scopes;
	}
	if (actor.role === 'adviser') {
		const rows = await db
			.selectFrom('adviser_assignment as a')
			.innerJoin('household as h', 'h.id', 'a.household_id')
			.select((eb) => ['a.household_id', 'h.organisation_id', consentShared(eb.ref('a.household_id')).as('consent')])
			.where('a.adviser_id', '=', actor.id)
			.where('a.organisation_id', '=', actor.organisationId)
			.where('h.organisation_id', '=', actor.organisationId)
			.where('a.household_id', 'in', ids)
			.execute();
		for (const r of rows) {
			const consent = Boolean(r.consent);
			scopes.set(
				r.household_id,
				issue(
					scopeActor(actor),
					r.household_id,
					r.organisation_id,
					'adviser',
					consent ? ADVISER_WITH_CONSENT : ADVISER_WITHOUT_CONSENT
				)
			);
		}
		return scopes;
	}
	return scopes;
}

/** The actor's scope on one household, or null when the actor has no relation with it. */
export async function householdScope(db: Db, actor: Actor, householdId: number): Promise<HouseholdScope | null> {
	return (await householdScopes(db, actor, [householdId])).get(householdId) ?? null;
}

/** The scopes of every household assigned to an adviser (with or without consent): the caseload. */
export async function caseloadScopes(db: Db, adviser: Actor): Promise<HouseholdScope[]> {
	if (adviser.role !== 'adviser') return [];
	const rows = await db
		.selectFrom('adviser_assignment')
		.select('household_id')
		.where('adviser_id', '=', adviser.id)
		.where('organisation_id', '=', adviser.organisationId)
		.execute();
	const scopes = await householdScopes(
		db,
		adviser,
		rows.map((r) => r.household_id)
	);
	return [...scopes.values()];
}

/**
 * The command line's scope on a household: whoever runs `bgv` on the server is the operator of the
 * deployment (they hold the database itself). Null when the household does not exist.
 */
export async function operatorScope(db: Db, householdId: number): Promise<HouseholdScope | null> {
	if (!Number.isSafeInteger(householdId) || householdId <= 0) return null;
	const h = await db
		.selectFrom('household')
		.select(['id', 'organisation_id'])
		.where('id', '=', householdId)
		.executeTakeFirst();
	if (!h) return null;
	const actor: ScopeActor = { id: null, organisationId: h.organisation_id, role: 'operator', name: 'bgv' };
	return issue(actor, h.id, h.organisation_id, 'operator', OPERATOR);
}

/** Whether the scope carries the permission (and was issued here). */
export function may(scope: HouseholdScope, permission: HouseholdPermission): boolean {
	return issued.has(scope) && scope.permissions.has(permission);
}

/** Throws AccessDeniedError unless the scope carries the permission: the first line of a household service. */
export function requirePermission(scope: HouseholdScope, permission: HouseholdPermission): void {
	if (!may(scope, permission)) throw new AccessDeniedError(permission);
}

/** Roles allowed on each top-level section of the site (the first segment of the route id). */
export const SECTION_ROLES: Record<string, readonly Actor['role'][]> = {
	households: ['household', 'adviser'],
	caseload: ['adviser'],
	admin: ['admin'],
	check: ['professional', 'adviser', 'admin'],
	intake: ['adviser', 'admin'],
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
				.where('organisation_id', '=', actor.organisationId)
				.orderBy('household_id')
				.executeTakeFirst();
			return row ? `/households/${row.household_id}` : '/account';
		}
	}
}
