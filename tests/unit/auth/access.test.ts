import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import {
	AccessDeniedError,
	householdScope,
	householdScopes,
	homePath,
	may,
	mayEnterSection,
	operatorScope,
	type HouseholdScope
} from '$lib/server/auth/access';
import type { Actor } from '$lib/server/auth/session';
import { caseload, householdOverview } from '$lib/server/services/households';
import { setConsent } from '$lib/server/services/membership';
import { householdBudget } from '$lib/server/services/budget-service';
import { householdForecast, addPlannedItem } from '$lib/server/services/forecast-service';
import { loadProfile, saveProfile } from '$lib/server/services/benefits-service';
import { listTransactions, setCategoryManually } from '$lib/server/services/transactions';
import { listHouseholdRules, reapplyRules } from '$lib/server/services/rules-service';
import { importFile, previewFile, undoImport } from '$lib/server/services/import-service';
import { stageFiles } from '$lib/server/services/import-staging';
import { inviteMember } from '$lib/server/services/invitations';
import { loadConfig } from '$lib/server/config';
import { seedDemo } from '$db/seeds/demo';
import { createTestDb } from '../../helpers/test-db';
import { actorsByRole } from '../../helpers/demo-actors';

let h: DbHandle;
let seed: Awaited<ReturnType<typeof seedDemo>>;
const actors: Record<string, Actor> = {};

