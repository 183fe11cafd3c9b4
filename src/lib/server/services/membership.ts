/**
 * A household's members and their consent to share with the adviser. Consent belongs to the members: the
 * first member decides when joining; a member who withdrew it is the only one who can give it back while
 * they are a member (a member who joined later cannot restore what an earlier one withdrew); members are
 * told when someone joins and can remove anyone who joined after them.
 */
import type { Config } from '../config';
import type { Db } from '../db';
import { requirePermission, type HouseholdScope } from '../auth/access';
import { formatDateFr } from '$lib/dates';
import { auditScope } from './audit';
import { InputError, NotFoundError } from './errors';
import { appLink, sendMail } from './mailer';

export interface MemberRow {
	userId: number;
	name: string;
	email: string;
	joinedAt: string;
	/** the person looking is this member */
	isMe: boolean;
	/** the person looking may remove this member (they joined later) */
	removable: boolean;
}

export interface ConsentState {
	given: { at: string; by: string | null } | null;
	withdrawn: { at: string; by: string | null } | null;
	/** the person looking may give consent now (false when another member withdrew it) */
	mayGive: boolean;
}

async function members(db: Db, householdId: number) {
	return db
		.selectFrom('household_member as m')
		.innerJoin('app_user as u', 'u.id', 'm.user_id')
		.select(['m.user_id', 'm.created_at', 'u.name', 'u.email'])
		.where('m.household_id', '=', householdId)
		.orderBy('m.created_at')
		.orderBy('m.user_id')
		.execute();
}

/** The household's members, as a member sees them. */
export async function listMembers(db: Db, scope: HouseholdScope): Promise<MemberRow[]> {
	requirePermission(scope, 'read');
	const rows = await members(db, scope.householdId);
	const mine = rows.find((r) => r.user_id === scope.actor.id);
	return rows.map((r) => ({
		userId: r.user_id,
		name: r.name,
		email: r.email,
		joinedAt: r.created_at,
		isMe: r.user_id === scope.actor.id,
		removable: mine !== undefined && r.user_id !== mine.user_id && r.created_at > mine.created_at
	}));
}

/** The latest consent row of the household, with who gave and withdrew it. */
async function latestConsent(db: Db, householdId: number) {
	return db
		.selectFrom('consent as c')
		.leftJoin('app_user as g', 'g.id', 'c.given_by')
		.leftJoin('app_user as w', 'w.id', 'c.withdrawn_by')
		.select([
			'c.id',
			'c.given_at',
			'c.withdrawn_at',
			'c.withdrawn_by',
			'g.name as given_name',
			'w.name as withdrawn_name'
		])
		.where('c.household_id', '=', householdId)
		.orderBy('c.given_at', 'desc')
		.orderBy('c.id', 'desc')
		.executeTakeFirst();
}

/** Whether `userId` may give consent: unless another member, still a member, withdrew it last. */
async function mayGiveConsent(db: Db, householdId: number, userId: number | null): Promise<boolean> {
	const last = await latestConsent(db, householdId);
	if (!last?.withdrawn_at || last.withdrawn_by === null || last.withdrawn_by === userId) return true;
	const withdrawer = await db
		.selectFrom('household_member')
		.select('user_id')
		.where('household_id', '=', householdId)
		.where('user_id', '=', last.withdrawn_by)
		.executeTakeFirst();
	return withdrawer === undefined;
}

export async function consentState(db: Db, scope: HouseholdScope): Promise<ConsentState> {
	requirePermission(scope, 'view');
	const last = await latestConsent(db, scope.householdId);
	return {
		given: last && !last.withdrawn_at ? { at: last.given_at, by: last.given_name } : null,
		withdrawn: last?.withdrawn_at ? { at: last.withdrawn_at, by: last.withdrawn_name } : null,
		mayGive: await mayGiveConsent(db, scope.householdId, scope.actor.id)
	};
}

