import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import { checkHealth } from '$lib/server/services/health';
import { createTestDb } from '../../helpers/test-db';

let h: DbHandle;

beforeAll(async () => {
	h = await createTestDb();
});
afterAll(async () => {
	await h?.close();
});

describe('checkHealth', () => {
	it('answers ok when the database answers select 1', async () => {
		expect(await checkHealth(h.db)).toEqual({ status: 'ok', database: 'ok' });
		expect(await checkHealth(async () => h.db)).toEqual({ status: 'ok', database: 'ok' });
	});

	it('answers error, without throwing, when the database cannot be reached', async () => {
		const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			const failing = async () => {
				throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
			};
			expect(await checkHealth(failing)).toEqual({ status: 'error', database: 'error' });
			const closed = await createTestDb();
			await closed.close();
			expect(await checkHealth(closed.db)).toEqual({ status: 'error', database: 'error' });
		} finally {
			quiet.mockRestore();
		}
	});

	it('says nothing about anyone: only the two fields', async () => {
		expect(Object.keys(await checkHealth(h.db)).sort()).toEqual(['database', 'status']);
	});
});
