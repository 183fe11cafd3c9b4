// The adviser's debts register and over-indebtedness budget statement: a debt added from a suggested
// recurring credit debit, a statement line edited, the PDF and CSV downloaded (desktop and phone, each on
// its own household so that the two projects never share a state).
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { pdfAllText } from '../helpers/pdf-text';
import { expectAccessible, HOUSEHOLDS, login, USERS } from './helpers';

/** Famille Martin pays Cofidis; M. et Mme Moreau (6th demo household) pay six lenders, Cofidis among them. */
const TARGET: Record<string, number> = { desktop: HOUSEHOLDS.martin, phone: 6 };

async function noHorizontalScroll(page: Page): Promise<void> {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
}

test.describe('debts register and budget statement', () => {
	test('the adviser adds a suggested debt, edits a line and downloads the PDF and CSV', async ({ page }, info) => {
		const id = TARGET[info.project.name] ?? HOUSEHOLDS.martin;
		await login(page, USERS.adviser);
		await page.goto(`/households/${id}`);
		await page.getByRole('link', { name: 'Dettes et relevé budgétaire' }).click();
		await expect(page).toHaveURL(`/caseload/${id}/debts`);
		await expect(page.getByRole('heading', { name: 'Crédits repérés sur les relevés' })).toBeVisible();
		await expectAccessible(page);
		await noHorizontalScroll(page);

		await page.getByRole('button', { name: /^Ajouter .*cofidis.* aux dettes$/i }).click();
		await expect(page.getByRole('status')).toContainText('ajoutée au registre');
		const register = page.locator('section', { has: page.getByRole('heading', { name: 'Registre' }) });
		await expect(register.getByText(/cofidis/i).first()).toBeVisible();
		await expect(page.getByRole('button', { name: /^Ajouter .*cofidis.* aux dettes$/i })).toHaveCount(0);

		await page.getByRole('link', { name: 'Relevé budgétaire' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Relevé budgétaire');
		await expect(page.getByText('Capacité de remboursement :')).toBeVisible();
		await expectAccessible(page);
		await noHorizontalScroll(page);

		await page.getByText('Corriger « Électricité, gaz, chauffage »').click();
		await page.getByLabel('Montant mensuel (€)').and(page.locator('#amount-charge-energy')).fill('123,45');
		await page.locator('#note-charge-energy').fill('facture de régularisation');
		await page.locator('#note-charge-energy').press('Enter');
		await expect(page.getByRole('status')).toContainText('montant corrigé est enregistré');
		await expect(page.getByText('Modifié (relevés :').first()).toBeVisible();

		const pdfDownload = page.waitForEvent('download');
		await page.getByRole('link', { name: 'Télécharger le PDF' }).click();
		const pdfFile = await pdfDownload;
		expect(pdfFile.suggestedFilename()).toMatch(new RegExp(`^releve-budgetaire-${id}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
		const pdf = await readFile((await pdfFile.path())!);
		const text = pdfAllText(pdf).replace(/[\u00a0\u202f]/g, ' ');
		expect(text).toContain('Électricité, gaz, chauffage *');
		expect(text).toContain('123,45 €');
		expect(text).toContain('Capacité de remboursement');
		expect(text).toMatch(/cofidis/i);

		const csvDownload = page.waitForEvent('download');
		await page.getByRole('link', { name: 'Télécharger le CSV' }).click();
		const csv = (await readFile((await (await csvDownload).path())!)).toString('utf8');
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv).toContain('Charges;Électricité, gaz, chauffage;123,45;;;;oui;facture de régularisation;');
		expect(csv).toMatch(/Dettes;[^\r\n]*cofidis/i);
	});

	test('a household member and an adviser without consent get 404 on the adviser pages', async ({ page }) => {
		await login(page, USERS.household);
		// the member reads the register, read-only
		await page.goto(`/households/${HOUSEHOLDS.martin}`);
		await page.getByRole('link', { name: 'Dettes', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vos dettes');
		await expect(page.locator('main form')).toHaveCount(0);
		await expectAccessible(page);
		for (const path of ['debts', 'statement', 'statement/pdf', 'statement/csv']) {
			const r = await page.goto(`/caseload/${HOUSEHOLDS.martin}/${path}`);
			expect(r?.status()).toBe(404);
		}
		await page.context().clearCookies();
		await login(page, USERS.adviser);
		for (const path of ['debts', 'statement', 'statement/csv']) {
			const r = await page.goto(`/caseload/${HOUSEHOLDS.lambert}/${path}`);
			expect(r?.status()).toBe(404);
		}
		for (const path of ['debts', 'statement']) {
			const r = await page.goto(`/caseload/999/${path}`);
			expect(r?.status()).toBe(404);
		}
	});
});
