import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import { importFile, previewFile, undoImport, type FileImportResult } from '$lib/server/services/import-service';
import { householdScope, operatorScope, type HouseholdScope } from '$lib/server/auth/access';
import { confirmStaged, restageFile, stageFiles } from '$lib/server/services/import-staging';
import { planFile } from '$lib/server/services/import-service';
import { commitPlan } from '$lib/server/services/import/commit';
import { loadCategoriser } from '$lib/server/services/categoriser';
import { reapplyRules } from '$lib/server/services/rules-service';
import { generateLargeCsv } from '$lib/server/import/bench-data';
import { rawSqlite } from '$lib/server/db';
import SQLite from 'better-sqlite3';
import { createTestDb } from '../../helpers/test-db';
import { fixture } from '../import/helpers';

let h: DbHandle;
let org: number;
let hh: number;
const enc = (s: string) => new TextEncoder().encode(s);
const now = () => new Date().toISOString();

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

async function countIn(id: number): Promise<number> {
	const r = await h.db
		.selectFrom('bank_transaction')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('household_id', '=', id)
		.executeTakeFirstOrThrow();
	return Number(r.n);
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

const base = () => ({ accountName: 'Compte courant' });
async function scopeOf(id: number): Promise<HouseholdScope> {
	return (await operatorScope(h.db, id))!;
}

describe('import service', () => {
	const march = cm([
		['02/03/2026', '-3,20', '', 'CARTE 01/03 CAFE DU COIN'],
		['02/03/2026', '-3,20', '', 'CARTE 01/03 CAFE DU COIN'],
		['03/03/2026', '-45,99', '', 'PRLV SEPA EDF CLIENTS PARTICULIERS'],
		['05/03/2026', '', '512,00', 'VIR CAF DE LA GIRONDE APL']
	]);

	it('a dry run writes nothing', async () => {
		const r = ok(await previewFile(h.db, await scopeOf(hh), { ...base(), fileName: 'mars.csv', bytes: enc(march) }));
		expect(r.status).toBe('dry-run');
		expect(r.accounts[0].imported).toBe(4);
		expect(r.accounts[0].sample[2]).toMatchObject({ amount: '-45.99', category: 'housing.energy' });
		expect(await count()).toBe(0);
		expect(await h.db.selectFrom('bank_account').selectAll().execute()).toHaveLength(0);
	});

	it('imports every row once, keeps two identical coffees, categorises, stores the balance', async () => {
		const r = ok(await importFile(h.db, await scopeOf(hh), { ...base(), fileName: 'mars.csv', bytes: enc(march) }));
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
		const r = ok(await importFile(h.db, await scopeOf(hh), { ...base(), fileName: 'mars.csv', bytes: enc(march) }));
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
		const r = ok(
			await importFile(h.db, await scopeOf(hh), { ...base(), fileName: 'overlap.csv', bytes: enc(overlap) })
		);
		expect(r.accounts[0]).toMatchObject({ imported: 1, duplicates: 2 });
		expect(await count()).toBe(5);
	});

	it('flags a probable duplicate under another label, without dropping it', async () => {
		const ofx = `OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR<BANKACCTFROM><BANKID>1<ACCTID>999<ACCTTYPE>CHECKING</BANKACCTFROM><BANKTRANLIST>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260304<TRNAMT>-45.99<FITID>A1<NAME>EDF PARTICULIERS</STMTTRN>
</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`;
		const accounts = await h.db.selectFrom('bank_account').select('id').where('household_id', '=', hh).execute();
		const r = ok(
			await importFile(h.db, await scopeOf(hh), {
				...base(),
				accountId: accounts[0].id,
				fileName: 'mars.ofx',
				bytes: enc(ofx)
			})
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
		const r = await importFile(h.db, await scopeOf(hh), { ...base(), fileName: 'bad.csv', bytes: enc(bad) });
		expect(r.status).toBe('rejected');
		if (r.status === 'rejected') expect(r.error.line).toBe(4);
		expect(await count()).toBe(6);
		const empty = await importFile(h.db, await scopeOf(hh), {
			...base(),
			fileName: 'vide.csv',
			bytes: new Uint8Array()
		});
		expect(empty.status).toBe('rejected');
		const png = await importFile(h.db, await scopeOf(hh), {
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
		const r = await importFile(h.db, await scopeOf(hh), {
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
			importFile(
				h.db,
				await scopeOf(hh),
				{ ...base(), fileName: 'mai.csv', bytes: enc(cm(rows)) },
				{ categoriser: failing }
			)
		).rejects.toThrow('disk full');
		calls = -10_000;
		expect(await count()).toBe(before);
		expect(await h.db.selectFrom('import_batch').select('id').execute()).toHaveLength(batches.length);
	});

	it('refuses a file above the configured size limit', async () => {
		const big = march + 'x'.repeat(1024 * 1024);
		const r = await importFile(h.db, await scopeOf(hh), {
			...base(),
			fileName: 'gros.csv',
			bytes: enc(big),
			maxBytes: 1024 * 1024
		});
		expect(r.status).toBe('rejected');
		if (r.status === 'rejected') expect(r.error.message).toMatch(/trop gros.*limite est de 1 Mo/);
		expect(await count()).toBe(6);
	});

	it('an unknown CSV layout asks for a mapping, then imports with it', async () => {
		const odd = 'Jour,Quoi,Combien\n2026-04-01,Courses marché,-12.50\n2026-04-02,Remboursement ami,20.00\n';
		const r = await importFile(h.db, await scopeOf(hh), { ...base(), fileName: 'odd.csv', bytes: enc(odd) });
		expect(r.status).toBe('rejected');
		if (r.status !== 'rejected') return;
		expect(r.needs?.mapping?.columns).toEqual(['Jour', 'Quoi', 'Combien']);
		const mapped = ok(
			await importFile(h.db, await scopeOf(hh), {
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
		const removed = await undoImport(h.db, await scopeOf(hh), batch.id);
		expect(removed).toBe(1);
		expect(await h.db.selectFrom('probable_duplicate').selectAll().execute()).toHaveLength(0);
		const elsewhere = (
			await h.db
				.insertInto('household')
				.values({ organisation_id: org, name: 'Ailleurs', situation: null, created_at: now(), archived_at: null })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		await expect(undoImport(h.db, await scopeOf(elsewhere), batch.id)).rejects.toThrow();
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
			await importFile(h.db, await scopeOf(other), {
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
			await importFile(h.db, await scopeOf(other), {
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
			await importFile(h.db, await scopeOf(other), {
				fileName: 'qonto.csv',
				bytes: fixture('qonto.csv')
			})
		);
		expect(first.accounts[0]).toMatchObject({ created: true, imported: 2 });
		const again = ok(
			await importFile(h.db, await scopeOf(other), {
				fileName: 'qonto.csv',
				bytes: fixture('qonto.csv')
			})
		);
		expect(again.accounts[0]).toMatchObject({ accountId: first.accounts[0].accountId, created: false, imported: 0 });
		const accounts = await accountsOf(other);
		expect(accounts.find((a) => a.id === first.accounts[0].accountId)?.iban).toBe('FR7616958000011234567890123');
		const picked = accounts[0].id;
		const forced = ok(
			await importFile(h.db, await scopeOf(other), {
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
	const req = (bytes: Uint8Array, extra: Partial<Parameters<typeof importFile>[2]> = {}) => ({
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
			await importFile(
				h.db,
				await scopeOf(home),
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
			await importFile(
				h.db,
				await scopeOf(home),
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
		const r = ok(
			await importFile(h.db, await scopeOf(home), req(odd(['2026-04-05,Pharmacie,-8.00']), { accountId: livret }))
		);
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
		const r = ok(
			await importFile(h.db, await scopeOf(home), req(fixture('boursobank-2026.csv'), { accountId: livret }))
		);
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
		const r = await importFile(h.db, await scopeOf(home), req(odd(['2026-04-06,Marché,-5.00'])));
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
			await importFile(h.db, await scopeOf(fresh), {
				fileName: 'multi.ofx',
				bytes: fixture('bp-multi.ofx')
			})
		);
		expect(await accounts()).toHaveLength(2);
		await undoImport(h.db, await scopeOf(fresh), await batchOf('multi.ofx'));
		expect(await accounts()).toHaveLength(0);
		expect(
			await h.db.selectFrom('account_balance').select('id').where('household_id', '=', fresh).execute()
		).toHaveLength(0);
	});

	it('an account another import has filled since stays', async () => {
		const first = ok(
			await importFile(h.db, await scopeOf(fresh), {
				fileName: 'bourso.csv',
				bytes: fixture('boursobank-2026.csv')
			})
		);
		const account = first.accounts[0].accountId as number;
		const later = cm([['02/02/2026', '-1,00', '', 'CARTE 01/02 KIOSQUE']]);
		ok(
			await importFile(h.db, await scopeOf(fresh), {
				fileName: 'later.csv',
				bytes: enc(later),
				accountId: account
			})
		);
		await undoImport(h.db, await scopeOf(fresh), await batchOf('bourso.csv'));
		expect((await accounts()).map((a) => a.id)).toEqual([account]);
	});
});

describe('parse → plan → commit', () => {
	let house: number;
	const statement = cm([
		['02/06/2026', '-12,40', '', 'CARTE 01/06 BOULANGERIE'],
		['03/06/2026', '', '1200,00', 'VIR SALAIRE JUIN'],
		['04/06/2026', '-60,00', '', 'PRLV SEPA ORANGE']
	]);
	beforeAll(async () => {
		house = (
			await h.db
				.insertInto('household')
				.values({ organisation_id: org, name: 'Plans', situation: null, created_at: now(), archived_at: null })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	});

	it('a preview of a 100,000-row file writes no transaction row and needs no write lock', async () => {
		const scope = await scopeOf(house);
		const bytes = generateLargeCsv(100_000);
		// On SQLite another connection holds the write lock for the whole preview: a preview that tried to
		// write would wait for it and fail; one that only reads goes through (WAL).
		const raw = rawSqlite(h.db);
		const other = raw ? new SQLite(raw.name) : null;
		other?.pragma('busy_timeout = 0');
		other?.exec('BEGIN IMMEDIATE');
		try {
			const r = ok(await previewFile(h.db, scope, { fileName: 'gros.csv', bytes }));
			expect(r.status).toBe('dry-run');
			expect(r.accounts[0].imported).toBe(100_000);
		} finally {
			other?.exec('ROLLBACK');
			other?.close();
		}
		expect(await countIn(house)).toBe(0);
		expect(await h.db.selectFrom('import_batch').select('id').where('household_id', '=', house).execute()).toEqual([]);
		expect(await h.db.selectFrom('bank_account').select('id').where('household_id', '=', house).execute()).toEqual([]);
	});

	it('a confirm after another import of the same file imports 0', async () => {
		const scope = await scopeOf(house);
		const file = { fileName: 'juin.csv', bytes: enc(statement), accountName: 'Courant' };
		const categoriser = await loadCategoriser(h.db, scope);
		// Two previews of the same bytes, then both confirmed: the second sees what the first wrote.
		const first = await planFile(h.db, scope, file, categoriser);
		const second = await planFile(h.db, scope, file, categoriser);
		if ('status' in first || 'status' in second) throw new Error('rejected');
		expect(second.accounts[0].fresh).toHaveLength(3);
		const a = ok(await commitPlan(h.db, scope, first, { categoriser }));
		const b = ok(await commitPlan(h.db, scope, second, { categoriser }));
		expect(a.accounts[0]).toMatchObject({ imported: 3, created: true });
		expect(b.accounts[0]).toMatchObject({
			imported: 0,
			duplicates: 3,
			created: false,
			accountId: a.accounts[0].accountId
		});
		expect(await countIn(house)).toBe(3);
		expect(await h.db.selectFrom('bank_account').select('id').where('household_id', '=', house).execute()).toHaveLength(
			1
		);
	});

	it('two imports of overlapping rows at the same time double nothing', async () => {
		const scope = await scopeOf(house);
		const july = cm([
			['02/07/2026', '-9,90', '', 'CARTE 01/07 CINEMA'],
			['03/07/2026', '-30,00', '', 'PRLV SEPA FREE MOBILE']
		]);
		const before = await countIn(house);
		const results = await Promise.all(
			[0, 1, 2].map(() =>
				importFile(h.db, scope, { fileName: 'juillet.csv', bytes: enc(july), accountName: 'Courant' })
			)
		);
		const imported = results.map((r) => ok(r).accounts[0].imported);
		expect(imported.reduce((x, y) => x + y, 0)).toBe(2);
		expect(await countIn(house)).toBe(before + 2);
	});

	it('the column mapping the person chose is saved with the import, in the same transaction', async () => {
		const scope = await scopeOf(house);
		const odd = enc('Jour,Quoi,Combien\n2026-08-01,Marché,-7.00\n');
		const mapping = { dateColumn: 0, labelColumns: [1], amountColumn: 2, hasHeader: true };
		const preview = ok(
			await previewFile(h.db, scope, {
				fileName: 'o.csv',
				bytes: odd,
				accountName: 'Tirelire',
				mapping,
				saveMapping: true
			})
		);
		expect(preview.accounts[0].created).toBe(true);
		expect(await h.db.selectFrom('bank_account').select('id').where('name', '=', 'Tirelire').execute()).toEqual([]);
		const r = ok(
			await importFile(h.db, scope, {
				fileName: 'o.csv',
				bytes: odd,
				accountName: 'Tirelire',
				mapping,
				saveMapping: true
			})
		);
		const account = await h.db
			.selectFrom('bank_account')
			.select('csv_mapping')
			.where('id', '=', r.accounts[0].accountId as number)
			.executeTakeFirstOrThrow();
		expect(JSON.parse(account.csv_mapping!)).toEqual(mapping);
	});
});

describe('staging: the page’s preview → map → confirm, read in a worker thread', () => {
	it('keeps the file an hour, previews without writing, confirms once, with the mapping saved', async () => {
		const house = (
			await h.db
				.insertInto('household')
				.values({ organisation_id: org, name: 'Étapes', situation: null, created_at: now(), archived_at: null })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		const user = (
			await h.db
				.insertInto('app_user')
				.values({
					organisation_id: org,
					email: 'etapes@ex.fr',
					name: 'Étapes',
					password_hash: null,
					role: 'household',
					active: 1,
					created_at: now(),
					password_changed_at: null
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		await h.db
			.insertInto('household_member')
			.values({ household_id: house, user_id: user, organisation_id: org, created_at: now() })
			.execute();
		const scope = (await householdScope(
			h.db,
			{ id: user, organisationId: org, email: 'etapes@ex.fr', name: 'Étapes', role: 'household' },
			house
		))!;
		const limits = { importMaxBytes: 1 << 20, importParseTimeoutMs: 10_000 };
		const odd = enc('Jour,Quoi,Combien\n2026-09-01,Marché,-7.00\n2026-09-02,Boulangerie,-2.10\n');
		const [staged] = await stageFiles(
			h.db,
			scope,
			[{ name: 'odd.csv', bytes: odd }],
			{ accountId: null, accountName: 'Courant' },
			limits
		);
		expect(staged.result).toMatchObject({ status: 'rejected', needs: { mapping: expect.anything() } });
		const mapping = { dateColumn: 0, labelColumns: [1], amountColumn: 2, hasHeader: true };
		const mapped = await restageFile(h.db, scope, staged.token, { mapping }, limits);
		expect(mapped?.result).toMatchObject({ status: 'dry-run', accounts: [{ imported: 2 }] });
		expect(await countIn(house)).toBe(0);
		const done = await confirmStaged(h.db, scope, [staged.token], limits);
		expect(done?.[0]).toMatchObject({ status: 'imported', accounts: [{ imported: 2 }] });
		expect(await countIn(house)).toBe(2);
		expect(await confirmStaged(h.db, scope, [staged.token], limits)).toBeNull();
		const account = await h.db
			.selectFrom('bank_account')
			.select('csv_mapping')
			.where('household_id', '=', house)
			.executeTakeFirstOrThrow();
		expect(JSON.parse(account.csv_mapping!)).toMatchObject(mapping);
		// a file past its hour is gone
		const [late] = await stageFiles(
			h.db,
			scope,
			[{ name: 'b.csv', bytes: odd }],
			{ accountId: null, accountName: null },
			limits
		);
		expect(
			await restageFile(h.db, scope, late.token, { mapping }, limits, new Date(Date.now() + 3_700_000))
		).toBeNull();
	});
});

describe('a deferred card counted once, and the payee the file names', () => {
	it('the card has its own account; the current account’s monthly card debit becomes a transfer between accounts', async () => {
		const house = (
			await h.db
				.insertInto('household')
				.values({ organisation_id: org, name: 'Carte', situation: null, created_at: now(), archived_at: null })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		const scope = await scopeOf(house);
		const r = ok(await importFile(h.db, scope, { fileName: 'sg.ofx', bytes: fixture('sg-carte-differee.ofx') }));
		expect(r.accounts.map((a) => a.account)).toContain('Carte •••• 1234');
		const accounts = await h.db
			.selectFrom('bank_account')
			.select(['id', 'kind', 'name'])
			.where('household_id', '=', house)
			.execute();
		expect(accounts.map((a) => a.kind).sort()).toEqual(['bank', 'card']);
		const rows = await h.db
			.selectFrom('bank_transaction as t')
			.innerJoin('bank_account as a', 'a.id', 't.account_id')
			.select(['t.raw_label', 't.amount', 't.category_id', 't.internal_transfer', 't.imported_payee', 'a.kind'])
			.where('t.household_id', '=', house)
			.execute();
		const settlement = rows.find((x) => x.raw_label.includes('FACTURE CARTE'))!;
		expect(settlement).toMatchObject({
			category_id: 'transfer.internal',
			internal_transfer: 1,
			amount: -31245,
			kind: 'bank'
		});
		// the card's purchases are spending on the card account
		expect(
			rows.filter((x) => x.kind === 'card').every((x) => x.amount < 0 || x.category_id !== 'transfer.internal')
		).toBe(true);
		// the payee the file names is kept as written
		expect(rows.find((x) => x.raw_label.includes('EDF'))?.imported_payee).toBeTruthy();
		// re-applying the rules keeps it a transfer and reports no change for it
		expect((await reapplyRules(h.db, scope)).changed).toBe(0);
		const again = await h.db
			.selectFrom('bank_transaction')
			.select('category_id')
			.where('household_id', '=', house)
			.where('raw_label', 'like', '%FACTURE CARTE%')
			.executeTakeFirstOrThrow();
		expect(again.category_id).toBe('transfer.internal');
	});
});

describe('a file that names no account', () => {
	it('never goes silently into an existing account: the person is asked, and a disagreeing balance is flagged', async () => {
		const house = (
			await h.db
				.insertInto('household')
				.values({ organisation_id: org, name: 'Sans nom', situation: null, created_at: now(), archived_at: null })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		const scope = await scopeOf(house);
		const first = cm([['02/05/2026', '-10,00', '', 'CARTE 01/05 MARCHE']]);
		// the first file of a household creates its account
		const created = ok(await importFile(h.db, scope, { fileName: 'a.csv', bytes: enc(first) }));
		expect(created.accounts[0]).toMatchObject({ created: true, account: 'Crédit Mutuel / CIC' });
		// the next file that names no account is not poured into it
		const other = cm([['03/05/2026', '-20,00', '', 'CARTE 02/05 BOULANGERIE']], 500_00);
		const asked = await importFile(h.db, scope, { fileName: 'b.csv', bytes: enc(other) });
		expect(asked).toMatchObject({ status: 'rejected', needs: { account: true } });
		if (asked.status === 'rejected') expect(asked.error.message).toMatch(/choisissez le compte à remplir/);
		// chosen: it goes in, with a warning when its balance disagrees with the one known for that day
		const accountId = created.accounts[0].accountId as number;
		const disagree = cm([['02/05/2026', '-10,00', '', 'CARTE 01/05 MARCHE']], 900_00);
		const r = ok(await importFile(h.db, scope, { fileName: 'c.csv', bytes: enc(disagree), accountId }));
		expect(r.warnings.join(' ')).toMatch(
			/Le solde indiqué au 02\/05\/2026 .* diffère de celui déjà connu pour « Crédit Mutuel \/ CIC »/
		);
	});
});
