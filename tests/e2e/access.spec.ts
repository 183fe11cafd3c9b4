import { expect, test, type Page } from '@playwright/test';
import { HOUSEHOLDS, login, USERS } from './helpers';

async function expectNotFound(page: Page, path: string) {
	const response = await page.goto(path);
	expect(response?.status(), path).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
	await expect(page.getByText('Bernard')).toHaveCount(0);
}

/** A form POST to another household's action, as a crafted request with the actor's cookie. */
async function expectActionRefused(page: Page, path: string) {
	const response = await page.request.post(path, {
		form: { give: '0' },
		headers: { origin: new URL(page.url()).origin, 'x-sveltekit-action': 'true' }
	});
	expect([403, 404]).toContain(response.status());
}

/** Every action of a household's pages, to try against a household the actor may not see. */
const ACTIONS = [
	'?/consent',
	'/import?/preview',
	'/import?/map',
	'/import?/confirm',
	'/import?/undo',
	'/forecast?/plan',
	'/forecast?/balance',
	'/rules?/save',
	'/rules?/reapply',
	'/benefits?/profile',
	'/benefits?/alert',
	'/benefits/short',
	'/file?/followup',
	'/plan?/status',
	'/plan?/hide',
	'/plan?/add',
	'/plan?/edit'
];
const PAGES_OF = [
	'',
	'/import',
	'/transactions',
	'/budget',
	'/forecast',
	'/benefits',
	'/benefits/short',
	'/rules',
	'/plan',
	'/plan/letter',
	'/plan/letter/pdf',
	'/plan/debit-letter?serie=1%3Aout%3ACETELEM',
	'/plan/debit-letter/pdf?serie=1%3Aout%3ACETELEM'
];

async function expectAllRefused(page: Page, household: number) {
	for (const p of PAGES_OF) await expectNotFound(page, `/households/${household}${p}`);
	for (const a of ACTIONS) await expectActionRefused(page, `/households/${household}${a}`);
}

test.describe('another household answers 404 for every role @core', () => {
	test('household member', async ({ page }) => {
		await login(page, USERS.household);
		await expectAllRefused(page, HOUSEHOLDS.bernard);
		await expectNotFound(page, '/caseload');
		await expectNotFound(page, '/admin/users');
		await expectNotFound(page, '/admin/benefits/rsa');
		await expectActionRefused(page, '/admin/benefits/rsa?/publish');
		await expectNotFound(page, '/households/999999');
		await expectNotFound(page, '/households/abc');
	});

	test('adviser: household without consent, or unknown', async ({ page }) => {
		await login(page, USERS.adviser);
		await expectAllRefused(page, HOUSEHOLDS.lambert);
		await expectNotFound(page, '/households/999999');
		await expectNotFound(page, '/admin');
		await expectNotFound(page, '/admin/benefits/rsa');
		await expectActionRefused(page, '/admin/benefits/rsa?/publish');
		const ok = await page.goto(`/households/${HOUSEHOLDS.bernard}`);
		expect(ok?.status()).toBe(200);
	});

	test('professional', async ({ page }) => {
		await login(page, USERS.professional);
		await expectAllRefused(page, HOUSEHOLDS.martin);
		await expectNotFound(page, '/caseload');
		await expectNotFound(page, '/admin');
		await expectNotFound(page, '/admin/benefits/aspa');
		await expectActionRefused(page, '/admin/benefits/aspa?/preview');
	});

	test('admin', async ({ page }) => {
		await login(page, USERS.admin);
		await expectAllRefused(page, HOUSEHOLDS.martin);
		await expectNotFound(page, '/caseload');
		expect((await page.goto('/admin/benefits/unknown'))?.status()).toBe(404);
	});
});

test.describe('the transaction edit form of another household answers 404 @core', () => {
	for (const [role, household] of [
		['household', HOUSEHOLDS.bernard],
		['adviser', HOUSEHOLDS.lambert],
		['professional', HOUSEHOLDS.martin]
	] as const) {
		test(role, async ({ page }) => {
			await login(page, USERS[role]);
			await expectNotFound(page, `/households/${household}/transactions/1`);
			await expectActionRefused(page, `/households/${household}/transactions/1`);
		});
	}
});
