// Who may open the fee page, its PDF and the letters kept: every role against the household, another
// household and another organisation, through the access module's scopes (as the hooks and guards do).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import { AccessDeniedError, householdScope, may, mayEnterSection, operatorScope } from '$lib/server/auth/access';
import type { Actor } from '$lib/server/auth/session';
import { NotFoundError } from '$lib/server/services/errors';
import { householdFees, letterById, listLetters, saveLetter } from '$lib/server/services/fees-service';
import { feesPage } from '$lib/server/services/fee-letter';
import { createTestDb } from '../../helpers/test-db';
import { feeWorld } from './fixture';

let h: DbHandle;
let world: Awaited<ReturnType<typeof feeWorld>>;
let letterA: number;
let letterOther: number;
const NOW = new Date('2026-12-03T10:00:00Z');

beforeAll(async () => {
	h = await createTestDb();
	world = await feeWorld(h.db);
	letterA = await saveLetter(
		h.db,
		(await operatorScope(h.db, world.households.household))!,
		'fee_claim',
		'Lettre A',
		NOW
	);
	letterOther = await saveLetter(
		h.db,
		(await operatorScope(h.db, world.households.otherHousehold))!,
		'fee_claim',
		'Lettre autre',
		NOW
	);
});
afterAll(() => h.close());

/** What the route would answer: the section guard of the hooks, then the scope's permission. */
async function outcome(actor: Actor, householdId: number): Promise<'page' | '404'> {
	if (!mayEnterSection(actor, 'caseload')) return '404';
	const scope = await householdScope(h.db, actor, householdId);
	if (!scope || !may(scope, 'read')) return '404';
	await feesPage(h.db, scope, {});
	return 'page';
}

describe('the fee page /caseload/[id]/fees', () => {
	it('opens for the adviser of the household who has consent, and no one else', async () => {
		const { actors, households } = world;
		const expected: [keyof typeof actors, number, 'page' | '404'][] = [
			['adviser', households.household, 'page'],
			['adviser', households.noConsent, '404'],
			['adviser', households.otherHousehold, '404'],
			['adviser', households.householdB, '404'],
			['otherAdviser', households.household, '404'],
			['otherAdviser', households.otherHousehold, 'page'],
			['member', households.household, '404'],
			['professional', households.household, '404'],
			['admin', households.household, '404'],
			['adviserB', households.household, '404'],
			['adviserB', households.householdB, 'page'],
			['adminB', households.householdB, '404']
		];
		for (const [who, household, result] of expected)
			expect([who, household, await outcome(actors[who], household)]).toEqual([who, household, result]);
	});

	it('the adviser without consent has a scope that cannot read fees or write letters', async () => {
		const scope = (await householdScope(h.db, world.actors.adviser, world.households.noConsent))!;
		expect(may(scope, 'view')).toBe(true);
		await expect(householdFees(h.db, scope)).rejects.toThrow(AccessDeniedError);
		await expect(listLetters(h.db, scope)).rejects.toThrow(AccessDeniedError);
		await expect(saveLetter(h.db, scope, 'fee_claim', 'x', NOW)).rejects.toThrow(AccessDeniedError);
		await expect(letterById(h.db, scope, letterA)).rejects.toThrow(AccessDeniedError);
	});

	it('a letter of another household or organisation is not found through this household', async () => {
		const scope = (await householdScope(h.db, world.actors.adviser, world.households.household))!;
		expect((await letterById(h.db, scope, letterA)).body).toBe('Lettre A');
		await expect(letterById(h.db, scope, letterOther)).rejects.toThrow(NotFoundError);
		await expect(letterById(h.db, scope, 999999)).rejects.toThrow(NotFoundError);
		expect((await listLetters(h.db, scope)).map((l) => l.id)).toEqual([letterA]);
		const b = (await householdScope(h.db, world.actors.adviserB, world.households.householdB))!;
		await expect(letterById(h.db, b, letterA)).rejects.toThrow(NotFoundError);
		expect(await listLetters(h.db, b)).toEqual([]);
	});

	it('a member reads their own fees through the service but has no adviser page', async () => {
		const scope = (await householdScope(h.db, world.actors.member, world.households.household))!;
		expect((await householdFees(h.db, scope)).check.reclaimable).toBe(5200);
		expect(mayEnterSection(world.actors.member, 'caseload')).toBe(false);
		expect(await householdScope(h.db, world.actors.member, world.households.otherHousehold)).toBeNull();
	});

	it('a look-alike scope not made by the access module is refused', async () => {
		const real = (await householdScope(h.db, world.actors.adviser, world.households.household))!;
		const fake = { ...real, householdId: world.households.householdB, organisationId: real.organisationId };
		await expect(householdFees(h.db, fake)).rejects.toThrow(AccessDeniedError);
		await expect(saveLetter(h.db, fake, 'fee_claim', 'x', NOW)).rejects.toThrow(AccessDeniedError);
	});
});
