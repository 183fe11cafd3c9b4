import { expect, test } from '@playwright/test';
import { expectAccessible, HOUSEHOLDS, login, USERS } from './helpers';

// The short profile after a first import (issue 15): eight questions, drafted from the statements, and the
// amount on the overview right after. Writes the Nguyen household's profile: one project only.
test.describe('short profile @core', () => {
	test('drafted from the statements, completed in one screen, the amount on the overview', async ({ page }, info) => {
		test.skip(info.project.name !== 'phone', 'writes shared data: the phone project only');
		await login(page, USERS.adviser);
		await page.goto(`/households/${HOUSEHOLDS.nguyen}`);
		await page.getByRole('link', { name: 'Vos droits en 8 questions' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vos droits en 8 questions');
		await expect(page.getByLabel('Vous êtes')).toHaveValue('tenant_social');
		await expect(page.getByLabel('Loyer par mois, sans les charges')).toHaveValue(/^\d+,\d\d$/);
		await expect(page.getByText(/^Vu sur vos relevés : .* \(loyer, /)).toBeVisible();
		await expect(page.getByLabel('Allocations familiales')).toBeChecked();
		await expectAccessible(page);

		await page.getByRole('button', { name: 'Voir mes droits' }).click();
		await expect(page.getByText('Quelques réponses sont à corriger, indiquées plus bas.')).toBeVisible();
		await expect(page.getByText(/^Vous : indiquez l.âge\.$/)).toBeVisible();

		await page.getByLabel('En couple').check();
		const [you, partner] = [
			page.getByRole('group', { name: 'Vous', exact: true }),
			page.getByRole('group', { name: /^Votre conjoint/ })
		];
		await you.getByLabel('Âge').fill('41');
		await partner.getByLabel('Âge').fill('39');
		await partner.getByLabel('Situation').selectOption('inactive');
		await page.getByLabel('Leurs âges, séparés par des virgules (vide si aucun)').fill('4, 9, 15');
		await page.getByRole('button', { name: 'Voir mes droits' }).click();
		await expect(page).toHaveURL(new RegExp(`/households/${HOUSEHOLDS.nguyen}\\?profil=enregistre$`));
		await expect(page.getByRole('status').filter({ hasText: 'Vos réponses sont enregistrées.' })).toBeVisible();
		await expect(page.getByText('Aides à demander')).toBeVisible();
		await expectAccessible(page);
	});

	test('refused to the member of another household and to other roles', async ({ page }) => {
		for (const user of [USERS.household, USERS.professional, USERS.admin]) {
			await login(page, user);
			const r = await page.goto(`/households/${HOUSEHOLDS.nguyen}/benefits/short`);
			expect(r?.status(), user).toBe(404);
			const post = await page.request.post(`/households/${HOUSEHOLDS.nguyen}/benefits/short`, {
				form: { couple: 'no', applicantAge: '40', applicantActivity: 'employed', housing: 'owner' },
				headers: { origin: new URL(page.url()).origin, 'x-sveltekit-action': 'true' }
			});
			expect([403, 404], user).toContain(post.status());
			await page.context().clearCookies();
		}
	});
});
