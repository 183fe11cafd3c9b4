import { expect, test } from '@playwright/test';
import { login, USERS } from './helpers';

test('an admin changes a benefit: checked on the profiles, published as a new version, kept in the history', async ({
	page
}) => {
	await login(page, USERS.admin);
	await page.goto('/admin/benefits');
	await page.getByRole('link', { name: 'Fonds de solidarité pour le logement' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fonds de solidarité pour le logement');

	// A condition written wrongly is refused with the place at fault.
	await page.getByLabel('Conditions (JSON)').fill('[{"type": "age", "who": "applicant"}]');
	await page.getByRole('button', { name: "Vérifier l'effet sur les profils" }).click();
	await expect(page.getByRole('alert')).toContainText('conditions[0].operator');

	await page
		.getByLabel('Conditions (JSON)')
		.fill('[{"type": "household_flag", "field": "arrears", "value": true, "reason": "Pas d’impayé déclaré."}]');
	await page
		.getByLabel('Description pour le foyer')
		.fill('Aide du département en cas d’impayés de loyer ou d’énergie (texte revu).');
	await page.getByRole('button', { name: "Vérifier l'effet sur les profils" }).click();
	await expect(page.getByText(/profils recalculés/)).toBeVisible();
	await page.getByLabel('Motif du changement').fill('Texte revu avec le département');
	await page.getByRole('button', { name: 'Publier cette version' }).click();
	await expect(page.getByRole('status').filter({ hasText: /Version \d+ publiée/ })).toBeVisible();
	await page.goto('/admin/benefits/fsl');
	await expect(
		page
			.getByRole('region', { name: 'Historique' })
			.or(page.locator('section', { has: page.getByRole('heading', { name: 'Historique' }) }))
	).toContainText('Texte revu avec le département');
	await expect(page.getByLabel('Description pour le foyer')).toHaveValue(
		'Aide du département en cas d’impayés de loyer ou d’énergie (texte revu).'
	);
});
