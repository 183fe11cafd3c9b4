// The refresh after a change computes the forecast and the fragility signals once: the plan's refresh reuses
// those the household status and caseload row refreshes computed, and stores the same plan as when it
// computes them itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import { operatorScope, type HouseholdScope } from '$lib/server/auth/access';
import { refreshDerived } from '$lib/server/services/derived-status';
import { householdForecast, refreshHouseholdStatus } from '$lib/server/services/forecast-service';
import { planInputs } from '$lib/server/services/plan-inputs';
import { householdFragility } from '$lib/server/services/household-fragility';
import { refreshCaseloadRow } from '$lib/server/services/caseload-status';
import { refreshPlan } from '$lib/server/services/plan';
import { seedDemo } from '$db/seeds/demo';
import { createTestDb } from '../../helpers/test-db';

let h: DbHandle;
let scope: HouseholdScope;
const NOW = new Date('2026-12-04T08:00:00Z');

beforeAll(async () => {
	h = await createTestDb();
	const seed = await seedDemo(h.db, NOW);
	const s = await operatorScope(h.db, seed.households['Famille Martin']);
	if (!s) throw new Error('no scope');
	scope = s;
}, 120_000);
afterAll(async () => {
	await h.close();
});

const storedPlan = async () =>
	h.db
		.selectFrom('plan_action')
		.select(['action_key', 'position', 'action'])
		.where('household_id', '=', scope.householdId)
		.orderBy('position')
		.execute();

describe('the refresh after a change', () => {
	it('returns from the status refresh the forecast it stored', async () => {
		const at = new Date('2026-12-04T09:00:00Z');
		const returned = await refreshHouseholdStatus(h.db, scope, at);
		const computed = await householdForecast(h.db, scope, { asOf: '2026-12-04' });
		expect(returned.projection).toEqual(computed.projection);
		expect(returned.alerts).toEqual(computed.alerts);
		const status = await h.db
			.selectFrom('household_status')
			.select(['lowest_balance', 'first_overdraft'])
			.where('household_id', '=', scope.householdId)
			.executeTakeFirstOrThrow();
		expect(status.lowest_balance).toBe(returned.projection?.lowest.balance ?? null);
	});

	it('stores the same plan as a refresh of the plan that computes the forecast itself', async () => {
		const at = new Date('2026-12-04T10:00:00Z');
		expect(await refreshDerived(h.db, scope, at)).toBe(true);
		const shared = await storedPlan();
		expect(shared.length).toBeGreaterThan(0);
		await refreshPlan(h.db, scope, at);
		expect(await storedPlan()).toEqual(shared);
	});

	it('builds the plan from the forecast it is given', async () => {
		const forecast = await householdForecast(h.db, scope, { asOf: '2026-12-04' });
		const own = await planInputs(h.db, scope, NOW);
		expect(own.series.length).toBeGreaterThan(0);
		const given = await planInputs(h.db, scope, NOW, {
			forecast: { ...forecast, series: [], alerts: [], overdrawn: null }
		});
		expect(given.series).toEqual([]);
		expect(given.overdraft).toBeNull();
		expect(given.overdrawn).toBeNull();
	});

	it('returns from the caseload row refresh the fragility it stored, and builds the plan from the one given', async () => {
		const at = new Date('2026-12-04T11:00:00Z');
		const returned = await refreshCaseloadRow(h.db, scope, at);
		const computed = await householdFragility(h.db, scope, '2026-12-04');
		expect(returned.report).toEqual(computed.report);
		expect(returned.history.txs.length).toBe(computed.history.txs.length);
		const given = await planInputs(h.db, scope, NOW, {
			fragility: { ...computed, report: { ...computed.report, signals: [], regulatoryFragile: false } }
		});
		expect(given.oscf?.signals).toEqual([]);
		expect(given.oscf?.regulatoryFragile).toBe(false);
	});
});
