/**
 * An existing database seeded with the parameter table of 2026-11-29 (its 1990-01-01 placeholders and its
 * versions from 2025 only) and edited by an admin is migrated (2026-12-02_101) and synced at start-up
 * (ensureBenefitParameters): every key then has exactly one version in force each month from 2024-01 to
 * 2026-12, the placeholders are gone, the admin's versions are kept, and the untouched keys hold exactly
 * the default table. Runs on SQLite and PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import {
	DEFAULT_BENEFIT_PARAMETERS,
	UNKNOWN_START,
	parameterCoverageProblems,
	validateParameters,
	type BenefitParameter
} from '$lib/server/benefits';
import { ensureBenefitParameters, loadParameters } from '$lib/server/services/benefit-tables';
import { publishParameterVersion } from '$lib/server/services/benefits-service';
import { up as migrateParameterDates } from '$db/migrations/2026-12-02_101_benefit_parameter_dates';
import { up as migrateAahLegalAge } from '$db/migrations/2026-12-04_102_aah_legal_age_by_generation';
import { createTestDb } from '../../helpers/test-db';

const LEGACY: BenefitParameter[] = JSON.parse(
	readFileSync(new URL('../benefits/fixtures/legacy-parameters-2026-11-29.json', import.meta.url), 'utf8')
);
const NOW_MONTH = '2026-12';

let h: DbHandle;
let org: number;
const actor = () => ({ id: 1, organisationId: org, platformAdmin: true });

async function seedLegacy(): Promise<void> {
	await h.db.deleteFrom('benefit_parameter').execute();
	for (let i = 0; i < LEGACY.length; i += 100) {
		await h.db
			.insertInto('benefit_parameter')
			.values(
				LEGACY.slice(i, i + 100).map((p) => ({
					key: p.key,
					value: p.value,
					unit: p.unit,
					effective_from: p.effectiveFrom,
					effective_to: p.effectiveTo ?? null,
					label: p.label,
					source: p.source,
					updated_at: '2026-11-29T00:00:00.000Z',
					updated_by: null
				}))
			)
			.execute();
	}
}

const rowsOf = (params: BenefitParameter[], key: string) =>
	params
		.filter((p) => p.key === key)
		.map((p) => [p.value, p.effectiveFrom, p.effectiveTo ?? null])
		.sort((a, b) => String(a[1]).localeCompare(String(b[1])));

beforeAll(async () => {
	h = await createTestDb();
	org = (
		await h.db
			.insertInto('organisation')
			.values({ name: 'O', created_at: '2026-01-01T00:00:00Z' })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	await seedLegacy();
	// The admin's own versions, published on the old table: a later SMIC-like revaluation of a dated key,
	// a new value of a placeholder key, and a version of a placeholder key dated before its real start.
	await publishParameterVersion(h.db, actor(), {
		key: 'rsa.base_amount',
		value: '660.00',
		effectiveFrom: '2027-04-01',
		source: 'Décret de revalorisation 2027 (test)'
	});
	await publishParameterVersion(h.db, actor(), {
		key: 'al.minoration',
		value: '6',
		effectiveFrom: '2026-10-01',
		source: 'Arrêté de test'
	});
	await publishParameterVersion(h.db, actor(), {
		key: 'al.payment_threshold',
		value: '12',
		effectiveFrom: '2010-01-01',
		source: 'Arrêté de test ancien'
	});
	await migrateParameterDates(h.db);
	await migrateAahLegalAge(h.db);
	await ensureBenefitParameters(h.db, new Date('2026-12-02T08:00:00Z'));
});
afterAll(async () => {
	await h.close();
});

describe('benefit_parameter rows of an existing database after the migration and the start-up sync', () => {
	it('have exactly one version of every key in force each month from 2024-01 to 2026-12, and no overlap', async () => {
		const params = await loadParameters(h.db);
		expect(validateParameters(params)).toEqual([]);
		expect(parameterCoverageProblems(params, '2024-01', NOW_MONTH)).toEqual([]);
		expect(params.filter((p) => p.effectiveFrom === UNKNOWN_START).map((p) => p.key)).toEqual([]);
	});

	it('keep the admin versions and give the closed placeholder its real start date', async () => {
		const params = await loadParameters(h.db);
		expect(rowsOf(params, 'rsa.base_amount')).toEqual([
			['607.75', '2023-04-01', '2024-03-31'],
			['635.71', '2024-04-01', '2025-03-31'],
			['646.52', '2025-04-01', '2026-03-31'],
			['651.69', '2026-04-01', '2027-03-31'],
			['660.00', '2027-04-01', null]
		]);
		expect(rowsOf(params, 'al.minoration')).toEqual([
			['5', '2017-10-01', '2026-09-30'],
			['6', '2026-10-01', null]
		]);
		// The placeholder closed on 2009-12-31 covered only the fictitious period: the admin's version stays.
		expect(rowsOf(params, 'al.payment_threshold')).toEqual([['12', '2010-01-01', null]]);
	});

	it('hold exactly the default table for every key no admin touched (the RLS key renamed)', async () => {
		const params = await loadParameters(h.db);
		const touched = new Set(['rsa.base_amount', 'al.minoration', 'al.payment_threshold']);
		const strip = (p: BenefitParameter) => ({ ...p, effectiveTo: p.effectiveTo ?? null });
		const sort = (a: BenefitParameter, b: BenefitParameter) =>
			a.key.localeCompare(b.key) || a.effectiveFrom.localeCompare(b.effectiveFrom);
		expect(
			params
				.filter((p) => !touched.has(p.key))
				.map(strip)
				.sort(sort)
		).toEqual(
			DEFAULT_BENEFIT_PARAMETERS.filter((p) => !touched.has(p.key))
				.map(strip)
				.sort(sort)
		);
		expect(params.some((p) => p.key === 'al.rls.z2_single')).toBe(false);
		// The single AAH age limit gave way to the legal age of each generation (migration 2026-12-04_102).
		expect(params.some((p) => p.key === 'aah.max_age_partial')).toBe(false);
		expect(rowsOf(params, 'retirement.legal_age_months.1964')).toEqual([
			['756', '2023-09-01', '2026-08-31'],
			['753', '2026-09-01', null]
		]);
	});

	it('is idempotent: the migration and the sync run again change nothing', async () => {
		const before = await h.db.selectFrom('benefit_parameter').selectAll().orderBy('id').execute();
		await migrateParameterDates(h.db);
		await ensureBenefitParameters(h.db, new Date('2026-12-03T08:00:00Z'));
		expect(await h.db.selectFrom('benefit_parameter').selectAll().orderBy('id').execute()).toEqual(before);
	});
});
