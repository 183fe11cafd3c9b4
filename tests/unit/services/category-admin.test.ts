import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import { addCategory, renameCategory } from '$lib/server/services/category-admin';
import { listCategories } from '$lib/server/services/categories';
import { InputError } from '$lib/server/services/errors';
import { prepareDatabase } from '$lib/server/services/reference-data';
import { createTestDb } from '../../helpers/test-db';

let h: DbHandle;
const admin = { id: 1, organisationId: 1 };
beforeAll(async () => {
	h = await createTestDb();
});
afterAll(async () => {
	await h.close();
});

describe('categories kept by admins', () => {
	it('renames a built-in category, and the bootstrap keeps the new label', async () => {
		await renameCategory(h.db, admin, 'daily.pets', 'Animaux de compagnie');
		await prepareDatabase(h.db);
		expect((await listCategories(h.db)).find((c) => c.id === 'daily.pets')?.label).toBe('Animaux de compagnie');
		await expect(renameCategory(h.db, admin, 'daily.pets', ' ')).rejects.toThrow(InputError);
		await expect(renameCategory(h.db, admin, 'nope', 'Nom')).rejects.toThrow(InputError);
	});

	it('adds a category to a group, with a prefixed id, once', async () => {
		await addCategory(h.db, admin, { id: 'cantine', label: 'Cantine', group: 'fixed', kind: 'expense' });
		expect((await listCategories(h.db)).find((c) => c.id === 'fixed.cantine')).toMatchObject({
			label: 'Cantine',
			group: 'fixed',
			kind: 'expense'
		});
		await expect(
			addCategory(h.db, admin, { id: 'cantine', label: 'Cantine', group: 'fixed', kind: 'expense' })
		).rejects.toThrow(/existe déjà/);
		await expect(
			addCategory(h.db, admin, { id: 'Bad Id', label: 'X y', group: 'fixed', kind: 'expense' })
		).rejects.toThrow(InputError);
		await expect(addCategory(h.db, admin, { id: 'ok', label: 'X y', group: 'none', kind: 'expense' })).rejects.toThrow(
			InputError
		);
	});
});
