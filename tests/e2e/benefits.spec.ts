import { expect, test } from '@playwright/test';
import { expectAccessible, login, USERS } from './helpers';

test.describe('non-recours @core', () => {
	test('a professional runs the quick check for a single parent and gets benefits to claim', async ({ page }) => {
		await login(page, USERS.professional);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vérifier des droits');
		await page.getByRole('button', { name: 'Voir les droits' }).click();
		await expect(page.getByRole('alert')).toContainText('indiquez l');
		await page.getByLabel('Âge').first().fill('38');
		await page.getByLabel('Situation').first().selectOption('unemployed_no_benefit');
		await page.getByLabel('Âges des enfants à charge').fill('8, 13');
		await page.getByLabel('Logement', { exact: true }).selectOption('tenant_private');
		await page.getByLabel('Loyer mensuel hors charges').fill('550');
		await page.getByRole('button', { name: 'Voir les droits' }).click();
		await expect(page.getByRole('heading', { name: /Droits à demander/ })).toBeVisible();
		await expect(page.getByRole('heading', { name: /Revenu de solidarité active/ })).toBeVisible();
		await expect(page.getByText('Prochaine étape').first()).toBeVisible();
		// The formula is folded away, never shown first.
		await expect(page.getByText('Détail du calcul').first()).toBeVisible();
		await expect(page.locator('details').first()).not.toHaveAttribute('open', '');
		await expect(page.getByText(/Les autres aides regardées/)).toBeVisible();
		await expectAccessible(page);
	});

	test('a household describes its situation and sees its benefits followed', async ({ page }) => {
		await login(page, USERS.household);
		await page.goto('/households/1/benefits');
		await expectAccessible(page);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Droits et aides');
	});
});
