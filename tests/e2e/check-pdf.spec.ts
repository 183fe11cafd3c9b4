import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { pdfAllText } from '../helpers/pdf-text';
import { fillQuickCheck, login, USERS } from './helpers';

const ANSWERS = {
	applicantAge: '38',
	applicantActivity: 'unemployed_no_benefit',
	couple: 'no',
	children: '8, 13',
	housing: 'tenant_private',
	rent: '550',
	zone: '2'
};

async function runCheck(page: Page): Promise<void> {
	await login(page, USERS.professional);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vérifier des droits');
	await fillQuickCheck(page);
}

test.describe('quick check PDF @core', () => {
	test('the professional downloads the result as a PDF', async ({ page }) => {
		await runCheck(page);
		const total = (await page.locator('.key-figure').textContent())!.replace(/\s+/g, ' ').trim();
		const downloading = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Télécharger le PDF' }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toMatch(/^droits-a-verifier-\d{4}-\d{2}-\d{2}\.pdf$/);
		const pdf = await readFile((await download.path())!);
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(pdf.length).toBeGreaterThan(2000);
		// Same answers, same result: the PDF shows the yearly total of the page.
		const text = pdfAllText(pdf);
		expect(text).toContain('Vos droits à vérifier');
		expect(text).toContain(total);
		// the organisation, not the person; the answers given
		expect(text).toContain('Établie avec : CRÉSUS Démo');
		expect(text).toContain('Les réponses données');
		expect(text).toContain('Enfants à charge : 2 (8, 13 ans)');
		// The result stays on screen.
		await expect(page.getByRole('heading', { name: /Droits à demander/ })).toBeVisible();
	});

	test('the PDF endpoint refuses a visitor without a session and a household member', async ({
		page,
		playwright,
		baseURL
	}) => {
		// The Origin header makes it a same-site form post, so that the refusal is the app's, not the CSRF check's.
		const anonymous = await playwright.request.newContext({ baseURL });
		const res = await anonymous.post('/check/pdf', { form: ANSWERS, headers: { origin: baseURL! }, maxRedirects: 0 });
		expect(res.status()).toBe(303);
		expect(res.headers()['location']).toMatch(/^\/login/);
		expect(res.headers()['content-type'] ?? '').not.toContain('pdf');
		await anonymous.dispose();

		await login(page, USERS.household);
		const asHousehold = await page.request.post('/check/pdf', {
			form: ANSWERS,
			headers: { origin: baseURL! },
			maxRedirects: 0
		});
		expect(asHousehold.status()).toBe(404);
		expect(asHousehold.headers()['content-type'] ?? '').not.toContain('pdf');
	});

	test('the PDF endpoint answers 400 in French to wrong answers, and cross-site posts are refused', async ({
		page,
		baseURL
	}) => {
		await login(page, USERS.professional);
		const bad = await page.request.post('/check/pdf', {
			form: { ...ANSWERS, applicantAge: 'trente' },
			headers: { origin: baseURL! }
		});
		expect(bad.status()).toBe(400);
		expect(await bad.text()).toContain('Certaines réponses sont à corriger');
		const crossSite = await page.request.post('/check/pdf', {
			form: ANSWERS,
			headers: { origin: 'https://evil.example' }
		});
		expect(crossSite.status()).toBe(403);
	});
});