beforeAll(async () => {
	h = await createTestDb();
	seed = await seedDemo(h.db);
	expect(await seedDemo(h.db)).toEqual(seed); // idempotent
	Object.assign(actors, await actorsByRole(h.db, seed.organisationId));
	// a second organisation with its own adviser and household
	const org2 = (
		await h.db
			.insertInto('organisation')
			.values({ name: 'Autre', created_at: '2026-01-01T00:00:00Z' })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	const other = (
		await h.db
			.insertInto('app_user')
			.values({
				organisation_id: org2,
				email: 'other@ex.fr',
				name: 'Other',
				password_hash: null,
				role: 'adviser',
				active: 1,
				created_at: '2026-01-01T00:00:00Z',
				password_changed_at: null
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	actors.otherAdviser = { id: other, organisationId: org2, email: 'other@ex.fr', name: 'Other', role: 'adviser' };
});
afterAll(async () => {
	await h.close();
});

async function canRead(actor: Actor, householdId: number): Promise<boolean> {
	const scope = await householdScope(h.db, actor, householdId);
	return scope !== null && may(scope, 'read');
}

describe('who sees which household', () => {
	it('a household member sees their household only', async () => {
		const martin = seed.households['Famille Martin'];
		const bernard = seed.households['M. et Mme Bernard'];
		expect(await canRead(actors.household, martin)).toBe(true);
		expect(await householdScope(h.db, actors.household, bernard)).toBeNull();
		expect(await homePath(h.db, actors.household)).toBe(`/households/${martin}`);
		const own = (await householdScope(h.db, actors.household, martin))!;
		expect([...own.permissions].sort()).toEqual(['consent', 'read', 'view', 'write']);
		expect(own.organisationId).toBe(seed.organisationId);
	});

	it('an adviser reads assigned households that consented, and only sees that the others exist', async () => {
		const all = Object.values(seed.households);
		const scopes = await householdScopes(h.db, actors.adviser, all);
		expect(scopes.size).toBe(14);
		expect([...scopes.values()].filter((s) => may(s, 'read'))).toHaveLength(12);
		const lambert = scopes.get(seed.households['M. Lambert'])!; // no consent yet
		expect(may(lambert, 'view')).toBe(true);
		expect(may(lambert, 'invite')).toBe(true);
		expect(may(lambert, 'read')).toBe(false);
		expect(may(lambert, 'write')).toBe(false);
		expect(may(lambert, 'consent')).toBe(false);
		await expect(householdOverview(h.db, lambert)).rejects.toThrow(AccessDeniedError);
		expect(await householdScope(h.db, actors.otherAdviser, seed.households['Famille Martin'])).toBeNull();
		const list = await caseload(h.db, actors.adviser);
		expect(list).toHaveLength(14);
		expect(list.find((x) => x.name === 'M. Lambert')?.consent).toBe(false);
		// the demo statements went through the importer: balances and forecasts are there, drifting households first
		const lucas = list.find((x) => x.name === 'Lucas Petit')!;
		expect(lucas.balance).not.toBeNull();
		expect(lucas.firstOverdraft).not.toBeNull();
		expect(list[0].firstOverdraft).not.toBeNull();
		expect(list.find((x) => x.name === 'M. Lambert')?.balance).toBeNull(); // no consent: nothing shown
		expect(await caseload(h.db, actors.otherAdviser)).toEqual([]);
	});

	it('professionals and admins see no household data', async () => {
		const all = Object.values(seed.households);
		expect((await householdScopes(h.db, actors.professional, all)).size).toBe(0);
		expect((await householdScopes(h.db, actors.admin, all)).size).toBe(0);
		expect(mayEnterSection(actors.admin, 'households')).toBe(false);
		expect(mayEnterSection(actors.professional, 'caseload')).toBe(false);
		expect(mayEnterSection(actors.household, 'admin')).toBe(false);
		expect(mayEnterSection(actors.adviser, 'caseload')).toBe(true);
	});

	it('withdrawing consent hides the household from its adviser at once', async () => {
		const martin = seed.households['Famille Martin'];
		const member = (await householdScope(h.db, actors.household, martin))!;
		await setConsent(h.db, member, false);
		expect(await canRead(actors.adviser, martin)).toBe(false);
		expect(await canRead(actors.household, martin)).toBe(true);
		await setConsent(h.db, member, true);
		expect(await canRead(actors.adviser, martin)).toBe(true);
		const adviser = (await householdScope(h.db, actors.adviser, martin))!;
		await expect(setConsent(h.db, adviser, false)).rejects.toThrow(AccessDeniedError);
	});

	it('ignores malformed ids', async () => {
		expect((await householdScopes(h.db, actors.adviser, [Number.NaN, -1, 0, 1.5])).size).toBe(0);
		expect(await operatorScope(h.db, -3)).toBeNull();
		expect(await operatorScope(h.db, 999_999)).toBeNull();
	});
});

describe('services refuse a scope without the permission they need', () => {
	const csv = new TextEncoder().encode('Date;Libellé;Montant\n01/03/2026;CARTE PHARMACIE;-8,00\n');
	let lambert: HouseholdScope;
	beforeAll(async () => {
		lambert = (await householdScope(h.db, actors.adviser, seed.households['M. Lambert']))!;
	});

	it('every read of an adviser without consent is refused', async () => {
		const reads: [string, () => Promise<unknown>][] = [
			['overview', () => householdOverview(h.db, lambert)],
			['transactions', () => listTransactions(h.db, lambert, {})],
			['budget', () => householdBudget(h.db, lambert, null)],
			['forecast', () => householdForecast(h.db, lambert)],
			['profile', () => loadProfile(h.db, lambert)],
			['rules', () => listHouseholdRules(h.db, lambert)]
		];
		for (const [name, read] of reads) await expect(read(), name).rejects.toThrow(AccessDeniedError);
	});

	it('every change of an adviser without consent is refused, and nothing is written', async () => {
		const before = await h.db
			.selectFrom('bank_transaction')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		const writes: [string, () => Promise<unknown>][] = [
			['import', () => importFile(h.db, lambert, { fileName: 'x.csv', bytes: csv })],
			['preview', () => previewFile(h.db, lambert, { fileName: 'x.csv', bytes: csv })],
			[
				'stage',
				() =>
					stageFiles(
						h.db,
						lambert,
						[{ name: 'x.csv', bytes: csv }],
						{ accountId: null, accountName: null },
						{ importMaxBytes: 1 << 20, importParseTimeoutMs: 10_000 }
					)
			],
			['undo', () => undoImport(h.db, lambert, 1)],
			['categorise', () => setCategoryManually(h.db, lambert, 1, 'daily.groceries')],
			['rules', () => reapplyRules(h.db, lambert)],
			['profile', () => saveProfile(h.db, lambert, {})],
			[
				'plan',
				() =>
					addPlannedItem(h.db, lambert, { date: '2026-12-01', label: 'x', amount: -100, cadence: null, until: null })
			]
		];
		for (const [name, write] of writes) await expect(write(), name).rejects.toThrow(AccessDeniedError);
		const after = await h.db
			.selectFrom('bank_transaction')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(after.n)).toBe(Number(before.n));
		expect(await h.db.selectFrom('pending_import').select('id').execute()).toEqual([]);
	});

	it('the assigned adviser may still invite a member without consent; a member may not invite', async () => {
		const config = loadConfig({});
		const r = await inviteMember(h.db, config, lambert, { email: 'lambert.fils@exemple.fr', name: 'Paul Lambert' });
		expect(r.token).toBeTruthy();
		const member = (await householdScope(h.db, actors.household, seed.households['Famille Martin']))!;
		await expect(inviteMember(h.db, config, member, { email: 'x@exemple.fr', name: 'X Y' })).rejects.toThrow(
			AccessDeniedError
		);
	});

	it('a scope not made by the access module is refused, whatever it claims', async () => {
		const martin = seed.households['Famille Martin'];
		const real = (await householdScope(h.db, actors.household, martin))!;
		const forged = { ...real, permissions: new Set(['view', 'read', 'write']) } as HouseholdScope;
		expect(may(forged, 'read')).toBe(false);
		await expect(householdOverview(h.db, forged)).rejects.toThrow(AccessDeniedError);
		await expect(listTransactions(h.db, forged, {})).rejects.toThrow(AccessDeniedError);
		// the real one is frozen: its permissions cannot be widened in place
		expect(() => ((real as { householdId: number }).householdId = 1)).toThrow();
	});

	it('the command line acts as the operator: it reads and changes any household, but never consents', async () => {
		const op = (await operatorScope(h.db, seed.households['M. Lambert']))!;
		expect(may(op, 'read') && may(op, 'write')).toBe(true);
		expect(may(op, 'consent')).toBe(false);
		expect((await householdOverview(h.db, op)).name).toBe('M. Lambert');
	});
});
