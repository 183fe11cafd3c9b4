import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DbHandle } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/session';
import { householdScope } from '$lib/server/auth/access';
import { addCaseEntry } from '$lib/server/services/case-notes';
import { caseloadPage } from '$lib/server/services/caseload';
import { caseloadGeneration } from '$lib/server/services/caseload-cache';
import { parseCaseloadQuery } from '$lib/server/services/caseload-view';
import { seedDemo } from '$db/seeds/demo';
import { CASELOAD_SOURCES } from '$db/migrations/2026-12-07_1002_caseload_generation';
import { createTestDb } from '../../helpers/test-db';
import { actorsByRole } from '../../helpers/demo-actors';

const NOW = new Date('2026-12-03T09:00:00Z');
let h: DbHandle;
let seed: Awaited<ReturnType<typeof seedDemo>>;
let adviser: Actor;
const all = parseCaseloadQuery(new URLSearchParams('vue=tous'));

beforeAll(async () => {
	h = await createTestDb();
	seed = await seedDemo(h.db, NOW);
	adviser = (await actorsByRole(h.db, seed.organisationId)).adviser;
});
afterAll(async () => {
	await h.close();
});

const entry = async (name: string) =>
	(await caseloadPage(h.db, adviser, all, NOW)).entries.find((e) => e.name === name);

describe('the caseload kept while nothing it shows changes', () => {
	it('serves the same page again while the generation stays, and computes it again after a change', async () => {
		const first = await caseloadPage(h.db, adviser, all, NOW);
		expect(await caseloadPage(h.db, adviser, all, NOW)).toBe(first);
		// another day, other filters or another adviser: another page
		expect(await caseloadPage(h.db, adviser, all, new Date('2026-12-04T09:00:00Z'))).not.toBe(first);
		const before = await caseloadGeneration(h.db, seed.organisationId);
		await h.db
			.updateTable('household')
			.set({ name: 'Famille Martin-Durand' })
			.where('name', '=', 'Famille Martin')
			.execute();
		expect(await caseloadGeneration(h.db, seed.organisationId)).not.toBe(before);
		expect(await entry('Famille Martin-Durand')).toBeDefined();
		await h.db
			.updateTable('household')
			.set({ name: 'Famille Martin' })
			.where('name', '=', 'Famille Martin-Durand')
			.execute();
		expect(await entry('Famille Martin')).toBeDefined();
	});

	it('a new appointment written by the case file shows on the next request', async () => {
		const martin = (await entry('Famille Martin'))!;
		const scope = (await householdScope(h.db, adviser, martin.id))!;
		await caseloadPage(h.db, adviser, all, NOW);
		await addCaseEntry(h.db, scope, { date: '2026-12-09', kind: 'visite', body: 'Visite', steps: [] }, NOW);
		expect((await entry('Famille Martin'))?.nextAppointment?.date).toBe('2026-12-09');
	});

	it('a consent withdrawn, even by a raw statement, hides the figures on the next request', async () => {
		const martin = (await entry('Famille Martin'))!;
		expect(martin.consent).toBe(true);
		await sql`update consent set withdrawn_at = ${NOW.toISOString()} where household_id = ${martin.id}`.execute(h.db);
		expect((await entry('Famille Martin'))?.consent).toBe(false);
		await sql`update consent set withdrawn_at = null where household_id = ${martin.id}`.execute(h.db);
		expect((await entry('Famille Martin'))?.consent).toBe(true);
	});

	it('every table the caseload reads changes the generation on insert, update and delete', async () => {
		const org = seed.organisationId;
		for (const table of CASELOAD_SOURCES) {
			const before = await caseloadGeneration(h.db, org);
			// an update that changes nothing still counts: it is a write
			await sql`update ${sql.table(table)} set organisation_id = organisation_id where organisation_id = ${org}`.execute(
				h.db
			);
			const after = await caseloadGeneration(h.db, org);
			expect(after, table).not.toBe(before);
			expect(BigInt(after) > BigInt(before), table).toBe(true);
		}
	});

	it('a change in another organisation leaves this one’s pages', async () => {
		const other = (
			await h.db
				.insertInto('organisation')
				.values({ name: 'Autre', created_at: NOW.toISOString() })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		const before = await caseloadGeneration(h.db, seed.organisationId);
		const first = await caseloadPage(h.db, adviser, all, NOW);
		await h.db
			.insertInto('household')
			.values({
				organisation_id: other,
				name: 'Ailleurs',
				situation: null,
				created_at: NOW.toISOString(),
				archived_at: null
			})
			.execute();
		expect(await caseloadGeneration(h.db, seed.organisationId)).toBe(before);
		expect(await caseloadPage(h.db, adviser, all, NOW)).toBe(first);
		expect(await caseloadGeneration(h.db, other)).not.toBe('0');
	});
});
