import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/session';
import { loadCategoriser } from '$lib/server/services/categoriser';
import { ForbiddenError } from '$lib/server/services/errors';
import { ruleFormValues, ruleFromForm } from '$lib/server/services/rule-form';
import { listDefaultRules, saveAdminRule, setDefaultRuleEnabled } from '$lib/server/services/rules-service';
import { createTestDb } from '../../helpers/test-db';

let h: DbHandle;
let platform: Actor;
let adminA: Actor;
const orgs: number[] = [];
const households: number[] = [];
const label = { rawLabel: 'PRLV SEPA EDF CLIENTS PARTICULIERS', amount: -5_000, date: '2026-11-02', accountId: 1 };

beforeAll(async () => {
	h = await createTestDb();
	const now = new Date().toISOString();
	for (const name of ['A', 'B']) {
		const org = (
			await h.db.insertInto('organisation').values({ name, created_at: now }).returning('id').executeTakeFirstOrThrow()
		).id;
		orgs.push(org);
		households.push(
			(
				await h.db
					.insertInto('household')
					.values({ organisation_id: org, name: `Foyer ${name}`, situation: null, created_at: now, archived_at: null })
					.returning('id')
					.executeTakeFirstOrThrow()
			).id
		);
	}
	platform = {
		id: 1,
		organisationId: orgs[1],
		email: 'p@ex.fr',
		name: 'Plateforme',
		role: 'admin',
		platformAdmin: true
	};
	adminA = { id: 2, organisationId: orgs[0], email: 'a@ex.fr', name: 'Admin A', role: 'admin' };
});
afterAll(async () => {
	await h.close();
});

const categoryIn = async (i: number) =>
	(await loadCategoriser(h.db, { organisationId: orgs[i], householdId: households[i] }))(label).category;
const ruleIn = async (i: number) =>
	(await loadCategoriser(h.db, { organisationId: orgs[i], householdId: households[i] }))(label).ruleId;

describe('shared rules, organisations’ choices and own rules', () => {
	it('an organisation’s admin turns a shared rule off for their households only', async () => {
		const decided = (await loadCategoriser(h.db, { organisationId: orgs[0], householdId: households[0] }))(label);
		expect(decided.category).toBe('housing.energy');
		const shared = { rule: { id: decided.ruleId as string } };
		expect(await setDefaultRuleEnabled(h.db, adminA, shared.rule.id, false)).toBe('organisation');
		const rules = await listDefaultRules(h.db, adminA);
		expect(rules.find((r) => r.rule.id === shared.rule.id)).toMatchObject({ enabled: true, enabledHere: false });
		expect(await ruleIn(1)).toBe(shared.rule.id);
		expect(await ruleIn(0)).not.toBe(shared.rule.id);
		await setDefaultRuleEnabled(h.db, adminA, shared.rule.id, true);
		expect(await ruleIn(0)).toBe(shared.rule.id);
	});

	it('an organisation’s own rule applies to its households, never to another organisation’s', async () => {
		const values = {
			...ruleFormValues(new FormData()),
			field: 'label',
			value: 'CLIENTS PARTICULIERS',
			category: 'fixed.other_insurance',
			priority: '90'
		};
		const r = ruleFromForm(values, 'default', ['fixed.other_insurance']);
		if (!('rule' in r)) throw new Error(JSON.stringify(r.errors));
		expect(await saveAdminRule(h.db, adminA, r.rule)).toBe('organisation');
		expect(await categoryIn(0)).toBe('fixed.other_insurance');
		expect(await categoryIn(1)).toBe('housing.energy');
	});

	it('only a platform admin changes a shared rule for everyone; the id of a new rule is the server’s', async () => {
		const form = new FormData();
		form.set('value', 'EDF');
		form.set('category', 'housing.energy');
		form.set('id', 'fr.fixed.energy.edf');
		const r = ruleFromForm(ruleFormValues(form), 'default', ['housing.energy']);
		if (!('rule' in r)) throw new Error('invalid');
		expect(r.rule.id).not.toBe('fr.fixed.energy.edf');
		expect(r.rule.id).toMatch(/^admin\./);
		const shared = (await listDefaultRules(h.db, platform))[0];
		await expect(setDefaultRuleEnabled(h.db, { ...adminA }, shared.rule.id, false)).resolves.toBe('organisation');
		expect(await setDefaultRuleEnabled(h.db, platform, shared.rule.id, false)).toBe('shared');
		expect((await listDefaultRules(h.db, platform)).find((x) => x.rule.id === shared.rule.id)?.enabled).toBe(false);
		await expect(saveAdminRule(h.db, { ...adminA, role: 'adviser' }, r.rule)).rejects.toThrow();
		await expect(
			setDefaultRuleEnabled(h.db, { ...platform, platformAdmin: false, organisationId: orgs[1] }, shared.rule.id, true)
		).resolves.toBe('organisation');
		expect(ForbiddenError).toBeDefined();
	});
});
