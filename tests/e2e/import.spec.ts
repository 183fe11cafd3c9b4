import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, login, USERS } from './helpers';

// Each project works on its own demo household so that runs in parallel do not see each other's imports.
const HOUSEHOLD_BY_PROJECT: Record<string, number> = { desktop: 4, phone: 5, 'no-js': 7 };
const fixture = (name: string) => join(process.cwd(), 'tests/fixtures/import', name);
const FILE = fixture('banque-postale.csv');

/** A file made in the test, as the file picker gives it. */
const textFile = (name: string, text: string | Buffer, mimeType = 'text/csv') => ({
	name,
	mimeType,
	buffer: Buffer.isBuffer(text) ? text : Buffer.from(text)
});

/** Chooses the files on the import page (naming a new account when asked) and asks for the preview. */
async function previewFiles(page: Page, files: Parameters<Locator['setInputFiles']>[0], accountName?: string) {
	await page.getByLabel('Fichiers de relevé').setInputFiles(files);
	if (accountName) await page.getByLabel('Nom à donner au compte s’il est nouveau (facultatif)').fill(accountName);
	await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
}

test.describe('statement import @core', () => {
	test('preview, confirm, see the transactions, re-import imports 0, undo', async ({ page }, info) => {
		const id = HOUSEHOLD_BY_PROJECT[info.project.name] ?? 4;
		await login(page, USERS.adviser);
		await page.goto(`/households/${id}/import`);
		await expectAccessible(page);

		await previewFiles(page, FILE);
		await expect(page.getByRole('heading', { name: 'Aperçu avant import' })).toBeVisible();
		const preview = page.getByRole('region', { name: 'Aperçu de banque-postale.csv' });
		await expect(preview).toContainText('3 opérations à importer');
		await expect(preview).toContainText('banque-postale');
		await expect(preview.getByRole('cell', { name: '-54,30 €' })).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('button', { name: /Confirmer l’import/ }).click();
		const report = page.getByRole('region', { name: 'Import de banque-postale.csv' });
		await expect(report).toContainText('3 opérations importées');

		await page.goto(`/households/${id}/transactions?month=2026-03`);
		// the list shows the payee's name as French writes it, not the bank's label
		await expect(
			page
				.locator('.tx-list')
				.getByText(/Bouygues Telecom/i)
				.first()
		).toBeVisible();
		await expectAccessible(page);

		await page.goto(`/households/${id}/import`);
		await previewFiles(page, FILE);
		await expect(page.getByRole('region', { name: 'Aperçu de banque-postale.csv' })).toContainText(
			'0 opération à importer, 3 déjà connues'
		);
		await page.getByRole('button', { name: /Confirmer l’import/ }).click();
		await expect(page.getByRole('region', { name: 'Import de banque-postale.csv' })).toContainText(
			'0 opération importée'
		);

		// undo the first import of the file: its 3 transactions go away
		await page.goto(`/households/${id}/import`);
		await page
			.getByRole('link', { name: /Annuler l’import de banque-postale.csv/ })
			.last()
			.click();
		await page.getByRole('button', { name: 'Oui, annuler cet import' }).click();
		await expect(page.getByRole('status')).toContainText('Import annulé : 3 opérations retirées.');
	});

	test('two files at once, one of them with two accounts: each account shown by its masked number, then undone', async ({
		page
	}, info) => {
		const id = HOUSEHOLD_BY_PROJECT[info.project.name] ?? 4;
		await login(page, USERS.adviser);
		await page.goto(`/households/${id}/import`);
		await previewFiles(page, [fixture('bp-multi.ofx'), fixture('qonto.csv')]);
		const ofx = page.getByRole('region', { name: 'Aperçu de bp-multi.ofx' });
		await expect(ofx).toContainText('•••• 8901');
		await expect(ofx).toContainText('•••• 2100');
		await expect(page.getByRole('region', { name: 'Aperçu de qonto.csv' })).toContainText('FR76 •••• •••• 0123');
		await page.getByRole('button', { name: 'Confirmer l’import de 2 fichiers' }).click();
		await expect(page.getByRole('region', { name: 'Import de bp-multi.ofx' })).toContainText('importée');
		await expect(page.getByRole('region', { name: 'Import de qonto.csv' })).toContainText('2 opérations importées');

		for (const file of ['bp-multi.ofx', 'qonto.csv']) {
			await page.goto(`/households/${id}/import`);
			await page
				.getByRole('link', { name: new RegExp(`Annuler l’import de ${file.replace('.', '\\.')}`) })
				.last()
				.click();
			await page.getByRole('button', { name: 'Oui, annuler cet import' }).click();
			await expect(page.getByRole('status')).toContainText('Import annulé');
		}
	});

	test('an unknown layout: the person maps the columns once, the next file of that layout is read with the saved mapping', async ({
		page
	}, info) => {
		const id = HOUSEHOLD_BY_PROJECT[info.project.name] ?? 4;
		const unknown = (name: string, rows: string[]) => textFile(name, ['Jour,Quoi,Combien', ...rows].join('\n') + '\n');
		await login(page, USERS.adviser);
		await page.goto(`/households/${id}/import`);
		await previewFiles(
			page,
			unknown('carnet-avril.csv', ['2026-04-01,Courses marché,-12.50', '2026-04-02,Remboursement ami,20.00']),
			'Carnet'
		);
		const preview = page.getByRole('region', { name: 'Aperçu de carnet-avril.csv' });
		await expect(preview.getByRole('alert')).toContainText('Il nous faut votre aide pour lire ce fichier');
		await preview.getByLabel('Colonne de la date').selectOption({ label: '1. Jour' });
		await preview.getByLabel('Colonne du montant (signé)').selectOption({ label: '3. Combien' });
		await preview.getByRole('checkbox', { name: '2. Quoi' }).check();
		await preview.getByRole('button', { name: 'Relire le fichier avec ces réglages' }).click();
		await expect(page.getByRole('region', { name: 'Aperçu de carnet-avril.csv' })).toContainText(
			'2 opérations à importer'
		);
		await page.getByRole('button', { name: /Confirmer l’import/ }).click();
		await expect(page.getByRole('region', { name: 'Import de carnet-avril.csv' })).toContainText(
			'2 opérations importées'
		);

		await page.goto(`/households/${id}/import`);
		await previewFiles(page, unknown('carnet-mai.csv', ['2026-05-03,Pharmacie,-8.00']));
		const next = page.getByRole('region', { name: 'Aperçu de carnet-mai.csv' });
		await expect(next).toContainText('1 opération à importer');
		await expect(next).toContainText('Colonnes lues avec les réglages enregistrés pour le compte « Carnet ».');

		await page.goto(`/households/${id}/import`);
		await page
			.getByRole('link', { name: /Annuler l’import de carnet-avril\.csv/ })
			.last()
			.click();
		await page.getByRole('button', { name: 'Oui, annuler cet import' }).click();
		await expect(page.getByRole('status')).toContainText('Import annulé : 2 opérations retirées.');
	});

	test('the preview asks for the date order when it cannot be told, and shows a gap with the bank balance', async ({
		page
	}, info) => {
		const id = HOUSEHOLD_BY_PROJECT[info.project.name] ?? 4;
		await login(page, USERS.adviser);
		await page.goto(`/households/${id}/import`);
		await previewFiles(
			page,
			textFile(
				'ambigu.qif',
				'!Type:Bank\nD03/04/2024\nT-10.00\nPBOULANGERIE\n^\nD05/04/2024\nT-2.00\nPKIOSQUE\n^\n',
				'application/qif'
			)
		);
		const qif = page.getByRole('region', { name: 'Aperçu de ambigu.qif' });
		await expect(qif.getByRole('alert')).toContainText('Il nous faut votre aide pour lire ce fichier');
		await qif.getByLabel('Ordre des dates').selectOption({ label: 'Jour/mois/année (28/11/2026)' });
		await qif.getByRole('button', { name: 'Relire le fichier avec ces réglages' }).click();
		// the file names no account and the household has some: the person says which one, the date order stays
		await expect(qif.getByRole('alert')).toContainText('ne dit pas de quel compte il s’agit');
		await qif.getByLabel('Compte à remplir').selectOption({ label: 'Un nouveau compte' });
		await qif.getByLabel(/Nom du nouveau compte/).fill('Carnet QIF');
		await qif.getByRole('button', { name: 'Relire le fichier avec ces réglages' }).click();
		await expect(page.getByRole('region', { name: 'Aperçu de ambigu.qif' })).toContainText(
			'2 opérations à importer, du 03/04/2024 au 05/04/2024'
		);

		await page.goto(`/households/${id}/import`);
		// Crédit Mutuel layout with a running balance: the second one is 3,20 € off (a missed row)
		await previewFiles(
			page,
			textFile(
				'ecart.csv',
				'Date;Date de valeur;Débit;Crédit;Libellé;Solde\n02/03/2026;02/03/2026;-3,20;;CAFE DU COIN;96,80\n03/03/2026;03/03/2026;-10,00;;PHARMACIE;90,00\n'
			),
			'Compte joint Crédit Mutuel'
		);
		const csv = page.getByRole('region', { name: 'Aperçu de ecart.csv' });
		await expect(csv).toContainText('Relevé Crédit Mutuel / CIC (CSV)');
		await expect(csv).toContainText('diffère du solde calculé');
		await expect(csv).toContainText('une opération manque peut-être');
	});

	test('a bad file is refused with its line, and nothing is imported', async ({ page }, info) => {
		const id = HOUSEHOLD_BY_PROJECT[info.project.name] ?? 4;
		await login(page, USERS.adviser);
		await page.goto(`/households/${id}/import`);
		// the La Banque Postale sample with an unreadable amount on line 11
		await previewFiles(
			page,
			textFile('releve.csv', Buffer.from(readFileSync(FILE).toString('latin1').replace('-19,99', '-1,9,99'), 'latin1'))
		);
		await expect(page.getByRole('alert')).toContainText(/(L|l)igne 11/);
		await expect(page.getByRole('alert')).toContainText('-1,9,99');
		await expect(page.getByRole('button', { name: /Confirmer l’import/ })).toHaveCount(0);
	});
});

test.describe('statement import with JavaScript', () => {
	test('a file dropped on the drop zone is sent like a chosen one', async ({ page }, info) => {
		const id = HOUSEHOLD_BY_PROJECT[info.project.name] ?? 4;
		await login(page, USERS.adviser);
		await page.goto(`/households/${id}/import`);
		const dataTransfer = await page.evaluateHandle((text) => {
			const dt = new DataTransfer();
			dt.items.add(new File([text], 'glisse.csv', { type: 'text/csv' }));
			return dt;
		}, 'Date;Date de valeur;Débit;Crédit;Libellé;Solde\n02/03/2026;02/03/2026;-3,20;;CAFE DU COIN;96,80\n');
		await page.getByRole('group', { name: 'Zone de dépôt des relevés' }).dispatchEvent('drop', { dataTransfer });
		await page.getByLabel('Compte', { exact: true }).selectOption({ index: 1 });
		await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
		await expect(page.getByRole('region', { name: 'Aperçu de glisse.csv' })).toContainText('1 opération à importer');
	});
});
