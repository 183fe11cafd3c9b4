/**
 * Referrals from a professional's quick check (`/check`) to a CRÉSUS association: the associations that
 * accept them, sending one (only with the person's explicit consent, whose wording is kept), the sender's
 * own list, and the erasure of requests closed or not taken up within `referralKeepDays`. The receiving
 * association's side (its intake queue) is in intake.ts. Nothing about the person is written without consent.
 */
import { today } from '$lib/dates';
import type { Actor } from '../auth/session';
import type { Config } from '../config';
import type { Db } from '../db';
import type { ReferralStatus, ReferralUrgency } from '../db/schema';
import { nonRecoursSummary } from '../benefits';
import { audit } from './audit';
import { InputError, NotFoundError } from './errors';
import { CHECK_ROLES, checkMonth, runQuickCheck } from './quick-check';
import type { QuestionnaireValues } from './profile-form';
import { checkEmail } from './users';

export const URGENCY_LABELS: Record<ReferralUrgency, string> = {
	normal: 'Dans les prochaines semaines',
	urgent: 'Urgent : à traiter sous huit jours'
};

export const STATUS_LABELS: Record<ReferralStatus, string> = {
	open: 'en attente',
	accepted: 'acceptée',
	closed: 'close'
};

/** The wording the person agrees to; it is stored with the request, as shown. */
export function referralConsentText(keepDays: number): string {
	return (
		'La personne accepte que son nom, ses coordonnées, un résumé de sa situation et les droits repérés soient ' +
		'transmis à l’association choisie, pour qu’un conseiller la contacte. Sans prise en charge, ces ' +
		`informations sont effacées au bout de ${keepDays} jours.`
	);
}

export interface ReferralBenefit {
	label: string;
	/** yearly amount, decimal string ("1234.56") */
	yearly: string;
	interim: boolean;
}

export interface ReferralOrganisation {
	id: number;
	name: string;
}

function mayRefer(actor: Actor): boolean {
	return (CHECK_ROLES as readonly string[]).includes(actor.role);
}

/** The associations of the deployment that accept referrals, by name. */
export async function referralOrganisations(db: Db): Promise<ReferralOrganisation[]> {
	return db
		.selectFrom('organisation')
		.select(['id', 'name'])
		.where('accepts_referrals', '=', 1)
		.orderBy('name')
		.execute();
}

export interface ReferralFields {
	organisation: string;
	name: string;
	email: string;
	phone: string;
	situation: string;
	urgency: string;
	consent: boolean;
}

/** Reads the referral's own fields (prefixed `referral_`, beside the questionnaire's answers). */
export function referralFields(form: FormData): ReferralFields {
	const text = (name: string) => String(form.get(`referral_${name}`) ?? '');
	return {
		organisation: text('organisation'),
		name: text('name'),
		email: text('email'),
		phone: text('phone'),
		situation: text('situation'),
		urgency: text('urgency') || 'normal',
		// never pre-ticked: only an explicit "yes" counts
		consent: text('consent') === 'yes'
	};
}

interface CheckedReferral {
	organisationId: number;
	name: string;
	email: string | null;
	phone: string | null;
	situation: string;
	urgency: ReferralUrgency;
}

function checkPhone(raw: string): string | null {
	const p = raw.trim().replace(/\s+/g, ' ');
	if (p === '') return null;
	if (!/^\+?[0-9 .()-]{6,25}$/.test(p) || p.replace(/\D/g, '').length < 6)
		throw new InputError('Saisissez un numéro de téléphone valide (exemple : 06 12 34 56 78).', 'phone');
	return p;
}

async function checkReferral(
	db: Db,
	f: ReferralFields
): Promise<{ errors: Record<string, string> } | { checked: CheckedReferral }> {
	const errors: Record<string, string> = {};
	const orgs = await referralOrganisations(db);
	const org = orgs.find((o) => String(o.id) === f.organisation.trim());
	if (!org) errors.organisation = 'Association : choisissez l’association qui recevra la demande.';
	const name = f.name.trim().replace(/\s+/g, ' ');
	if (name.length < 2 || name.length > 120) errors.name = 'Nom : saisissez le nom de la personne (2 à 120 caractères).';
	let email: string | null = null;
	let phone: string | null = null;
	try {
		email = f.email.trim() === '' ? null : checkEmail(f.email);
	} catch (e) {
		errors.email = `Adresse e-mail : ${(e as Error).message}`;
	}
	try {
		phone = checkPhone(f.phone);
	} catch (e) {
		errors.phone = `Téléphone : ${(e as Error).message}`;
	}
	if (!email && !phone && !errors.email && !errors.phone)
		errors.email = 'Contact : donnez au moins une adresse e-mail ou un numéro de téléphone.';
	const situation = f.situation.trim();
	if (situation.length < 10 || situation.length > 2000)
		errors.situation = 'Situation : résumez la situation en quelques phrases (10 à 2 000 caractères).';
	if (f.urgency !== 'normal' && f.urgency !== 'urgent') errors.urgency = 'Urgence : choisissez une urgence.';
	if (!f.consent)
		errors.consent = 'Accord de la personne : sans son accord explicite, rien n’est transmis ni enregistré.';
	if (Object.keys(errors).length > 0) return { errors };
	return {
		checked: { organisationId: org!.id, name, email, phone, situation, urgency: f.urgency as ReferralUrgency }
	};
}

