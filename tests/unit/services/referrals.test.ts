// Referrals from a quick check to an association's intake queue: consent first, then accept or close, then erasure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '$lib/server/config';
import type { DbHandle } from '$lib/server/db';
import { householdScope } from '$lib/server/auth/access';
import { runCli } from '$lib/server/cli/run';
import type { CliIo } from '$lib/server/cli/types';
import { openDatabase } from '$lib/server/services/reference-data';
import { acceptReferral, closeReferral, intakeQueue } from '$lib/server/services/intake';
import { caseload } from '$lib/server/services/households';
import { pendingInvitations } from '$lib/server/services/invitations';
import {
	myReferrals,
	purgeReferrals,
	referFromCheck,
	referralConsentText,
	referralOrganisations
} from '$lib/server/services/referrals';
import { InputError } from '$lib/server/services/errors';
import { createTestDatabaseUrl, createTestDb } from '../../helpers/test-db';
import { startTestSmtp, type TestSmtp } from '../../helpers/smtp';
import { NOW, daysAgo, goodFields, makeWorld, referralForm, type World } from './referral-fixture';

let h: DbHandle;
let smtp: TestSmtp;
let config: Config;
let w: World;

beforeAll(async () => {
	h = await createTestDb();
	smtp = await startTestSmtp();
	config = loadConfig({ SMTP_URL: smtp.url, MAIL_FROM: 'BGV <bgv@exemple.fr>', ORIGIN: 'https://bgv.exemple.fr' });
	w = await makeWorld(h);
});
afterAll(async () => {
	await smtp.close();
	await h.close();
});

const count = async (table: 'referral' | 'audit_log', action?: string) => {
	let q = h.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
	if (action) q = q.where('action' as never, '=', action as never);
	return Number((await q.executeTakeFirstOrThrow()).n);
};

async function send(fields: Record<string, string>, at = NOW) {
	return referFromCheck(h.db, config, w.pro, referralForm(fields), true, at);
}

describe('referrals: sending', () => {
	it('lists only the associations that accept referrals', async () => {
		expect((await referralOrganisations(h.db)).map((o) => o.id).sort()).toEqual([w.orgA, w.orgB].sort());
	});

	it('shows the form with the benefits the check found, writing nothing', async () => {
		const r = await referFromCheck(h.db, config, w.pro, referralForm({}), false, NOW);
		expect(r.checked).toBe(true);
		expect(r.benefits.length).toBeGreaterThan(0);
		expect(r.month).toBe('2026-12');
		expect(await count('referral')).toBe(0);
	});

	it('writes nothing without the consent: box not ticked, "no", or any other value', async () => {
		for (const consent of ['', 'no', 'on', 'true']) {
			const r = await send(goodFields(w.orgA, { consent }));
			expect(r.id).toBeNull();
			expect(r.errors.consent).toMatch(/Accord de la personne/);
		}
		expect(await count('referral')).toBe(0);
		expect(await count('audit_log', 'referral.sent')).toBe(0);
	});

	it('names the field to correct, and refuses an association that takes no referral', async () => {
		const r = await send(
			goodFields(w.orgC, { name: ' ', email: 'pas-une-adresse', phone: 'abc', situation: 'court', urgency: 'x' })
		);
		expect(Object.keys(r.errors).sort()).toEqual(['email', 'name', 'organisation', 'phone', 'situation', 'urgency']);
		const noContact = await send(goodFields(w.orgA, { email: '', phone: '' }));
		expect(noContact.errors.email).toMatch(/au moins une adresse e-mail ou un numéro/);
		expect(await count('referral')).toBe(0);
	});

	it('stores the request with the consent wording and the check’s benefits; the audit has no personal data', async () => {
		const r = await send(goodFields(w.orgA));
		expect(r.errors).toEqual({});
		const row = await h.db.selectFrom('referral').selectAll().where('id', '=', r.id!).executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			organisation_id: w.orgA,
			sender_id: w.pro.id,
			status: 'open',
			urgency: 'urgent',
			person_name: 'Mme Durand',
			person_email: 'durand@exemple.fr',
			consent_text: referralConsentText(90),
			consent_at: NOW.toISOString()
		});
		expect(JSON.parse(row.benefits)).toEqual(r.benefits);
		const entry = await h.db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'referral.sent')
			.executeTakeFirstOrThrow();
		expect(JSON.stringify(entry)).not.toMatch(/Durand|durand|06 12/);
		expect((await myReferrals(h.db, w.pro)).map((x) => [x.personName, x.status])).toEqual([['Mme Durand', 'open']]);
	});
});

