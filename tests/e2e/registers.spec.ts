import { expect, test } from '@playwright/test';
import { expectAccessible, HOUSEHOLDS, login, USERS } from './helpers';

// One project writes (the desktop one): the projects share one database and the registration changes the
// household's level. The phone width is checked by the no-horizontal-scroll spec.
test.describe('registrations (FICP, FCC, surendettement) and the signals with their evidence', () => {
	test('the adviser records an FCC registration, sees the household fragile in law, ends and removes it', async ({
		page
	}, info) => {
		test.skip(info.project.name !== 'desktop', 'writes shared data: desktop only');
		const id = HOUSEHOLDS.bernard;
		await login(page, USERS.adviser);
		await page.goto(`/caseload/${id}/debts`);
		const card = page.getByRole('region', { name: 'Fichiers et procédures' });
		await expect(card.getByText('Aucune inscription ni procédure enregistrée.')).toBeVisible();

		await card.getByLabel('Fichier ou procédure').selectOption('fcc');
		await card.getByLabel('Depuis le').fill('2030-01-01');
		await card.getByRole('button', { name: 'Enregistrer l’inscription' }).click();
		await expect(card.getByText('Depuis le : la date ne peut pas être dans le futur.')).toBeVisible();

		await card.getByLabel('Fichier ou procédure').selectOption('fcc');
		await card.getByLabel('Depuis le').fill('2026-03-12');
		await card.getByRole('button', { name: 'Enregistrer l’inscription' }).click();
		await expect(page.getByText('L’inscription est enregistrée')).toBeVisible();
		await expect(card.getByText(/Inscription au FCC.*depuis le 12\/03\/2026/)).toBeVisible();
		await expect(card.getByText('En cours', { exact: true })).toBeVisible();
		await expectAccessible(page);

		await page.goto(`/households/${id}/file`);
		const signals = page.getByRole('region', { name: 'Signaux de fragilité' });
		await expect(signals.getByText('Client fragile au sens de la loi')).toBeVisible();
		await expect(signals.getByText('Inscrit au FCC', { exact: true })).toBeVisible();
		await expectAccessible(page);

		await page.goto(`/caseload/${id}/debts`);
		await card.getByText(/Modifier : Inscription au FCC/).click();
		await card.getByLabel('Fin le').fill('2026-11-30');
		await card.getByRole('button', { name: 'Enregistrer la fin' }).click();
		await expect(page.getByText('La fin de l’inscription est enregistrée.')).toBeVisible();
		await expect(card.getByText('Terminé', { exact: true })).toBeVisible();
		// with JavaScript the fold stays as it was after the form; without, the page is new and it is closed
		await card
			.locator('details')
			.first()
			.evaluate((d) => ((d as HTMLDetailsElement).open = true));
		await card.getByRole('button', { name: 'Supprimer (saisie par erreur)' }).click();
		await expect(card.getByText('Aucune inscription ni procédure enregistrée.')).toBeVisible();
	});

	test('the case file lists the transactions behind a signal, one click away', async ({ page }) => {
		await login(page, USERS.adviser);
		await page.goto(`/households/${HOUSEHOLDS.martin}/file`);
		const signals = page.getByRole('region', { name: 'Signaux de fragilité' });
		await expect(signals.getByText('Incidents répétés')).toBeVisible();
		const first = signals.getByText(/^Voir \d+ opérations? en cause$/).first();
		await first.click();
		await expect(signals.locator('details[open] .evidence li').first()).toBeVisible();
		await expect(signals.locator('details[open] .evidence li').first()).toContainText('€');
	});

	test('the adviser notes what was done about a signal; it stays under the signal with who and when', async ({
		page
	}, info) => {
		test.skip(info.project.name !== 'desktop', 'writes shared data: desktop only');
		await login(page, USERS.adviser);
		await page.goto(`/households/${HOUSEHOLDS.martin}/file`);
		const signals = page.getByRole('region', { name: 'Signaux de fragilité' });
		const item = signals.getByRole('listitem').filter({ hasText: 'Incidents répétés' }).first();
		await item.getByText('Noter ce qui a été fait').click();
		await item.getByRole('button', { name: 'Noter le suivi' }).click();
		await expect(item.getByText('Ce qui a été fait : écrivez au moins quelques mots.')).toBeVisible();
		await item.getByLabel('Ce qui a été fait').fill('Appel à la banque : plafonnement des frais demandé');
		await item.getByRole('button', { name: 'Noter le suivi' }).click();
		await expect(item.getByText('Suivi noté.')).toBeVisible();
		const followups = item.getByRole('list', { name: 'Suivi' });
		await expect(followups).toContainText('Appel à la banque : plafonnement des frais demandé');
		await expect(followups).toContainText('Claire Conseillère');
		await expectAccessible(page);
	});

	test('the register and follow-up actions are refused to the member, to the adviser without consent and to other roles', async ({
		page
	}) => {
		const cases: [string, number][] = [
			[USERS.household, HOUSEHOLDS.martin],
			[USERS.adviser, HOUSEHOLDS.lambert],
			[USERS.professional, HOUSEHOLDS.martin],
			[USERS.admin, HOUSEHOLDS.martin]
		];
		for (const [user, household] of cases) {
			await login(page, user);
			for (const action of ['register', 'registerEnd', 'registerDelete']) {
				const response = await page.request.post(`/caseload/${household}/debts?/${action}`, {
					form: { kind: 'ficp', since: '2026-01-01', id: '1', until: '2026-02-01' },
					headers: { origin: new URL(page.url()).origin, 'x-sveltekit-action': 'true' }
				});
				expect([403, 404], `${user} ${action}`).toContain(response.status());
			}
			const followup = await page.request.post(`/households/${household}/file?/followup`, {
				form: { signal: 'F1_repeated_incidents', body: 'tentative' },
				headers: { origin: new URL(page.url()).origin, 'x-sveltekit-action': 'true' }
			});
			expect([403, 404], `${user} followup`).toContain(followup.status());
			await page.context().clearCookies();
		}
	});
});
