// Who may read and change the debts register and the budget statement: every role against its own household,
// another household and another organisation, through the scopes of the access module (demo data).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import {
	AccessDeniedError,
	householdScope,
	mayEnterSection,
	operatorScope,
	type HouseholdScope
} from '$lib/server/auth/access';
import type { Actor } from '$lib/server/auth/session';
import {
	addDebt,
	confirmSuggestion,
	debtSuggestions,
	deleteDebt,
	dismissSuggestion,
	listDebts,
	updateDebt
} from '$lib/server/services/debts';
import { clearLineEdit, householdStatement, saveLineEdit } from '$lib/server/services/statement-service';
import { statementCsvFile, statementPdfFile } from '$lib/server/services/statement-export';
import { seedDemo } from '$db/seeds/demo';
import { createTestDb } from '../../helpers/test-db';
import { actorsByRole } from '../../helpers/demo-actors';

let h: DbHandle;
let seed: Awaited<ReturnType<typeof seedDemo>>;
const actors: Record<string, Actor> = {};
let martin: number;
let bernard: number;
let lambert: number;
let debtId: number;
const AS_OF = '2026-12-03';
const DEBT = {
	creditor: 'SCI Les Tilleuls',
	kind: 'loyer' as const,
	outstanding: 124000,
	instalment: 5000,
	arrears: 124000,
	startDate: null,
	status: 'en_cours' as const
};

beforeAll(async () => {
	h = await createTestDb();
	seed = await seedDemo(h.db);
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
		const email = `other-${role}@ex.fr`;
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
	debtId = await addDebt(h.db, (await operatorScope(h.db, martin))!, DEBT);
});
afterAll(async () => {
	await h.close();
});

const scopeOf = (role: string, household: number) => householdScope(h.db, actors[role], household);

/** Every read of the feature through a scope. */
const reads = (s: HouseholdScope) => [
	() => listDebts(h.db, s),
	() => debtSuggestions(h.db, s, AS_OF),
	() => householdStatement(h.db, s, AS_OF),
	() => statementPdfFile(h.db, s),
	() => statementCsvFile(h.db, s)
];
/** Every change of the feature through a scope. */
const writes = (s: HouseholdScope) => [
	() => addDebt(h.db, s, DEBT),
	() => updateDebt(h.db, s, debtId, { ...DEBT, instalment: 1 }),
	() => deleteDebt(h.db, s, debtId),
	() => confirmSuggestion(h.db, s, 'x', AS_OF),
	() => dismissSuggestion(h.db, s, 'x'),
	() => saveLineEdit(h.db, s, { key: 'charge:rent', amount: 1, note: null }),
	() => clearLineEdit(h.db, s, 'charge:rent')
];

describe('debts register and budget statement: access', () => {
	it('the household member reads their own register and statement, and changes nothing', async () => {
		const s = (await scopeOf('household', martin))!;
		expect((await listDebts(h.db, s)).map((d) => d.creditor)).toEqual(['SCI Les Tilleuls']);
		for (const r of reads(s)) await expect(r()).resolves.toBeDefined();
		for (const w of writes(s)) await expect(w()).rejects.toBeInstanceOf(AccessDeniedError);
		expect((await listDebts(h.db, s))[0].instalment).toBe(5000);
		// the adviser pages live under /caseload, a section members do not enter
		expect(mayEnterSection(actors.household, 'caseload')).toBe(false);
		expect(mayEnterSection(actors.adviser, 'caseload')).toBe(true);
	});

	it('the assigned adviser with consent reads and changes', async () => {
		const s = (await scopeOf('adviser', martin))!;
		for (const r of reads(s)) await expect(r()).resolves.toBeDefined();
		await saveLineEdit(h.db, s, { key: 'charge:rent', amount: 61000, note: 'bail' });
		expect((await householdStatement(h.db, s, AS_OF)).statement.charges.lines[0]).toMatchObject({ edited: true });
		await clearLineEdit(h.db, s, 'charge:rent');
		const id = await addDebt(h.db, s, { ...DEBT, creditor: 'EDF', kind: 'energie' });
		await deleteDebt(h.db, s, id);
	});

	it('the assigned adviser without consent sees neither the register nor the statement', async () => {
		const s = (await scopeOf('adviser', lambert))!;
		expect(s).not.toBeNull();
		for (const r of reads(s)) await expect(r()).rejects.toBeInstanceOf(AccessDeniedError);
		for (const w of writes(s)) await expect(w()).rejects.toBeInstanceOf(AccessDeniedError);
	});

	it('a member has no scope on another household; professionals, admins and another organisation on none', async () => {
		expect(await scopeOf('household', bernard)).toBeNull();
		for (const role of ['professional', 'admin', 'other-adviser', 'other-admin'])
			for (const hh of [martin, bernard]) expect(await scopeOf(role, hh)).toBeNull();
	});

	it('a scope of one household never reaches another household’s debt', async () => {
		const s = (await scopeOf('adviser', bernard))!;
		await expect(updateDebt(h.db, s, debtId, DEBT)).rejects.toThrow(/introuvable/);
		await expect(deleteDebt(h.db, s, debtId)).rejects.toThrow(/introuvable/);
		expect(await listDebts(h.db, s)).toEqual([]);
	});

	it('a look-alike scope object is refused', async () => {
		const real = (await scopeOf('adviser', martin))!;
		const fake = { ...real, permissions: new Set(real.permissions) } as HouseholdScope;
		for (const r of reads(fake)) await expect(r()).rejects.toBeInstanceOf(AccessDeniedError);
		for (const w of writes(fake)) await expect(w()).rejects.toBeInstanceOf(AccessDeniedError);
	});
});
