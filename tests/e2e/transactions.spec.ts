import { expect, test } from '@playwright/test';
import { expectAccessible, HOUSEHOLDS, login, USERS } from './helpers';

const LIST = `/households/${HOUSEHOLDS.martin}/transactions`;

test.describe('transactions list', () => {
	test('a household member changes a category from the list and sees why', async ({ page }) => {
		await login(page, USERS.household);
		await page.goto(`${LIST}?category=daily.groceries`);
		await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(
			/^(Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche) \d{1,2} \p{L}+$/u
		);
		await expect(page.locator('.tx-balance').first()).toContainText('Solde en fin de journée');
		await expectAccessible(page);
		await expect(page.locator('.tx-list a').first()).toContainText('Alimentation');
		// The projects share one database: an earlier run may have classified the first rows by hand, so
		// take the first operation still classified by a rule.
		for (let i = 0; i < 10; i++) {
			await page.goto(`${LIST}?category=daily.groceries`);
			await page.locator('.tx-list a').nth(i).click();
			await expect(page.getByRole('heading', { name: 'Changer la catégorie' })).toBeVisible();
			if ((await page.locator('#why').textContent())?.includes('règle')) break;
		}
		await expect(page.locator('#why')).toContainText('Classée par la règle « ');
		await expect(page.locator('#why')).not.toContainText('fr.');
		await expectAccessible(page);
		await page.getByLabel('Nouvelle catégorie').selectOption('daily.household');
		await page.getByRole('button', { name: 'Enregistrer' }).click();
		await expect(page.getByRole('status')).toContainText('Catégorie enregistrée');
		await page.goto(`${LIST}?category=daily.household`);
		await page.locator('.tx-list a').first().click();
		await expect(page.locator('#why')).toContainText('Classée par vous le ');
	});

	test('bulk re-categorisation of a payee', async ({ page }) => {
		await login(page, USERS.household);
		await page.goto(`${LIST}?category=daily.groceries`);
		await page.locator('.tx-list a').first().click();
		await page.getByLabel('Nouvelle catégorie').selectOption('daily.leisure');
		await page.getByLabel(/Appliquer à toutes les opérations de ce bénéficiaire/).check();
		await page.getByLabel(/classer ainsi les prochaines/).check();
		await page.getByRole('button', { name: 'Enregistrer' }).click();
		await expect(page.getByRole('status')).toContainText(/pour \d+ opérations/);
	});

	test('search and filter', async ({ page }) => {
		await login(page, USERS.household);
		await page.goto(LIST);
		await page.getByText('Filtrer par mois ou catégorie').click();
		await page.getByLabel('Catégorie', { exact: true }).selectOption('uncategorised');
		await page.getByRole('button', { name: 'Afficher' }).click();
		await expect(page).toHaveURL(/category=uncategorised/);
		for (const tag of await page.locator('.tx-list .tag').allTextContents()) expect(tag).toBe('À catégoriser');
		await page.goto(LIST);
		const payee = (await page.locator('.tx-payee').first().textContent())!.trim();
		await page.getByLabel(/Rechercher/).fill(payee.split(' ')[0]);
		await page.getByRole('button', { name: 'Afficher' }).click();
		await expect(page).toHaveURL(/q=/);
		await expect(page.locator('.tx-payee').first()).toContainText(payee.split(' ')[0]);
	});

	test('the error page is in French and accessible', async ({ page }) => {
		await login(page, USERS.household);
		await page.goto(`${LIST}/999999`);
		await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Revenir à mon accueil' })).toBeVisible();
		await expectAccessible(page);
		await page.goto('/households/99999');
		await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/Not Found|Internal Error/);
	});
});

test.describe('transactions without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('the category change works without JavaScript', async ({ page }) => {
		await login(page, USERS.household);
		await page.goto(LIST);
		await page.locator('.tx-list a').first().click();
		await page.getByLabel('Nouvelle catégorie').selectOption('daily.health');
		await page.getByRole('button', { name: 'Enregistrer' }).click();
		await expect(page.getByRole('status')).toContainText('Catégorie enregistrée');
	});
});

test('screenshots of the transaction pages at 390 and 1280 px', async ({ page }, info) => {
	await login(page, USERS.household);
	for (const width of [390, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.goto(LIST);
		await page.screenshot({ path: info.outputPath(`transactions-${width}.png`), fullPage: false });
		await page.locator('.tx-list a').first().click();
		await page.screenshot({ path: info.outputPath(`transaction-edit-${width}.png`), fullPage: true });
		await page.goto(`${LIST}/999999`);
		await page.screenshot({ path: info.outputPath(`error-${width}.png`), fullPage: true });
	}
});