describe('referrals: the intake queue', () => {
	it('an adviser accepts: a household they follow, the person invited by e-mail, the sender sees "acceptée"', async () => {
		const { id } = await send(goodFields(w.orgA, { name: 'M. Accepté', email: 'accepte@exemple.fr' }));
		const queue = await intakeQueue(h.db, w.adviserA);
		expect(queue.open.map((i) => i.personName)).toContain('M. Accepté');
		const before = smtp.messages.length;
		const { householdId, invited } = await acceptReferral(h.db, config, w.adviserA, id!, NOW);
		expect(invited).toBe(true);
		const [mail] = (await smtp.waitFor(before + 1)).slice(before);
		expect(mail.to).toEqual(['accepte@exemple.fr']);
		expect(mail.subject).toBe('Votre invitation à BGV');
		expect((await caseload(h.db, w.adviserA)).map((c) => c.name)).toContain('M. Accepté');
		const scope = await householdScope(h.db, w.adviserA, householdId);
		expect((await pendingInvitations(h.db, scope!)).map((i) => i.email)).toEqual(['accepte@exemple.fr']);
		const mine = (await myReferrals(h.db, w.pro)).find((r) => r.id === id)!;
		expect(mine.status).toBe('accepted');
		await expect(acceptReferral(h.db, config, w.adviserA, id!, NOW)).rejects.toThrow(/déjà traitée/);
	});

	it('without an e-mail, the household is created without an invitation', async () => {
		const { id } = await send(goodFields(w.orgA, { name: 'Mme Téléphone', email: '' }));
		const r = await acceptReferral(h.db, config, w.adviserA, id!, NOW);
		expect(r.invited).toBe(false);
	});

	it('closing needs a reason; an admin may close but not take up', async () => {
		const { id } = await send(goodFields(w.orgA, { name: 'M. Clos' }));
		await expect(closeReferral(h.db, w.adminA, id!, ' ', NOW)).rejects.toThrow(InputError);
		await expect(acceptReferral(h.db, config, w.adminA, id!, NOW)).rejects.toThrow(/Seul un conseiller/);
		await closeReferral(h.db, w.adminA, id!, 'Hors de notre territoire', NOW);
		const mine = (await myReferrals(h.db, w.pro)).find((r) => r.id === id)!;
		expect(mine).toMatchObject({ status: 'closed', closeReason: 'Hors de notre territoire' });
		expect((await intakeQueue(h.db, w.adviserA)).open.map((i) => i.id)).not.toContain(id);
	});
});

describe('referrals: erasure', () => {
	it('erases requests closed or not taken up before the delay, keeps the others, audits without personal data', async () => {
		await h.db.deleteFrom('referral').execute();
		const old = daysAgo(91);
		const oldOpen = (await send(goodFields(w.orgA, { name: 'Vieille Attente' }), old)).id!;
		const oldClosed = (await send(goodFields(w.orgA, { name: 'Vieux Clos' }), old)).id!;
		await closeReferral(h.db, w.adviserA, oldClosed, 'Injoignable', daysAgo(91));
		const recentlyClosed = (await send(goodFields(w.orgA, { name: 'Clos Récent' }), old)).id!;
		await closeReferral(h.db, w.adviserA, recentlyClosed, 'Injoignable', daysAgo(10));
		const accepted = (await send(goodFields(w.orgA, { name: 'Vieil Accepté', email: '' }), old)).id!;
		await acceptReferral(h.db, config, w.adviserA, accepted, daysAgo(90));
		const recentOpen = (await send(goodFields(w.orgB, { name: 'Attente Récente' }), daysAgo(89))).id!;

		const r = await purgeReferrals(h.db, config, NOW);
		expect(r.purged).toBe(2);
		const left = await h.db.selectFrom('referral').select('id').orderBy('id').execute();
		expect(left.map((x) => x.id)).toEqual([recentlyClosed, accepted, recentOpen]);
		const erased = await h.db.selectFrom('audit_log').selectAll().where('action', '=', 'referral.erased').execute();
		expect(erased.map((e) => e.target_id).sort()).toEqual([String(oldOpen), String(oldClosed)].sort());
		expect(JSON.stringify(erased)).not.toMatch(/Vieille|Vieux|durand|06 12/);
		expect((await purgeReferrals(h.db, config, NOW)).purged).toBe(0);
		// a shorter delay (REFERRAL_KEEP_DAYS) erases the recently closed one and the open one of 89 days as well
		const short = loadConfig({ REFERRAL_KEEP_DAYS: '5' });
		expect(short.referralKeepDays).toBe(5);
		expect(loadConfig({}).referralKeepDays).toBe(90);
		expect((await purgeReferrals(h.db, short, NOW)).purged).toBe(2);
		expect((await h.db.selectFrom('referral').select('id').execute()).map((x) => x.id)).toEqual([accepted]);
	});

	it('bgv purge-referrals --json erases through the command line', async () => {
		const t = await createTestDatabaseUrl();
		try {
			const handle = await openDatabase(loadConfig({ DATABASE_URL: t.url }).database);
			const world = await makeWorld(handle);
			const cfg = loadConfig({ DATABASE_URL: t.url });
			await referFromCheck(handle.db, cfg, world.pro, referralForm(goodFields(world.orgA)), true, daysAgo(200));
			await handle.close();
			const out: string[] = [];
			const io: CliIo = {
				out: (s) => void out.push(s),
				err: () => undefined,
				readLines: async function* () {},
				readFile: async () => new Uint8Array()
			};
			expect(await runCli(['purge-referrals', '--json'], io, { DATABASE_URL: t.url })).toBe(0);
			expect(JSON.parse(out[0])).toEqual({
				purged: 1,
				before: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
				keepDays: 90
			});
		} finally {
			await t.drop();
		}
	});
});
