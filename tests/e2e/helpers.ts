import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

export const PASSWORD = 'demo-bgv-2026';
export const USERS = {
	admin: 'admin@demo.bgv.fr',
	adviser: 'conseillere@demo.bgv.fr',
	professional: 'pro@demo.bgv.fr',
	household: 'menage@demo.bgv.fr'
} as const;

/** Demo household ids: the e2e seed creates them in DEMO_HOUSEHOLDS order on a fresh database. */
export const HOUSEHOLDS = { martin: 1, bernard: 2, nguyen: 4, moreau: 6, lambert: 14 } as const;

export async function login(page: Page, email: string, password = PASSWORD): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('Adresse e-mail').fill(email);
	await page.getByLabel('Mot de passe').fill(password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).not.toHaveURL(/\/login/, { timeout: 15_000 });
}

/** Zero axe-core violations (WCAG 2.1 A and AA) on the current page. */
export async function expectAccessible(page: Page): Promise<void> {
	// axe runs inside the page: impossible without JavaScript, and covered by the other projects.
	if (test.info().project.use.javaScriptEnabled === false) return;
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(summary).toEqual([]);
}

/**
 * The quick check's four steps for the single parent of the e2e tests: 38, unemployed without benefit,
 * children of 8 and 13, private tenant paying 550 € (the answers of the PDF test). Ends on the result.
 */
export async function fillQuickCheck(page: Page): Promise<void> {
	await expect(page.getByText(/^Étape 1 sur 4/)).toBeVisible();
	await page.getByLabel('Âge').first().fill('38');
	await page.getByLabel('Situation').first().selectOption('unemployed_no_benefit');
	await page.getByRole('button', { name: 'Continuer' }).click();
	await expect(page.getByText(/^Étape 2 sur 4/)).toBeVisible();
	await page.getByRole('button', { name: 'Continuer' }).click();
	await expect(page.getByText(/^Étape 3 sur 4/)).toBeVisible();
	await page.getByLabel('Âges des enfants à charge').fill('8, 13');
	await page.getByLabel('Logement', { exact: true }).selectOption('tenant_private');
	await page.getByLabel('Loyer mensuel hors charges').fill('550');
	await page.getByRole('button', { name: 'Continuer' }).click();
	await expect(page.getByText(/^Étape 4 sur 4/)).toBeVisible();
	await page.getByRole('button', { name: 'Voir les droits' }).click();
	await expect(page.getByRole('heading', { name: /Droits à demander/ })).toBeVisible();
}
