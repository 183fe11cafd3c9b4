import { expect, test } from '@playwright/test';
import { expectAccessible, fillQuickCheck, login, USERS } from './helpers';

test.describe('non-recours @core', () => {
	test('a professional runs the quick check for a single parent and gets benefits to claim', async ({ page }) => {
		await login(page, USERS.professional);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vérifier des droits');
		// a step left with a missing answer stays, and says which
		await page.getByRole('button', { name: 'Continuer' }).click();
		await expect(page.getByRole('alert')).toContainText('indiquez l');
		await expect(page.getByText(/^Étape 1 sur 4/)).toBeVisible();
		await expectAccessible(page);
		await fillQuickCheck(page);
		await expect(page.getByRole('heading', { name: /Revenu de solidarité active/ })).toBeVisible();
		await expect(page.getByText('Prochaine étape').first()).toBeVisible();
		// The formula is folded away, never shown first.
		await expect(page.getByText('Détail du calcul').first()).toBeVisible();
		await expect(page.locator('details').first()).not.toHaveAttribute('open', '');
		await expect(page.getByText(/Les autres aides regardées/)).toBeVisible();
		await expectAccessible(page);
	});

	test('the steps go back without losing an answer', async ({ page }) => {
		await login(page, USERS.professional);
		await page.getByLabel('Âge').first().fill('38');
		await page.getByLabel('Situation').first().selectOption('unemployed_no_benefit');
		await page.getByRole('button', { name: 'Continuer' }).click();
		await page.getByLabel('Oui, en couple').check();
		await page.getByRole('button', { name: 'Retour' }).click();
		await expect(page.getByText(/^Étape 1 sur 4/)).toBeVisible();
		await expect(page.getByLabel('Âge').first()).toHaveValue('38');
		await expect(page.getByLabel('Situation').first()).toHaveValue('unemployed_no_benefit');
	});

	test('a household describes its situation and sees its benefits followed', async ({ page }) => {
		await login(page, USERS.household);
		await page.goto('/households/1/benefits');
		await expectAccessible(page);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Droits et aides');
	});
});
