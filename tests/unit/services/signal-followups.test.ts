// Follow-ups of fragility signals (who, when, what was done): who may write and read them, for every role
// against its own household, another household and another organisation; bad input refused, nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import { AccessDeniedError, householdScope, type HouseholdScope } from '$lib/server/auth/access';
import type { Actor } from '$lib/server/auth/session';
import { addSignalFollowup, signalFollowups } from '$lib/server/services/signal-followups';
import { InputError } from '$lib/server/services/errors';
import { seedDemo } from '$db/seeds/demo';
import { createTestDb } from '../../helpers/test-db';
import { actorsByRole } from '../../helpers/demo-actors';

let h: DbHandle;
const actors: Record<string, Actor> = {};
let martin: number;
let bernard: number;
let lambert: number;
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
	const id = (
		await h.db
			.insertInto('app_user')
			.values({
				organisation_id: org2,
				email: 'followup-other@ex.fr',
				name: 'Autre conseillère',
				password_hash: null,
				role: 'adviser',
				active: 1,
				created_at: '2026-01-01T00:00:00Z',
				password_changed_at: null
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	actors['other-adviser'] = { id, organisationId: org2, email: 'followup-other@ex.fr', name: 'x', role: 'adviser' };
});
afterAll(async () => {
	await h.close();
});

const scopeOf = (role: string, household: number) => householdScope(h.db, actors[role], household);
const add = (s: HouseholdScope, body = 'Appel à la banque pour le plafonnement des frais') =>
	addSignalFollowup(h.db, s, { signal: 'F7_incident_fees', body }, NOW);

describe('signal follow-ups', () => {
	it('the adviser notes what was done; it reads back with who and when, newest first', async () => {
		const s = (await scopeOf('adviser', martin))!;
		await add(s, '  Courrier   envoyé à la banque ');
		await addSignalFollowup(
			h.db,
			s,
			{ signal: 'F7_incident_fees', body: 'Réponse reçue' },
			new Date('2026-12-04T09:00:00Z')
		);
		await addSignalFollowup(h.db, s, { signal: 'F8_overdraft', body: 'RDV pris' }, NOW);
		const f = await signalFollowups(h.db, s);
		expect(f['F7_incident_fees'].map((x) => x.body)).toEqual(['Réponse reçue', 'Courrier envoyé à la banque']);
		expect(f['F7_incident_fees'][0]).toMatchObject({ author: actors.adviser.name, at: '2026-12-04T09:00:00.000Z' });
		expect(f['F8_overdraft']).toHaveLength(1);
		const audit = await h.db
			.selectFrom('audit_log')
			.select('action')
			.where('household_id', '=', martin)
			.where('action', '=', 'signal.followup')
			.execute();
		expect(audit).toHaveLength(3);
	});

	it('bad input is refused with the field at fault and nothing written', async () => {
		const s = (await scopeOf('adviser', bernard))!;
		await expect(add(s, '   ')).rejects.toMatchObject({ field: 'body' });
		await expect(add(s, 'x'.repeat(501))).rejects.toMatchObject({ field: 'body' });
		await expect(addSignalFollowup(h.db, s, { signal: "'; drop table x", body: 'ok' }, NOW)).rejects.toBeInstanceOf(
			InputError
		);
		expect(await signalFollowups(h.db, s)).toEqual({});
	});

	it('the member, an adviser without consent, staff and another organisation neither write nor read', async () => {
		const member = (await scopeOf('household', martin))!;
		await expect(add(member)).rejects.toBeInstanceOf(AccessDeniedError);
		await expect(signalFollowups(h.db, member)).rejects.toBeInstanceOf(AccessDeniedError);
		const noConsent = (await scopeOf('adviser', lambert))!;
		await expect(add(noConsent)).rejects.toBeInstanceOf(AccessDeniedError);
		await expect(signalFollowups(h.db, noConsent)).rejects.toBeInstanceOf(AccessDeniedError);
		for (const role of ['professional', 'admin', 'other-adviser'])
			for (const hh of [martin, bernard]) expect(await scopeOf(role, hh)).toBeNull();
	});

	it('another household’s scope never sees this one’s follow-ups', async () => {
		const s = (await scopeOf('adviser', bernard))!;
		expect(await signalFollowups(h.db, s)).toEqual({});
	});
});
