import { expect, test } from '@playwright/test';
import { expectAccessible, HOUSEHOLDS, login, USERS } from './helpers';

// Every page, for each role that may see it, with zero axe-core violations.
const PAGES: [keyof typeof USERS, string, string | RegExp][] = [
	['household', `/households/${HOUSEHOLDS.martin}`, 'Famille Martin'],
	['household', `/households/${HOUSEHOLDS.martin}/forecast`, 'Prévisions du solde'],
	['household', `/households/${HOUSEHOLDS.martin}/budget`, /^Budget de /],
	['household', `/households/${HOUSEHOLDS.martin}/transactions`, /^Opérations de /],
	['household', `/households/${HOUSEHOLDS.martin}/benefits`, 'Droits et aides'],
	['household', `/households/${HOUSEHOLDS.martin}/import`, 'Importer un relevé'],
	['household', `/households/${HOUSEHOLDS.martin}/rules`, 'Règles de classement'],
	['household', `/households/${HOUSEHOLDS.martin}/access`, 'Qui a consulté vos données'],
	['admin', '/admin/assignments', 'Conseillers des ménages'],
	['admin', '/admin/rules', 'Règles communes de classement'],
	['admin', '/admin/benefits', 'Paramètres des droits'],
	['admin', '/admin/benefits/rsa', 'Revenu de solidarité active'],
	['admin', '/admin/categories', 'Catégories'],
	['adviser', `/households/${HOUSEHOLDS.bernard}/forecast`, 'Prévisions du solde'],
	['adviser', `/households/${HOUSEHOLDS.bernard}/budget`, /^Budget de /],
	['household', '/account', 'Mon compte'],
	['adviser', '/caseload', 'Mes ménages'],
	['adviser', `/households/${HOUSEHOLDS.bernard}`, 'M. et Mme Bernard'],
	['adviser', `/caseload/${HOUSEHOLDS.lambert}/invite`, 'Inviter un membre de « M. Lambert »'],
	['professional', '/check', 'Vérifier des droits'],
	['admin', '/admin', 'Administration'],
	['admin', '/admin/users', 'Utilisateurs'],
	['admin', '/logout', 'Se déconnecter']
];

for (const [role, path, heading] of PAGES) {
	test(`${path} as ${role} is accessible`, async ({ page }) => {
		await login(page, USERS[role]);
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expectAccessible(page);
	});
}

test('the caseload lists the demo households with their sharing state', async ({ page }) => {
	await login(page, USERS.adviser);
	await page.goto('/caseload?vue=tous');
	await expect(page.getByRole('link', { name: 'Famille Martin' })).toBeVisible();
	const lambert = page.getByRole('row').filter({ hasText: 'M. Lambert' });
	await expect(lambert.getByText('Partage pas encore accepté')).toBeVisible();
	expect(await page.getByRole('row').count()).toBeGreaterThanOrEqual(13);
});

test('404 page is accessible', async ({ page }) => {
	await page.goto('/login');
	const r = await page.goto('/nope');
	expect(r?.status()).toBe(404);
	await expectAccessible(page);
});
