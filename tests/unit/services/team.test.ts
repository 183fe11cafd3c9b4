// The team lead's view: each adviser's workload in counts, for the organisation's admin only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/session';
import { caseloadPage } from '$lib/server/services/caseload';
import { parseCaseloadQuery } from '$lib/server/services/caseload-view';
import { NotFoundError } from '$lib/server/services/errors';
import { teamWorkload } from '$lib/server/services/team';
import { seedDemo } from '$db/seeds/demo';
import { createTestDb } from '../../helpers/test-db';
import { actorsByRole } from '../../helpers/demo-actors';

let h: DbHandle;
const actors: Record<string, Actor> = {};
let orgId: number;
const NOW = new Date('2026-12-03T10:00:00Z');

beforeAll(async () => {
	h = await createTestDb();
	const seed = await seedDemo(h.db);
	orgId = seed.organisationId;
	Object.assign(actors, await actorsByRole(h.db, orgId));
});
afterAll(async () => {
	await h.close();
});

describe('team workload', () => {
	it('gives the admin the counts of each adviser, the same as the adviser’s own caseload', async () => {
		const team = await teamWorkload(h.db, actors.admin, NOW);
		const mine = team.find((a) => a.adviserId === actors.adviser.id)!;
		const own = await caseloadPage(h.db, actors.adviser, parseCaseloadQuery(new URLSearchParams('vue=tous')), NOW);
		expect(mine.households).toBe(own.total);
		expect(mine.thisWeek).toBe(own.needingAttention);
		expect(mine.shared).toBe(own.entries.filter((e) => e.consent).length);
		expect(mine.shared).toBeLessThan(mine.households); // M. Lambert has not accepted sharing
		// counts only: no name, amount or reason of any household
		expect(Object.keys(mine).sort()).toEqual(
			['adviserId', 'appointmentsSoon', 'households', 'lateSteps', 'name', 'shared', 'stale', 'thisWeek'].sort()
		);
	});

	it('is refused to advisers, professionals and members; another organisation’s admin sees only its own', async () => {
		for (const role of ['adviser', 'professional', 'household'])
			await expect(teamWorkload(h.db, actors[role], NOW)).rejects.toBeInstanceOf(NotFoundError);
		const other = { ...actors.admin, id: 999_999, organisationId: orgId + 1000 };
		expect(await teamWorkload(h.db, other, NOW)).toEqual([]);
	});
});
