import { expect, test } from '@playwright/test';
import { expectAccessible, login, USERS } from './helpers';

test.describe('account flows @core', () => {
	test('adviser creates a household and invites a member who joins and shares', async ({ page, browser }, info) => {
		const tag = `${info.project.name}-${Date.now()}`;
		await login(page, USERS.adviser);
		await page.getByLabel('Nom du ménage').fill('   ');
		await page.getByRole('button', { name: 'Créer le ménage' }).click();
		await expect(page.getByText('Saisissez le nom du ménage')).toBeVisible();
		await page.getByLabel('Nom du ménage').fill(`Famille Essai ${tag}`);
		await page.getByRole('button', { name: 'Créer le ménage' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Inviter un membre');
		await page.getByLabel('Nom de la personne').fill('Jeanne Essai');
		await page.getByLabel('Adresse e-mail').fill(`jeanne-${tag}@exemple.fr`);
		await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
		await expect(page.getByRole('status')).toContainText(`Invitation envoyée par e-mail à jeanne-${tag}@exemple.fr`);
		const link = (await page.locator('code.secret').textContent())?.trim() ?? '';
		expect(link).toMatch(/\/invitation\/[\w-]{20,}$/);
		await expectAccessible(page);

		const member = await browser.newContext({ javaScriptEnabled: info.project.name !== 'no-js' });
		const mpage = await member.newPage();
		await mpage.goto(link);
		await expect(mpage.getByRole('heading', { level: 1 })).toHaveText('Bienvenue, Jeanne Essai');
		await expectAccessible(mpage);
		// the choice to share is never made for the person: nothing is ticked until they choose
		await expect(mpage.getByLabel(/Oui, je partage avec mon conseiller/)).not.toBeChecked();
		await expect(mpage.getByLabel(/Non, pas pour l’instant/)).not.toBeChecked();
		await mpage.getByLabel(/Oui, je partage avec mon conseiller/).check();
		await mpage.getByLabel('Mot de passe', { exact: true }).fill('court');
		await mpage.getByLabel('Le même mot de passe, une seconde fois').fill('court');
		await mpage.getByRole('button', { name: 'Créer mon accès' }).click();
		await expect(mpage.getByText('au moins 12 caractères')).toBeVisible();
		await mpage.getByLabel('Mot de passe', { exact: true }).fill('un budget bien tenu en hiver');
		await mpage.getByLabel('Le même mot de passe, une seconde fois').fill('un budget bien tenu en hiver');
		await mpage.getByRole('button', { name: 'Créer mon accès' }).click();
		await expect(mpage.getByRole('heading', { level: 1 })).toHaveText(`Famille Essai ${tag}`);
		await expect(mpage.getByText('Partage accepté le')).toBeVisible();
		// the link is single-use
		await mpage.goto(link);
		await expect(mpage.getByRole('heading', { level: 1 })).toHaveText('Lien d’invitation non valable');
		// the member withdraws consent: the adviser loses access at once
		await mpage.goBack();
		const householdUrl = mpage.url();
		await mpage.getByRole('button', { name: 'Arrêter le partage' }).click();
		await expect(mpage.getByText('Votre conseiller ne voit plus votre budget.')).toBeVisible();
		const refused = await page.goto(new URL(householdUrl).pathname);
		expect(refused?.status()).toBe(404);
		await member.close();
	});

	test('admin creates an adviser, who changes their password', async ({ page, browser }, info) => {
		const email = `nouveau-${info.project.name}-${Date.now()}@demo.bgv.fr`;
		await login(page, USERS.admin);
		await page.goto('/admin/users');
		await page.getByLabel('Nom').fill('Nora Nouvelle');
		await page.getByLabel('Adresse e-mail').fill(email);
		await page.getByLabel('Rôle').selectOption('adviser');
		await page.getByLabel('Mot de passe provisoire').fill('provisoire-2026');
		await page.getByRole('button', { name: 'Créer le compte' }).click();
		await expect(page.getByRole('status')).toContainText(`Compte créé pour ${email}`);
		await expect(page.getByRole('cell', { name: email })).toBeVisible();

		const ctx = await browser.newContext({ javaScriptEnabled: info.project.name !== 'no-js' });
		const other = await ctx.newPage();
		await login(other, email, 'provisoire-2026');
		await expect(other).toHaveURL(/\/caseload$/);
		await other.goto('/account');
		await other.getByLabel('Mot de passe actuel').fill('mauvais');
		await other.getByLabel('Nouveau mot de passe', { exact: true }).fill('mon-nouveau-secret');
		await other.getByLabel('Nouveau mot de passe, une seconde fois').fill('mon-nouveau-secret');
		await other.getByRole('button', { name: 'Changer le mot de passe' }).click();
		await expect(other.getByText('Le mot de passe actuel est incorrect.')).toBeVisible();
		await other.getByLabel('Mot de passe actuel').fill('provisoire-2026');
		await other.getByLabel('Nouveau mot de passe', { exact: true }).fill('mon-nouveau-secret');
		await other.getByLabel('Nouveau mot de passe, une seconde fois').fill('mon-nouveau-secret');
		await other.getByRole('button', { name: 'Changer le mot de passe' }).click();
		await expect(other.getByRole('status')).toContainText('Mot de passe changé');
		await ctx.close();
	});
});
