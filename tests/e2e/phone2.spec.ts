import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, HOUSEHOLDS, login, USERS } from './helpers';

// The projects share one database: each one works on its own demo households (all with the adviser's consent).
const BULK_HOUSEHOLD: Record<string, number> = { desktop: 8, phone: 9, 'no-js': 10 };
const CONFIRM_HOUSEHOLD: Record<string, number> = { desktop: 11, phone: 12, 'no-js': 3 };
const FORECAST = `/households/${HOUSEHOLDS.martin}/forecast`;

test.describe('"Et si…" on the forecast page @core', () => {
	test('an operation typed in the form joins the scenario in the URL, and can be taken back', async ({ page }) => {
		await login(page, USERS.household);
		await page.goto(FORECAST);
		const form = page.getByRole('form', { name: 'Et si…' });
		await form.getByLabel('Date').fill('2026-12-20');
		await form.getByLabel('Libellé').fill('Réparation voiture');
		await form.getByLabel('Montant').fill('-300,00');
		await form.getByRole('button', { name: 'Simuler' }).click();
		await expect(page).toHaveURL(/si_label=R%C3%A9paration/);
		await expect(page.getByText('Simulation en cours')).toBeVisible();
		await expect(page.getByText('Dépense ajoutée : Réparation voiture, -300,00 € le 20/12/2026')).toBeVisible();
		await expectAccessible(page);

		// a second change keeps the first one (it travels in a hidden field)
		const presets = page.getByLabel('Ou changer un prélèvement prévu');
		if ((await presets.count()) > 0) {
			const skip = await presets.locator('option[value^="skip:"]').first().getAttribute('value');
			await presets.selectOption(skip!);
			await page.getByRole('button', { name: 'Simuler' }).click();
			await expect(page.getByText('Un prélèvement sauté')).toBeVisible();
			await expect(page.getByText('Dépense ajoutée : Réparation voiture')).toBeVisible();
		}
		await page.getByRole('link', { name: 'Retirer' }).first().click();
		await expect(page.getByText('Dépense ajoutée : Réparation voiture')).toHaveCount(0);
	});

	test('a wrong amount is named in French and changes nothing', async ({ page }) => {
		await login(page, USERS.household);
		await page.goto(FORECAST);
		const form = page.getByRole('form', { name: 'Et si…' });
		await form.getByLabel('Date').fill('2026-12-20');
		await form.getByLabel('Libellé').fill('Prime');
		await form.getByLabel('Montant').fill('douze');
		await form.getByRole('button', { name: 'Simuler' }).click();
		await expect(page.getByRole('alert').filter({ hasText: 'La simulation n’a pas été ajoutée' })).toBeVisible();
		await expect(page.getByText('Montant : « douze » n’est pas un montant lisible')).toBeVisible();
		await expect(form.getByLabel('Libellé')).toHaveValue('Prime');
		await expect(page.getByText('Simulation en cours')).toHaveCount(0);
		await expectAccessible(page);
	});

	test('the old compact parameters still work', async ({ page }) => {
		await login(page, USERS.household);
		await page.goto(`${FORECAST}?add=2026-12-15|Prime|150,00`);
		await expect(page.getByText('Rentrée ajoutée : Prime, +150,00 € le 15/12/2026')).toBeVisible();
		await expect(page.getByText('Simulation en cours')).toBeVisible();
	});
});

