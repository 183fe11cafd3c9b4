import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import {
	loadParameters,
	previewParameterVersion,
	publishParameterVersion
} from '$lib/server/services/benefits-service';
import { InputError } from '$lib/server/services/errors';
import { demoProfile } from '$db/seeds/demo-profiles';
import { createTestDb } from '../../helpers/test-db';

let h: DbHandle;
let org: number;
beforeAll(async () => {
	h = await createTestDb();
	org = (
		await h.db
			.insertInto('organisation')
			.values({ name: 'O', created_at: '2026-01-01T00:00:00Z' })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
});
afterAll(async () => {
	await h.close();
});

const rsa2027 = {
	key: 'rsa.base_amount',
	value: '660.00',
	effectiveFrom: '2027-04-01',
	source: 'Décret de revalorisation 2027 (test)'
};

describe('benefit parameters edited by an admin', () => {
	it('the database holds the seeded dated versions', async () => {
		const params = await loadParameters(h.db);
		expect(params.filter((p) => p.key === 'rsa.base_amount').map((p) => p.value)).toEqual([
			'607.75',
			'635.71',
			'646.52',
			'651.69'
		]);
	});

	it('a proposed version is checked and its effect on test profiles shown before publishing', async () => {
		const bad = await previewParameterVersion(h.db, org, { ...rsa2027, value: '66O' }, []);
		expect(bad.problems.join(' ')).toMatch(/nombre décimal/);
		const preview = await previewParameterVersion(h.db, org, rsa2027, [
			{ name: 'Martin', profile: demoProfile('Famille Martin', '2027-04')! }
		]);
		expect(preview.problems).toEqual([]);
		expect(preview.profilesChecked).toBe(1);
		expect(preview.differences.some((d) => d.benefit.includes('solidarité active'))).toBe(true);
	});

	it('publishing closes the previous version the day before and keeps the history', async () => {
		// an organisation's admin cannot change what every organisation reads
		await expect(publishParameterVersion(h.db, { id: 1, organisationId: org }, rsa2027)).rejects.toThrow(/plateforme/);
		await publishParameterVersion(h.db, { id: 1, organisationId: org, platformAdmin: true }, rsa2027);
		const versions = (await loadParameters(h.db)).filter((p) => p.key === 'rsa.base_amount');
		expect(versions.map((v) => [v.value, v.effectiveFrom, v.effectiveTo])).toEqual([
			['607.75', '2023-04-01', '2024-03-31'],
			['635.71', '2024-04-01', '2025-03-31'],
			['646.52', '2025-04-01', '2026-03-31'],
			['651.69', '2026-04-01', '2027-03-31'],
			['660.00', '2027-04-01', null]
		]);
		await expect(
			publishParameterVersion(h.db, { id: 1, organisationId: org, platformAdmin: true }, rsa2027)
		).rejects.toThrow(InputError);
		await expect(
			publishParameterVersion(
				h.db,
				{ id: 1, organisationId: org, platformAdmin: true },
				{ ...rsa2027, key: 'no.such.key' }
			)
		).rejects.toThrow(/inconnu/);
	});
});
