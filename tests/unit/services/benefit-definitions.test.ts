import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import { DEFAULT_BENEFIT_DEFINITIONS, type BenefitDefinition } from '$lib/server/benefits';
import {
	definitionHistory,
	loadDefinitions,
	previewDefinition,
	publishDefinition
} from '$lib/server/services/benefit-definitions';
import { definitionFromForm } from '$lib/server/services/definition-form';
import { ensureBenefitDefinitions } from '$lib/server/services/benefit-tables';
import { evaluateProfile } from '$lib/server/services/benefits-service';
import { InputError } from '$lib/server/services/errors';
import { demoProfile } from '$db/seeds/demo-profiles';
import { createTestDb } from '../../helpers/test-db';

let h: DbHandle;
let org: number;
let admin: number;
beforeAll(async () => {
	h = await createTestDb();
	org = (
		await h.db
			.insertInto('organisation')
			.values({ name: 'O', created_at: '2026-01-01T00:00:00Z' })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	admin = (
		await h.db
			.insertInto('app_user')
			.values({
				organisation_id: org,
				email: 'a@example.org',
				name: 'Admin Test',
				password_hash: null,
				role: 'admin',
				active: 1,
				created_at: '2026-01-01T00:00:00Z',
				password_changed_at: null
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
});
afterAll(async () => {
	await h.close();
});

const rsa = DEFAULT_BENEFIT_DEFINITIONS.find((d) => d.id === 'rsa')!;
const MONTH = '2026-07';
const profiles = () => [{ name: 'Famille Martin', profile: demoProfile('Famille Martin', MONTH)! }];

describe('benefit definitions edited by an admin', () => {
	it('the database holds version 1 of the 16 benefits', async () => {
		const defs = await loadDefinitions(h.db);
		expect(defs.map((d) => d.id)).toEqual(DEFAULT_BENEFIT_DEFINITIONS.map((d) => d.id));
		expect(defs).toEqual(DEFAULT_BENEFIT_DEFINITIONS);
		expect((await definitionHistory(h.db, 'rsa')).map((v) => [v.version, v.note])).toEqual([[1, 'Version initiale']]);
	});
	it('a version 1 stored with straight apostrophes is typeset again; one that differs otherwise is left', async () => {
		const straight = (id: string) =>
			JSON.stringify(DEFAULT_BENEFIT_DEFINITIONS.find((d) => d.id === id)).replace(/’/g, "'");
		const other = JSON.stringify({ ...DEFAULT_BENEFIT_DEFINITIONS.find((d) => d.id === 'ars'), label: "L'ARS" });
		await h.db
			.updateTable('benefit_definition')
			.set({ definition: straight('asf') })
			.where('benefit', '=', 'asf')
			.execute();
		await h.db.updateTable('benefit_definition').set({ definition: other }).where('benefit', '=', 'ars').execute();
		await ensureBenefitDefinitions(h.db);
		const stored = async (id: string) =>
			(
				await h.db
					.selectFrom('benefit_definition')
					.select('definition')
					.where('benefit', '=', id)
					.executeTakeFirstOrThrow()
			).definition;
		expect(straight('asf')).not.toBe(JSON.stringify(DEFAULT_BENEFIT_DEFINITIONS.find((d) => d.id === 'asf')));
		expect(await stored('asf')).toBe(JSON.stringify(DEFAULT_BENEFIT_DEFINITIONS.find((d) => d.id === 'asf')));
		expect(await stored('ars')).toBe(other);
		await h.db
			.updateTable('benefit_definition')
			.set({ definition: JSON.stringify(DEFAULT_BENEFIT_DEFINITIONS.find((d) => d.id === 'ars')) })
			.where('benefit', '=', 'ars')
			.execute();
	});

	it('an invalid change is refused with French messages and nothing is stored', async () => {
		const bad: BenefitDefinition = { ...rsa, conditions: [{ type: 'age' } as never] };
		const preview = await previewDefinition(h.db, org, bad, [], MONTH);
		expect(preview.problems.join(' ')).toMatch(/Conditions : conditions\[0\]\.who/);
		await expect(
			publishDefinition(h.db, { id: admin, organisationId: org, platformAdmin: true }, bad, 'essai')
		).rejects.toBeInstanceOf(InputError);
		await expect(
			publishDefinition(h.db, { id: admin, organisationId: org, platformAdmin: true }, rsa, '')
		).rejects.toThrow(/Motif du changement/);
		expect(await definitionHistory(h.db, 'rsa')).toHaveLength(1);
	});

	it('a change is previewed on the test profiles, published as version 2, and used by evaluations', async () => {
		const single = {
			month: MONTH,
			zone: 2 as const,
			departement: '59',
			housing: { status: 'tenant_private' as const, rent: '450.00' },
			taxIncome: { rfr: '0.00' },
			members: [{ role: 'applicant' as const, birthDate: '1986-01-15', activity: 'inactive' as const, income: {} }]
		};
		const change: BenefitDefinition = {
			...rsa,
			conditions: [
				...rsa.conditions,
				{ type: 'departement', excludes: ['59'], reason: 'Le RSA du Nord se demande autrement (test).' }
			],
			claim: { ...rsa.claim, how: 'Nouveau texte de démarche pour le RSA.' }
		};
		const preview = await previewDefinition(
			h.db,
			org,
			change,
			[{ name: 'Célibataire du Nord', profile: single }, ...profiles()],
			MONTH
		);
		expect(preview.problems).toEqual([]);
		expect(preview.differences).toContainEqual({
			profile: 'Célibataire du Nord',
			benefit: rsa.label,
			before: 'eligible 573.49',
			after: 'not_eligible'
		});
		const version = await publishDefinition(
			h.db,
			{ id: admin, organisationId: org, platformAdmin: true },
			change,
			'Test département'
		);
		expect(version).toBe(2);
		const history = await definitionHistory(h.db, 'rsa');
		expect(history.map((v) => [v.version, v.note, v.createdBy])).toEqual([
			[2, 'Test département', 'Admin Test'],
			[1, 'Version initiale', null]
		]);
		const result = await evaluateProfile(h.db, single, null);
		const r = result.results.find((x) => x.benefit === 'rsa')!;
		expect(r.status).toBe('not_eligible');
		expect(r.reasons).toEqual(['Le RSA du Nord se demande autrement (test).']);
		expect(r.claim.how).toBe('Nouveau texte de démarche pour le RSA.');
		const log = await h.db
			.selectFrom('audit_log')
			.select(['action', 'target_id'])
			.where('action', '=', 'benefit_definition.published')
			.execute();
		expect(log).toEqual([{ action: 'benefit_definition.published', target_id: 'rsa' }]);
	});

	it('reads the admin form: one line per document and phrase, phrases normalised, JSON errors with their line', () => {
		const form = new FormData();
		for (const [k, v] of Object.entries({
			label: 'RSA',
			description: 'Revenu minimum garanti.',
			payer: 'CAF',
			period: 'month',
			crds: 'on',
			paymentThresholdKey: 'rsa.payment_threshold',
			where: 'CAF',
			url: 'https://www.caf.fr',
			how: 'Demande en ligne sur caf.fr.',
			documents: 'RIB\n\n avis d’imposition ',
			phrases: 'Revenu de solidarité\nrsa',
			formula: 'rsa_differentiel',
			note: 'n'
		}))
			form.set(k, v);
		form.append('evidencePayers', 'CAF');
		form.append('evidencePayers', 'MSA');
		form.set('conditions', '[\n  {"type": "couple", "value": true},\n  {"type": "couple" "value": false}\n]');
		const r = definitionFromForm(form, 'rsa');
		expect(r.definition.claim.documents).toEqual(['RIB', 'avis d’imposition']);
		expect(r.definition.evidence).toEqual({ payers: ['CAF', 'MSA'], phrases: ['REVENU DE SOLIDARITE', 'RSA'] });
		expect(r.definition.crds).toBe(true);
		expect(r.problems).toEqual([
			'Conditions : JSON illisible à la ligne 3 (vérifiez les virgules, guillemets et crochets).'
		]);
	});
});
