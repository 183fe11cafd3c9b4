import { expect, test, type Page } from '@playwright/test';
import { HOUSEHOLDS, login, USERS } from './helpers';

/**
 * At 320 px wide, no page of any role scrolls sideways. The list follows src/routes: every page a role can
 * open, with the demo seed's household ids (Martin: the demo household member's, followed by the adviser).
 */
const H = `/households/${HOUSEHOLDS.martin}`;
const HOUSEHOLD_PAGES = [
	'',
	'/transactions',
	'/budget',
	'/forecast',
	'/benefits',
	'/debts',
	'/import',
	'/rules',
	'/access',
	'/file',
	'/plan',
	'/plan/letter'
].map((p) => `${H}${p}`);
const PAGES: Record<keyof typeof USERS, string[]> = {
	household: ['/account', ...HOUSEHOLD_PAGES, `${H}/transactions?q=a`, '/page-qui-n-existe-pas'],
	adviser: [
		'/caseload',
		'/intake',
		'/check',
		'/account',
		...HOUSEHOLD_PAGES,
		`/caseload/${HOUSEHOLDS.martin}/debts`,
		`/caseload/${HOUSEHOLDS.martin}/fees`,
		`/caseload/${HOUSEHOLDS.martin}/invite`,
		`/caseload/${HOUSEHOLDS.martin}/statement`
	],
	professional: ['/check', '/check/refer', '/check/referrals', '/account', H],
	admin: [
		'/admin',
		'/admin/users',
		'/admin/rules',
		'/admin/categories',
		'/admin/benefits',
		'/admin/households',
		'/admin/assignments',
		'/admin/outbox',
		'/account'
	]
};

async function width(page: Page): Promise<number> {
	return page.evaluate(() => document.documentElement.scrollWidth);
}

test.describe('no horizontal scroll at 320 px', () => {
	test.use({ viewport: { width: 320, height: 640 } });
	for (const role of Object.keys(PAGES) as (keyof typeof USERS)[]) {
		test(`every page of the ${role}`, async ({ page }) => {
			test.setTimeout(120_000);
			await login(page, USERS[role]);
			const wide: string[] = [];
			const pages = [...PAGES[role]];
			if (role === 'household' || role === 'adviser') {
				await page.goto(`${H}/transactions`);
				const first = page.locator('.tx-list a').first();
				if (await first.count()) pages.push((await first.getAttribute('href')) ?? '');
			}
			if (role === 'admin') {
				await page.goto('/admin/benefits');
				const href = await page.locator('main a[href^="/admin/benefits/"]').first().getAttribute('href');
				if (href) pages.push(href);
			}
			for (const url of pages) {
				await page.goto(url);
				const w = await width(page);
				if (w > 321) wide.push(`${url}: ${w} px`);
			}
			expect(wide).toEqual([]);
		});
	}
});
