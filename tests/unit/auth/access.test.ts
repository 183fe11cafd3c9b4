import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import { canSeeHousehold, homePath, mayEnterSection, visibleHouseholdIds } from '$lib/server/auth/access';
import type { Actor } from '$lib/server/auth/session';
import { caseload, householdOverview, setConsent } from '$lib/server/services/households';
import { NotFoundError } from '$lib/server/services/errors';
import { seedDemo } from '$db/seeds/demo';
import { createTestDb } from '../../helpers/test-db';

let h: DbHandle;
let seed: Awaited<ReturnType<typeof seedDemo>>;
const actors: Record<string, Actor> = {};

beforeAll(async () => {
	h = await createTestDb();
	seed = await seedDemo(h.db);
	expect(await seedDemo(h.db)).toEqual(seed); // idempotent
	const rows = await h.db.selectFrom('app_user').select(['id', 'organisation_id', 'email', 'name', 'role']).execute();
	for (const r of rows)
		actors[r.role] = { id: r.id, organisationId: r.organisation_id, email: r.email, name: r.name, role: r.role };
	// a second organisation with its own adviser and household
	const org2 = (
		await h.db
			.insertInto('organisation')
			.values({ name: 'Autre', created_at: '2026-01-01T00:00:00Z' })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	const other = (
		await h.db
			.insertInto('app_user')
			.values({
				organisation_id: org2,
				email: 'other@ex.fr',
				name: 'Other',
				password_hash: null,
				role: 'adviser',
				active: 1,
				created_at: '2026-01-01T00:00:00Z',
				password_changed_at: null
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	actors.otherAdviser = { id: other, organisationId: org2, email: 'other@ex.fr', name: 'Other', role: 'adviser' };
});
afterAll(async () => {
	await h.close();
});

describe('who sees which household', () => {
	it('a household member sees their household only', async () => {
		const martin = seed.households['Famille Martin'];
		const bernard = seed.households['M. et Mme Bernard'];
		expect(await canSeeHousehold(h.db, actors.household, martin)).toBe(true);
		expect(await canSeeHousehold(h.db, actors.household, bernard)).toBe(false);
		expect(await homePath(h.db, actors.household)).toBe(`/households/${martin}`);
		await expect(householdOverview(h.db, actors.household, bernard)).rejects.toThrow(NotFoundError);
	});

	it('an adviser sees assigned households that consented, and not others', async () => {
		const all = Object.values(seed.households);
		const visible = await visibleHouseholdIds(h.db, actors.adviser, all);
		expect(visible.size).toBe(12);
		expect(visible.has(seed.households['M. Lambert'])).toBe(false); // no consent yet
		expect(await canSeeHousehold(h.db, actors.otherAdviser, seed.households['Famille Martin'])).toBe(false);
		const list = await caseload(h.db, actors.adviser);
		expect(list).toHaveLength(14);
		expect(list.find((x) => x.name === 'M. Lambert')?.consent).toBe(false);
		// the demo statements went through the importer: balances and forecasts are there, drifting households first
		const lucas = list.find((x) => x.name === 'Lucas Petit')!;
		expect(lucas.balance).not.toBeNull();
		expect(lucas.firstOverdraft).not.toBeNull();
		expect(list[0].firstOverdraft).not.toBeNull();
		expect(list.find((x) => x.name === 'M. Lambert')?.balance).toBeNull(); // no consent: nothing shown
		expect(await caseload(h.db, actors.otherAdviser)).toEqual([]);
	});

	it('professionals and admins see no household data', async () => {
		const all = Object.values(seed.households);
		expect((await visibleHouseholdIds(h.db, actors.professional, all)).size).toBe(0);
		expect((await visibleHouseholdIds(h.db, actors.admin, all)).size).toBe(0);
		expect(mayEnterSection(actors.admin, 'households')).toBe(false);
		expect(mayEnterSection(actors.professional, 'caseload')).toBe(false);
		expect(mayEnterSection(actors.household, 'admin')).toBe(false);
		expect(mayEnterSection(actors.adviser, 'caseload')).toBe(true);
	});

	it('withdrawing consent hides the household from its adviser at once', async () => {
		const martin = seed.households['Famille Martin'];
		await setConsent(h.db, actors.household, martin, false);
		expect(await canSeeHousehold(h.db, actors.adviser, martin)).toBe(false);
		expect(await canSeeHousehold(h.db, actors.household, martin)).toBe(true);
		await setConsent(h.db, actors.household, martin, true);
		expect(await canSeeHousehold(h.db, actors.adviser, martin)).toBe(true);
		await expect(setConsent(h.db, actors.adviser, martin, false)).rejects.toThrow(NotFoundError);
	});

	it('ignores malformed ids', async () => {
		expect((await visibleHouseholdIds(h.db, actors.adviser, [Number.NaN, -1, 0, 1.5])).size).toBe(0);
	});
});
