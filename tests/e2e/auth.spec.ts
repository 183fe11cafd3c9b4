import { expect, test } from '@playwright/test';
import { expectAccessible, HOUSEHOLDS, login, USERS } from './helpers';

test.describe('login and homes @core', () => {
	test('each demo user lands on their home', async ({ page }) => {
		const homes: [string, RegExp, string][] = [
			[USERS.admin, /\/admin$/, 'Administration'],
			[USERS.adviser, /\/caseload$/, 'Mes ménages'],
			[USERS.professional, /\/check$/, 'Vérifier des droits'],
			[USERS.household, new RegExp(`/households/${HOUSEHOLDS.martin}$`), 'Famille Martin']
		];
		for (const [email, url, heading] of homes) {
			await login(page, email);
			await expect(page).toHaveURL(url);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
			await page.getByRole('button', { name: 'Se déconnecter' }).click();
			await expect(page).toHaveURL(/\/login$/);
		}
	});

	test('a wrong password gets a generic message, the same as an unknown account', async ({ page }) => {
		await page.goto('/login');
		await expectAccessible(page);
		await page.getByLabel('Adresse e-mail').fill(USERS.adviser);
		await page.getByLabel('Mot de passe').fill('pas le bon');
		await page.getByRole('button', { name: 'Se connecter' }).click();
		await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
		await expect(page.getByLabel('Adresse e-mail')).toHaveValue(USERS.adviser);
		await page.getByLabel('Adresse e-mail').fill('inconnu@demo.bgv.fr');
		await page.getByLabel('Mot de passe').fill('pas le bon');
		await page.getByRole('button', { name: 'Se connecter' }).click();
		await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
		await expectAccessible(page);
	});

	test('repeated bad passwords lock the account for a while', async ({ page }, info) => {
		const email = `bruteforce-${info.project.name}@demo.bgv.fr`;
		await page.goto('/login');
		for (let i = 0; i < 5; i++) {
			await page.getByLabel('Adresse e-mail').fill(email);
			await page.getByLabel('Mot de passe').fill(`essai ${i}`);
			await Promise.all([
				page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/login')),
				page.getByRole('button', { name: 'Se connecter' }).click()
			]);
			await expect(page.getByRole('alert')).toBeVisible();
		}
		await expect(page.getByRole('alert')).toContainText('Trop de tentatives');
	});

	test('an anonymous visitor is sent to the login page, then back', async ({ page }) => {
		await page.goto('/caseload');
		await expect(page).toHaveURL(/\/login\?next=%2Fcaseload$/);
		await page.getByLabel('Adresse e-mail').fill(USERS.adviser);
		await page.getByLabel('Mot de passe').fill('demo-bgv-2026');
		await page.getByRole('button', { name: 'Se connecter' }).click();
		await expect(page).toHaveURL(/\/caseload$/);
	});

	test('the next parameter cannot send someone to another site', async ({ page }) => {
		await page.goto('/login?next=//evil.example/');
		await page.getByLabel('Adresse e-mail').fill(USERS.adviser);
		await page.getByLabel('Mot de passe').fill('demo-bgv-2026');
		await page.getByRole('button', { name: 'Se connecter' }).click();
		await expect(page).toHaveURL(/localhost:\d+\/caseload$/);
	});

	test('the session cookie is httpOnly and SameSite=Lax', async ({ page, context }) => {
		await login(page, USERS.professional);
		const cookie = (await context.cookies()).find((c) => c.name === 'bgv_session');
		expect(cookie?.httpOnly).toBe(true);
		expect(cookie?.sameSite).toBe('Lax');
	});
});
