/**
 * The household's registrations in a file or a procedure (fragility signal F4): FICP, FCC, a surendettement
 * file declared admissible, a plan in progress. The adviser records them from what the household shows
 * (a Banque de France letter, the commission's decision); BGV cannot see them in bank statements. The
 * household's members read them; only the adviser (or the operator) writes, as for the debts register.
 * A change refreshes the caseload row, whose level F4 raises to "fragile".
 */
import { isIsoDate, nowInstant, today, type IsoDate } from '$lib/dates';
import { listRegistrations, type RegisterEntry } from './register-read';
import type { Db } from '../db';
import { AccessDeniedError, requirePermission, type HouseholdScope } from '../auth/access';
import { REGISTER_KINDS, type RegisterKind } from '../fragility/signals-situation';
import { InputError, NotFoundError } from './errors';
import { auditScope } from './audit';
import { refreshDerived } from './derived-status';

export const REGISTER_KIND_OPTIONS = Object.entries(REGISTER_KINDS).map(([value, label]) => ({ value, label }));

const isKind = (k: string): k is RegisterKind => Object.hasOwn(REGISTER_KINDS, k);

export { listRegistrations, type RegisterEntry };

function requireAdviserWrite(scope: HouseholdScope): void {
	requirePermission(scope, 'write');
	if (scope.relation === 'member') throw new AccessDeniedError('write');
}

function checkDate(value: string, field: string, label: string): IsoDate {
	if (!isIsoDate(value)) throw new InputError(`${label} : date attendue (jj/mm/aaaa).`, field);
	return value;
}

/** Records a registration; `since` may not be in the future. */
export async function addRegistration(
	db: Db,
	scope: HouseholdScope,
	input: { kind: string; since: string },
	now = new Date()
): Promise<number> {
	requireAdviserWrite(scope);
	if (!isKind(input.kind)) throw new InputError('Fichier ou procédure : choisissez dans la liste.', 'kind');
	const since = checkDate(input.since, 'since', 'Depuis le');
	if (since > today(now)) throw new InputError('Depuis le : la date ne peut pas être dans le futur.', 'since');
	const row = await db
		.insertInto('household_register')
		.values({
			organisation_id: scope.organisationId,
			household_id: scope.householdId,
			kind: input.kind,
			since,
			until: null,
			recorded_by: scope.actor.id,
			recorded_at: nowInstant(now)
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await auditScope(db, scope, { action: 'register.add', targetType: 'register', targetId: row.id }, now);
	await refreshDerived(db, scope, now);
	return row.id;
}

/** Ends a registration (lifted, plan completed) on `until`, which cannot precede its start. */
export async function endRegistration(
	db: Db,
	scope: HouseholdScope,
	id: number,
	until: string,
	now = new Date()
): Promise<void> {
	requireAdviserWrite(scope);
	const end = checkDate(until, 'until', 'Fin le');
	const row = await db
		.selectFrom('household_register')
		.select(['since'])
		.where('id', '=', id)
		.where('household_id', '=', scope.householdId)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('Inscription introuvable.');
	if (end < row.since) throw new InputError('Fin le : la date précède le début.', 'until');
	await db
		.updateTable('household_register')
		.set({ until: end })
		.where('id', '=', id)
		.where('household_id', '=', scope.householdId)
		.execute();
	await auditScope(db, scope, { action: 'register.end', targetType: 'register', targetId: id }, now);
	await refreshDerived(db, scope, now);
}

/** Deletes a registration recorded by mistake. */
export async function deleteRegistration(db: Db, scope: HouseholdScope, id: number, now = new Date()): Promise<void> {
	requireAdviserWrite(scope);
	const r = await db
		.deleteFrom('household_register')
		.where('id', '=', id)
		.where('household_id', '=', scope.householdId)
		.executeTakeFirst();
	if (Number(r.numDeletedRows) === 0) throw new NotFoundError('Inscription introuvable.');
	await auditScope(db, scope, { action: 'register.delete', targetType: 'register', targetId: id }, now);
	await refreshDerived(db, scope, now);
}
