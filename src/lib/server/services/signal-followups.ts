/**
 * What the adviser did about a fragility signal (issue 16: "signals and alerts with their follow-up: who,
 * when, what was done"). Each follow-up is a short sentence kept as history under the signal on the case
 * file. Only the household's adviser (or a staff member with the case file) writes and reads them: they are
 * the adviser's notes, like the case file's entries.
 */
import type { Db } from '../db';
import { requirePermission, type HouseholdScope } from '../auth/access';
import { auditScope } from './audit';
import { InputError } from './errors';

export const FOLLOWUP_MAX_LENGTH = 500;
/** A signal's id as the fragility engine names it (`F8_overdraft`, `gambling`). */
const SIGNAL_ID = /^[A-Za-z][A-Za-z0-9_]{0,59}$/;

export interface SignalFollowup {
	id: number;
	signal: string;
	body: string;
	author: string | null;
	/** ISO instant */
	at: string;
}

/** Records what was done about signal `signal` (its engine id, `F8_overdraft`). Returns the follow-up's id. */
export async function addSignalFollowup(
	db: Db,
	scope: HouseholdScope,
	input: { signal: string; body: string },
	now = new Date()
): Promise<number> {
	requirePermission(scope, 'casefile');
	if (!SIGNAL_ID.test(input.signal)) throw new InputError('Signal inconnu.', 'signal');
	const body = input.body.replace(/\s+/g, ' ').trim();
	if (body === '') throw new InputError('Ce qui a été fait : écrivez au moins quelques mots.', 'body');
	if (body.length > FOLLOWUP_MAX_LENGTH)
		throw new InputError(
			`Ce qui a été fait : ${FOLLOWUP_MAX_LENGTH} caractères au plus (${body.length} saisis).`,
			'body'
		);
	const row = await db
		.insertInto('signal_followup')
		.values({
			organisation_id: scope.organisationId,
			household_id: scope.householdId,
			signal: input.signal,
			body,
			author_id: scope.actor.id,
			created_at: now.toISOString()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await auditScope(db, scope, { action: 'signal.followup', targetType: 'signal', targetId: row.id }, now);
	return row.id;
}

/** The household's follow-ups by signal, newest first. */
export async function signalFollowups(db: Db, scope: HouseholdScope): Promise<Record<string, SignalFollowup[]>> {
	requirePermission(scope, 'casefile');
	const rows = await db
		.selectFrom('signal_followup as f')
		.leftJoin('app_user as u', 'u.id', 'f.author_id')
		.select(['f.id', 'f.signal', 'f.body', 'f.created_at', 'u.name as author'])
		.where('f.household_id', '=', scope.householdId)
		.where('f.organisation_id', '=', scope.organisationId)
		.orderBy('f.created_at', 'desc')
		.orderBy('f.id', 'desc')
		.execute();
	const out: Record<string, SignalFollowup[]> = {};
	for (const r of rows)
		(out[r.signal] ??= []).push({
			id: Number(r.id),
			signal: r.signal,
			body: r.body,
			author: r.author ?? null,
			at: r.created_at
		});
	return out;
}
