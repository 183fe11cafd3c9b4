// The short profile's draft through the service: drafted from the demo statements when no profile exists,
// the stored answers when one does; read only by those who may read the household.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import { AccessDeniedError, householdScope } from '$lib/server/auth/access';
import type { Actor } from '$lib/server/auth/session';
import { shortProfileDraft } from '$lib/server/services/profile-draft';
import { seedDemo } from '$db/seeds/demo';
import { createTestDb } from '../../helpers/test-db';
import { actorsByRole } from '../../helpers/demo-actors';

let h: DbHandle;
const actors: Record<string, Actor> = {};
const ids: Record<string, number> = {};
const NOW = new Date('2026-12-03T10:00:00Z');

beforeAll(async () => {
	h = await createTestDb();
	const seed = await seedDemo(h.db, NOW);
	Object.assign(ids, seed.households);
	Object.assign(actors, await actorsByRole(h.db, seed.organisationId));
});
afterAll(async () => {
	await h.close();
});

const scopeOf = (role: string, name: string) => householdScope(h.db, actors[role], ids[name]);

describe('short profile draft (service)', () => {
	it('without a profile, drafts from the last three complete months of statements', async () => {
		const s = (await scopeOf('adviser', 'Famille Nguyen'))!;
		const d = await shortProfileDraft(h.db, s, NOW);
		expect(d.hasProfile).toBe(false);
		expect(d.months).toEqual(['2026-09', '2026-10', '2026-11']);
		expect(d.values).toMatchObject({ housing: 'tenant_social', applicantActivity: 'employed' });
		expect(d.values.rent).toMatch(/^\d+,\d\d$/);
		expect(d.values.received).toContain('af');
		expect(d.hints.rent).toMatch(/^Vu sur vos relevés : /);
	});

	it('with a profile, the stored answers win and no hint claims to come from the statements', async () => {
		const s = (await scopeOf('household', 'Famille Martin'))!;
		const d = await shortProfileDraft(h.db, s, NOW);
		expect(d.hasProfile).toBe(true);
		expect(d.values).toMatchObject({ couple: 'no', children: '8, 13', housing: 'tenant_private' });
		expect(d.hints).toEqual({});
	});

	it('an adviser without consent is refused; other roles and another household have no scope', async () => {
		const s = (await scopeOf('adviser', 'M. Lambert'))!;
		await expect(shortProfileDraft(h.db, s, NOW)).rejects.toBeInstanceOf(AccessDeniedError);
		for (const role of ['professional', 'admin']) expect(await scopeOf(role, 'Famille Nguyen')).toBeNull();
		expect(await scopeOf('household', 'Famille Nguyen')).toBeNull();
	});
});
