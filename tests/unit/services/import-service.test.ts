import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import {
	importFile,
	importWithSavedMapping,
	undoImport,
	type FileImportResult
} from '$lib/server/services/import-service';
import { createTestDb } from '../../helpers/test-db';
import { fixture } from '../import/helpers';

let h: DbHandle;
let org: number;
let hh: number;
const enc = (s: string) => new TextEncoder().encode(s);

// Crédit Mutuel layout: Date;Date de valeur;Débit;Crédit;Libellé;Solde
function cm(rows: [string, string, string, string][], opening = 100_00): string {
	let balance = opening;
	const lines = ['Date;Date de valeur;Débit;Crédit;Libellé;Solde'];
	for (const [date, debit, credit, label] of rows) {
		balance += Math.round(Number((credit || debit).replace(',', '.')) * 100);
		const b = `${balance < 0 ? '-' : ''}${Math.trunc(Math.abs(balance) / 100)},${String(Math.abs(balance) % 100).padStart(2, '0')}`;
		lines.push(`${date};${date};${debit};${credit};${label};${b}`);
	}
	return lines.join('\n') + '\n';
}

function ok(r: FileImportResult) {
	if (r.status === 'rejected') throw new Error(`rejected: ${r.error.message}`);
	return r;
}

async function count(): Promise<number> {
	const r = await h.db
		.selectFrom('bank_transaction')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('household_id', '=', hh)
		.executeTakeFirstOrThrow();
	return Number(r.n);
}

