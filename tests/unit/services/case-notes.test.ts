import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import { householdScope, type HouseholdScope } from '$lib/server/auth/access';
import type { Actor } from '$lib/server/auth/session';
import { saveProfile } from '$lib/server/services/benefits-service';
import {
	addCaseEntry,
	caseFile,
	checkCaseEntry,
	nextAppointments,
	overdueSteps,
	setStepDone
} from '$lib/server/services/case-notes';
import { householdProfileGaps, profileGaps } from '$lib/server/services/case-notes-profile';
import { InputError, NotFoundError } from '$lib/server/services/errors';
import { createHousehold } from '$lib/server/services/households';
import { recordConsent } from '$lib/server/services/membership';
import { createUser } from '$lib/server/services/users';
import { createTestDb } from '../../helpers/test-db';

let h: DbHandle;
let org: number;
let adviser: Actor;
let a: number; // household with consent
let b: number; // another household of the adviser, with consent
let c: number; // a household of the adviser without consent
let scopeA: HouseholdScope;
let scopeB: HouseholdScope;
const NOW = new Date('2026-12-03T09:00:00Z');
const entry = (over: Partial<Parameters<typeof addCaseEntry>[2]> = {}) => ({
	date: '2026-11-20',
	kind: 'rdv',
	body: 'Point sur le budget de novembre.',
	steps: [] as { text: string; dueDate: string }[],
	...over
});

