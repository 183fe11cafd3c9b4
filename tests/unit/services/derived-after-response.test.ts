// An import marks the household's derived figures stale in its own transaction and refreshes them after its
// response (issue 20); every reader of those figures refreshes a stale household first, so none shows figures
// older than the data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import { settleBackground } from '$lib/server/db/background';
import { operatorScope, type HouseholdScope } from '$lib/server/auth/access';
import { importFile } from '$lib/server/services/import-service';
import { householdOverview } from '$lib/server/services/households';
import {
	ensureDerived,
	ensureOrganisationDerived,
	markDerivedDue,
	refreshStaleHouseholds
} from '$lib/server/services/derived-refresh';
import { createTestDb } from '../../helpers/test-db';

let h: DbHandle;
const NOW = new Date('2026-12-04T08:00:00Z');
const enc = (s: string) => new TextEncoder().encode(s);

// Crédit Mutuel layout: Date;Date de valeur;Débit;Crédit;Libellé;Solde
const MARCH = [
	'Date;Date de valeur;Débit;Crédit;Libellé;Solde',
	'02/11/2026;02/11/2026;-3,20;;CARTE 01/11 CAFE DU COIN;96,80',
	'03/11/2026;03/11/2026;-45,99;;PRLV SEPA EDF CLIENTS PARTICULIERS;50,81',
	'05/11/2026;05/11/2026;;512,00;VIR CAF DE LA GIRONDE APL;562,81'
].join('\n');

async function organisation(name: string): Promise<number> {
	const row = await h.db
		.insertInto('organisation')
		.values({ name, created_at: NOW.toISOString() })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

async function household(org: number, name: string): Promise<HouseholdScope> {
	const row = await h.db
		.insertInto('household')
		.values({ organisation_id: org, name, situation: null, created_at: NOW.toISOString(), archived_at: null })
		.returning('id')
		.executeTakeFirstOrThrow();
	return (await operatorScope(h.db, row.id)) as HouseholdScope;
}

async function state(scope: HouseholdScope) {
	const [mark, row] = await Promise.all([
		h.db
			.selectFrom('derived_refresh')
			.select(['due', 'done'])
			.where('household_id', '=', scope.householdId)
			.executeTakeFirst(),
		h.db
			.selectFrom('caseload_row')
			.select(['last_import_at', 'computed_at'])
			.where('household_id', '=', scope.householdId)
			.executeTakeFirst()
	]);
	return { due: mark?.due ?? null, done: mark?.done ?? null, lastImportAt: row?.last_import_at ?? null };
}

async function markStale(scope: HouseholdScope): Promise<void> {
	await h.db.transaction().execute((trx) => markDerivedDue(trx, scope, NOW));
}

let org: number;
beforeAll(async () => {
	h = await createTestDb();
	org = await organisation('Association A');
});
afterAll(async () => {
	await h.close();
});

describe('the derived figures after an import', () => {
	it('are marked stale by the import and refreshed after its response', async () => {
		const scope = await household(org, 'Ménage 1');
		const r = await importFile(
			h.db,
			scope,
			{ fileName: 'nov.csv', bytes: enc(MARCH), accountName: 'Courant' },
			{ now: NOW }
		);
		expect(r.status).toBe('imported');
		// the import has answered; its refresh has not run yet
		expect(await state(scope)).toEqual({ due: 1, done: 0, lastImportAt: null });
		await settleBackground(h.db);
		const after = await state(scope);
		expect(after.done).toBe(1);
		expect(after.lastImportAt).not.toBeNull();
	});

	it('are refreshed by a reader that comes before the refresh', async () => {
		const scope = await household(org, 'Ménage 2');
		await importFile(h.db, scope, { fileName: 'nov.csv', bytes: enc(MARCH), accountName: 'Courant' }, { now: NOW });
		const overview = await householdOverview(h.db, scope);
		expect(overview.name).toBe('Ménage 2');
		// refreshed by the overview itself, before the refresh asked for after the import
		const s = await state(scope);
		expect(s).toMatchObject({ due: 1, done: 1 });
		expect(s.lastImportAt).not.toBeNull();
		await settleBackground(h.db);
		expect(await state(scope)).toMatchObject({ due: 1, done: 1 });
	});

	it('are computed once for two readers at the same time', async () => {
		const scope = await household(org, 'Ménage 3');
		await markStale(scope);
		const first: Record<string, number> = {};
		const second: Record<string, number> = {};
		await Promise.all([ensureDerived(h.db, scope, NOW, first), ensureDerived(h.db, scope, NOW, second)]);
		expect(Object.keys(first).length > 0).not.toBe(Object.keys(second).length > 0);
		expect(await state(scope)).toMatchObject({ due: 1, done: 1 });
	});

	it('are stale again after a change that follows a refresh, and current after the next one', async () => {
		const scope = await household(org, 'Ménage 4');
		await markStale(scope);
		await ensureDerived(h.db, scope, NOW);
		await markStale(scope);
		expect(await state(scope)).toMatchObject({ due: 2, done: 1 });
		const timings: Record<string, number> = {};
		await ensureDerived(h.db, scope, NOW, timings);
		expect(timings.householdStatus).toBeGreaterThanOrEqual(0);
		expect(await state(scope)).toMatchObject({ due: 2, done: 2 });
		// current: nothing is computed again
		const again: Record<string, number> = {};
		await ensureDerived(h.db, scope, NOW, again);
		expect(again).toEqual({});
	});

	it('are not marked by a rejected file', async () => {
		const scope = await household(org, 'Ménage 5');
		const r = await importFile(h.db, scope, { fileName: 'vide.csv', bytes: enc('') }, { now: NOW });
		expect(r.status).toBe('rejected');
		expect(await state(scope)).toEqual({ due: null, done: null, lastImportAt: null });
	});

	it('are refreshed for a caseload only in its own organisation, and everywhere by the periodic tasks', async () => {
		const other = await organisation('Association B');
		const mine = await household(org, 'Ménage 6');
		const theirs = await household(other, 'Ménage 7');
		await markStale(mine);
		await markStale(theirs);
		await ensureOrganisationDerived(h.db, org, NOW);
		expect(await state(mine)).toMatchObject({ due: 1, done: 1 });
		expect(await state(theirs)).toMatchObject({ due: 1, done: 0 });
		expect(await refreshStaleHouseholds(h.db, NOW)).toBe(1);
		expect(await state(theirs)).toMatchObject({ due: 1, done: 1 });
		expect(await refreshStaleHouseholds(h.db, NOW)).toBe(0);
	});
});
