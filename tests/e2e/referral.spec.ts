// A referral from the professional's quick check to the association, taken up into a followed household.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, fillQuickCheck, login, USERS } from './helpers';

const DEMO_ASSOCIATION = 'CRÉSUS Démo (Île-de-France)';

async function runCheck(page: Page): Promise<void> {
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vérifier des droits');
	await fillQuickCheck(page);
}

/** No horizontal scroll (390 px on the phone project). */
async function expectNoSideScroll(page: Page): Promise<void> {
	const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(over).toBeLessThanOrEqual(0);
}

/** A second signed-in person, on a device like the project's. */
async function other(browser: Browser, email: string): Promise<Page> {
	const u = test.info().project.use;
	const context = await browser.newContext({
		viewport: u.viewport,
		userAgent: u.userAgent,
		isMobile: u.isMobile,
		hasTouch: u.hasTouch,
		deviceScaleFactor: u.deviceScaleFactor,
		locale: 'fr-FR',
		timezoneId: 'Europe/Paris'
	});
	const page = await context.newPage();
	await login(page, email);
	return page;
}

/** The professional fills and sends the referral form of a check's result to the demo association. */
async function sendReferral(page: Page, person: string): Promise<void> {
	await page.getByRole('button', { name: 'Orienter vers une association' }).click();
	await page.getByLabel('Association').selectOption({ label: DEMO_ASSOCIATION });
	await page.getByLabel('Nom de la personne').fill(person);
	await page.getByLabel('Téléphone de la personne').fill('06 12 34 56 78');
	await page.getByLabel('Résumé de la situation').fill('Retraité seul, factures d’énergie impayées.');
	await page.getByLabel('La personne est d’accord').check();
	await page.getByRole('button', { name: 'Envoyer la demande' }).click();
	await expect(page.locator('li', { hasText: person })).toContainText('en attente');
}

test.describe('referral from a quick check', () => {
	test('the professional refers, the adviser takes it up, the professional sees it accepted', async ({
		page,
		browser
	}) => {
		const person = `Mme Durand ${test.info().project.name}`;
		await login(page, USERS.professional);
		await runCheck(page);
		await page.getByRole('button', { name: 'Orienter vers une association' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Orienter vers une association');
		await expect(page.getByRole('heading', { name: 'Droits repérés par la vérification' })).toBeVisible();
		await expectAccessible(page);
		await expectNoSideScroll(page);

		await page.getByLabel('Association').selectOption({ label: DEMO_ASSOCIATION });
		await page.getByLabel('Nom de la personne').fill(person);
		await page.getByLabel('Adresse e-mail de la personne').fill(`durand-${test.info().project.name}@exemple.fr`);
		await page.getByLabel('Téléphone de la personne').fill('06 12 34 56 78');
		await page.getByLabel('Résumé de la situation').fill('Mère seule de deux enfants, sans emploi, loyer en retard.');
		await page.getByLabel('Urgent : à traiter sous huit jours').check();
		// the consent is never pre-chosen
		await expect(page.getByLabel('La personne est d’accord')).not.toBeChecked();
		await page.getByLabel('La personne est d’accord').check();
		await page.getByRole('button', { name: 'Envoyer la demande' }).click();

		await expect(page).toHaveURL(/\/check\/referrals/);
		await expect(page.getByRole('status')).toContainText('La demande est envoyée');
		const mine = page.locator('li', { hasText: person });
		await expect(mine).toContainText('en attente');
		await expectAccessible(page);
		await expectNoSideScroll(page);

		const adviser = await other(browser, USERS.adviser);
		await adviser.goto('/intake');
		await expect(adviser.getByRole('heading', { level: 1 })).toHaveText('Orientations reçues');
		const card = adviser.locator('li.card', { hasText: person });
		await expect(card).toContainText('Mère seule de deux enfants');
		await expect(card).toContainText('urgent');
		await expectAccessible(adviser);
		await expectNoSideScroll(adviser);
		await card.getByRole('button', { name: 'Prendre en charge' }).click();
		await expect(adviser).toHaveURL(/\/caseload/);
		await expect(adviser.getByText(person)).toBeVisible();
		await adviser.context().close();

		await page.reload();
		await expect(page.locator('li', { hasText: person })).toContainText('acceptée');
	});

	test('another association sees nothing of it; the association’s admin closes it with a reason', async ({
		page,
		browser
	}) => {
		const person = `M. Lenoir ${test.info().project.name}`;
		await login(page, USERS.professional);
		await runCheck(page);
		await sendReferral(page, person);

		const outsider = await other(browser, 'conseiller@nord.demo.bgv.fr');
		await outsider.goto('/intake');
		await expect(outsider.getByRole('heading', { level: 1 })).toHaveText('Orientations reçues');
		await expect(outsider.getByText(person)).toHaveCount(0);
		await outsider.context().close();

		const admin = await other(browser, USERS.admin);
		await admin.goto('/intake');
		const card = admin.locator('li.card', { hasText: person });
		await expect(card.getByRole('button', { name: 'Prendre en charge' })).toHaveCount(0);
		await card.getByText('Clore la demande').click();
		await card.getByLabel('Motif').fill('Déjà suivi par le CCAS');
		await card.getByRole('button', { name: 'Clore', exact: true }).click();
		await expect(admin.getByRole('status')).toContainText('La demande est close');
		await expectAccessible(admin);
		await expectNoSideScroll(admin);
		await admin.context().close();

		await page.reload();
		const mine = page.locator('li', { hasText: person });
		await expect(mine).toContainText('close');
		await expect(mine).toContainText('Motif : Déjà suivi par le CCAS');
	});

	test('the professional reaches no intake queue', async ({ page }) => {
		await login(page, USERS.professional);
		const res = await page.goto('/intake');
		expect(res?.status()).toBe(404);
	});
});
