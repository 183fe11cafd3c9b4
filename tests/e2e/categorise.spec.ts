import { expect, test } from '@playwright/test';
import { expectAccessible, HOUSEHOLDS, login, USERS } from './helpers';

test.describe('categorisation @core', () => {
	test('the admin test box shows the category, the payee and the rule', async ({ page }) => {
		await login(page, USERS.admin);
		await page.goto('/admin/rules');
		await page.getByLabel('Libellé de la banque').fill('PRLV SEPA EDF CLIENTS PARTICULIERS');
		await page.getByLabel('Montant').fill('-45,20');
		await page.getByRole('button', { name: 'Tester' }).click();
		const result = page.getByRole('status');
		await expect(result).toContainText('Électricité, gaz, chauffage');
		await expect(result).toContainText('EDF');
		await expectAccessible(page);
	});

	test('a household member recategorises a transaction and sees why', async ({ page }) => {
		await login(page, USERS.household);
		await page.goto(`/households/${HOUSEHOLDS.martin}/transactions?category=daily.groceries`);
		await page.locator('.tx-list a').first().click();
		await expect(page.locator('#why')).toContainText('Classée par la règle');
		await page.getByLabel('Nouvelle catégorie').selectOption('daily.household');
		await page.getByRole('button', { name: 'Enregistrer' }).click();
		await expect(page.getByRole('status')).toContainText('Catégorie enregistrée');
		await page.goto(`/households/${HOUSEHOLDS.martin}/transactions?category=daily.household`);
		await page.locator('.tx-list a').first().click();
		await expect(page.locator('#why')).toContainText('Classée par vous le');
	});
});