/** Records consent unless one is already in force. */
export async function recordConsent(
	db: Db,
	householdId: number,
	organisationId: number,
	userId: number | null,
	now = new Date()
): Promise<void> {
	const current = await db
		.selectFrom('consent')
		.select('id')
		.where('household_id', '=', householdId)
		.where('withdrawn_at', 'is', null)
		.executeTakeFirst();
	if (current) return;
	await db
		.insertInto('consent')
		.values({
			household_id: householdId,
			organisation_id: organisationId,
			given_at: now.toISOString(),
			given_by: userId,
			withdrawn_at: null,
			withdrawn_by: null
		})
		.execute();
}

/** A member gives or withdraws consent to share the household's data with its adviser. */
export async function setConsent(db: Db, scope: HouseholdScope, give: boolean, now = new Date()): Promise<void> {
	requirePermission(scope, 'consent');
	const { householdId } = scope;
	const actorId = scope.actor.id as number;
	if (give) {
		if (!(await mayGiveConsent(db, householdId, actorId)))
			throw new InputError(
				'Un autre membre du foyer a retiré le partage avec le conseiller : lui seul peut le rétablir.',
				'consent'
			);
		await recordConsent(db, householdId, scope.organisationId, actorId, now);
	} else {
		await db
			.updateTable('consent')
			.set({ withdrawn_at: now.toISOString(), withdrawn_by: actorId })
			.where('household_id', '=', householdId)
			.where('withdrawn_at', 'is', null)
			.execute();
	}
	await auditScope(db, scope, { action: give ? 'consent.given' : 'consent.withdrawn' }, now);
}

/**
 * A member removes a member who joined after them. The removed person's account goes too when they belong to
 * no other household (their sessions end with it).
 */
export async function removeMember(db: Db, scope: HouseholdScope, userId: number, now = new Date()): Promise<void> {
	requirePermission(scope, 'consent');
	const member = (await listMembers(db, scope)).find((m) => m.userId === userId);
	if (!member) throw new NotFoundError('Membre introuvable.');
	if (!member.removable) throw new InputError('Vous ne pouvez retirer que les membres arrivés après vous.', 'member');
	await db.transaction().execute(async (trx) => {
		await trx
			.deleteFrom('household_member')
			.where('household_id', '=', scope.householdId)
			.where('user_id', '=', userId)
			.execute();
		const elsewhere = await trx
			.selectFrom('household_member')
			.select('household_id')
			.where('user_id', '=', userId)
			.executeTakeFirst();
		if (!elsewhere) {
			await trx.deleteFrom('session').where('user_id', '=', userId).execute();
			await trx
				.updateTable('app_user')
				.set({ active: 0 })
				.where('id', '=', userId)
				.where('role', '=', 'household')
				.execute();
		}
		await auditScope(trx, scope, { action: 'member.removed', targetType: 'user', targetId: userId }, now);
	});
}

/** Tells the household's other members that someone joined (by e-mail), with the way to remove them. */
export async function notifyMembersOfNewcomer(
	db: Db,
	config: Config,
	household: { id: number; organisationId: number; name: string },
	newcomer: { id: number; name: string },
	now = new Date()
): Promise<number> {
	const others = (await members(db, household.id)).filter((m) => m.user_id !== newcomer.id);
	for (const m of others) {
		await sendMail(
			db,
			config,
			{
				to: m.email,
				organisationId: household.organisationId,
				purpose: 'member_joined',
				subject: `Un nouveau membre a rejoint « ${household.name} » dans BGV`,
				text: [
					`Bonjour ${m.name},`,
					'',
					`${newcomer.name} a rejoint votre foyer « ${household.name} » dans BGV le ${formatDateFr(now.toISOString().slice(0, 10))}.`,
					'Il ou elle voit désormais les relevés et le budget du foyer.',
					'',
					`Si vous ne connaissez pas cette personne, retirez-la depuis la page de votre foyer : ${appLink(config, `/households/${household.id}`)}`,
					'',
					'BGV'
				].join('\n')
			},
			now
		);
	}
	return others.length;
}
