import { devices, expect, test } from '@playwright/test';
import { expectAccessible, HOUSEHOLDS, login, USERS } from './helpers';

// The projects share one database: the writes run in one project each (the household on the phone, the
// adviser on the desktop), on different actions of the Martin household's plan.
const PLAN = `/households/${HOUSEHOLDS.martin}/plan`;

test.describe('the household’s action plan', () => {
	test('on a phone, the household sees its plan, opens the fee letter and marks the refund done', async ({
		page
	}, info) => {
		test.skip(info.project.name !== 'phone', 'writes shared data: phone only');
		await login(page, USERS.household);
		await page.goto(`/households/${HOUSEHOLDS.martin}`);
		const card = page.getByRole('region', { name: 'Plan d’action' });
		await expect(card).toBeVisible();
		await card.getByRole('link', { name: /Voir (tout )?le plan/ }).click();
		await expect(page).toHaveURL(new RegExp(`${PLAN}$`));
		await expect(page.getByRole('heading', { level: 1, name: 'Plan d’action' })).toBeVisible();
		const refund = page.getByRole('article', { name: /Réclamer .* de frais bancaires/ });
		await expect(refund).toBeVisible();
		await expectAccessible(page);

		await refund.getByRole('link', { name: 'Ouvrir la lettre à imprimer' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Demande de remboursement de frais bancaires' })
		).toBeVisible();
		await expect(page.getByRole('region', { name: 'Texte de la lettre' })).toContainText('offre spécifique');
		await expectAccessible(page);

		await page.getByRole('link', { name: 'Retour au plan d’action' }).click();
		await page
			.getByRole('article', { name: /Réclamer .* de frais bancaires/ })
			.getByRole('button', { name: /^C’est fait/ })
			.click();
		await expect(page.getByText('C’est noté : action faite.')).toBeVisible();
		const closed = page.getByRole('region', { name: 'Déjà traitées' });
		await closed.getByText(/action faite ou écartée/).click();
		const done = closed.getByRole('article', { name: /Réclamer .* de frais bancaires/ });
		await expect(done.getByText(/Fait · Sophie Martin, le \d\d\/\d\d\/\d{4}/)).toBeVisible();
		await expectAccessible(page);

		// "Plus tard": postponed a month, said with its day, then back to do
		const rentree = page.getByRole('article', { name: /allocation de rentrée scolaire/ });
		await rentree.getByText('Plus tard', { exact: true }).click();
		await rentree.getByRole('button', { name: /^Dans un mois/ }).click();
		await expect(page.getByText(/^C’est noté : action reportée au \d\d\/\d\d\/\d{4}\.$/)).toBeVisible();
		// postponed actions come last, in the fold
		await page.getByText(/^\d+ autres? actions?$/).click();
		const later = page.getByRole('article', { name: /allocation de rentrée scolaire/ });
		await expect(later.getByText(/Reporté\s+jusqu’au \d\d\/\d\d\/\d{4}/)).toBeVisible();
		await later.getByRole('button', { name: /^Remettre à faire/ }).click();
		await expect(page.getByText('L’action est de nouveau à faire.')).toBeVisible();
	});

	test('the overdraft action opens the letter asking the creditor to move a direct debit', async ({ page }) => {
		await login(page, USERS.adviser);
		await page.goto(`/households/${HOUSEHOLDS.moreau}/plan`);
		// Moreau's statements are relative to the seed day: on some days the overdraft is still to come, on
		// others the account is already overdrawn, and the letter is offered only when moving the Cetelem debit
		// after the salary helps. The plan's rules are tested day by day in tests/unit/coaching; here, the link
		// when the plan has it, and the letter of the Cetelem series, which exists whatever the day.
		const overdraft = page.getByRole('article', { name: /^(Éviter le découvert prévu le|Sortir du découvert)/ });
		await expect(overdraft).toBeVisible();
		const link = overdraft.getByRole('link', { name: 'Ouvrir la lettre pour décaler le prélèvement' });
		if ((await link.count()) > 0) {
			await expect(overdraft.getByText(/Demander à Cetelem de prélever 210,00/)).toBeVisible();
			await link.click();
		} else {
			await expect(overdraft.getByText(/la lettre nomme ce prélèvement/)).toHaveCount(0);
			await page.goto(
				`/households/${HOUSEHOLDS.moreau}/plan/debit-letter?serie=${encodeURIComponent('6:out:CETELEM')}`
			);
		}
		await expect(
			page.getByRole('heading', { level: 1, name: 'Demande de changement de la date de prélèvement' })
		).toBeVisible();
		const letter = page.getByRole('region', { name: 'Texte de la lettre' });
		await expect(letter).toContainText('Cetelem');
		await expect(letter).toContainText('fixer la date de prélèvement au');
		await expectAccessible(page);
		const href = await page.getByRole('link', { name: 'Télécharger la lettre en PDF' }).getAttribute('href');
		const pdf = await page.request.get(href!);
		expect(pdf.status()).toBe(200);
		expect(pdf.headers()['content-type']).toBe('application/pdf');
	});

	test('the adviser hides an action and the household no longer sees it', async ({ page, browser }, info) => {
		test.skip(info.project.name !== 'desktop', 'writes shared data: desktop only');
		const title = /Demander l’allocation de soutien familial/;
		await login(page, USERS.adviser);
		await page.goto(PLAN);
		const action = page.getByRole('article', { name: title });
		await action.getByRole('button', { name: /^Masquer pour le ménage/ }).click();
		await expect(page.getByText('L’action est masquée pour le ménage.')).toBeVisible();
		await expect(page.getByRole('article', { name: title }).getByText('Masquée pour le ménage')).toBeVisible();
		const add = page.getByRole('region', { name: 'Ajouter une action' });
		await add.getByLabel('Action', { exact: true }).fill('Appeler la CAF pour le dossier d’aide au logement');
		await add.getByLabel('Effet par mois (€)').fill('douze');
		await add.getByRole('button', { name: 'Ajouter l’action' }).click();
		await expect(page.getByText('Effet par mois : montant attendu, par exemple 25,00.')).toBeVisible();
		await add.getByLabel('Effet par mois (€)').fill('');
		await add.getByRole('button', { name: 'Ajouter l’action' }).click();
		await expect(page.getByText('L’action est ajoutée au plan.')).toBeVisible();
		await expectAccessible(page);

		const phone = await browser.newContext({ ...devices['Pixel 7'], locale: 'fr-FR', timezoneId: 'Europe/Paris' });
		const household = await phone.newPage();
		await login(household, USERS.household);
		await household.goto(PLAN);
		await expect(household.getByRole('heading', { level: 1, name: 'Plan d’action' })).toBeVisible();
		await expect(household.getByText(title)).toHaveCount(0);
		// the adviser's action has no effect in euros: it comes last, in the fold
		await household.getByText(/^\d+ autres? actions?$/).click();
		await expect(
			household.getByRole('article', { name: 'Appeler la CAF pour le dossier d’aide au logement' })
		).toBeVisible();
		await household.goto(`/households/${HOUSEHOLDS.martin}`);
		await expect(household.getByRole('region', { name: 'Plan d’action' }).getByText(title)).toHaveCount(0);
		await phone.close();

		await page
			.getByRole('article', { name: title })
			.getByRole('button', { name: /^Montrer au ménage/ })
			.click();
		await expect(page.getByText('Le ménage voit de nouveau l’action.')).toBeVisible();
	});

	test('another household’s plan and letter are refused @core', async ({ page }) => {
		await login(page, USERS.household);
		for (const path of ['plan', 'plan/letter', 'plan/debit-letter?serie=1%3Aout%3ACETELEM']) {
			const response = await page.goto(`/households/${HOUSEHOLDS.bernard}/${path}`);
			expect(response?.status()).toBe(404);
			await expect(page.getByText('Page introuvable')).toBeVisible();
		}
		const pdf = await page.request.get(`/households/${HOUSEHOLDS.bernard}/plan/letter/pdf`);
		expect(pdf.status()).toBe(404);
	});
});
