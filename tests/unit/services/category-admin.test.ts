import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import { addCategory, renameCategory } from '$lib/server/services/category-admin';
import { listCategories } from '$lib/server/services/categories';
import { ForbiddenError, InputError } from '$lib/server/services/errors';
import { prepareDatabase } from '$lib/server/services/reference-data';
import { createTestDb } from '../../helpers/test-db';
import type { Actor } from '$lib/server/auth/session';

let h: DbHandle;
let admin: Actor;
let orgAdmin: Actor;
let otherOrg: number;
beforeAll(async () => {
	h = await createTestDb();
	const now = new Date().toISOString();
	const [a, b] = await Promise.all(
		['Plateforme', 'Association'].map(
			async (name) =>
				(
					await h.db
						.insertInto('organisation')
						.values({ name, created_at: now })
						.returning('id')
						.executeTakeFirstOrThrow()
				).id
		)
	);
	otherOrg = b;
	admin = { id: 1, organisationId: a, email: 'p@ex.fr', name: 'Plateforme', role: 'admin', platformAdmin: true };
	orgAdmin = { id: 2, organisationId: b, email: 'o@ex.fr', name: 'Asso', role: 'admin' };
});
afterAll(async () => {
	await h.close();
});

describe('categories kept by admins', () => {
	it('renames a built-in category, and the bootstrap keeps the new label', async () => {
		await renameCategory(h.db, admin, 'daily.pets', 'Animaux de compagnie');
		await prepareDatabase(h.db);
		expect((await listCategories(h.db, admin.organisationId)).find((c) => c.id === 'daily.pets')?.label).toBe(
			'Animaux de compagnie'
		);
		await expect(renameCategory(h.db, admin, 'daily.pets', ' ')).rejects.toThrow(InputError);
		await expect(renameCategory(h.db, admin, 'nope', 'Nom')).rejects.toThrow(InputError);
	});

	it('adds a category to a group, with a prefixed id, once', async () => {
		await addCategory(h.db, admin, { id: 'cantine', label: 'Cantine', group: 'fixed', kind: 'expense' });
		expect((await listCategories(h.db, admin.organisationId)).find((c) => c.id === 'fixed.cantine')).toMatchObject({
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

	it('an organisation’s admin names a category for their organisation only, and adds none to the shared table', async () => {
		expect(await renameCategory(h.db, orgAdmin, 'daily.groceries', 'Courses')).toBe('organisation');
		expect((await listCategories(h.db, otherOrg)).find((c) => c.id === 'daily.groceries')?.label).toBe('Courses');
		expect((await listCategories(h.db, admin.organisationId)).find((c) => c.id === 'daily.groceries')?.label).not.toBe(
			'Courses'
		);
		await expect(
			addCategory(h.db, orgAdmin, { id: 'autre', label: 'Autre chose', group: 'fixed', kind: 'expense' })
		).rejects.toThrow(ForbiddenError);
		await expect(renameCategory(h.db, { ...orgAdmin, role: 'adviser' }, 'daily.groceries', 'X y')).rejects.toThrow();
	});
});
