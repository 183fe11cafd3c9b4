/**
 * Who may export a household's data (its members, its adviser while consent is given) and who may see and
 * erase it on /admin/households (an admin of its organisation only), for every role, against another
 * household and another organisation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessDeniedError, householdScope, operatorScope } from '$lib/server/auth/access';
import type { DbHandle } from '$lib/server/db';
import { NotFoundError } from '$lib/server/services/errors';
import { exportHousehold } from '$lib/server/services/household-export';
import { eraseHousehold, organisationHouseholds } from '$lib/server/services/household-erasure';
import { createTestDb } from '../../helpers/test-db';
import { buildWorld, NOW, type World } from './personal-data-fixture';

let h: DbHandle;
let w: World;
beforeAll(async () => {
	h = await createTestDb();
	w = await buildWorld(h.db);
});
afterAll(() => h.close());

type Name = keyof World['actors'];
/** Which of A, B, X each actor may export. */
const MAY_EXPORT: Record<Name, ('a' | 'b' | 'x')[]> = {
	memberA: ['a'],
	sharedMember: ['a', 'b'],
	memberB: ['b'],
	adviser: ['a'],
	adviserNoConsent: [],
	professional: [],
	admin: [],
	platformAdminOther: [],
	otherAdmin: [],
	otherAdviser: ['x']
};

describe('export access', () => {
	for (const [name, allowed] of Object.entries(MAY_EXPORT) as [Name, ('a' | 'b' | 'x')[]][]) {
		it(`${name} exports ${allowed.join(', ') || 'nothing'}`, async () => {
			for (const key of ['a', 'b', 'x'] as const) {
				const scope = await householdScope(h.db, w.actors[name], w[key]);
				if (allowed.includes(key)) {
					const r = await exportHousehold(h.db, scope!, NOW);
					expect(r.zip.byteLength).toBeGreaterThan(100);
				} else if (scope) {
					// a relation without 'read' (adviser without consent): the service refuses the scope
					await expect(exportHousehold(h.db, scope, NOW)).rejects.toBeInstanceOf(AccessDeniedError);
				}
			}
		});
	}

	it('the operator (command line) exports any household', async () => {
		expect((await exportHousehold(h.db, (await operatorScope(h.db, w.x))!, NOW)).files).toContain('menage.json');
	});
});

describe('admin households page and erasure', () => {
	it('lists only the admin’s organisation, and nothing for other roles', async () => {
		expect((await organisationHouseholds(h.db, w.actors.admin, 24, NOW)).map((x) => x.id)).toEqual([w.a, w.b]);
		expect((await organisationHouseholds(h.db, w.actors.otherAdmin, 24, NOW)).map((x) => x.id)).toEqual([w.x]);
		for (const name of ['memberA', 'adviser', 'professional'] as Name[])
			await expect(organisationHouseholds(h.db, w.actors[name], 24, NOW)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('refuses erasure by every role but the organisation’s admin', async () => {
		for (const name of Object.keys(MAY_EXPORT) as Name[]) {
			for (const key of ['a', 'b', 'x'] as const) {
				const mayErase =
					(name === 'admin' && key !== 'x') || (['otherAdmin', 'platformAdminOther'].includes(name) && key === 'x');
				if (mayErase) continue;
				const names = { a: 'Famille Durand', b: 'Famille Petit', x: 'Famille Ailleurs' };
				await expect(
					eraseHousehold(h.db, { actor: w.actors[name], confirmation: names[key] }, w[key], NOW)
				).rejects.toBeInstanceOf(NotFoundError);
			}
		}
		const left = await h.db.selectFrom('household').select('id').orderBy('id').execute();
		expect(left.map((r) => r.id)).toEqual([w.a, w.b, w.x]);
	});
});
