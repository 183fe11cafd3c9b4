import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin } from 'kysely';
import type { Db, DbHandle } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/session';
import { householdScope } from '$lib/server/auth/access';
import { addCaseEntry } from '$lib/server/services/case-notes';
import { caseloadPage, organisationAssignments, reassignHousehold } from '$lib/server/services/caseload';
import { overdrawnSince, refreshCaseloadRow } from '$lib/server/services/caseload-status';
import { caseloadEntry, parseCaseloadQuery, type CaseloadFacts } from '$lib/server/services/caseload-view';
import { InputError, NotFoundError } from '$lib/server/services/errors';
import { createHousehold } from '$lib/server/services/households';
import { recordConsent } from '$lib/server/services/membership';
import { seedDemo } from '$db/seeds/demo';
import { createTestDb } from '../../helpers/test-db';
import { actorsByRole } from '../../helpers/demo-actors';

const NOW = new Date('2026-12-03T09:00:00Z');
let h: DbHandle;
let seed: Awaited<ReturnType<typeof seedDemo>>;
const actors: Record<string, Actor> = {};

async function addUser(org: number, email: string, role: Actor['role'], name = email): Promise<Actor> {
	const id = (
		await h.db
			.insertInto('app_user')
			.values({
				organisation_id: org,
				email,
				name,
				password_hash: null,
				role,
				active: 1,
				created_at: NOW.toISOString(),
				password_changed_at: null
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	return { id, organisationId: org, email, name, role };
}

beforeAll(async () => {
	h = await createTestDb();
	seed = await seedDemo(h.db, NOW);
	Object.assign(actors, await actorsByRole(h.db, seed.organisationId));
	actors.secondAdviser = await addUser(seed.organisationId, 'second@demo.bgv.fr', 'adviser', 'Paul Second');
	const org2 = (
		await h.db
			.insertInto('organisation')
			.values({ name: 'Autre', created_at: NOW.toISOString() })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	actors.otherAdviser = await addUser(org2, 'other@ex.fr', 'adviser');
	actors.otherAdmin = await addUser(org2, 'otheradmin@ex.fr', 'admin');
});
afterAll(async () => {
	await h.close();
});

/** formatEur's narrow no-break spaces as plain spaces, to write the expected text. */
const sp = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

function facts(over: Partial<CaseloadFacts>): CaseloadFacts {
	return {
		id: 1,
		name: 'Famille Test',
		situation: null,
		consent: true,
		members: 1,
		adviser: null,
		level: 'ok',
		regulatoryFragile: false,
		signals: [],
		balance: 10_000,
		overdrawnSince: null,
		firstOverdraft: null,
		feesMonth: '2026-11',
		feesMonthAmount: 0,
		fees3m: 0,
		rejected3m: 0,
		benefitsCount: 0,
		benefitsYearly: 0,
		missingIncome: false,
		lastImportAt: '2026-12-01T10:00:00Z',
		plan: { open: 0, monthly: 0, oneOff: 0 },
		nextAppointment: null,
		overdueSteps: 0,
		...over
	};
}

describe('reasons in words', () => {
	it('says how long the household has been overdrawn, its fees of last month and its silence', () => {
		const e = caseloadEntry(
			facts({ overdrawnSince: '2026-11-22', feesMonthAmount: 32_000, lastImportAt: '2026-10-23T08:00:00Z' }),
			'2026-12-03'
		);
		expect(sp(e.reasons.slice(0, 2).join(', '))).toBe('découvert depuis 12 jours, 320,00 € de frais en novembre');
		expect(e.reasons).toContain("n'a pas importé depuis 41 jours");
		expect(e.needsAttention).toBe(true);
	});

	it('a standing situation (low resources, FICP) gives a reason but not "Cette semaine"; an event does', () => {
		const standing = caseloadEntry(
			facts({
				signals: [
					{ id: 'F12_reste_a_vivre', level: 'high', title: 'Reste à vivre insuffisant', message: '' },
					{ id: 'F4_file_registration', level: 'fragile', title: 'Inscrit au FICP', message: '' }
				]
			}),
			'2026-12-03'
		);
		expect(standing.needsAttention).toBe(false);
		expect(standing.reasons).toEqual(['reste à vivre insuffisant']);
		const event = caseloadEntry(
			facts({ signals: [{ id: 'F16_missing_priority_payment', level: 'high', title: 'Loyer non payé', message: '' }] }),
			'2026-12-03'
		);
		expect(event.needsAttention).toBe(true);
		expect(event.reasons).toEqual(['loyer non payé']);
	});

	it('keeps a quiet household off "Cette semaine"; a benefit alone can wait; no consent shows no figure', () => {
		expect(caseloadEntry(facts({}), '2026-12-03').needsAttention).toBe(false);
		const b = caseloadEntry(facts({ benefitsCount: 2, benefitsYearly: 120_000 }), '2026-12-03');
		expect(b.needsAttention).toBe(false);
		expect(b.reasons.map(sp)).toEqual(['2 droits à demander (environ 1 200,00 € par an)']);
		const soon = caseloadEntry(facts({ firstOverdraft: '2026-12-10' }), '2026-12-03');
		expect(soon.reasons).toEqual(['découvert prévu le 10/12/2026']);
		const later = caseloadEntry(facts({ firstOverdraft: '2026-12-30' }), '2026-12-03');
		expect(later.needsAttention).toBe(false);
		const hidden = caseloadEntry(facts({ consent: false, overdrawnSince: '2026-11-01' }), '2026-12-03');
		expect(hidden.reasons).toEqual(['partage pas encore accepté']);
	});

	it('says when the next appointment is and how many agreed steps are late', () => {
		// Thursday 10/12 is 7 days after Thursday 03/12: on "Cette semaine", to prepare it
		const thursday = caseloadEntry(facts({ nextAppointment: { date: '2026-12-10', kind: 'rdv' } }), '2026-12-03');
		expect(thursday.reasons).toEqual(['RDV jeudi 10/12']);
		expect(thursday.needsAttention).toBe(true);
		const call = caseloadEntry(facts({ nextAppointment: { date: '2026-12-04', kind: 'telephone' } }), '2026-12-03');
		expect(call.reasons).toEqual(['appel prévu demain']);
		const later = caseloadEntry(facts({ nextAppointment: { date: '2026-12-11', kind: 'visite' } }), '2026-12-03');
		expect(later.reasons).toEqual(['visite le 11/12/2026']);
		expect(later.needsAttention).toBe(false);
		const late = caseloadEntry(facts({ overdueSteps: 2 }), '2026-12-03');
		expect(late.reasons).toEqual(['2 étapes convenues en retard']);
		expect(late.needsAttention).toBe(true);
		expect(caseloadEntry(facts({ overdueSteps: 1 }), '2026-12-03').reasons).toEqual(['1 étape convenue en retard']);
	});

	it('finds the first day of the current overdraft run', () => {
		const txs = [
			{ date: '2026-11-20', amount: -5_000 },
			{ date: '2026-11-22', amount: -20_000 },
			{ date: '2026-11-25', amount: -1_000 }
		];
		expect(overdrawnSince(txs, { date: '2026-11-25', amount: -16_000 })).toBe('2026-11-22');
		expect(overdrawnSince(txs, { date: '2026-11-25', amount: -30_000 })).toBe('2026-11-20');
		expect(overdrawnSince(txs, { date: '2026-11-25', amount: 100 })).toBeNull();
		expect(overdrawnSince([], null)).toBeNull();
	});

	it('reads the filters from the query string and ignores anything unknown', () => {
		const f = parseCaseloadQuery(
			new URLSearchParams('vue=tous&q=Mart&niveau=fragile&signal=F7_incident_fees&decouvert=1&tri=fees&sansimport=30')
		);
		expect(f).toMatchObject({ view: 'all', q: 'Mart', level: 'fragile', signal: 'F7_incident_fees', overdraft: true });
		expect(f).toMatchObject({ sort: 'fees', staleDays: 30, fees: false, adviser: null });
		const bad = parseCaseloadQuery(new URLSearchParams('niveau=x&tri=drop&signal=a;b&sansimport=-1'));
		expect(bad).toMatchObject({ view: 'week', level: null, sort: 'priority', signal: null, staleDays: null });
	});
});

describe('the caseload page', () => {
	it('reads the stored rows written by the imports of the demo', async () => {
		const rows = await h.db.selectFrom('caseload_row').select(['household_id', 'level']).execute();
		expect(rows.length).toBe(14); // every household: after its import or its profile
		const all = await caseloadPage(h.db, actors.adviser, parseCaseloadQuery(new URLSearchParams('vue=tous')), NOW);
		expect(all.total).toBe(14);
		expect(all.entries).toHaveLength(14);
		const lambert = all.entries.find((e) => e.name === 'M. Lambert')!;
		expect(lambert.consent).toBe(false);
		expect(lambert.balance).toBeNull();
		expect(lambert.level).toBeNull();
		const week = await caseloadPage(h.db, actors.adviser, parseCaseloadQuery(new URLSearchParams()), NOW);
		expect(week.entries.length).toBe(week.needingAttention);
		expect(week.entries.length).toBeGreaterThan(0);
		expect(week.entries.every((e) => e.needsAttention && e.reasons.length > 0)).toBe(true);
		expect(week.entries.length).toBeLessThan(14);
	});

	it('filters and sorts: search by name without accents, overdraft, fees, level', async () => {
		const q = (s: string) => caseloadPage(h.db, actors.adviser, parseCaseloadQuery(new URLSearchParams(s)), NOW);
		expect((await q('vue=tous&q=lucas')).entries.map((e) => e.name)).toEqual(['Lucas Petit']);
		const overdraft = await q('vue=tous&decouvert=1');
		expect(overdraft.entries.every((e) => e.daysOverdrawn !== null || e.firstOverdraft !== null)).toBe(true);
		const fees = await q('vue=tous&frais=1&tri=fees');
		expect(fees.entries.every((e) => e.fees3m > 0)).toBe(true);
		for (let i = 1; i < fees.entries.length; i++)
			expect(fees.entries[i - 1].fees3m).toBeGreaterThanOrEqual(fees.entries[i].fees3m);
		const fragile = await q('vue=tous&niveau=fragile');
		expect(fragile.entries.every((e) => ['fragile', 'high', 'critical'].includes(e.level ?? ''))).toBe(true);
		const byName = await q('vue=tous&tri=name');
		expect(byName.entries.map((e) => e.name)).toEqual(
			[...byName.entries.map((e) => e.name)].sort((a, b) => a.localeCompare(b, 'fr'))
		);
	});

	it('shows the next appointment and the late steps written in the case file', async () => {
		const bernard = seed.households['M. et Mme Bernard'];
		const scope = (await householdScope(h.db, actors.adviser, bernard))!;
		await addCaseEntry(h.db, scope, { date: '2026-12-08', kind: 'rdv', body: 'Point sur le budget', steps: [] }, NOW);
		await addCaseEntry(
			h.db,
			scope,
			{
				date: '2026-11-20',
				kind: 'telephone',
				body: 'Appel',
				steps: [{ text: 'Envoyer l’avis d’imposition', dueDate: '2026-11-30' }]
			},
			NOW
		);
		const page = await caseloadPage(h.db, actors.adviser, parseCaseloadQuery(new URLSearchParams()), NOW);
		const e = page.entries.find((x) => x.id === bernard)!;
		expect(e.nextAppointment).toEqual({ date: '2026-12-08', kind: 'rdv' });
		expect(e.overdueSteps).toBe(1);
		expect(e.reasons).toEqual(expect.arrayContaining(['1 étape convenue en retard', 'RDV mardi 08/12']));
		const byDate = await caseloadPage(
			h.db,
			actors.adviser,
			parseCaseloadQuery(new URLSearchParams('vue=tous&tri=appointment')),
			NOW
		);
		const dates = byDate.entries.map((x) => x.nextAppointment?.date ?? '9999');
		expect(dates).toEqual([...dates].sort());
		expect(dates).toContain('2026-12-08');
	});

	it('is only the adviser’s: another adviser, another organisation, other roles see nothing', async () => {
		const f = parseCaseloadQuery(new URLSearchParams('vue=tous'));
		expect((await caseloadPage(h.db, actors.secondAdviser, f, NOW)).total).toBe(0);
		expect((await caseloadPage(h.db, actors.otherAdviser, f, NOW)).total).toBe(0);
		for (const role of ['household', 'professional', 'admin'])
			await expect(caseloadPage(h.db, actors[role], f, NOW)).rejects.toThrow(NotFoundError);
	});

	it('runs the same number of queries for 5 or 150 households (no query per household)', async () => {
		const adviser = await addUser(seed.organisationId, 'many@demo.bgv.fr', 'adviser');
		let count = 0;
		const counter: KyselyPlugin = {
			transformQuery: (args) => {
				count++;
				return args.node;
			},
			transformResult: (args) => Promise.resolve(args.result)
		};
		const counted = h.db.withPlugin(counter) as Db;
		const measure = async () => {
			count = 0;
			await caseloadPage(counted, adviser, parseCaseloadQuery(new URLSearchParams('vue=tous')), NOW);
			return count;
		};
		const add = async (n: number) => {
			for (let i = 0; i < n; i++) {
				const id = await createHousehold(h.db, {
					organisationId: seed.organisationId,
					name: `Ménage ${i}`,
					adviserId: adviser.id
				});
				await recordConsent(h.db, id, seed.organisationId, null, NOW);
				const scope = (await householdScope(h.db, adviser, id))!;
				await refreshCaseloadRow(h.db, scope, NOW);
			}
		};
		await add(5);
		const few = await measure();
		await add(145);
		const many = await measure();
		expect(many).toBe(few);
		// stale households of the organisation (none here), sorted keys, consents of the page (the access
		// module), its rows, next appointments, counts, signals
		expect(few).toBeLessThanOrEqual(7);
		const page = await caseloadPage(h.db, adviser, parseCaseloadQuery(new URLSearchParams('vue=tous')), NOW);
		expect(page.total).toBe(150);
	});
});

describe('reassignment by the organisation admin', () => {
	it('gives a household to another adviser of the organisation, and to no one else', async () => {
		const lucas = seed.households['Lucas Petit'];
		const before = await organisationAssignments(h.db, actors.admin);
		expect(before.households.find((x) => x.householdId === lucas)?.adviserIds).toEqual([actors.adviser.id]);
		await expect(reassignHousehold(h.db, actors.admin, lucas, actors.otherAdviser.id)).rejects.toThrow(InputError);
		await expect(reassignHousehold(h.db, actors.otherAdmin, lucas, actors.otherAdviser.id)).rejects.toThrow(
			NotFoundError
		);
		for (const role of ['adviser', 'household', 'professional'])
			await expect(reassignHousehold(h.db, actors[role], lucas, actors.secondAdviser.id)).rejects.toThrow(
				NotFoundError
			);
		await expect(organisationAssignments(h.db, actors.adviser)).rejects.toThrow(NotFoundError);
		expect((await organisationAssignments(h.db, actors.otherAdmin)).households).toEqual([]);
		await reassignHousehold(h.db, actors.admin, lucas, actors.secondAdviser.id, NOW);
		const f = parseCaseloadQuery(new URLSearchParams('vue=tous&q=lucas'));
		expect((await caseloadPage(h.db, actors.secondAdviser, f, NOW)).entries).toHaveLength(1);
		expect((await caseloadPage(h.db, actors.adviser, f, NOW)).entries).toHaveLength(0);
		expect(await householdScope(h.db, actors.adviser, lucas)).toBeNull();
		await reassignHousehold(h.db, actors.admin, lucas, actors.adviser.id, NOW);
	});
});