beforeAll(async () => {
	h = await createTestDb();
	const now = new Date().toISOString();
	org = (
		await h.db
			.insertInto('organisation')
			.values({ name: 'O', created_at: now })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	hh = (
		await h.db
			.insertInto('household')
			.values({ organisation_id: org, name: 'H', situation: null, created_at: now, archived_at: null })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
});
afterAll(async () => {
	await h.close();
});

const base = () => ({ organisationId: org, householdId: hh, userId: null, accountName: 'Compte courant' });

describe('import service', () => {
	const march = cm([
		['02/03/2026', '-3,20', '', 'CARTE 01/03 CAFE DU COIN'],
		['02/03/2026', '-3,20', '', 'CARTE 01/03 CAFE DU COIN'],
		['03/03/2026', '-45,99', '', 'PRLV SEPA EDF CLIENTS PARTICULIERS'],
		['05/03/2026', '', '512,00', 'VIR CAF DE LA GIRONDE APL']
	]);

	it('a dry run writes nothing', async () => {
		const r = ok(await importFile(h.db, { ...base(), fileName: 'mars.csv', bytes: enc(march), dryRun: true }));
		expect(r.status).toBe('dry-run');
		expect(r.accounts[0].imported).toBe(4);
		expect(r.accounts[0].sample[2]).toMatchObject({ amount: '-45.99', category: 'housing.energy' });
		expect(await count()).toBe(0);
		expect(await h.db.selectFrom('bank_account').selectAll().execute()).toHaveLength(0);
	});

	it('imports every row once, keeps two identical coffees, categorises, stores the balance', async () => {
		const r = ok(await importFile(h.db, { ...base(), fileName: 'mars.csv', bytes: enc(march) }));
		expect(r.layout).toBe('credit-mutuel');
		expect(r.accounts[0]).toMatchObject({
			imported: 4,
			duplicates: 0,
			dateFrom: '2026-03-02',
			dateTo: '2026-03-05',
			sum: '459.61',
			closingBalance: '559.61'
		});
		expect(await count()).toBe(4);
		const rows = await h.db
			.selectFrom('bank_transaction')
			.select(['amount', 'category_id', 'category_source'])
			.where('household_id', '=', hh)
			.orderBy('id')
			.execute();
		expect(rows.map((x) => x.amount)).toEqual([-320, -320, -4599, 51200]);
		expect(rows[3]).toMatchObject({ category_id: 'income.housing_benefit', category_source: 'rule' });
		const balances = await h.db
			.selectFrom('account_balance')
			.select(['date', 'amount'])
			.where('household_id', '=', hh)
			.execute();
		expect(balances).toContainEqual({ date: '2026-03-05', amount: 55961 });
	});

	it('re-importing the same file imports 0', async () => {
		const r = ok(await importFile(h.db, { ...base(), fileName: 'mars.csv', bytes: enc(march) }));
		expect(r.accounts[0]).toMatchObject({ imported: 0, duplicates: 4 });
		expect(await count()).toBe(4);
	});

	it('an overlapping statement imports only the new rows', async () => {
		const overlap = cm(
			[
				['03/03/2026', '-45,99', '', 'PRLV SEPA EDF CLIENTS PARTICULIERS'],
				['05/03/2026', '', '512,00', 'VIR CAF DE LA GIRONDE APL'],
				['06/03/2026', '-3,20', '', 'CARTE 05/03 CAFE DU COIN']
			],
			106_40
		);
		const r = ok(await importFile(h.db, { ...base(), fileName: 'overlap.csv', bytes: enc(overlap) }));
		expect(r.accounts[0]).toMatchObject({ imported: 1, duplicates: 2 });
		expect(await count()).toBe(5);
	});

	it('flags a probable duplicate under another label, without dropping it', async () => {
		const ofx = `OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR<BANKACCTFROM><BANKID>1<ACCTID>999<ACCTTYPE>CHECKING</BANKACCTFROM><BANKTRANLIST>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260304<TRNAMT>-45.99<FITID>A1<NAME>EDF PARTICULIERS</STMTTRN>
</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`;
		const accounts = await h.db.selectFrom('bank_account').select('id').where('household_id', '=', hh).execute();
		const r = ok(
			await importFile(h.db, { ...base(), accountId: accounts[0].id, fileName: 'mars.ofx', bytes: enc(ofx) })
		);
		expect(r.accounts[0].imported).toBe(1);
		expect(r.accounts[0].probableDuplicates).toEqual([
			expect.objectContaining({
				date: '2026-03-04',
				amount: '-45.99',
				label: 'EDF PARTICULIERS',
				existingDate: '2026-03-03'
			})
		]);
		expect(await count()).toBe(6);
		const open = await h.db.selectFrom('probable_duplicate').selectAll().where('household_id', '=', hh).execute();
		expect(open).toHaveLength(1);
	});

	it('a bad file is rejected with its line and leaves everything as it was', async () => {
		const bad = march.replace('-45,99', '-4,5,99');
		const r = await importFile(h.db, { ...base(), fileName: 'bad.csv', bytes: enc(bad) });
		expect(r.status).toBe('rejected');
		if (r.status === 'rejected') expect(r.error.line).toBe(4);
		expect(await count()).toBe(6);
		const empty = await importFile(h.db, { ...base(), fileName: 'vide.csv', bytes: new Uint8Array() });
		expect(empty.status).toBe('rejected');
		const png = await importFile(h.db, {
			...base(),
			fileName: 'photo.csv',
			bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
		});
		expect(png.status).toBe('rejected');
		expect(await count()).toBe(6);
	});

	it('a truncated OFX is rejected in French with its line and writes nothing', async () => {
		const accounts = await h.db.selectFrom('bank_account').select('id').execute();
		const batches = await h.db.selectFrom('import_batch').select('id').execute();
		const full = fixture('bp-multi.ofx');
		const r = await importFile(h.db, {
			...base(),
			fileName: 'coupe.ofx',
			bytes: full.slice(0, Math.floor(full.length / 2))
		});
		expect(r.status).toBe('rejected');
		if (r.status === 'rejected') {
			expect(r.error.message).toMatch(/^Ce fichier OFX est incomplet \(coupé avant la fin, ligne \d+\)/);
			expect(r.error.line).toBeGreaterThan(0);
		}
		expect(await count()).toBe(6);
		expect(await h.db.selectFrom('bank_account').select('id').execute()).toHaveLength(accounts.length);
		expect(await h.db.selectFrom('import_batch').select('id').execute()).toHaveLength(batches.length);
	});

	it('a failure in the middle of writing leaves nothing behind', async () => {
		const before = await count();
		const batches = await h.db.selectFrom('import_batch').select('id').execute();
		let calls = 0;
		const failing = () => {
			if (++calls === 1200) throw new Error('disk full'); // after the first 1,000 rows were written
			return {
				category: 'uncategorised',
				payee: null,
				ruleId: null,
				normalisedLabel: 'X',
				cardDate: null,
				tags: [],
				internalTransfer: false,
				operationType: null
			};
		};
		const rows = Array.from(
			{ length: 1500 },
			(_, i) =>
				[`${String((i % 28) + 1).padStart(2, '0')}/05/2026`, `-${i + 1},00`, '', `CARTE ACHAT ${i}`] as [
					string,
					string,
					string,
					string
				]
		);
		await expect(
			importFile(h.db, { ...base(), fileName: 'mai.csv', bytes: enc(cm(rows)) }, { categoriser: failing })
		).rejects.toThrow('disk full');
		calls = -10_000;
		expect(await count()).toBe(before);
		expect(await h.db.selectFrom('import_batch').select('id').execute()).toHaveLength(batches.length);
	});

	it('refuses a file above the configured size limit', async () => {
		const big = march + 'x'.repeat(1024 * 1024);
		const r = await importFile(h.db, { ...base(), fileName: 'gros.csv', bytes: enc(big), maxBytes: 1024 * 1024 });
		expect(r.status).toBe('rejected');
		if (r.status === 'rejected') expect(r.error.message).toMatch(/trop gros.*limite est de 1 Mo/);
		expect(await count()).toBe(6);
	});

	it('an unknown CSV layout asks for a mapping, then imports with it', async () => {
		const odd = 'Jour,Quoi,Combien\n2026-04-01,Courses marché,-12.50\n2026-04-02,Remboursement ami,20.00\n';
		const r = await importFile(h.db, { ...base(), fileName: 'odd.csv', bytes: enc(odd) });
		expect(r.status).toBe('rejected');
		if (r.status !== 'rejected') return;
		expect(r.needs?.mapping?.columns).toEqual(['Jour', 'Quoi', 'Combien']);
		const mapped = ok(
			await importFile(h.db, {
				...base(),
				fileName: 'odd.csv',
				bytes: enc(odd),
				mapping: { dateColumn: 0, labelColumns: [1], amountColumn: 2, hasHeader: true }
			})
		);
		expect(mapped.accounts[0].imported).toBe(2);
	});

	it('undo removes the batch and everything derived from it', async () => {
		const batch = await h.db
			.selectFrom('import_batch')
			.select('id')
			.where('file_name', '=', 'mars.ofx')
			.executeTakeFirstOrThrow();
		const removed = await undoImport(h.db, { id: 1, organisationId: org }, hh, batch.id);
		expect(removed).toBe(1);
		expect(await h.db.selectFrom('probable_duplicate').selectAll().execute()).toHaveLength(0);
		await expect(undoImport(h.db, { id: 1, organisationId: org }, hh + 1000, batch.id)).rejects.toThrow();
	});
});

describe('accounts read from the file', () => {
	let other: number;
	const accountsOf = (household: number) =>
		h.db
			.selectFrom('bank_account')
			.select(['id', 'name', 'account_number', 'iban'])
			.where('household_id', '=', household)
			.orderBy('id')
			.execute();
	const rowsPerAccount = async (household: number) =>
		(
			await h.db
				.selectFrom('bank_transaction')
				.select(['account_id', (eb) => eb.fn.countAll<number>().as('n')])
				.where('household_id', '=', household)
				.groupBy('account_id')
				.orderBy('account_id')
				.execute()
		).map((r) => Number(r.n));

	beforeAll(async () => {
		const now = new Date().toISOString();
		other = (
			await h.db
				.insertInto('household')
				.values({ organisation_id: org, name: 'Multi', situation: null, created_at: now, archived_at: null })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	});

	it('a file of several accounts fills each of them, even when the person named one account', async () => {
		const r = ok(
			await importFile(h.db, {
				organisationId: org,
				householdId: other,
				userId: null,
				fileName: 'multi.ofx',
				bytes: fixture('bp-multi.ofx'),
				accountName: 'Compte courant'
			})
		);
		expect(r.accounts).toHaveLength(2);
		expect(r.warnings.join(' ')).toMatch(/2 comptes : chacun est rempli d’après son numéro/);
		const accounts = await accountsOf(other);
		expect(accounts.map((a) => a.account_number)).toEqual(['12345678901', '98765432100']);
		expect(accounts.map((a) => a.name)).not.toContain('Compte courant');
		expect((await rowsPerAccount(other)).every((n) => n > 0)).toBe(true);
	});

	it('the same file again matches both accounts by their numbers, even when one account is picked', async () => {
		const [first] = await accountsOf(other);
		const before = await rowsPerAccount(other);
		const r = ok(
			await importFile(h.db, {
				organisationId: org,
				householdId: other,
				userId: null,
				fileName: 'multi.ofx',
				bytes: fixture('bp-multi.ofx'),
				accountId: first.id
			})
		);
		expect(r.accounts.map((a) => a.imported)).toEqual([0, 0]);
		expect(await accountsOf(other)).toHaveLength(2);
		expect(await rowsPerAccount(other)).toEqual(before);
	});

	it('a single-account file is matched by its IBAN, and a picked account is used for a file of one account', async () => {
		const first = ok(
			await importFile(h.db, {
				organisationId: org,
				householdId: other,
				userId: null,
				fileName: 'qonto.csv',
				bytes: fixture('qonto.csv')
			})
		);
		expect(first.accounts[0]).toMatchObject({ created: true, imported: 2 });
		const again = ok(
			await importFile(h.db, {
				organisationId: org,
				householdId: other,
				userId: null,
				fileName: 'qonto.csv',
				bytes: fixture('qonto.csv')
			})
		);
		expect(again.accounts[0]).toMatchObject({ accountId: first.accounts[0].accountId, created: false, imported: 0 });
		const accounts = await accountsOf(other);
		expect(accounts.find((a) => a.id === first.accounts[0].accountId)?.iban).toBe('FR7616958000011234567890123');
		const picked = accounts[0].id;
		const forced = ok(
			await importFile(h.db, {
				organisationId: org,
				householdId: other,
				userId: null,
				fileName: 'bourso.csv',
				bytes: fixture('boursobank-2026.csv'),
				accountId: picked
			})
		);
		expect(forced.accounts[0]).toMatchObject({ accountId: picked, created: false, imported: 5 });
		expect(forced.warnings.join(' ')).not.toMatch(/comptes : chacun/);
	});
});

describe('column mappings saved for an account', () => {
	let home: number;
	const odd = (rows: string[]) => enc(['Jour,Quoi,Combien', ...rows].join('\n') + '\n');
	const mapping = { dateColumn: 0, labelColumns: [1], amountColumn: 2, hasHeader: true };
	const req = (bytes: Uint8Array, extra: Partial<Parameters<typeof importWithSavedMapping>[1]> = {}) => ({
		organisationId: org,
		householdId: home,
		userId: null,
		fileName: 'maison.csv',
		bytes,
		...extra
	});

	beforeAll(async () => {
		const now = new Date().toISOString();
		home = (
			await h.db
				.insertInto('household')
				.values({ organisation_id: org, name: 'Mappings', situation: null, created_at: now, archived_at: null })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	});

	it('an unknown layout is read with the one saved mapping that fits, into its account', async () => {
		const first = ok(
			await importWithSavedMapping(
				h.db,
				req(odd(['2026-04-01,Courses marché,-12.50']), { accountName: 'Livret', mapping })
			)
		);
		const livret = first.accounts[0].accountId as number;
		await h.db
			.updateTable('bank_account')
			.set({ csv_mapping: JSON.stringify(mapping) })
			.where('id', '=', livret)
			.execute();
		const next = ok(
			await importWithSavedMapping(
				h.db,
				req(odd(['2026-04-02,Remboursement ami,20.00', '2026-04-03,Boulangerie,-3.10']))
			)
		);
		expect(next.accounts).toHaveLength(1);
		expect(next.accounts[0]).toMatchObject({ accountId: livret, imported: 2, created: false });
		expect(next.warnings[0]).toBe('Colonnes lues avec les réglages enregistrés pour le compte « Livret ».');
	});

	it('a picked account uses its own mapping', async () => {
		const livret = (
			await h.db
				.selectFrom('bank_account')
				.select('id')
				.where('household_id', '=', home)
				.where('name', '=', 'Livret')
				.executeTakeFirstOrThrow()
		).id;
		const r = ok(await importWithSavedMapping(h.db, req(odd(['2026-04-05,Pharmacie,-8.00']), { accountId: livret })));
		expect(r.accounts[0]).toMatchObject({ accountId: livret, imported: 1 });
	});

	it('a file of a known layout picked for an account with a saved mapping is read by its own layout', async () => {
		const livret = (
			await h.db
				.selectFrom('bank_account')
				.select('id')
				.where('household_id', '=', home)
				.where('name', '=', 'Livret')
				.executeTakeFirstOrThrow()
		).id;
		const r = ok(await importWithSavedMapping(h.db, req(fixture('boursobank-2026.csv'), { accountId: livret })));
		expect(r).toMatchObject({ format: 'csv', layout: 'boursobank' });
		expect(r.accounts[0]).toMatchObject({ accountId: livret, imported: 5 });
		expect(r.warnings.join(' ')).not.toMatch(/réglages enregistrés/);
	});

	it('when two accounts have a mapping that fits, the person is asked', async () => {
		const now = new Date().toISOString();
		await h.db
			.insertInto('bank_account')
			.values({
				organisation_id: org,
				household_id: home,
				name: 'Joint',
				bank: null,
				account_number: null,
				iban: null,
				currency: 'EUR',
				overdraft_limit: null,
				overdraft_rate_bp: null,
				csv_mapping: JSON.stringify(mapping),
				created_at: now
			})
			.execute();
		const r = await importWithSavedMapping(h.db, req(odd(['2026-04-06,Marché,-5.00'])));
		expect(r.status).toBe('rejected');
		if (r.status === 'rejected') expect(r.needs?.mapping?.columns).toEqual(['Jour', 'Quoi', 'Combien']);
	});
});

describe('undo and the accounts an import created', () => {
	let fresh: number;
	const accounts = () =>
		h.db
			.selectFrom('bank_account')
			.select(['id', 'account_number'])
			.where('household_id', '=', fresh)
			.orderBy('id')
			.execute();
	const batchOf = async (file: string) =>
		(
			await h.db
				.selectFrom('import_batch')
				.select('id')
				.where('household_id', '=', fresh)
				.where('file_name', '=', file)
				.orderBy('id', 'desc')
				.executeTakeFirstOrThrow()
		).id;

	beforeAll(async () => {
		const now = new Date().toISOString();
		fresh = (
			await h.db
				.insertInto('household')
				.values({ organisation_id: org, name: 'Undo', situation: null, created_at: now, archived_at: null })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	});

	it('undoing the import that created accounts removes them with their rows', async () => {
		ok(
			await importFile(h.db, {
				organisationId: org,
				householdId: fresh,
				userId: null,
				fileName: 'multi.ofx',
				bytes: fixture('bp-multi.ofx')
			})
		);
		expect(await accounts()).toHaveLength(2);
		await undoImport(h.db, { id: 1, organisationId: org }, fresh, await batchOf('multi.ofx'));
		expect(await accounts()).toHaveLength(0);
		expect(
			await h.db.selectFrom('account_balance').select('id').where('household_id', '=', fresh).execute()
		).toHaveLength(0);
	});

	it('an account another import has filled since stays', async () => {
		const first = ok(
			await importFile(h.db, {
				organisationId: org,
				householdId: fresh,
				userId: null,
				fileName: 'bourso.csv',
				bytes: fixture('boursobank-2026.csv')
			})
		);
		const account = first.accounts[0].accountId as number;
		const later = cm([['02/02/2026', '-1,00', '', 'CARTE 01/02 KIOSQUE']]);
		ok(
			await importFile(h.db, {
				organisationId: org,
				householdId: fresh,
				userId: null,
				fileName: 'later.csv',
				bytes: enc(later),
				accountId: account
			})
		);
		await undoImport(h.db, { id: 1, organisationId: org }, fresh, await batchOf('bourso.csv'));
		expect((await accounts()).map((a) => a.id)).toEqual([account]);
	});
});
