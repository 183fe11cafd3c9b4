import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, HOUSEHOLDS, login, USERS } from './helpers';

/** The desktop and phone projects run side by side on one database: each writes to its own household. */
function householdFor(project: string): number {
	return project === 'phone' ? HOUSEHOLDS.bernard : HOUSEHOLDS.martin;
}

async function noHorizontalScroll(page: Page): Promise<void> {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
}

test.describe('the case file', () => {
	test('adviser adds a note with an overdue step, sees the reminder, plans an appointment; the member sees none of it', async ({
		page,
		browser,
		baseURL
	}, info) => {
		const project = info.project.name;
		if (project === 'phone') await page.setViewportSize({ width: 390, height: 844 });
		const id = householdFor(project);
		const note = `Budget revu avec le ménage (${project}).`;
		const step = `Envoyer les avis d'impôt (${project})`;

		await login(page, USERS.adviser);
		await page.goto(`/households/${id}`);
		await page
			.getByRole('navigation', { name: 'Rubriques du ménage' })
			.getByRole('link', { name: 'Dossier de suivi' })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dossier de suivi');
		await expect(page.getByText('les membres du ménage ne voient ni ces notes')).toBeVisible();
		await expectAccessible(page);
		await noHorizontalScroll(page);

		// an error names the field, in French
		await page.getByLabel('Type', { exact: true }).selectOption('note');
		await page.getByLabel('Étape 1', { exact: true }).fill(step);
		await page.getByRole('button', { name: 'Enregistrer dans le dossier' }).click();
		await expect(page.getByText('Ce qui a été dit : écrivez au moins quelques mots.')).toBeVisible();

		// a note with a next step already past its due date
		await page.getByLabel('Date', { exact: true }).fill('2026-11-18');
		await page.getByLabel('Ce qui a été dit').fill(note);
		await page.getByLabel('Étape 1', { exact: true }).fill(step);
		await page.getByLabel('Échéance de l’étape 1').fill('2026-11-25');
		await page.getByRole('button', { name: 'Enregistrer dans le dossier' }).click();
		await expect(page.getByText('Ajouté au dossier.')).toBeVisible();
		const reminders = page.getByRole('region', { name: /Rappels/ });
		await expect(reminders).toContainText(step);
		await expect(reminders).toContainText('prévue pour le 25/11/2026, en retard de');
		await expect(page.getByRole('region', { name: 'Historique' })).toContainText(note);

		// an appointment to come becomes the next appointment
		await page.getByLabel('Type', { exact: true }).selectOption('rdv');
		await page.getByLabel('Date', { exact: true }).fill('2030-06-14');
		await page.getByLabel('Ce qui a été dit').fill('RDV fixé pour préparer le dossier de surendettement.');
		await page.getByRole('button', { name: 'Enregistrer dans le dossier' }).click();
		await expect(page.getByText('Ajouté au dossier.')).toBeVisible();
		await expect(page.getByRole('region', { name: 'Prochain rendez-vous' })).toContainText('Rendez-vous le');
		await expect(page.getByRole('region', { name: 'Historique' })).toContainText('14/06/2030');
		await expectAccessible(page);
		await noHorizontalScroll(page);

		// the step done: the reminder goes
		await reminders.getByRole('button', { name: `Marquer « ${step} » comme faite` }).click();
		await expect(page.getByRole('region', { name: /Rappels/ })).toHaveCount(0);

		// the household member: no link, no page, no note
		const member = await browser.newContext({ baseURL, locale: 'fr-FR' });
		const mp = await member.newPage();
		await login(mp, USERS.household);
		await mp.goto(`/households/${HOUSEHOLDS.martin}`);
		await expect(mp.getByRole('navigation', { name: 'Rubriques du ménage' })).toBeVisible();
		await expect(mp.getByRole('link', { name: 'Dossier de suivi' })).toHaveCount(0);
		await expect(mp.getByText(note)).toHaveCount(0);
		for (const h of [HOUSEHOLDS.martin, HOUSEHOLDS.bernard]) {
			const r = await mp.goto(`/households/${h}/file`);
			expect(r?.status()).toBe(404);
			await expect(mp.getByText(note)).toHaveCount(0);
		}
		await member.close();
	});

	test('an empty profile warns on every indicator, and the adviser completes it from the file', async ({
		page
	}, info) => {
		test.skip(info.project.name !== 'desktop', 'one run is enough: it changes a shared household');
		await login(page, USERS.adviser);
		// M. et Mme Moreau: the demo leaves their profile empty
		await page.goto('/caseload');
		await page.getByRole('link', { name: 'M. et Mme Moreau' }).click();
		await expect(page.getByText('Profil incomplet :').first()).toBeVisible();
		await expect(
			page.getByText('ils ne disent pas si le ménage est au-dessus ou en dessous du seuil de pauvreté')
		).toBeVisible();
		await page.getByRole('link', { name: 'Compléter le profil' }).click();
		await expect(page).toHaveURL(/\/file#profile$/);
		await page.getByLabel('Âge').first().fill('44');
		await page.getByLabel('Situation').first().selectOption('employed');
		await page.getByLabel('Logement', { exact: true }).selectOption('tenant_private');
		await page.getByRole('button', { name: 'Enregistrer le profil' }).click();
		await expect(page.getByText('Profil enregistré.')).toBeVisible();
		await expect(page.locator('#profile .profile-warning')).toContainText('il manque le montant du loyer.');
		await expectAccessible(page);
	});

	test('the file works without JavaScript', async ({ browser, baseURL }, info) => {
		test.skip(info.project.name !== 'desktop', 'one no-JS run');
		const ctx = await browser.newContext({
			baseURL,
			javaScriptEnabled: false,
			locale: 'fr-FR'
		});
		const page = await ctx.newPage();
		await login(page, USERS.adviser);
		await page.goto(`/households/${HOUSEHOLDS.martin}/file`);
		await page.getByLabel('Date', { exact: true }).fill('2026-11-30');
		await page.getByRole('button', { name: 'Enregistrer dans le dossier' }).click();
		await expect(page.getByText('Ce qui a été dit : écrivez au moins quelques mots.')).toBeVisible();
		await page.getByLabel('Ce qui a été dit').fill('Appel sans JavaScript.');
		await page.getByRole('button', { name: 'Enregistrer dans le dossier' }).click();
		await expect(page.getByText('Ajouté au dossier.')).toBeVisible();
		await expect(page.getByText('Appel sans JavaScript.')).toBeVisible();
		await ctx.close();
	});
});
