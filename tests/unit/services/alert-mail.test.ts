import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/session';
import { householdScope } from '$lib/server/auth/access';
import { loadConfig } from '$lib/server/config';
import { sendAdviserDigests, sendHouseholdAlerts, setAlertSubscription } from '$lib/server/services/alert-mail';
import { refreshCaseloadRow } from '$lib/server/services/caseload-status';
import { createHousehold } from '$lib/server/services/households';
import { recordConsent } from '$lib/server/services/membership';
import { runPeriodicTasks } from '$lib/server/services/periodic';
import { startTestSmtp, type TestSmtp } from '../../helpers/smtp';
import { createTestDb } from '../../helpers/test-db';

const NOW = new Date('2026-12-03T07:30:00Z'); // 8 h 30 in Paris
let h: DbHandle;
let smtp: TestSmtp;
let config: ReturnType<typeof loadConfig>;
let hh: number;
let quiet: number;
const a: Record<string, Actor> = {};

async function user(org: number, email: string, role: Actor['role'], name: string): Promise<Actor> {
	const id = (
		await h.db
			.insertInto('app_user')
			.values({
				organisation_id: org,
				email,
				name,
				password_hash: null,
				role,
				active: 1,
				created_at: NOW.toISOString(),
				password_changed_at: null
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	return { id, organisationId: org, email, name, role };
}

beforeAll(async () => {
	h = await createTestDb();
	smtp = await startTestSmtp();
	config = loadConfig({ SMTP_URL: smtp.url, ORIGIN: 'https://bgv.exemple.fr', BGV_PERIODIC: '0' });
	const org = (
		await h.db
			.insertInto('organisation')
			.values({ name: 'O', created_at: NOW.toISOString() })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	a.adviser = await user(org, 'claire@a.fr', 'adviser', 'Claire Dupont');
	a.member = await user(org, 'marie@a.fr', 'household', 'Marie Martin');
	hh = await createHousehold(h.db, { organisationId: org, name: 'Famille Martin', adviserId: a.adviser.id });
	quiet = await createHousehold(h.db, { organisationId: org, name: 'Famille Calme', adviserId: a.adviser.id });
	await h.db
		.insertInto('household_member')
		.values({ household_id: hh, user_id: a.member.id, organisation_id: org, created_at: NOW.toISOString() })
		.execute();
	for (const id of [hh, quiet]) {
		await recordConsent(h.db, id, org, null, NOW);
		await refreshCaseloadRow(h.db, (await householdScope(h.db, a.adviser, id))!, NOW);
	}
	// The stored figures of the Martins: overdrawn soon, 320 € of fees in November, a benefit found.
	await h.db
		.updateTable('caseload_row')
		.set({ first_overdraft: '2026-12-12', fees_month_amount: 32_000, last_import_at: '2026-12-01T10:00:00Z' })
		.where('household_id', '=', hh)
		.execute();
	await h.db
		.updateTable('caseload_row')
		.set({ last_import_at: '2026-12-01T10:00:00Z' })
		.where('household_id', '=', quiet)
		.execute();
	await h.db
		.insertInto('benefit_alert')
		.values({
			organisation_id: org,
			household_id: hh,
			benefit: 'prime_activite',
			status: 'new',
			amount: 15_000,
			period: 'month',
			month: '2026-11',
			reasons: '[]',
			active: 1,
			created_at: NOW.toISOString(),
			updated_at: NOW.toISOString(),
			updated_by: null
		})
		.execute();
});
afterAll(async () => {
	await smtp.close();
	await h.close();
});

describe('e-mails that reach people', () => {
	it('sends a subscribed member their new alerts once, in words and without amounts', async () => {
		expect(await sendHouseholdAlerts(h.db, config, NOW)).toBe(0); // nobody asked
		await setAlertSubscription(h.db, (await householdScope(h.db, a.member, hh))!, true, NOW);
		expect(await sendHouseholdAlerts(h.db, config, NOW)).toBe(1);
		const [mail] = await smtp.waitFor(1);
		expect(mail.to).toEqual(['marie@a.fr']);
		expect(mail.subject).toBe('BGV : une nouvelle alerte sur votre budget');
		expect(mail.text).toContain('votre compte risque de passer à découvert dans les 14 prochains jours');
		expect(mail.text).toContain('une aide à laquelle vous avez peut-être droit a été trouvée');
		expect(mail.text).toContain(`https://bgv.exemple.fr/households/${hh}`);
		expect(mail.text).not.toMatch(/€|\d+,\d\d/);
		// the same alerts are not sent again, by a second run or a second process
		expect(await Promise.all([sendHouseholdAlerts(h.db, config, NOW), sendHouseholdAlerts(h.db, config, NOW)])).toEqual(
			[0, 0]
		);
	});

	it("sends the adviser the morning digest of 'Cette semaine' once a day", async () => {
		const before = smtp.messages.length;
		expect(await sendAdviserDigests(h.db, config, NOW)).toBe(1);
		const all = await smtp.waitFor(before + 1);
		const digest = all[all.length - 1];
		expect(digest.to).toEqual(['claire@a.fr']);
		expect(digest.subject).toBe('BGV : 1 ménage à voir cette semaine');
		expect(digest.text).toContain('- Famille Martin');
		expect(digest.text).not.toContain('Famille Calme');
		expect(digest.text).toContain('https://bgv.exemple.fr/caseload');
		expect(digest.text).not.toContain('€');
		expect(await sendAdviserDigests(h.db, config, NOW)).toBe(0);
		// the periodic task runs the same steps: nothing new to send today
		await runPeriodicTasks(h.db, config, NOW);
		expect(smtp.messages.length).toBe(before + 1);
		// the next morning, the digest goes again
		expect(await sendAdviserDigests(h.db, config, new Date('2026-12-04T07:30:00Z'))).toBe(1);
		await smtp.waitFor(before + 2);
	});

	it('lists the new high-value actions of the plans since the previous digest, in words, without amounts', async () => {
		const org = a.adviser.organisationId;
		const row = (key: string, kind: string, over: Record<string, unknown> = {}) => ({
			household_id: quiet,
			organisation_id: org,
			action_key: key,
			position: 0,
			kind,
			monthly_impact: null,
			one_off_impact: null,
			urgent: 0,
			action: '{}',
			first_seen_at: '2026-12-04T12:00:00Z',
			...over
		});
		await h.db
			.insertInto('plan_action')
			.values([
				// 47,50 € once to reclaim: 47,50 € over a year, below the 100 € of the digest, not listed
				row('fee_refund', 'fee_refund', { one_off_impact: 4750 }),
				// 12,00 € a month: 144 € over a year, listed
				row('benefit:ppa', 'benefit_claim', { monthly_impact: 1200, position: 1 }),
				// urgent, no amount: listed
				row('overdraft_avoid', 'overdraft_avoid', { urgent: 1, position: 2 }),
				// already there before the previous digest: not new
				row('safety_cushion', 'safety_cushion', { monthly_impact: 5000, first_seen_at: '2026-12-01T12:00:00Z' }),
				// done by the household: not listed
				row('benefit:ars', 'benefit_claim', { one_off_impact: 87727, position: 3 })
			])
			.execute();
		await h.db
			.insertInto('action_plan_item')
			.values({
				organisation_id: org,
				household_id: quiet,
				action_key: 'benefit:ars',
				status: 'done',
				kind: 'benefit_claim',
				title: 'ARS',
				created_at: '2026-12-04T13:00:00Z'
			})
			.execute();
		const before = smtp.messages.length;
		expect(await sendAdviserDigests(h.db, config, new Date('2026-12-05T07:30:00Z'))).toBe(1);
		const digest = (await smtp.waitFor(before + 1)).at(-1)!;
		expect(digest.text).toContain('Nouvelles actions dans les plans :');
		expect(digest.text).toContain('- Famille Calme : une aide à demander, un découvert à éviter');
		expect(digest.text).toContain(`https://bgv.exemple.fr/households/${quiet}/plan`);
		expect(digest.text).not.toContain('frais bancaires');
		expect(digest.text).not.toContain('épargne');
		expect(digest.text).not.toContain('€');
		// the morning after, those actions are not new any more
		const next = smtp.messages.length;
		expect(await sendAdviserDigests(h.db, config, new Date('2026-12-06T07:30:00Z'))).toBe(1);
		expect((await smtp.waitFor(next + 1)).at(-1)!.text).not.toContain('Nouvelles actions');
	});
});