export interface ReferFromCheck {
	values: QuestionnaireValues;
	fields: ReferralFields;
	benefits: ReferralBenefit[];
	/** the month the check was evaluated for (kept so that a later post evaluates the same) */
	month: string;
	/** false when the check's answers themselves must be corrected (then on /check) */
	checked: boolean;
	errors: Record<string, string>;
	/** the new request's id, when it was sent */
	id: number | null;
}

/**
 * From a quick check's answers (posted again, as for its PDF), shows (`send` false) or sends a referral. The
 * check is evaluated again on the server, so the benefits sent are the check's own. Without the person's
 * consent, or with any field to correct, nothing is written.
 */
export async function referFromCheck(
	db: Db,
	config: Config,
	actor: Actor,
	form: FormData,
	send: boolean,
	now = new Date()
): Promise<ReferFromCheck> {
	if (!mayRefer(actor)) throw new NotFoundError();
	const month = checkMonth(form, now);
	const check = await runQuickCheck(db, form, month);
	const fields = referralFields(form);
	if (!check.result)
		return { values: check.values, fields, benefits: [], month, checked: false, errors: check.errors, id: null };
	const benefits = nonRecoursSummary(check.result).items.map((i) => ({
		label: i.label,
		yearly: i.yearlyAmount,
		interim: i.interim
	}));
	const base = { values: check.values, fields, benefits, month, checked: true };
	if (!send) return { ...base, errors: {}, id: null };
	const verdict = await checkReferral(db, fields);
	if ('errors' in verdict) return { ...base, errors: verdict.errors, id: null };
	const checked = verdict.checked;
	const nowIso = now.toISOString();
	const row = await db
		.insertInto('referral')
		.values({
			organisation_id: checked.organisationId,
			sender_id: actor.id,
			sender_organisation_id: actor.organisationId,
			status: 'open',
			urgency: checked.urgency,
			person_name: checked.name,
			person_email: checked.email,
			person_phone: checked.phone,
			situation: checked.situation,
			benefits: JSON.stringify(benefits),
			consent_text: referralConsentText(config.referralKeepDays),
			consent_at: nowIso,
			created_at: nowIso,
			decided_at: null,
			decided_by: null,
			close_reason: null,
			household_id: null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await audit(
		db,
		{
			organisationId: checked.organisationId,
			actorId: actor.id,
			action: 'referral.sent',
			targetType: 'referral',
			targetId: row.id,
			details: { urgency: checked.urgency, benefits: benefits.length }
		},
		now
	);
	return { ...base, errors: {}, id: row.id };
}

export interface SentReferral {
	id: number;
	organisationName: string;
	personName: string;
	urgency: ReferralUrgency;
	status: ReferralStatus;
	createdAt: string;
	decidedAt: string | null;
	closeReason: string | null;
}

/** The referrals the actor sent (and only those), newest first. */
export async function myReferrals(db: Db, actor: Actor): Promise<SentReferral[]> {
	if (!mayRefer(actor)) throw new NotFoundError();
	const rows = await db
		.selectFrom('referral as r')
		.innerJoin('organisation as o', 'o.id', 'r.organisation_id')
		.select([
			'r.id',
			'o.name as organisationName',
			'r.person_name',
			'r.urgency',
			'r.status',
			'r.created_at',
			'r.decided_at',
			'r.close_reason'
		])
		.where('r.sender_id', '=', actor.id)
		.where('r.sender_organisation_id', '=', actor.organisationId)
		.orderBy('r.created_at', 'desc')
		.orderBy('r.id', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		organisationName: r.organisationName,
		personName: r.person_name,
		urgency: r.urgency,
		status: r.status,
		createdAt: r.created_at,
		decidedAt: r.decided_at,
		closeReason: r.close_reason
	}));
}

/**
 * Erases the requests closed, or still not taken up, more than `referralKeepDays` ago (for `bgv
 * purge-referrals` and a periodic task). Each erasure leaves an audit entry without personal data.
 */
export async function purgeReferrals(
	db: Db,
	config: Config,
	now = new Date()
): Promise<{ purged: number; before: string }> {
	const before = new Date(now.getTime() - config.referralKeepDays * 86_400_000).toISOString();
	const stale = await db
		.selectFrom('referral')
		.select(['id', 'organisation_id', 'status'])
		.where((eb) =>
			eb.or([
				eb.and([eb('status', '=', 'closed'), eb('decided_at', '<', before)]),
				eb.and([eb('status', '=', 'open'), eb('created_at', '<', before)])
			])
		)
		.orderBy('id')
		.execute();
	let purged = 0;
	for (const r of stale) {
		await db.transaction().execute(async (trx) => {
			const gone = await trx.deleteFrom('referral').where('id', '=', r.id).executeTakeFirst();
			if (Number(gone.numDeletedRows) !== 1) return;
			purged += 1;
			await audit(
				trx,
				{
					organisationId: r.organisation_id,
					actorId: null,
					action: 'referral.erased',
					targetType: 'referral',
					targetId: r.id,
					details: { status: r.status, keepDays: config.referralKeepDays }
				},
				now
			);
		});
	}
	return { purged, before: today(new Date(before)) };
}
