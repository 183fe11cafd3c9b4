/**
 * Who may read and write a household's case file: the household's adviser with consent only. Every other
 * role (household member, adviser without consent, unassigned adviser of the same organisation,
 * professional, admin, another organisation's adviser and admin) gets no scope or a scope without
 * `casefile`, and every case-file service refuses it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import { AccessDeniedError, householdScope, may, mayEnterSection, type HouseholdScope } from '$lib/server/auth/access';
import type { Actor } from '$lib/server/auth/session';
import { addCaseEntry, caseFile, nextAppointments, overdueSteps, setStepDone } from '$lib/server/services/case-notes';
import { createHousehold } from '$lib/server/services/households';
import { recordConsent } from '$lib/server/services/membership';
import { createUser } from '$lib/server/services/users';
import { seedDemo } from '$db/seeds/demo';
import { createTestDb } from '../../helpers/test-db';
import { actorsByRole } from '../../helpers/demo-actors';

let h: DbHandle;
let seed: Awaited<ReturnType<typeof seedDemo>>;
const actors: Record<string, Actor> = {};
let martin: number;
let bernard: number;
let lambert: number;
let foreign: number;
let stepId: number;
const NOW = new Date('2026-12-03T09:00:00Z');
const ENTRY = {
	date: '2026-11-20',
	kind: 'rdv',
	body: 'Point budget.',
	steps: [{ text: 'Envoyer les relevés', dueDate: '2026-11-25' }]
};

async function user(org: number, email: string, role: 'adviser' | 'admin' | 'professional'): Promise<Actor> {
	const id = await createUser(h.db, org, { email, name: email, role, password: 'correct horse battery' }, null);
	return { id, organisationId: org, email, name: email, role };
}

beforeAll(async () => {
	h = await createTestDb();
	seed = await seedDemo(h.db, NOW);
	Object.assign(actors, await actorsByRole(h.db, seed.organisationId));
	martin = seed.households['Famille Martin'];
	bernard = seed.households['M. et Mme Bernard'];
	lambert = seed.households['M. Lambert'];
	actors.unassigned = await user(seed.organisationId, 'autre.conseil@ex.fr', 'adviser');
	const org2 = (
		await h.db
			.insertInto('organisation')
			.values({ name: 'Autre', created_at: NOW.toISOString() })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	actors.otherAdviser = await user(org2, 'conseil@autre.fr', 'adviser');
	actors.otherAdmin = await user(org2, 'admin@autre.fr', 'admin');
	foreign = await createHousehold(h.db, { organisationId: org2, name: 'Ailleurs', adviserId: actors.otherAdviser.id });
	await recordConsent(h.db, foreign, org2, null, NOW);
	const own = (await householdScope(h.db, actors.adviser, martin))!;
	await addCaseEntry(h.db, own, ENTRY, NOW);
	stepId = (await caseFile(h.db, own, NOW)).overdue[0].id;
	await addCaseEntry(h.db, (await householdScope(h.db, actors.otherAdviser, foreign))!, ENTRY, NOW);
});
afterAll(async () => {
	await h.close();
});

async function refused(scope: HouseholdScope): Promise<void> {
	await expect(caseFile(h.db, scope, NOW)).rejects.toBeInstanceOf(AccessDeniedError);
	await expect(addCaseEntry(h.db, scope, ENTRY, NOW)).rejects.toBeInstanceOf(AccessDeniedError);
	await expect(setStepDone(h.db, scope, stepId, true, NOW)).rejects.toBeInstanceOf(AccessDeniedError);
}

describe('the case file of a household', () => {
	it("the household's adviser with consent reads and writes it", async () => {
		const scope = (await householdScope(h.db, actors.adviser, martin))!;
		expect(may(scope, 'casefile')).toBe(true);
		expect((await caseFile(h.db, scope, NOW)).entries).toHaveLength(1);
		// another household of the same adviser has its own, empty file
		const other = (await householdScope(h.db, actors.adviser, bernard))!;
		expect((await caseFile(h.db, other, NOW)).entries).toEqual([]);
		await expect(setStepDone(h.db, other, stepId, true, NOW)).rejects.toThrow('Étape introuvable.');
	});

	it('a household member reads their data but never the case file', async () => {
		const scope = (await householdScope(h.db, actors.household, martin))!;
		expect(may(scope, 'read')).toBe(true);
		expect(may(scope, 'casefile')).toBe(false);
		await refused(scope);
		expect(await householdScope(h.db, actors.household, bernard)).toBeNull();
		expect(await householdScope(h.db, actors.household, foreign)).toBeNull();
	});

	it('the assigned adviser without consent is refused', async () => {
		const scope = (await householdScope(h.db, actors.adviser, lambert))!;
		expect(may(scope, 'view')).toBe(true);
		expect(may(scope, 'casefile')).toBe(false);
		await refused(scope);
	});

	it('an unassigned adviser, professionals, admins and another organisation get no scope at all', async () => {
		for (const who of ['unassigned', 'professional', 'admin', 'otherAdviser', 'otherAdmin'])
			for (const id of [martin, bernard])
				expect(await householdScope(h.db, actors[who], id), `${who} on ${id}`).toBeNull();
		for (const who of ['adviser', 'household', 'unassigned', 'professional', 'admin'])
			expect(await householdScope(h.db, actors[who], foreign), `${who} on foreign`).toBeNull();
		// the household pages are closed to professionals and admins
		expect(mayEnterSection(actors.professional, 'households')).toBe(false);
		expect(mayEnterSection(actors.admin, 'households')).toBe(false);
	});

	it('when consent is withdrawn the file closes at once', async () => {
		await h.db
			.updateTable('consent')
			.set({ withdrawn_at: NOW.toISOString() })
			.where('household_id', '=', bernard)
			.execute();
		const scope = (await householdScope(h.db, actors.adviser, bernard))!;
		expect(may(scope, 'casefile')).toBe(false);
		await refused(scope);
	});
});

describe('caseload helpers stay inside the organisation and the assignment', () => {
	it('nextAppointments and overdueSteps never cross organisations or advisers', async () => {
		const own = (await householdScope(h.db, actors.adviser, martin))!;
		await addCaseEntry(h.db, own, { date: '2026-12-09', kind: 'rdv', body: 'RDV prévu.', steps: [] }, NOW);
		expect([...(await nextAppointments(h.db, seed.organisationId, [martin, foreign], NOW)).keys()]).toEqual([martin]);
		expect((await nextAppointments(h.db, actors.otherAdviser.organisationId, [martin], NOW)).size).toBe(0);
		// Martin's step (due 25/11) and the demo's step of Lucas Petit (due 5 days before the seed's clock)
		expect((await overdueSteps(h.db, seed.organisationId, actors.adviser.id, NOW)).map((s) => s.householdId)).toEqual([
			martin,
			seed.households['Lucas Petit']
		]);
		expect(await overdueSteps(h.db, seed.organisationId, actors.unassigned.id, NOW)).toEqual([]);
		expect(await overdueSteps(h.db, actors.otherAdviser.organisationId, actors.adviser.id, NOW)).toEqual([]);
		expect((await overdueSteps(h.db, actors.otherAdviser.organisationId, actors.otherAdviser.id, NOW)).length).toBe(1);
	});
});

describe('the demo case files', () => {
	it('give Lucas Petit an overdue step and an appointment in two days, once', async () => {
		const lucas = seed.households['Lucas Petit'];
		const file = await caseFile(h.db, (await householdScope(h.db, actors.adviser, lucas))!, NOW);
		expect(file.next).toEqual({ date: '2026-12-05', kind: 'rdv' });
		expect(file.overdue.map((s) => [s.dueDate, s.daysLate])).toEqual([['2026-11-28', 5]]);
		const count = async () =>
			Number(
				(
					await h.db
						.selectFrom('case_entry')
						.select((eb) => eb.fn.countAll().as('n'))
						.executeTakeFirstOrThrow()
				).n
			);
		const before = await count();
		await seedDemo(h.db, NOW);
		expect(await count()).toBe(before);
	});
});
