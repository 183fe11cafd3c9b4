/**
 * Erasure of a household (right to erasure, and the end of the retention period): every row of every table
 * that carries its `household_id`, and the accounts of its members who belong to no other household, with
 * what names them (sessions, login entries of the audit log, throttling counters, e-mails sent to them).
 * What remains is one audit entry `household.erased` with the household's id and counts, no name or address.
 * Only an admin of the household's organisation (or the operator at the command line) may erase.
 */
import { differenceInMonths } from 'date-fns';
import type { Actor } from '../auth/session';
import type { Db } from '../db';
import type { Database } from '../db/schema';
import { audit } from './audit';
import { InputError, NotFoundError } from './errors';

/** Children before parents (foreign keys); the other household tables follow, `household` itself last. */
const FIRST = ['probable_duplicate', 'bank_transaction', 'account_balance', 'pending_import', 'import_batch'];

/** Every table with a `household_id` column, read from the database itself (so a new table is not forgotten). */
export async function householdTables(db: Db): Promise<string[]> {
	const tables = await db.introspection.getTables();
	const names = tables
		.filter((t) => !t.isView && t.columns.some((c) => c.name === 'household_id'))
		.map((t) => t.name)
		.sort();
	return [...FIRST.filter((n) => names.includes(n)), ...names.filter((n) => !FIRST.includes(n))];
}

export interface ErasureResult {
	householdId: number;
	/** rows removed per table */
	rows: Record<string, number>;
	users: number;
}

/** Who erases: an admin (of the household's organisation) with the household's name typed, or the operator. */
export type Eraser = { actor: Actor; confirmation: string } | { operator: true };

async function householdFor(db: Db, who: Eraser, householdId: number) {
	const h = Number.isSafeInteger(householdId)
		? await db
				.selectFrom('household')
				.select(['id', 'name', 'organisation_id'])
				.where('id', '=', householdId)
				.executeTakeFirst()
		: undefined;
	if ('operator' in who) {
		if (!h) throw new InputError(`ménage ${householdId} inconnu`, 'household');
		return h;
	}
	if (who.actor.role !== 'admin' || !h || h.organisation_id !== who.actor.organisationId)
		throw new NotFoundError('Ménage introuvable.');
	if (who.confirmation.trim() !== h.name.trim())
		throw new InputError(`Recopiez le nom du ménage, « ${h.name} », pour confirmer l’effacement.`, 'confirmation');
	return h;
}

/** Erases the household and its own members' accounts, in one transaction. */
export async function eraseHousehold(
	db: Db,
	who: Eraser,
	householdId: number,
	now = new Date()
): Promise<ErasureResult> {
	const tables = await householdTables(db);
	return db.transaction().execute(async (trx) => {
		const h = await householdFor(trx, who, householdId);
		const members = await trx
			.selectFrom('household_member as m')
			.innerJoin('app_user as u', 'u.id', 'm.user_id')
			.select(['u.id', 'u.email'])
			.where('m.household_id', '=', h.id)
			.where('u.role', '=', 'household')
			.where((eb) =>
				eb.not(
					eb.exists(
						eb
							.selectFrom('household_member as o')
							.select('o.user_id')
							.whereRef('o.user_id', '=', 'm.user_id')
							.where('o.household_id', '<>', h.id)
					)
				)
			)
			.execute();
		const rows: Record<string, number> = {};
		for (const table of tables) {
			const r = await trx
				.deleteFrom(table as keyof Database)
				.where('household_id' as never, '=', h.id as never)
				.executeTakeFirst();
			rows[table] = Number(r.numDeletedRows);
		}
		if (members.length > 0) {
			const ids = members.map((m) => m.id);
			const emails = members.map((m) => m.email);
			await trx
				.deleteFrom('audit_log')
				.where((eb) =>
					eb.or([
						eb('actor_id', 'in', ids),
						eb.and([eb('target_type', '=', 'user'), eb('target_id', 'in', ids.map(String))])
					])
				)
				.execute();
			await trx.deleteFrom('outbox').where('to_address', 'in', emails).execute();
			await trx
				.deleteFrom('login_throttle')
				.where(
					'key',
					'in',
					emails.map((e) => `account:${e}`)
				)
				.execute();
			await trx.deleteFrom('session').where('user_id', 'in', ids).execute();
			await trx.deleteFrom('password_reset').where('user_id', 'in', ids).execute();
			await trx.deleteFrom('app_user').where('id', 'in', ids).execute();
		}
		const r = await trx.deleteFrom('household').where('id', '=', h.id).executeTakeFirst();
		rows.household = Number(r.numDeletedRows);
		await audit(
			trx,
			{
				organisationId: h.organisation_id,
				actorId: 'operator' in who ? null : who.actor.id,
				action: 'household.erased',
				targetType: 'household',
				targetId: h.id,
				details: { rows, users: members.length }
			},
			now
		);
		return { householdId: h.id, rows, users: members.length };
	});
}

