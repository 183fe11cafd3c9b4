import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { expectAccessible, HOUSEHOLDS, login, USERS } from './helpers';

test.describe('personal data', () => {
	test('a member downloads the household’s data from its page; another household’s export is a 404', async ({
		page
	}) => {
		await login(page, USERS.household);
		await page.goto(`/households/${HOUSEHOLDS.martin}`);
		const downloading = page.waitForEvent('download');
		await page.getByRole('link', { name: 'Télécharger les données du ménage' }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toMatch(
			new RegExp(`^bgv-menage-${HOUSEHOLDS.martin}-\\d{4}-\\d{2}-\\d{2}\\.zip$`)
		);
		const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
		expect(Object.keys(files)).toEqual(expect.arrayContaining(['menage.json', 'operations.csv']));
		const other = await page.request.get(`/households/${HOUSEHOLDS.bernard}/export`);
		expect(other.status()).toBe(404);
	});

	test('staff without consent or without a household get a 404 for the export', async ({ page }) => {
		for (const user of [USERS.admin, USERS.professional]) {
			await login(page, user);
			expect((await page.request.get(`/households/${HOUSEHOLDS.martin}/export`)).status()).toBe(404);
			await page.context().clearCookies();
		}
	});

	test('the admin lists households and erasure asks for the name typed', async ({ page }) => {
		await login(page, USERS.admin);
		await page.goto('/admin/households');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ménages et données personnelles');
		await expect(page.getByRole('cell', { name: 'Famille Martin', exact: true })).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Effacer Famille Martin' }).click();
		await page.getByLabel('Recopiez le nom du ménage pour confirmer').fill('Famille');
		await page.getByRole('button', { name: 'Effacer définitivement' }).click();
		await expect(page.getByText('Recopiez le nom du ménage, « Famille Martin »')).toBeVisible();
		await expectAccessible(page);
		const width = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(width).toBeLessThanOrEqual(0);
		await page.goto('/admin/households');
		await expect(page.getByRole('cell', { name: 'Famille Martin', exact: true })).toBeVisible();
	});

	test('an adviser and a member cannot open the admin page', async ({ page }) => {
		for (const user of [USERS.adviser, USERS.household]) {
			await login(page, user);
			expect((await page.request.get('/admin/households')).status()).toBe(404);
			await page.context().clearCookies();
		}
	});
});