test.describe('confirmations before deleting @core', () => {
	test('"Annuler cet import" asks first; "Non" keeps the import, "Oui" removes it', async ({ page }, info) => {
		const id = CONFIRM_HOUSEHOLD[info.project.name] ?? 11;
		await login(page, USERS.adviser);
		await page.goto(`/households/${id}/import`);
		const name = `confirmer-${info.project.name}.csv`;
		await page.getByLabel('Fichiers de relevé').setInputFiles({
			name,
			mimeType: 'text/csv',
			buffer: Buffer.from(
				`Date;Date de valeur;Débit;Crédit;Libellé;Solde\n02/03/2026;02/03/2026;-3,20;;CAFE ${info.project.name};96,80\n03/03/2026;03/03/2026;-10,00;;PHARMACIE ${info.project.name};86,80\n`
			)
		});
		await page.getByLabel('Nom à donner au compte s’il est nouveau (facultatif)').fill(`Essai ${info.project.name}`);
		await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
		await expect(page.getByRole('region', { name: `Aperçu de ${name}` })).toContainText(
			'Relevé Crédit Mutuel / CIC (CSV)'
		);
		await page.getByRole('button', { name: /Confirmer l’import/ }).click();
		await expect(page.getByRole('region', { name: `Import de ${name}` })).toContainText('2 opérations importées');

		await page.goto(`/households/${id}/import`);
		const undo = page.getByRole('link', { name: new RegExp(`Annuler l’import de ${name.replace('.', '\\.')}`) });
		await undo.click();
		await expect(page.getByRole('heading', { name: 'Annuler cet import ?' })).toBeVisible();
		await expect(page.getByRole('region', { name: 'Annuler cet import ?' })).toContainText(
			'2 opérations seront retirées'
		);
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Non, le garder' }).click();
		await expect(page.getByRole('heading', { name: 'Annuler cet import ?' })).toHaveCount(0);
		await expect(undo).toBeVisible();

		await undo.click();
		await page.getByRole('button', { name: 'Oui, annuler cet import' }).click();
		await expect(page.getByRole('status')).toContainText('Import annulé : 2 opérations retirées.');
		await expect(undo).toHaveCount(0);
	});

	test('deleting a household rule asks first', async ({ page }, info) => {
		const id = CONFIRM_HOUSEHOLD[info.project.name] ?? 11;
		await login(page, USERS.adviser);
		// a rule made from the edit form of a grocery operation
		await page.goto(`/households/${id}/transactions?category=daily.groceries`);
		await page.locator('.tx-list a').first().click();
		await page.getByLabel('Nouvelle catégorie').selectOption('daily.leisure');
		await page.getByLabel(/Appliquer à toutes les opérations de ce bénéficiaire/).check();
		await page.getByLabel(/classer ainsi les prochaines/).check();
		await page.getByRole('button', { name: 'Enregistrer' }).click();
		await expect(page.getByRole('status')).toContainText('Catégorie enregistrée');

		await page.goto(`/households/${id}/rules`);
		const remove = page.getByRole('link', { name: /^Supprimer la règle/ });
		const before = await remove.count();
		expect(before).toBeGreaterThan(0);
		await remove.first().click();
		await expect(page.getByRole('heading', { name: 'Supprimer cette règle ?' })).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Oui, supprimer la règle' }).click();
		await expect(page.getByRole('status')).toContainText('Règle supprimée');
		await expect(remove).toHaveCount(before - 1);
	});

	test('a delete posted without the confirmation only leads to the confirmation step', async ({ page }, info) => {
		const id = CONFIRM_HOUSEHOLD[info.project.name] ?? 11;
		await login(page, USERS.adviser);
		await page.goto(`/households/${id}/import`);
		const response = await page.request.post(`/households/${id}/import?/undo`, {
			form: { batch: '1' },
			headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status()).toBe(303);
		expect(response.headers()['location']).toContain('?annuler=1');
	});
});

async function pickRepeatedPayee(page: Page): Promise<string> {
	const names = (await page.locator('.tx-list .tx-payee').allTextContents()).map((t) => t.trim());
	const repeated = names.find((n, i) => n && names.indexOf(n) !== i);
	expect(repeated, 'a payee seen twice on the page').toBeTruthy();
	return repeated!;
}

test.describe('bulk change by payee @core', () => {
	test('keeps the operations classified by hand and says how many', async ({ page }, info) => {
		const id = BULK_HOUSEHOLD[info.project.name] ?? 8;
		// a whole month (the demo's today is 2026-12-04), so that a payee comes back
		const list = `/households/${id}/transactions?month=2026-11`;
		await login(page, USERS.adviser);
		await page.goto(list);
		const payee = await pickRepeatedPayee(page);
		const rows = page.locator('.tx-list a').filter({ has: page.locator('.tx-payee', { hasText: payee }) });

		// one of them by hand, alone
		await rows.first().click();
		await page.getByLabel('Nouvelle catégorie').selectOption('daily.health');
		await page.getByRole('button', { name: 'Enregistrer' }).click();
		await expect(page.getByRole('status')).toContainText('Catégorie enregistrée');

		// then all of the payee's from another one
		await page.goto(list);
		await rows.nth(1).click();
		await expect(page.getByText(/classées? à la main/)).toBeVisible();
		await page.getByLabel('Nouvelle catégorie').selectOption('daily.clothing');
		await page.getByLabel(/Appliquer à toutes les opérations de ce bénéficiaire/).check();
		await page.getByRole('button', { name: 'Enregistrer' }).click();
		await expect(page.getByRole('status')).toContainText(/classées? à la main (n’a|n’ont) pas changé/);
		await expectAccessible(page);
	});
});

test.describe('phone navigation, overview and words @core', () => {
	test('a bottom bar on a phone, the tabs on a computer', async ({ page }, info) => {
		await login(page, USERS.household);
		await page.goto(`/households/${HOUSEHOLDS.martin}`);
		const nav = page.getByRole('navigation', { name: 'Rubriques du ménage' });
		await expect(nav).toHaveCount(1);
		if (info.project.name === 'phone') {
			await expect(nav.getByRole('link', { name: 'Plus' })).toBeVisible();
			await nav.getByRole('link', { name: 'Plus' }).click();
			await expect(page.getByRole('heading', { name: 'Autres rubriques' })).toBeInViewport();
			await nav.getByRole('link', { name: 'Règles' }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Règles de classement');
			await nav.getByRole('link', { name: 'Prévisions' }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prévisions du solde');
		} else {
			await expect(nav.getByRole('link', { name: 'Plus' })).toHaveCount(0);
			await expect(nav.getByRole('link', { name: 'Importer un relevé' })).toBeVisible();
		}
		await expectAccessible(page);
	});

	test('the overview starts with the three numbers that matter', async ({ page }) => {
		await login(page, USERS.household);
		await page.goto(`/households/${HOUSEHOLDS.martin}`);
		const now = page.getByRole('region', { name: 'En ce moment' });
		await expect(now).toContainText(/Solde au \d\d\/\d\d\/\d{4}/);
		// the Martins are overdrawn already: since when, not an overdraft "to come"
		await expect(now).toContainText(/À découvert depuis le \d\d\/\d\d\/\d{4}/);
		await expect(now).not.toContainText('Découvert prévu');
		await expect(now).toContainText('Aides à demander');
		await expect(now).toContainText('Prochaine grosse dépense');
	});

	test('the forecast shows the next operations and folds the rest; the overdraft is told once', async ({ page }) => {
		await login(page, USERS.household);
		await page.goto(`/households/${HOUSEHOLDS.martin}/forecast`);
		const events = page.getByRole('region', { name: 'Ce qui est prévu' });
		await expect(events.locator(':scope > ul > li')).toHaveCount(8);
		await expect(events.getByText(/^Voir les \d+ opérations suivantes$/)).toBeVisible();
		// Martin is overdrawn: the headline says so, the alerts do not repeat it
		await expect(page.getByText(/^Votre compte est à découvert depuis/)).toHaveCount(1);
	});

	test('the budget badges say what is good or bad', async ({ page }) => {
		await login(page, USERS.household);
		await page.goto(`/households/${HOUSEHOLDS.martin}/budget`);
		await expect(page.locator('.badge', { hasText: /^(Élevé|Critique)$/ })).toHaveCount(0);
		await expect(page.getByText('Charges fixes :')).toHaveCount(0);
	});

	test('"Comment obtenir mon relevé ?" is public and linked from the import page', async ({ page }) => {
		const response = await page.goto('/aide/releve');
		expect(response?.status()).toBe(200);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comment obtenir mon relevé ?');
		await expect(page.getByText('La Banque Postale', { exact: true })).toBeVisible();
		await expectAccessible(page);
		await login(page, USERS.household);
		await page.goto(`/households/${HOUSEHOLDS.martin}/import`);
		await page.getByRole('link', { name: 'Comment obtenir mon relevé ?' }).click();
		await expect(page).toHaveURL(/\/aide\/releve$/);
	});
});
