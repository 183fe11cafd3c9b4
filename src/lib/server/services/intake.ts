/**
 * The receiving association's intake queue: the referrals sent to it (and only to it), seen by its advisers
 * and admins; an adviser accepts one (a household followed by them, the person invited by e-mail when an
 * address was given) or an adviser or admin closes it with a reason. See referrals.ts for the sender's side.
 */
import type { Actor } from '../auth/session';
import { householdScope } from '../auth/access';
import type { Config } from '../config';
import type { Db } from '../db';
import type { ReferralStatus, ReferralUrgency } from '../db/schema';
import { audit } from './audit';
import { InputError, NotFoundError } from './errors';
import { createHousehold } from './households';
import { inviteMember } from './invitations';
import type { ReferralBenefit } from './referrals';

export const INTAKE_ROLES = ['adviser', 'admin'] as const;

function requireIntake(actor: Actor): void {
	if (!(INTAKE_ROLES as readonly string[]).includes(actor.role)) throw new NotFoundError();
}

export interface IntakeItem {
	id: number;
	status: ReferralStatus;
	urgency: ReferralUrgency;
	personName: string;
	email: string | null;
	phone: string | null;
	situation: string;
	benefits: ReferralBenefit[];
	senderName: string;
	senderOrganisation: string;
	createdAt: string;
	decidedAt: string | null;
	closeReason: string | null;
	householdId: number | null;
}

function parseBenefits(raw: string): ReferralBenefit[] {
	try {
		const list = JSON.parse(raw);
		return Array.isArray(list) ? list : [];
	} catch {
		return [];
	}
}

/** The association's queue: open requests (urgent first, oldest first), then the last decided ones. */
export async function intakeQueue(db: Db, actor: Actor): Promise<{ open: IntakeItem[]; decided: IntakeItem[] }> {
	requireIntake(actor);
	const rows = await db
		.selectFrom('referral as r')
		.innerJoin('app_user as u', 'u.id', 'r.sender_id')
		.innerJoin('organisation as so', 'so.id', 'r.sender_organisation_id')
		.select([
			'r.id',
			'r.status',
			'r.urgency',
			'r.person_name',
			'r.person_email',
			'r.person_phone',
			'r.situation',
			'r.benefits',
			'u.name as senderName',
			'so.name as senderOrganisation',
			'r.created_at',
			'r.decided_at',
			'r.close_reason',
			'r.household_id'
		])
		.where('r.organisation_id', '=', actor.organisationId)
		.orderBy('r.created_at')
		.orderBy('r.id')
		.execute();
	const items: IntakeItem[] = rows.map((r) => ({
		id: r.id,
		status: r.status,
		urgency: r.urgency,
		personName: r.person_name,
		email: r.person_email,
		phone: r.person_phone,
		situation: r.situation,
		benefits: parseBenefits(r.benefits),
		senderName: r.senderName,
		senderOrganisation: r.senderOrganisation,
		createdAt: r.created_at,
		decidedAt: r.decided_at,
		closeReason: r.close_reason,
		householdId: r.household_id
	}));
	const open = items
		.filter((i) => i.status === 'open')
		.sort((a, b) => Number(b.urgency === 'urgent') - Number(a.urgency === 'urgent'));
	const decided = items
		.filter((i) => i.status !== 'open')
		.sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''))
		.slice(0, 20);
	return { open, decided };
}

/** Marks an open request of the actor's association as decided; its row, or NotFoundError. */
async function claim(db: Db, actor: Actor, id: number, status: ReferralStatus, reason: string | null, now: Date) {
	if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError('Demande introuvable.');
	const row = await db
		.updateTable('referral')
		.set({ status, decided_at: now.toISOString(), decided_by: actor.id, close_reason: reason })
		.where('id', '=', id)
		.where('organisation_id', '=', actor.organisationId)
		.where('status', '=', 'open')
		.returning(['id', 'person_name', 'person_email', 'situation'])
		.executeTakeFirst();
	if (!row) throw new NotFoundError('Demande introuvable ou déjà traitée.');
	return row;
}

/**
 * The adviser takes the request up: a household named after the person, followed by the adviser, and an
 * invitation to the person's e-mail when one was given. Returns the household's id.
 */
export async function acceptReferral(
	db: Db,
	config: Config,
	actor: Actor,
	id: number,
	now = new Date()
): Promise<{ householdId: number; invited: boolean }> {
	requireIntake(actor);
	if (actor.role !== 'adviser') throw new InputError('Seul un conseiller peut prendre en charge une demande.', 'id');
	const row = await claim(db, actor, id, 'accepted', null, now);
	let householdId: number;
	try {
		householdId = await createHousehold(
			db,
			{
				organisationId: actor.organisationId,
				name: row.person_name,
				situation: row.situation,
				adviserId: actor.id,
				actorId: actor.id
			},
			now
		);
	} catch (e) {
		await db
			.updateTable('referral')
			.set({ status: 'open', decided_at: null, decided_by: null })
			.where('id', '=', id)
			.execute();
		throw e;
	}
	await db.updateTable('referral').set({ household_id: householdId }).where('id', '=', id).execute();
	await audit(
		db,
		{
			organisationId: actor.organisationId,
			actorId: actor.id,
			householdId,
			action: 'referral.accepted',
			targetType: 'referral',
			targetId: id
		},
		now
	);
	if (!row.person_email) return { householdId, invited: false };
	const scope = await householdScope(db, actor, householdId);
	if (!scope) return { householdId, invited: false };
	await inviteMember(db, config, scope, { email: row.person_email, name: row.person_name }, now);
	return { householdId, invited: true };
}

/** An adviser or admin of the association closes an open request with a reason. */
export async function closeReferral(db: Db, actor: Actor, id: number, reason: string, now = new Date()): Promise<void> {
	requireIntake(actor);
	const r = reason.trim().replace(/\s+/g, ' ');
	if (r.length < 3 || r.length > 500)
		throw new InputError(
			'Motif : dites en quelques mots pourquoi la demande est close (3 à 500 caractères).',
			'reason'
		);
	await claim(db, actor, id, 'closed', r, now);
	await audit(
		db,
		{
			organisationId: actor.organisationId,
			actorId: actor.id,
			action: 'referral.closed',
			targetType: 'referral',
			targetId: id
		},
		now
	);
}
