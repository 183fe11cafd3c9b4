import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/session';
import { AccessDeniedError, householdScope, operatorScope } from '$lib/server/auth/access';
import { householdAccessLog, pageOfRoute, recordHouseholdVisit, whenFr } from '$lib/server/services/access-log';
import { alertSubscription, setAlertSubscription } from '$lib/server/services/alert-mail';
import { auditCutoff, purgeAudit } from '$lib/server/services/audit-retention';
import { createHousehold } from '$lib/server/services/households';
import { recordConsent, setConsent } from '$lib/server/services/membership';
import { loadConfig } from '$lib/server/config';
import { runCli } from '$lib/server/cli/run';
import { createTestDatabaseUrl, createTestDb } from '../../helpers/test-db';

const NOW = new Date('2026-11-28T13:05:00Z'); // 14 h 05 in Paris
let h: DbHandle;
const a: Record<string, Actor> = {};
let h1: number; // consent, member1, adviser
let h2: number; // no consent, member2, adviser
let hb: number; // the other organisation's

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

async function org(name: string): Promise<number> {
	return (
		await h.db
			.insertInto('organisation')
			.values({ name, created_at: NOW.toISOString() })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
}

async function member(householdId: number, actor: Actor): Promise<void> {
	await h.db
		.insertInto('household_member')
		.values({
			household_id: householdId,
			user_id: actor.id,
			organisation_id: actor.organisationId,
			created_at: NOW.toISOString()
		})
		.execute();
}

beforeAll(async () => {
	h = await createTestDb();
	const o1 = await org('Une');
	const o2 = await org('Autre');
	a.adviser = await user(o1, 'claire@a.fr', 'adviser', 'Claire Dupont');
	a.unassigned = await user(o1, 'paul@a.fr', 'adviser', 'Paul Martin');
	a.admin = await user(o1, 'admin@a.fr', 'admin', 'Admin');
	a.professional = await user(o1, 'pro@a.fr', 'professional', 'Pro');
	a.member1 = await user(o1, 'm1@a.fr', 'household', 'Marie Un');
	a.member2 = await user(o1, 'm2@a.fr', 'household', 'Marc Deux');
	a.otherAdviser = await user(o2, 'x@b.fr', 'adviser', 'Xavier');
	a.otherAdmin = await user(o2, 'y@b.fr', 'admin', 'Yves');
	a.otherMember = await user(o2, 'z@b.fr', 'household', 'Zoé');
	h1 = await createHousehold(h.db, { organisationId: o1, name: 'Famille Un', adviserId: a.adviser.id });
	h2 = await createHousehold(h.db, { organisationId: o1, name: 'Famille Deux', adviserId: a.adviser.id });
	hb = await createHousehold(h.db, { organisationId: o2, name: 'Famille B', adviserId: a.otherAdviser.id });
	await member(h1, a.member1);
	await member(h2, a.member2);
	await member(hb, a.otherMember);
	await recordConsent(h.db, h1, o1, a.member1.id, NOW);
	await recordConsent(h.db, hb, o2, a.otherMember.id, NOW);
});
afterAll(async () => {
	await h.close();
});

const scopeOf = async (who: string, id: number) => householdScope(h.db, a[who], id);

describe('the access log', () => {
	it('names each household page and tells the time in Paris', () => {
		expect(pageOfRoute('/households/[id=id]')).toBe('overview');
		expect(pageOfRoute('/households/[id=id]/transactions')).toBe('transactions');
		expect(pageOfRoute('/caseload/[id=id]/invite')).toBe('invite');
		expect(whenFr('2026-11-28T13:05:00Z')).toBe('le 28/11/2026 à 14 h 05');
		expect(whenFr('2026-07-01T06:00:00Z')).toBe('le 01/07/2026 à 08 h 00');
	});

	it("records the adviser's reads and changes, not the members' own visits, and tells the household", async () => {
		const adviser = (await scopeOf('adviser', h1))!;
		const own = (await scopeOf('member1', h1))!;
		await recordHouseholdVisit(
			h.db,
			adviser,
			{ routeId: '/households/[id=id]/transactions', method: 'GET', search: '' },
			NOW
		);
		await recordHouseholdVisit(
			h.db,
			adviser,
			{ routeId: '/households/[id=id]/transactions', method: 'POST', search: '?/categorise' },
			new Date('2026-11-28T13:06:00Z')
		);
		await recordHouseholdVisit(h.db, own, { routeId: '/households/[id=id]/budget', method: 'GET', search: '' }, NOW);
		const log = await householdAccessLog(h.db, own);
		expect(log.map((e) => e.text)).toEqual([
			'Claire Dupont, qui vous accompagne, a fait une modification depuis vos opérations le 28/11/2026 à 14 h 06.',
			'Claire Dupont, qui vous accompagne, a consulté vos opérations le 28/11/2026 à 14 h 05.'
		]);
		expect(log.some((e) => e.text.includes('votre budget'))).toBe(false);
		// the adviser reading the log sees their own visits as "Vous"
		const seen = await householdAccessLog(h.db, adviser);
		expect(seen[0].text).toBe('Vous avez fait une modification depuis vos opérations le 28/11/2026 à 14 h 06.');
		const cli = (await operatorScope(h.db, h1))!;
		await recordHouseholdVisit(h.db, cli, { routeId: '/households/[id=id]', method: 'GET', search: '' }, NOW);
		expect((await householdAccessLog(h.db, own)).some((e) => e.text.startsWith("L'exploitant du service"))).toBe(true);
	});

	it('is readable by the household and its consenting adviser only; a withdrawal is listed and hides it at once', async () => {
		// adviser without consent, unassigned adviser, staff, other household, other organisation: no scope or denied
		const noConsent = (await scopeOf('adviser', h2))!;
		await expect(householdAccessLog(h.db, noConsent)).rejects.toThrow(AccessDeniedError);
		for (const who of ['unassigned', 'admin', 'professional', 'member2', 'otherAdviser', 'otherAdmin', 'otherMember'])
			expect(await scopeOf(who, h1)).toBeNull();
		for (const who of ['adviser', 'member1', 'member2']) expect(await scopeOf(who, hb)).toBeNull();
		const bLog = await householdAccessLog(h.db, (await scopeOf('otherMember', hb))!);
		expect(bLog.some((e) => e.text.includes('Claire'))).toBe(false);
		// withdrawal from the access page (membership service): listed, and the adviser loses the log
		const own = (await scopeOf('member1', h1))!;
		await setConsent(h.db, own, false, new Date('2026-11-28T15:00:00Z'));
		const log = await householdAccessLog(h.db, own);
		expect(log[0].text).toBe('Vous avez arrêté le partage avec le conseiller le 28/11/2026 à 16 h 00.');
		await expect(householdAccessLog(h.db, (await scopeOf('adviser', h1))!)).rejects.toThrow(AccessDeniedError);
		await setConsent(h.db, own, true, new Date('2026-11-28T15:01:00Z'));
	});

	it('lets only a member choose the e-mail alerts', async () => {
		const own = (await scopeOf('member1', h1))!;
		expect(await alertSubscription(h.db, own)).toBe(false);
		await setAlertSubscription(h.db, own, true, NOW);
		expect(await alertSubscription(h.db, own)).toBe(true);
		await setAlertSubscription(h.db, own, false, NOW);
		expect(await alertSubscription(h.db, own)).toBe(false);
		await expect(setAlertSubscription(h.db, (await scopeOf('adviser', h1))!, true)).rejects.toThrow(AccessDeniedError);
		await expect(setAlertSubscription(h.db, (await scopeOf('adviser', h2))!, true)).rejects.toThrow(AccessDeniedError);
	});
});

describe('audit retention', () => {
	it('purges entries older than the retention, idempotently, even twice at once', async () => {
		const old = { organisation_id: null, household_id: h1, actor_id: null, target_type: null, target_id: null };
		await h.db
			.insertInto('audit_log')
			.values([
				{ ...old, action: 'household.viewed', details: null, ip: null, at: '2025-11-01T00:00:00Z' },
				{ ...old, action: 'household.viewed', details: null, ip: null, at: '2025-12-10T00:00:00Z' }
			])
			.execute();
		const now = new Date('2026-12-03T09:00:00Z');
		expect(auditCutoff(12, now)).toBe('2025-12-03T09:00:00.000Z');
		const [first, second] = await Promise.all([purgeAudit(h.db, 12, now), purgeAudit(h.db, 12, now)]);
		expect(first.deleted + second.deleted).toBe(1);
		expect((await purgeAudit(h.db, 12, now)).deleted).toBe(0);
		const left = await h.db.selectFrom('audit_log').select('at').where('at', '<', '2026-01-01').execute();
		expect(left.map((r) => r.at)).toEqual(['2025-12-10T00:00:00Z']);
		expect(loadConfig({}).auditRetentionMonths).toBe(12);
		expect(loadConfig({ AUDIT_RETENTION_MONTHS: '3' }).auditRetentionMonths).toBe(3);
		expect(() => loadConfig({ AUDIT_RETENTION_MONTHS: '0' })).toThrow();
	});

	it('bgv purge-audit reports what it deleted in JSON', async () => {
		const db = await createTestDatabaseUrl();
		try {
			const out: string[] = [];
			const io = {
				out: (t: string) => out.push(t),
				err: () => {},
				readLines: async function* () {},
				readFile: async () => new Uint8Array()
			};
			expect(await runCli(['purge-audit', '--months', '6', '--json'], io, { DATABASE_URL: db.url })).toBe(0);
			expect(JSON.parse(out[0])).toMatchObject({ deleted: 0, months: 6 });
			expect(await runCli(['purge-audit', '--months', 'x'], io, { DATABASE_URL: db.url })).toBe(2);
		} finally {
			await db.drop();
		}
	});
});
