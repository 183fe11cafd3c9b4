/**
 * Alerts that reach people by e-mail. A household member chooses to receive the household's new alerts
 * (a projected overdraft within 14 days, a benefit found, an expected income missing); an adviser receives
 * each morning the list of households of "Cette semaine". Each alert or digest is claimed in `alert_sent`
 * before it is sent (its primary key), so two processes or a re-run never send it twice. The e-mails carry
 * no amount and no operation: what happened in words, and the link to the page.
 */
import { addDaysIso, today } from '$lib/dates';
import { plural } from '$lib/words';
import type { Config } from '../config';
import type { Db } from '../db';
import { refreshStaleHouseholds } from './derived-refresh';
import type { Actor } from '../auth/session';
import { requirePermission, type HouseholdScope } from '../auth/access';
import { appLink, sendMail } from './mailer';
import { caseloadPage } from './caseload';
import { OVERDRAFT_SOON_DAYS, parseCaseloadQuery } from './caseload-view';
import { newPlanActions } from './plan-digest';

/** Without a previous digest, the new actions of the last week are listed. */
const FIRST_DIGEST_DAYS = 7;

/** When the adviser's previous digest went (ISO instant), or a week ago. */
async function previousDigest(db: Db, userId: number, now: Date): Promise<string> {
	const row = await db
		.selectFrom('alert_sent')
		.select((eb) => eb.fn.max('sent_at').as('at'))
		.where('user_id', '=', userId)
		.where('key', 'like', 'digest:%')
		.executeTakeFirst();
	return (
		(row?.at as string | null | undefined) ?? new Date(now.getTime() - FIRST_DIGEST_DAYS * 86_400_000).toISOString()
	);
}

/** Whether the person (a member) receives the household's new alerts by e-mail. */
export async function alertSubscription(db: Db, scope: HouseholdScope): Promise<boolean> {
	requirePermission(scope, 'view');
	if (scope.relation !== 'member' || scope.actor.id === null) return false;
	const row = await db
		.selectFrom('alert_subscription')
		.select('user_id')
		.where('household_id', '=', scope.householdId)
		.where('user_id', '=', scope.actor.id)
		.executeTakeFirst();
	return row !== undefined;
}

/** A member turns the e-mail alerts on or off for themselves. */
export async function setAlertSubscription(db: Db, scope: HouseholdScope, on: boolean, now = new Date()) {
	requirePermission(scope, 'consent');
	const userId = scope.actor.id as number;
	await db
		.deleteFrom('alert_subscription')
		.where('household_id', '=', scope.householdId)
		.where('user_id', '=', userId)
		.execute();
	if (on)
		await db
			.insertInto('alert_subscription')
			.values({
				household_id: scope.householdId,
				user_id: userId,
				organisation_id: scope.organisationId,
				created_at: now.toISOString()
			})
			.execute();
}