beforeAll(async () => {
	h = await createTestDb();
	org = (
		await h.db
			.insertInto('organisation')
			.values({ name: 'Org', created_at: NOW.toISOString() })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	const id = await createUser(
		h.db,
		org,
		{ email: 'claire@ex.fr', name: 'Claire', role: 'adviser', password: 'correct horse battery' },
		null
	);
	adviser = { id, organisationId: org, email: 'claire@ex.fr', name: 'Claire', role: 'adviser' };
	a = await createHousehold(h.db, { organisationId: org, name: 'Famille A', adviserId: id });
	b = await createHousehold(h.db, { organisationId: org, name: 'Famille B', adviserId: id });
	c = await createHousehold(h.db, { organisationId: org, name: 'Famille C', adviserId: id });
	await recordConsent(h.db, a, org, null, NOW);
	await recordConsent(h.db, b, org, null, NOW);
	scopeA = (await householdScope(h.db, adviser, a))!;
	scopeB = (await householdScope(h.db, adviser, b))!;
});
afterAll(async () => {
	await h.close();
});

describe('case file entries', () => {
	it('validates with French messages naming the field', () => {
		const field = (over: Partial<ReturnType<typeof entry>>) => {
			try {
				checkCaseEntry(entry(over));
				return null;
			} catch (e) {
				expect(e).toBeInstanceOf(InputError);
				return [(e as InputError).field, (e as InputError).message];
			}
		};
		expect(field({ kind: 'lunch' })?.[0]).toBe('kind');
		expect(field({ date: '' })).toEqual(['date', 'Date : indiquez la date.']);
		expect(field({ date: '31/02/2026' })?.[1]).toContain('date illisible « 31/02/2026 »');
		expect(field({ body: '   ' })?.[0]).toBe('body');
		expect(field({ steps: [{ text: 'Appeler la CAF', dueDate: '' }] })?.[0]).toBe('stepDue1');
		expect(field({ steps: [{ text: '', dueDate: '2026-12-10' }] })?.[0]).toBe('stepText1');
		expect(checkCaseEntry(entry({ date: '28/11/2026' })).date).toBe('2026-11-28');
	});

	it('adds entries with next steps, newest first, and audits every write', async () => {
		const first = await addCaseEntry(
			h.db,
			scopeA,
			entry({
				steps: [
					{ text: 'Envoyer les trois derniers relevés', dueDate: '2026-11-27' },
					{ text: 'Appeler la CAF', dueDate: '2026-12-15' }
				]
			}),
			NOW
		);
		await addCaseEntry(h.db, scopeA, entry({ date: '2026-12-10', kind: 'visite', body: 'Visite prévue.' }), NOW);
		await addCaseEntry(h.db, scopeA, entry({ date: '2026-12-08', kind: 'telephone', body: 'Appel prévu.' }), NOW);
		await addCaseEntry(h.db, scopeA, entry({ date: '2026-12-05', kind: 'note', body: 'Une note datée.' }), NOW);
		const file = await caseFile(h.db, scopeA, NOW);
		expect(file.today).toBe('2026-12-03');
		expect(file.entries.map((e) => e.date)).toEqual(['2026-12-10', '2026-12-08', '2026-12-05', '2026-11-20']);
		expect(file.entries[3].author).toBe('Claire');
		expect(file.entries[3].steps.map((s) => s.text)).toEqual(['Envoyer les trois derniers relevés', 'Appeler la CAF']);
		// a note is not an appointment: the next one is the phone call
		expect(file.next).toEqual({ date: '2026-12-08', kind: 'telephone' });
		expect(file.overdue.map((s) => [s.text, s.daysLate])).toEqual([['Envoyer les trois derniers relevés', 6]]);
		const audit = await h.db
			.selectFrom('audit_log')
			.select(['action', 'actor_id', 'target_id'])
			.where('household_id', '=', a)
			.where('action', 'like', 'casefile.%')
			.execute();
		expect(audit).toHaveLength(4);
		expect(audit[0]).toEqual({ action: 'casefile.entry_added', actor_id: adviser.id, target_id: String(first) });
	});

	it('marks a step done and reopens it; a step of another household is not found', async () => {
		const file = await caseFile(h.db, scopeA, NOW);
		const step = file.overdue[0];
		await setStepDone(h.db, scopeA, step.id, true, NOW);
		expect((await caseFile(h.db, scopeA, NOW)).overdue).toEqual([]);
		expect(await overdueSteps(h.db, org, adviser.id, NOW)).toEqual([]);
		await setStepDone(h.db, scopeA, step.id, false, NOW);
		expect((await caseFile(h.db, scopeA, NOW)).overdue.map((s) => s.id)).toEqual([step.id]);
		await expect(setStepDone(h.db, scopeB, step.id, true, NOW)).rejects.toBeInstanceOf(NotFoundError);
		const actions = await h.db
			.selectFrom('audit_log')
			.select('action')
			.where('target_type', '=', 'case_step')
			.orderBy('id')
			.execute();
		expect(actions.map((x) => x.action)).toEqual(['casefile.step_done', 'casefile.step_reopened']);
	});
});

describe('caseload helpers', () => {
	it('nextAppointments gives each household its next RDV, call or visit in one query', async () => {
		await addCaseEntry(h.db, scopeB, entry({ date: '2026-12-03', kind: 'rdv', body: "RDV aujourd'hui." }), NOW);
		await addCaseEntry(h.db, scopeB, entry({ date: '2026-11-01', kind: 'rdv', body: 'RDV passé.' }), NOW);
		const next = await nextAppointments(h.db, org, [a, b, c, 9999], NOW);
		expect([...next.entries()].sort((x, y) => x[0] - y[0])).toEqual([
			[a, { date: '2026-12-08', kind: 'telephone' }],
			[b, { date: '2026-12-03', kind: 'rdv' }]
		]);
		// another organisation's id gives nothing, and an empty list makes no query
		expect((await nextAppointments(h.db, org + 1, [a, b], NOW)).size).toBe(0);
		expect((await nextAppointments(h.db, org, [], NOW)).size).toBe(0);
	});

	it('overdueSteps lists the adviser reminders across households, oldest first, consent given only', async () => {
		await addCaseEntry(
			h.db,
			scopeB,
			entry({ steps: [{ text: 'Déposer le dossier FSL', dueDate: '2026-11-10' }] }),
			NOW
		);
		const list = await overdueSteps(h.db, org, adviser.id, NOW);
		expect(list.map((s) => [s.householdName, s.text, s.dueDate])).toEqual([
			['Famille B', 'Déposer le dossier FSL', '2026-11-10'],
			['Famille A', 'Envoyer les trois derniers relevés', '2026-11-27']
		]);
		expect(await overdueSteps(h.db, org + 1, adviser.id, NOW)).toEqual([]);
		// a day earlier, the step due on 27/11 was not late yet
		expect((await overdueSteps(h.db, org, adviser.id, new Date('2026-11-27T09:00:00Z'))).length).toBe(1);
	});
});

describe('profile gaps', () => {
	it('an empty profile says everything is missing', async () => {
		expect(profileGaps(null).empty).toBe(true);
		expect(await householdProfileGaps(h.db, scopeA)).toEqual({
			empty: true,
			missing: ['la composition du foyer', 'les âges', 'les revenus', 'le logement et le loyer']
		});
	});

	it('a partial profile names the missing answers; a complete one none', async () => {
		await saveProfile(
			h.db,
			scopeA,
			{
				month: '2026-12',
				housing: { status: 'tenant_private', rent: '0.00' },
				members: [{ role: 'applicant', birthDate: null, activity: 'employed', income: {} }]
			},
			NOW
		);
		expect(await householdProfileGaps(h.db, scopeA)).toEqual({
			empty: false,
			missing: ["l'âge des adultes", 'le montant du loyer']
		});
		expect(
			profileGaps({
				month: '2026-12',
				housing: { status: 'owner' },
				members: [
					{ role: 'applicant', birthDate: '1980-01-01', activity: 'retired' },
					{ role: 'partner', birthDate: '1982-01-01', activity: null }
				]
			})
		).toEqual({ empty: false, missing: ['la situation professionnelle'] });
	});
});
