// The plan kept between requests: computed once a day or after a change, the day each action first
// appeared, the caseload's counts of open actions and euros at stake, and postponed actions that come back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import { householdScope, type HouseholdScope } from '$lib/server/auth/access';
import type { Actor } from '$lib/server/auth/session';
import { householdPlan, refreshPlan, setActionHidden, setActionStatus } from '$lib/server/services/plan';
import { auditScope } from '$lib/server/services/audit';
import { caseloadPage } from '$lib/server/services/caseload';
import { parseCaseloadQuery } from '$lib/server/services/caseload-view';
import { InputError } from '$lib/server/services/errors';
import { seedDemo } from '$db/seeds/demo';
import { createTestDb } from '../../helpers/test-db';
import { actorsByRole } from '../../helpers/demo-actors';

let h: DbHandle;
let actors: Record<string, Actor>;
let martin: number;
const NOW = new Date('2026-12-04T08:00:00Z');
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
	h = await createTestDb();
	const seed = await seedDemo(h.db, NOW);
	martin = seed.households['Famille Martin'];
	actors = await actorsByRole(h.db, seed.organisationId);
}, 120_000);
afterAll(async () => {
	await h.close();
});

const scopeOf = async (role: string): Promise<HouseholdScope> => {
	const s = await householdScope(h.db, actors[role], martin);
	if (!s) throw new Error(`no scope for ${role}`);
	return s;
};
const computedAt = async () =>
	(
		await h.db
			.selectFrom('plan_snapshot')
			.select('computed_at')
			.where('household_id', '=', martin)
			.executeTakeFirstOrThrow()
	).computed_at;
const counts = async () =>
	h.db
		.selectFrom('caseload_row')
		.select(['plan_open', 'plan_monthly', 'plan_one_off'])
		.where('household_id', '=', martin)
		.executeTakeFirstOrThrow();

describe('the stored plan', () => {
	it('is computed by the refresh after a change, then read the same day without computing again', async () => {
		const member = await scopeOf('household');
		await refreshPlan(h.db, member, at('2026-12-04T09:00:00Z'));
		expect(await computedAt()).toBe('2026-12-04T09:00:00.000Z');
		const plan = await householdPlan(h.db, member, at('2026-12-04T15:00:00Z'));
		expect(plan.actions.length).toBeGreaterThan(0);
		expect(await computedAt()).toBe('2026-12-04T09:00:00.000Z');
		// a page view by the adviser changes nothing the plan reads
		await auditScope(h.db, await scopeOf('adviser'), { action: 'household.viewed' }, at('2026-12-04T15:30:00Z'));
		await householdPlan(h.db, member, at('2026-12-04T16:00:00Z'));
		expect(await computedAt()).toBe('2026-12-04T09:00:00.000Z');
	});
	it('is computed again after an audited change to the household, and the next day', async () => {
		const member = await scopeOf('household');
		await auditScope(h.db, member, { action: 'transaction.categorised' }, at('2026-12-04T16:10:00Z'));
		await householdPlan(h.db, member, at('2026-12-04T16:20:00Z'));
		expect(await computedAt()).toBe('2026-12-04T16:20:00.000Z');
		await householdPlan(h.db, member, at('2026-12-05T07:00:00Z'));
		expect(await computedAt()).toBe('2026-12-05T07:00:00.000Z');
	});
	it('keeps the instant each action first appeared', async () => {
		const rows = await h.db
			.selectFrom('plan_action')
			.select(['action_key', 'first_seen_at'])
			.where('household_id', '=', martin)
			.execute();
		expect(rows.length).toBeGreaterThan(0);
		// the seed's import computed the plan first: no action is dated by the later computations
		for (const r of rows) expect(r.first_seen_at <= '2026-12-04T09:00:00.000Z').toBe(true);
	});
});

describe('the caseload’s counts', () => {
	it('are the actions the household sees and has to do, with their effect; the adviser’s caseload shows them', async () => {
		const member = await scopeOf('household');
		const now = at('2026-12-05T08:00:00Z');
		await refreshPlan(h.db, member, now);
		const plan = await householdPlan(h.db, member, now);
		const open = plan.actions.filter((a) => a.status === 'open');
		const c = await counts();
		expect(c.plan_open).toBe(open.length);
		expect(c.plan_monthly).toBe(open.reduce((s, a) => s + (a.monthlyImpact ?? 0), 0));
		expect(c.plan_one_off).toBe(open.reduce((s, a) => s + (a.oneOffImpact ?? 0), 0));
		expect(c.plan_open).toBeGreaterThan(2);
		const page = await caseloadPage(h.db, actors.adviser, parseCaseloadQuery(new URLSearchParams('vue=tous')), now);
		expect(page.entries.find((e) => e.id === martin)!.plan).toEqual({
			open: c.plan_open,
			monthly: c.plan_monthly,
			oneOff: c.plan_one_off
		});
	});
	it('go down when the household marks an action done and when the adviser hides one', async () => {
		const member = await scopeOf('household');
		const now = at('2026-12-05T09:00:00Z');
		const before = await counts();
		const fee = (await householdPlan(h.db, member, now)).actions.find((a) => a.kind === 'fee_refund')!;
		await setActionStatus(h.db, member, fee.key, 'done', now);
		const afterDone = await counts();
		expect(afterDone.plan_open).toBe(before.plan_open - 1);
		expect(afterDone.plan_one_off).toBe(before.plan_one_off - (fee.oneOffImpact ?? 0));
		const other = (await householdPlan(h.db, member, now)).actions[0];
		await setActionHidden(h.db, await scopeOf('adviser'), other.key, true, now);
		expect((await counts()).plan_open).toBe(before.plan_open - 2);
		await setActionHidden(h.db, await scopeOf('adviser'), other.key, false, now);
		await setActionStatus(h.db, member, fee.key, 'open', now);
		expect((await counts()).plan_open).toBe(before.plan_open);
	});
});

describe('postponed actions', () => {
	it('are postponed a month by default, or until the day chosen, and left out of the counts meanwhile', async () => {
		const member = await scopeOf('household');
		const now = at('2026-12-05T10:00:00Z');
		const [first, second] = (await householdPlan(h.db, member, now)).actions;
		const before = (await counts()).plan_open;
		await setActionStatus(h.db, member, first.key, 'postponed', now);
		await setActionStatus(h.db, member, second.key, 'postponed', now, '2026-12-12');
		const plan = await householdPlan(h.db, member, now);
		const byKey = new Map(plan.actions.map((a) => [a.key, a]));
		expect(byKey.get(first.key)!.postponedUntil).toBe('2027-01-04');
		expect(byKey.get(second.key)!.postponedUntil).toBe('2026-12-12');
		expect(plan.actions.slice(-2).map((a) => a.status)).toEqual(['postponed', 'postponed']);
		expect((await counts()).plan_open).toBe(before - 2);
	});
	it('come back as to do on the day chosen', async () => {
		const member = await scopeOf('household');
		const plan = await householdPlan(h.db, member, at('2026-12-12T08:00:00Z'));
		const back = plan.actions.filter((a) => a.back);
		expect(back.length).toBe(1);
		expect(back[0].status).toBe('open');
		expect(back[0].postponedUntil).toBe('2026-12-12');
	});
	it('refuse a day that is not after today, more than a year ahead, or not a date', async () => {
		const member = await scopeOf('household');
		const key = (await householdPlan(h.db, member, NOW)).actions[0].key;
		for (const until of ['2026-12-04', '2028-01-10', 'demain', '2026-02-30'])
			await expect(setActionStatus(h.db, member, key, 'postponed', NOW, until)).rejects.toThrow(InputError);
	});
});
