// The registrations register (FICP, FCC, surendettement; signal F4): who may read and change it, for every
// role against its own household, another household and another organisation; what it does to the caseload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import { AccessDeniedError, householdScope, operatorScope, type HouseholdScope } from '$lib/server/auth/access';
import type { Actor } from '$lib/server/auth/session';
import {
	addRegistration,
	deleteRegistration,
	endRegistration,
	listRegistrations
} from '$lib/server/services/registers';
import { InputError } from '$lib/server/services/errors';
import { seedDemo } from '$db/seeds/demo';
import { createTestDb } from '../../helpers/test-db';
import { actorsByRole } from '../../helpers/demo-actors';

let h: DbHandle;
const actors: Record<string, Actor> = {};
let martin: number;
let bernard: number;
let lambert: number;
let entryId: number;
const NOW = new Date('2026-12-03T10:00:00Z');

beforeAll(async () => {
	h = await createTestDb();
	const seed = await seedDemo(h.db);
	martin = seed.households['Famille Martin'];
	bernard = seed.households['M. et Mme Bernard'];
	lambert = seed.households['M. Lambert']; // assigned, no consent
	Object.assign(actors, await actorsByRole(h.db, seed.organisationId));
	const org2 = (
		await h.db
			.insertInto('organisation')
			.values({ name: 'Autre', created_at: '2026-01-01T00:00:00Z' })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	for (const role of ['adviser', 'admin'] as const) {
		const email = `reg-other-${role}@ex.fr`;
		const id = (
			await h.db
				.insertInto('app_user')
				.values({
					organisation_id: org2,
					email,
					name: role,
					password_hash: null,
					role,
					active: 1,
					created_at: '2026-01-01T00:00:00Z',
					password_changed_at: null
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		actors[`other-${role}`] = { id, organisationId: org2, email, name: role, role };
	}
	entryId = await addRegistration(
		h.db,
		(await operatorScope(h.db, martin))!,
		{ kind: 'ficp', since: '2026-03-12' },
		NOW
	);
});
afterAll(async () => {
	await h.close();
});

const scopeOf = (role: string, household: number) => householdScope(h.db, actors[role], household);
const writes = (s: HouseholdScope) => [
	() => addRegistration(h.db, s, { kind: 'fcc', since: '2026-01-01' }, NOW),
	() => endRegistration(h.db, s, entryId, '2026-12-01', NOW),
	() => deleteRegistration(h.db, s, entryId, NOW)
];
const caseloadRow = (household: number) =>
	h.db
		.selectFrom('caseload_row')
		.select(['level', 'regulatory_fragile', 'signals'])
		.where('household_id', '=', household)
		.executeTakeFirstOrThrow();

describe('registrations: access', () => {
	it('the member reads their household’s registrations and changes none', async () => {
		const s = (await scopeOf('household', martin))!;
		expect((await listRegistrations(h.db, s, '2026-12-03')).map((r) => [r.kind, r.active])).toEqual([['ficp', true]]);
		for (const w of writes(s)) await expect(w()).rejects.toBeInstanceOf(AccessDeniedError);
	});

	it('the adviser without consent neither reads nor writes', async () => {
		const s = (await scopeOf('adviser', lambert))!;
		await expect(listRegistrations(h.db, s)).rejects.toBeInstanceOf(AccessDeniedError);
		for (const w of writes(s)) await expect(w()).rejects.toBeInstanceOf(AccessDeniedError);
	});

	it('professionals, admins and another organisation have no scope; a member none on another household', async () => {
		expect(await scopeOf('household', bernard)).toBeNull();
		for (const role of ['professional', 'admin', 'other-adviser', 'other-admin'])
			for (const hh of [martin, bernard]) expect(await scopeOf(role, hh)).toBeNull();
	});

	it('a scope of another household never reaches this one’s registration', async () => {
		const s = (await scopeOf('adviser', bernard))!;
		await expect(endRegistration(h.db, s, entryId, '2026-12-01', NOW)).rejects.toThrow(/introuvable/);
		await expect(deleteRegistration(h.db, s, entryId, NOW)).rejects.toThrow(/introuvable/);
		expect(await listRegistrations(h.db, s)).toEqual([]);
	});
});

describe('registrations: the adviser records them and the caseload follows', () => {
	it('a registration in force puts F4 on the caseload row and makes the household regulatory fragile', async () => {
		const row = await caseloadRow(martin);
		expect(row.regulatory_fragile).toBe(1);
		const ids = (JSON.parse(row.signals) as { id: string }[]).map((s) => s.id);
		expect(ids).toContain('F4_file_registration');
	});

	it('bad input is refused with the field at fault and nothing written', async () => {
		const s = (await scopeOf('adviser', bernard))!;
		await expect(addRegistration(h.db, s, { kind: 'casier', since: '2026-01-01' }, NOW)).rejects.toMatchObject({
			field: 'kind'
		});
		await expect(addRegistration(h.db, s, { kind: 'fcc', since: '31/12/2026' }, NOW)).rejects.toBeInstanceOf(
			InputError
		);
		await expect(addRegistration(h.db, s, { kind: 'fcc', since: '2027-01-01' }, NOW)).rejects.toMatchObject({
			field: 'since'
		});
		const adviser = (await scopeOf('adviser', martin))!;
		await expect(endRegistration(h.db, adviser, entryId, '2026-01-01', NOW)).rejects.toMatchObject({ field: 'until' });
		expect(await listRegistrations(h.db, s)).toEqual([]);
	});

	it('ended, it no longer counts; deleted, it is gone', async () => {
		const s = (await scopeOf('adviser', martin))!;
		await endRegistration(h.db, s, entryId, '2026-11-30', NOW);
		const [r] = await listRegistrations(h.db, s, '2026-12-03');
		expect(r).toMatchObject({ until: '2026-11-30', active: false });
		const ids = (JSON.parse((await caseloadRow(martin)).signals) as { id: string }[]).map((x) => x.id);
		expect(ids).not.toContain('F4_file_registration');
		await deleteRegistration(h.db, s, entryId, NOW);
		expect(await listRegistrations(h.db, s)).toEqual([]);
	});
});
