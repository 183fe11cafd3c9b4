import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, HOUSEHOLDS, login, USERS } from './helpers';

async function expectNoHorizontalScroll(page: Page): Promise<void> {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
}

test.describe("the adviser's caseload and the household's access log", () => {
	test("'Cette semaine' → filter → household; the member sees the visit on the access page", async ({
		page,
		browser
	}) => {
		await login(page, USERS.adviser);
		await expect(page).toHaveURL(/\/caseload$/);
		await expect(page.getByRole('heading', { level: 2, name: 'Cette semaine' })).toBeVisible();
		const rows = page.locator('table.caseload tbody tr');
		expect(await rows.count()).toBeGreaterThan(0);
		// each household of the week comes with its reason in words
		await expect(rows.first().locator('.reason')).not.toBeEmpty();
		await expectNoHorizontalScroll(page);
		await expectAccessible(page);

		// filter by name over all households (a GET form: the query string carries the filters)
		await page.getByRole('link', { name: /Tous mes ménages/ }).click();
		// the view's link navigates first: the filter form of the new view carries vue=tous
		await expect(page).toHaveURL(/vue=tous/);
		await page.getByText('Trier, filtrer, chercher').click();
		await page.getByLabel('Chercher par nom').fill('martin');
		await page.getByRole('button', { name: 'Afficher' }).click();
		await expect(page).toHaveURL(/vue=tous.*q=martin/);
		await expect(rows).toHaveCount(1);
		// the household's action plan: its open actions and what they are worth, a link to the plan
		await expect(rows.first().getByRole('link', { name: /^\d+ actions?$/ })).toHaveAttribute(
			'href',
			`/households/${HOUSEHOLDS.martin}/plan`
		);
		await expect(rows.first()).toContainText(/par mois/);
		await expectNoHorizontalScroll(page);
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Famille Martin' }).click();
		await expect(page).toHaveURL(new RegExp(`/households/${HOUSEHOLDS.martin}$`));
		await page.goto(`/households/${HOUSEHOLDS.martin}/transactions`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Opérations de /);

		// the member of the household reads, in plain French, that the adviser looked at the operations
		const member = await browser.newContext();
		const mpage = await member.newPage();
		await login(mpage, USERS.household);
		await mpage.getByRole('link', { name: 'Qui a consulté' }).click();
		await expect(mpage.getByRole('heading', { level: 1 })).toHaveText('Qui a consulté vos données');
		await expect(
			mpage
				.getByText(
					/^Claire Conseillère, qui vous accompagne, a consulté vos opérations le \d\d\/\d\d\/\d{4} à \d\d h \d\d\.$/
				)
				.first()
		).toBeVisible();
		await expect(mpage.getByRole('button', { name: 'Arrêter le partage avec mon conseiller' })).toBeVisible();
		await expect(
			mpage
				.getByRole('button', { name: 'Recevoir les alertes par e-mail' })
				.or(mpage.getByRole('button', { name: 'Ne plus recevoir les alertes par e-mail' }))
		).toBeVisible();
		await expectNoHorizontalScroll(mpage);
		await expectAccessible(mpage);
		await member.close();
	});

	test('the new pages are refused to the roles that may not see them', async ({ browser }) => {
		const as = async (email: string) => {
			const context = await browser.newContext();
			const page = await context.newPage();
			await login(page, email);
			return { status: async (path: string) => (await page.goto(path))?.status(), close: () => context.close() };
		};
		const member = await as(USERS.household);
		expect(await member.status(`/households/${HOUSEHOLDS.bernard}/access`)).toBe(404); // another household
		expect(await member.status('/caseload')).toBe(404);
		expect(await member.status('/admin/assignments')).toBe(404);
		await member.close();
		const adviser = await as(USERS.adviser);
		expect(await adviser.status(`/households/${HOUSEHOLDS.lambert}/access`)).toBe(404); // no consent
		expect(await adviser.status('/admin/assignments')).toBe(404);
		await adviser.close();
		for (const who of [USERS.professional, USERS.admin]) {
			const staff = await as(who);
			expect(await staff.status(`/households/${HOUSEHOLDS.martin}/access`)).toBe(404);
			expect(await staff.status('/caseload?vue=tous')).toBe(404);
			expect(await staff.status('/admin/assignments')).toBe(who === USERS.admin ? 200 : 404);
			await staff.close();
		}
	});

	test('the admin sees the team’s workload in counts, without any household’s figures', async ({ page }) => {
		await login(page, USERS.admin);
		await page.goto('/admin/assignments');
		const team = page.getByRole('region', { name: 'Charge de l’équipe' });
		await expect(team).toContainText(/\d+ ménages suivis, dont \d+ qui partagent\s+leurs données/);
		await expect(team).toContainText(/sur « Cette semaine »/);
		await expect(team).not.toContainText('€');
	});
});