/** Claims a key for a person; false when it was already claimed (sent, or being sent by another process). */
async function claim(db: Db, userId: number, organisationId: number, key: string, now: Date): Promise<boolean> {
	const res = await db
		.insertInto('alert_sent')
		.values({ user_id: userId, key, organisation_id: organisationId, sent_at: now.toISOString() })
		.onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
		.executeTakeFirst();
	return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

const ALERT_WORDS = {
	overdraft: 'votre compte risque de passer à découvert dans les 14 prochains jours',
	benefit: 'une aide à laquelle vous avez peut-être droit a été trouvée',
	income: "un revenu que vous recevez d'habitude n'est pas encore arrivé"
} as const;

/** E-mails each subscribed member the household's alerts not sent yet; returns how many e-mails went. */
export async function sendHouseholdAlerts(db: Db, config: Config, now = new Date()): Promise<number> {
	await refreshStaleHouseholds(db, now);
	const subs = await db
		.selectFrom('alert_subscription as s')
		.innerJoin('app_user as u', 'u.id', 's.user_id')
		.innerJoin('household_member as m', (j) =>
			j.onRef('m.household_id', '=', 's.household_id').onRef('m.user_id', '=', 's.user_id')
		)
		.leftJoin('caseload_row as r', 'r.household_id', 's.household_id')
		.leftJoin('household_status as st', 'st.household_id', 's.household_id')
		.select(['s.household_id', 's.user_id', 's.organisation_id', 'u.email', 'r.first_overdraft', 'st.alerts'])
		.where('u.active', '=', 1)
		.execute();
	if (subs.length === 0) return 0;
	const benefits = await db
		.selectFrom('benefit_alert')
		.select(['id', 'household_id'])
		.where('household_id', 'in', [...new Set(subs.map((s) => s.household_id))])
		.where('active', '=', 1)
		.where('status', '=', 'new')
		.execute();
	const soon = addDaysIso(today(now), OVERDRAFT_SOON_DAYS);
	let sent = 0;
	for (const s of subs) {
		const found: [string, keyof typeof ALERT_WORDS][] = [];
		if (s.first_overdraft && s.first_overdraft <= soon) found.push([`overdraft:${s.first_overdraft}`, 'overdraft']);
		for (const b of benefits.filter((b) => b.household_id === s.household_id))
			found.push([`benefit:${b.id}`, 'benefit']);
		for (const a of JSON.parse(s.alerts ?? '[]') as { kind: string; date?: string }[])
			if (a.kind === 'income_missing') found.push([`income:${s.household_id}:${a.date ?? ''}`, 'income']);
		const fresh: (keyof typeof ALERT_WORDS)[] = [];
		for (const [key, kind] of found)
			if (await claim(db, s.user_id, s.organisation_id, `h${s.household_id}:${key}`, now)) fresh.push(kind);
		if (fresh.length === 0) continue;
		const lines = [...new Set(fresh)].map((k) => `- ${ALERT_WORDS[k]}`);
		await sendMail(
			db,
			config,
			{
				to: s.email,
				subject: 'BGV : une nouvelle alerte sur votre budget',
				text: [
					'Bonjour,',
					'',
					'BGV a remarqué :',
					...lines,
					'',
					`Pour voir le détail : ${appLink(config, `/households/${s.household_id}`)}`,
					'',
					"Vous recevez ce message parce que vous l'avez demandé. Pour ne plus le recevoir, décochez les alertes par e-mail sur la page « Qui a consulté »."
				].join('\n'),
				purpose: 'alert',
				organisationId: s.organisation_id
			},
			now
		);
		sent++;
	}
	return sent;
}

/**
 * Sends each active adviser, once a day, the households of their "Cette semaine" list and the new actions
 * of the plans they follow since the previous digest; returns how many went.
 */
export async function sendAdviserDigests(db: Db, config: Config, now = new Date()): Promise<number> {
	await refreshStaleHouseholds(db, now);
	const advisers = await db
		.selectFrom('app_user')
		.select(['id', 'organisation_id', 'email', 'name', 'role'])
		.where('role', '=', 'adviser')
		.where('active', '=', 1)
		.execute();
	const day = today(now);
	const week = parseCaseloadQuery(new URLSearchParams());
	let sent = 0;
	for (const a of advisers) {
		const actor: Actor = { id: a.id, organisationId: a.organisation_id, email: a.email, name: a.name, role: 'adviser' };
		const page = await caseloadPage(db, actor, week, now);
		const actions = await newPlanActions(db, actor, await previousDigest(db, a.id, now));
		if (page.entries.length === 0 && actions.length === 0) continue;
		if (!(await claim(db, a.id, a.organisation_id, `digest:${day}`, now))) continue;
		const n = page.entries.length;
		const subject =
			n > 0
				? `BGV : ${plural(n, 'ménage')} à voir cette semaine`
				: `BGV : ${plural(actions.length, 'plan d’action a changé', 'plans d’action ont changé')}`;
		await sendMail(
			db,
			config,
			{
				to: a.email,
				subject,
				text: [
					`Bonjour ${a.name},`,
					'',
					...(n > 0
						? [
								`${plural(n, 'ménage')} ${n > 1 ? 'ont' : 'a'} besoin de vous cette semaine :`,
								...page.entries.map((e) => `- ${e.name}`),
								'',
								`La liste et les raisons : ${appLink(config, '/caseload')}`
							]
						: []),
					...(actions.length > 0
						? [
								...(n > 0 ? [''] : []),
								'Nouvelles actions dans les plans :',
								...actions.map((h) => `- ${h.name} : ${h.words.join(', ')}`),
								'',
								...actions.map((h) => `Plan de ${h.name} : ${appLink(config, `/households/${h.householdId}/plan`)}`)
							]
						: [])
				].join('\n'),
				purpose: 'digest',
				organisationId: a.organisation_id
			},
			now
		);
		sent++;
	}
	return sent;
}