export interface HouseholdActivity {
	id: number;
	name: string;
	organisationId: number;
	createdAt: string;
	/** the last login of a member, import or action of a member or adviser (the creation when none) */
	lastActivity: string;
	inactiveMonths: number;
	/** inactive for the retention period or more: to be erased */
	flagged: boolean;
}

function latest(map: Map<number, string>, id: number, at: string | null | undefined): void {
	if (at && (!map.has(id) || at > map.get(id)!)) map.set(id, at);
}

/** The households (of one organisation, or all) with their last activity and whether retention flags them. */
export async function householdActivity(
	db: Db,
	retentionMonths: number,
	now: Date,
	organisationId: number | null
): Promise<HouseholdActivity[]> {
	let q = db.selectFrom('household').select(['id', 'name', 'organisation_id', 'created_at']).orderBy('id');
	if (organisationId !== null) q = q.where('organisation_id', '=', organisationId);
	const households = await q.execute();
	const last = new Map<number, string>();
	const ids = households.map((h) => h.id);
	if (ids.length > 0) {
		const [imports, actions, logins, sessions] = await Promise.all([
			db
				.selectFrom('import_batch')
				.select(['household_id as id', (eb) => eb.fn.max('created_at').as('at')])
				.where('household_id', 'in', ids)
				.groupBy('household_id')
				.execute(),
			db
				.selectFrom('audit_log')
				.select(['household_id as id', (eb) => eb.fn.max('at').as('at')])
				.where('household_id', 'in', ids)
				.where('actor_id', 'is not', null)
				.where('action', '<>', 'household.export')
				.groupBy('household_id')
				.execute(),
			db
				.selectFrom('audit_log as a')
				.innerJoin('household_member as m', 'm.user_id', 'a.actor_id')
				.select(['m.household_id as id', (eb) => eb.fn.max('a.at').as('at')])
				.where('a.action', '=', 'login')
				.where('m.household_id', 'in', ids)
				.groupBy('m.household_id')
				.execute(),
			db
				.selectFrom('session as s')
				.innerJoin('household_member as m', 'm.user_id', 's.user_id')
				.select(['m.household_id as id', (eb) => eb.fn.max('s.last_seen_at').as('at')])
				.where('m.household_id', 'in', ids)
				.groupBy('m.household_id')
				.execute()
		]);
		for (const r of [...imports, ...actions, ...logins, ...sessions]) latest(last, r.id as number, r.at as string);
	}
	return households.map((h) => {
		const lastActivity = last.get(h.id) ?? h.created_at;
		const inactiveMonths = Math.max(0, differenceInMonths(now, new Date(lastActivity)));
		return {
			id: h.id,
			name: h.name,
			organisationId: h.organisation_id,
			createdAt: h.created_at,
			lastActivity,
			inactiveMonths,
			flagged: inactiveMonths >= retentionMonths
		};
	});
}

/** The admin's view: the households of their organisation (404-like empty for anyone else). */
export async function organisationHouseholds(
	db: Db,
	actor: Actor,
	retentionMonths: number,
	now = new Date()
): Promise<HouseholdActivity[]> {
	if (actor.role !== 'admin') throw new NotFoundError();
	return householdActivity(db, retentionMonths, now, actor.organisationId);
}
