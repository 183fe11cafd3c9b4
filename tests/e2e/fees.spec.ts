import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { pdfAllText } from '../helpers/pdf-text';
import { expectAccessible, HOUSEHOLDS, login, USERS } from './helpers';

const lucas = 3; // « Lucas Petit », frequent overdrafts and commissions d'intervention in the demo

test.describe('fee-cap check and the letter to the bank', () => {
	test('the adviser opens the fees, edits and saves the letter, downloads the PDF', async ({ page }) => {
		await login(page, USERS.adviser);
		await page.goto(`/households/${lucas}`);
		await page.getByRole('link', { name: 'Frais bancaires' }).click();
		await expect(page).toHaveURL(`/caseload/${lucas}/fees`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Frais bancaires et plafonds légaux');
		await expect(page.getByRole('heading', { name: 'À réclamer' })).toBeVisible();
		const months = page.locator('table.cards tbody tr');
		if ((await months.count()) > 0) {
			await months
				.first()
				.getByText(/Voir les/)
				.click();
			await expect(months.first().locator('.evidence li').first()).toBeVisible();
		}
		await page.getByLabel('Titulaire de l’offre spécifique').check();
		await page.getByRole('button', { name: 'Recalculer' }).click();
		await expect(page).toHaveURL(/ocf=on/);
		await expect(page.getByLabel('Texte de la lettre')).toHaveValue(/Titulaire de l'offre spécifique/);
		const width = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(width).toBeLessThanOrEqual(0);
		await expectAccessible(page);

		// desktop and phone share the e2e database: count the letters already kept
		const kept = page.locator('section', { hasText: 'Lettres du dossier' }).getByRole('link', { name: 'PDF' });
		const before = await kept.count();
		const letter = page.getByLabel('Texte de la lettre');
		const edited = `${await letter.inputValue()}\n\nP.S. : texte ajouté par la conseillère.`;
		await letter.fill(edited);
		await page.getByRole('button', { name: 'Enregistrer dans le dossier' }).click();
		await expect(page.getByRole('status')).toContainText('Lettre enregistrée');
		await expect(page.getByRole('heading', { name: 'Lettres du dossier' })).toBeVisible();
		await expect(kept).toHaveCount(before + 1);

		const downloading = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Télécharger le PDF' }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toMatch(/^reclamation-frais-\d{4}-\d{2}-\d{2}\.pdf$/);
		const text = pdfAllText(await readFile((await download.path())!));
		expect(text).toContain('texte ajouté par la conseillère');
		expect(text).toContain('Lucas Petit');

		const saved = page.waitForEvent('download');
		await kept.first().click();
		expect(pdfAllText(await readFile((await (await saved).path())!))).toContain('texte ajouté par la conseillère');
	});

	test('a household member, and the adviser without consent, get 404', async ({ page }) => {
		await login(page, USERS.household);
		expect((await page.goto(`/caseload/${HOUSEHOLDS.martin}/fees`))!.status()).toBe(404);
		await expect(page.getByRole('link', { name: 'Frais bancaires' })).toHaveCount(0);
		await page.goto(`/households/${HOUSEHOLDS.martin}`);
		await expect(page.getByRole('link', { name: 'Frais bancaires' })).toHaveCount(0);
		await page.context().clearCookies();
		await login(page, USERS.adviser);
		expect((await page.goto(`/caseload/${HOUSEHOLDS.lambert}/fees`))!.status()).toBe(404);
		expect((await page.goto(`/caseload/${HOUSEHOLDS.lambert}/fees/letters/1`))!.status()).toBe(404);
	});
});
