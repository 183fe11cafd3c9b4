// The household's action plan on a real database: statuses with who and when, hidden actions, manual
// actions, audit, and who may do what (the household, its adviser, another household, another organisation).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import { AccessDeniedError, householdScope, operatorScope, type HouseholdScope } from '$lib/server/auth/access';
import type { Actor } from '$lib/server/auth/session';
import {
	addManualAction,
	householdPlan,
	setActionHidden,
	setActionStatus,
	updateManualAction
} from '$lib/server/services/plan';
import { planFeeLetter } from '$lib/server/services/plan-letter';
import { InputError, NotFoundError } from '$lib/server/services/errors';
import { seedDemo } from '$db/seeds/demo';
import { createTestDb } from '../../helpers/test-db';
import { actorsByRole } from '../../helpers/demo-actors';

let h: DbHandle;
const actors: Record<string, Actor> = {};
let martin: number;
let bernard: number;
let lambert: number;
const NOW = new Date('2026-12-04T09:30:00Z');
const LATER = new Date('2026-12-04T10:45:00Z');

async function otherOrganisationAdviser(): Promise<Actor> {
	const org = await h.db
		.insertInto('organisation')
		.values({ name: 'Autre association', created_at: '2026-01-01T00:00:00Z' })
		.returning('id')
		.executeTakeFirstOrThrow();
	const email = 'plan-other@ex.fr';
	const user = await h.db
		.insertInto('app_user')
		.values({
			organisation_id: org.id,
			email,
			name: 'Autre conseillère',
			password_hash: null,
			role: 'adviser',
			active: 1,
			created_at: '2026-01-01T00:00:00Z',
			password_changed_at: null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return { id: user.id, organisationId: org.id, email, name: 'Autre conseillère', role: 'adviser' };
}

beforeAll(async () => {
	h = await createTestDb();
	const seed = await seedDemo(h.db, NOW);
	martin = seed.households['Famille Martin'];
	bernard = seed.households['M. et Mme Bernard'];
	lambert = seed.households['M. Lambert']; // assigned to the adviser, no consent
	Object.assign(actors, await actorsByRole(h.db, seed.organisationId));
	actors['other-adviser'] = await otherOrganisationAdviser();
}, 120_000);
afterAll(async () => {
	await h.close();
});

const scopeOf = async (role: string, household: number): Promise<HouseholdScope> => {
	const s = await householdScope(h.db, actors[role], household);
	if (!s) throw new Error(`no scope for ${role} on ${household}`);
	return s;
};
const keys = (plan: Awaited<ReturnType<typeof householdPlan>>) => plan.actions.map((a) => a.key);

describe('the computed plan', () => {
	it('proposes the fee refund for the Martin household, with the letter the household opens from it', async () => {
		const plan = await householdPlan(h.db, await scopeOf('household', martin), NOW);
		const fee = plan.actions.find((a) => a.kind === 'fee_refund');
		expect(fee).toBeDefined();
		expect(fee!.oneOffImpact).toBeGreaterThan(0);
		expect(fee!.link?.href).toBe(`/households/${martin}/plan/letter`);
		expect(fee!.status).toBe('open');
		const letter = await planFeeLetter(h.db, await scopeOf('household', martin), NOW);
		expect(letter.reclaimable).toBe(fee!.oneOffImpact);
		expect(letter.body).toContain('offre spécifique');
	});
	it('links the adviser to the fee page of the case file instead, with the caps of a fragile client', async () => {
		const plan = await householdPlan(h.db, await scopeOf('adviser', martin), NOW);
		// the Martin household's repeated incidents make it fragile in law (the OSCF action says so too)
		expect(plan.actions.map((a) => a.kind)).toContain('oscf_request');
		expect(plan.actions.find((a) => a.kind === 'fee_refund')!.link?.href).toBe(`/caseload/${martin}/fees?fragile`);
		expect(plan.canManage).toBe(true);
	});
});

describe('statuses', () => {
	it('the household marks an action done; the plan says who and when, and moves it to the closed ones', async () => {
		const member = await scopeOf('household', martin);
		await setActionStatus(h.db, member, 'fee_refund', 'done', NOW);
		const plan = await householdPlan(h.db, member, NOW);
		expect(keys(plan)).not.toContain('fee_refund');
		const done = plan.closed.find((a) => a.key === 'fee_refund')!;
		expect(done.status).toBe('done');
		expect(done.statusBy).toBe(actors.household.name);
		expect(done.statusAt).toBe('2026-12-04T09:30:00.000Z');
		const audit = await h.db
			.selectFrom('audit_log')
			.select(['action', 'target_id', 'actor_id'])
			.where('household_id', '=', martin)
			.where('action', '=', 'plan.status')
			.execute();
		expect(audit).toContainEqual({ action: 'plan.status', target_id: 'fee_refund', actor_id: actors.household.id });
	});
	it('postpones, then reopens: postponed actions come after the open ones', async () => {
		const member = await scopeOf('household', martin);
		await setActionStatus(h.db, member, 'fee_refund', 'open', NOW);
		const first = (await householdPlan(h.db, member, NOW)).actions[0].key;
		await setActionStatus(h.db, member, first, 'postponed', LATER);
		const plan = await householdPlan(h.db, member, NOW);
		expect(plan.actions.at(-1)!.key).toBe(first);
		expect(plan.actions.at(-1)!.status).toBe('postponed');
		await setActionStatus(h.db, member, first, 'open', LATER);
	});
	it('refuses an unknown status and an action that is not in this household’s plan', async () => {
		const member = await scopeOf('household', martin);
		await expect(setActionStatus(h.db, member, 'fee_refund', 'finished', NOW)).rejects.toThrow(InputError);
		await expect(setActionStatus(h.db, member, 'benefit:nothing', 'done', NOW)).rejects.toThrow(NotFoundError);
	});
});

describe('manual actions and hidden actions', () => {
	let manual: string;
	it('the adviser adds an action the household sees; done, it counts in "since …: so much more a month"', async () => {
		const adviser = await scopeOf('adviser', martin);
		manual = await addManualAction(
			h.db,
			adviser,
			{ title: 'Demander un échéancier à EDF', detail: 'Appeler le 09 69 32 15 15.', monthly: '25,00' },
			NOW
		);
		const member = await scopeOf('household', martin);
		const seen = (await householdPlan(h.db, member, NOW)).actions.find((a) => a.key === manual)!;
		expect(seen.title).toBe('Demander un échéancier à EDF');
		expect(seen.step.text).toBe('Appeler le 09 69 32 15 15.');
		expect(seen.monthlyImpact).toBe(2500);
		await setActionStatus(h.db, member, manual, 'done', LATER);
		const plan = await householdPlan(h.db, member, NOW);
		expect(plan.done).toEqual({ monthly: 2500, since: '2026-12-04T10:45:00.000Z', count: 1 });
	});
	it('the adviser edits an action of their own; the household may not, and computed actions cannot be edited', async () => {
		const adviser = await scopeOf('adviser', martin);
		const input = { title: 'Demander un échéancier à EDF', detail: 'Appeler le 3929.', monthly: '30' };
		await updateManualAction(h.db, adviser, manual, input, LATER);
		const member = await scopeOf('household', martin);
		const edited = (await householdPlan(h.db, member, NOW)).closed.find((a) => a.key === manual)!;
		expect([edited.step.text, edited.monthlyImpact, edited.status]).toEqual(['Appeler le 3929.', 3000, 'done']);
		await expect(updateManualAction(h.db, member, manual, input, LATER)).rejects.toThrow(AccessDeniedError);
		await expect(updateManualAction(h.db, adviser, 'fee_refund', input, LATER)).rejects.toThrow(NotFoundError);
		await expect(updateManualAction(h.db, await scopeOf('adviser', bernard), manual, input, LATER)).rejects.toThrow(
			NotFoundError
		);
	});
	it('checks what the adviser writes', async () => {
		const adviser = await scopeOf('adviser', martin);
		await expect(addManualAction(h.db, adviser, { title: ' ', detail: '', monthly: '' }, NOW)).rejects.toThrow(
			'Action : écrivez ce qu’il faut faire.'
		);
		await expect(addManualAction(h.db, adviser, { title: 'x', detail: '', monthly: 'douze' }, NOW)).rejects.toThrow(
			InputError
		);
	});
	it('the adviser hides an action: the household no longer sees it nor can mark it; the adviser still does', async () => {
		const adviser = await scopeOf('adviser', martin);
		const member = await scopeOf('household', martin);
		const target = (await householdPlan(h.db, member, NOW)).actions[0].key;
		await setActionHidden(h.db, adviser, target, true, NOW);
		expect(keys(await householdPlan(h.db, member, NOW))).not.toContain(target);
		await expect(setActionStatus(h.db, member, target, 'done', NOW)).rejects.toThrow(NotFoundError);
		const advisers = await householdPlan(h.db, adviser, NOW);
		expect(advisers.actions.find((a) => a.key === target)!.hidden).toBe(true);
		await setActionHidden(h.db, adviser, target, false, LATER);
		expect(keys(await householdPlan(h.db, member, NOW))).toContain(target);
	});
	it('the household may neither hide nor add', async () => {
		const member = await scopeOf('household', martin);
		await expect(setActionHidden(h.db, member, 'fee_refund', true, NOW)).rejects.toThrow(AccessDeniedError);
		await expect(addManualAction(h.db, member, { title: 'x', detail: '', monthly: '' }, NOW)).rejects.toThrow(
			AccessDeniedError
		);
	});
});

describe('access', () => {
	it('another household: no scope, and a key of another household is not found', async () => {
		expect(await householdScope(h.db, actors.household, bernard)).toBeNull();
		const key = await addManualAction(
			h.db,
			await scopeOf('adviser', bernard),
			{ title: 'Action des Bernard', detail: '', monthly: '' },
			NOW
		);
		const member = await scopeOf('household', martin);
		await expect(setActionStatus(h.db, member, key, 'done', NOW)).rejects.toThrow(NotFoundError);
		expect(keys(await householdPlan(h.db, member, NOW))).not.toContain(key);
		const row = await h.db
			.selectFrom('action_plan_item')
			.select(['organisation_id', 'household_id', 'status'])
			.where('action_key', '=', key)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ organisation_id: actors.adviser.organisationId, household_id: bernard, status: 'open' });
	});
	it('another organisation: no scope at all', async () => {
		expect(await householdScope(h.db, actors['other-adviser'], martin)).toBeNull();
	});
	it('the adviser without consent reads no plan; professionals and admins have no scope', async () => {
		const noConsent = await scopeOf('adviser', lambert);
		await expect(householdPlan(h.db, noConsent, NOW)).rejects.toThrow(AccessDeniedError);
		await expect(setActionStatus(h.db, noConsent, 'fee_refund', 'done', NOW)).rejects.toThrow(AccessDeniedError);
		expect(await householdScope(h.db, actors.professional, martin)).toBeNull();
		expect(await householdScope(h.db, actors.admin, martin)).toBeNull();
	});
	it('the operator (command line) reads and manages the plan', async () => {
		const op = (await operatorScope(h.db, martin))!;
		const plan = await householdPlan(h.db, op, NOW);
		expect(plan.canManage).toBe(true);
	});
});
