/**
 * The commit writes an account's rows chunk by chunk: files larger than one chunk (chunks of a few rows
 * here) give the same result as one chunk, duplicates across chunk borders are handled as within a chunk,
 * and a failure in a late chunk leaves nothing written.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import { importFile, type FileImportResult } from '$lib/server/services/import-service';
import { operatorScope, type HouseholdScope } from '$lib/server/auth/access';
import { createTestDb } from '../../helpers/test-db';
import { fixture } from '../import/helpers';

let h: DbHandle;
let org: number;
const enc = (s: string) => new TextEncoder().encode(s);

// Crédit Mutuel layout: Date;Date de valeur;Débit;Crédit;Libellé;Solde
function cm(rows: [string, string, string, string][]): string {
	const lines = ['Date;Date de valeur;Débit;Crédit;Libellé;Solde'];
	for (const [date, debit, credit, label] of rows) lines.push(`${date};${date};${debit};${credit};${label};`);
	return lines.join('\n') + '\n';
}

const coffee = (day: number): [string, string, string, string] => [
	`${String(day).padStart(2, '0')}/03/2026`,
	'-3,20',
	'',
	'CARTE CAFE DU COIN'
];

async function household(name: string): Promise<HouseholdScope> {
	const id = (
		await h.db
			.insertInto('household')
			.values({ organisation_id: org, name, situation: null, created_at: new Date().toISOString(), archived_at: null })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	return (await operatorScope(h.db, id))!;
}

async function rowsOf(scope: HouseholdScope) {
	return h.db
		.selectFrom('bank_transaction')
		.select([
			'booking_date',
			'operation_date',
			'amount',
			'raw_label',
			'normalised_label',
			'payee',
			'category_id',
			'category_source',
			'rule_id',
			'bank_id',
			'tags',
			'internal_transfer',
			'operation_type',
			'imported_payee'
		])
		.where('household_id', '=', scope.householdId)
		.orderBy('id')
		.execute();
}

async function pairsOf(scope: HouseholdScope) {
	const rows = await h.db
		.selectFrom('probable_duplicate as p')
		.innerJoin('bank_transaction as t', 't.id', 'p.transaction_id')
		.innerJoin('bank_transaction as e', 'e.id', 'p.existing_transaction_id')
		.select(['t.raw_label as incoming', 'e.raw_label as existing'])
		.where('p.household_id', '=', scope.householdId)
		.orderBy('p.id')
		.execute();
	return rows.map((r) => `${r.incoming} ~ ${r.existing}`);
}

/** The result without what differs from one household to another (ids). */
function comparable(r: FileImportResult) {
	if (r.status === 'rejected') return r;
	return { ...r, batchId: null, accounts: r.accounts.map((a) => ({ ...a, accountId: null })) };
}

function ok(r: FileImportResult) {
	if (r.status === 'rejected') throw new Error(`rejected: ${r.error.message}`);
	return r;
}

async function count(scope: HouseholdScope): Promise<number> {
	return (await rowsOf(scope)).length;
}

beforeAll(async () => {
	h = await createTestDb();
	org = (
		await h.db
			.insertInto('organisation')
			.values({ name: 'O', created_at: new Date().toISOString() })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
});
afterAll(async () => {
	await h.close();
});

describe('import written chunk by chunk', () => {
	const files = readdirSync('tests/fixtures/import').filter((f) => f !== 'SOURCE.md');

	it.each(files)(
		'%s: chunks of 2 rows give the result and the rows of one chunk, import and re-import',
		async (name) => {
			const req = { fileName: name, bytes: fixture(name), accountName: 'Compte' };
			const whole = await household(`whole ${name}`);
			const chunked = await household(`chunked ${name}`);
			const now = new Date('2026-04-01T10:00:00Z');
			for (let pass = 0; pass < 2; pass++) {
				const one = await importFile(h.db, whole, req, { now });
				const two = await importFile(h.db, chunked, req, { now, chunkRows: 2 });
				expect(comparable(two)).toEqual(comparable(one));
			}
			expect(await rowsOf(chunked)).toEqual(await rowsOf(whole));
		}
	);

	it('identical rows across a chunk border stay distinct rows, and are recognised again', async () => {
		const scope = await household('coffees');
		const five = cm([coffee(2), coffee(2), coffee(2), coffee(2), coffee(2)]);
		const first = ok(
			await importFile(h.db, scope, { fileName: 'a.csv', bytes: enc(five), accountName: 'C' }, { chunkRows: 2 })
		);
		expect(first.accounts[0]).toMatchObject({ imported: 5, duplicates: 0, sum: '-16.00' });
		const again = ok(
			await importFile(h.db, scope, { fileName: 'a.csv', bytes: enc(five), accountName: 'C' }, { chunkRows: 2 })
		);
		expect(again.accounts[0]).toMatchObject({ imported: 0, duplicates: 5, sample: [] });
		// the next statement has a sixth coffee that day, and one the day after
		const seven = cm([coffee(2), coffee(2), coffee(2), coffee(2), coffee(2), coffee(2), coffee(3)]);
		const next = ok(
			await importFile(h.db, scope, { fileName: 'b.csv', bytes: enc(seven), accountName: 'C' }, { chunkRows: 3 })
		);
		expect(next.accounts[0]).toMatchObject({ imported: 2, duplicates: 5 });
		expect(next.accounts[0].sample.map((s) => s.date)).toEqual(['2026-03-02', '2026-03-03']);
		expect(await count(scope)).toBe(7);
	});

	it('probable duplicates are found in every chunk, closest first, never between rows of the same file', async () => {
		const stored = cm([
			['02/03/2026', '-45,99', '', 'PRLV SEPA EDF'],
			['04/03/2026', '-12,00', '', 'CARTE PHARMACIE'],
			['09/03/2026', '-30,00', '', 'CARTE ESSENCE']
		]);
		// the same operations under other labels, a day or two apart; the last two rows (of one amount,
		// a day apart, other labels) only look like each other
		const incoming = cm([
			['04/03/2026', '-45,99', '', 'EDF PARTICULIERS'],
			['04/03/2026', '-12,00', '', 'PHARMACIE DU MARCHE'],
			['10/03/2026', '-30,00', '', 'TOTAL ENERGIES'],
			['20/03/2026', '-8,00', '', 'KIOSQUE A'],
			['21/03/2026', '-8,00', '', 'KIOSQUE B']
		]);
		const results: FileImportResult[] = [];
		const pairs: string[][] = [];
		for (const chunkRows of [undefined, 1, 2]) {
			const scope = await household(`pairs ${chunkRows}`);
			ok(await importFile(h.db, scope, { fileName: 'a.csv', bytes: enc(stored), accountName: 'C' }));
			const account = (
				await h.db
					.selectFrom('bank_account')
					.select('id')
					.where('household_id', '=', scope.householdId)
					.executeTakeFirstOrThrow()
			).id;
			results.push(
				comparable(
					await importFile(h.db, scope, { fileName: 'b.csv', bytes: enc(incoming), accountId: account }, { chunkRows })
				)
			);
			pairs.push(await pairsOf(scope));
		}
		const first = ok(results[0]);
		expect(first.accounts[0].imported).toBe(5);
		expect(first.accounts[0].probableDuplicates.map((p) => `${p.label} ~ ${p.existingLabel}`)).toEqual([
			'PHARMACIE DU MARCHE ~ CARTE PHARMACIE',
			'TOTAL ENERGIES ~ CARTE ESSENCE',
			'EDF PARTICULIERS ~ PRLV SEPA EDF'
		]);
		expect(results[1]).toEqual(results[0]);
		expect(results[2]).toEqual(results[0]);
		expect(pairs[0]).toHaveLength(3);
		expect(pairs[1]).toEqual(pairs[0]);
		expect(pairs[2]).toEqual(pairs[0]);
	});

	it('a bad line in a late chunk rejects the file with its line and writes nothing', async () => {
		const scope = await household('bad line');
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
		rows[1400][1] = '-4,5,99';
		const r = await importFile(
			h.db,
			scope,
			{ fileName: 'mai.csv', bytes: enc(cm(rows)), accountName: 'C' },
			{ chunkRows: 100 }
		);
		expect(r.status).toBe('rejected');
		if (r.status === 'rejected') {
			expect(r.error.line).toBe(1402);
			expect(r.error.message).toMatch(/^Ligne 1402 : /);
		}
		expect(await count(scope)).toBe(0);
		expect(
			await h.db.selectFrom('bank_account').select('id').where('household_id', '=', scope.householdId).execute()
		).toHaveLength(0);
	});

	it('a failure while writing a late chunk leaves nothing of the earlier chunks', async () => {
		const scope = await household('failure');
		const rows = Array.from(
			{ length: 1500 },
			(_, i) => coffee((i % 28) + 1).map((c, k) => (k === 3 ? `${c} ${i}` : c)) as [string, string, string, string]
		);
		let calls = 0;
		const failing = () => {
			if (++calls === 1450) throw new Error('disk full'); // 14 chunks of 100 rows written by then
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
		await expect(
			importFile(
				h.db,
				scope,
				{ fileName: 'mai.csv', bytes: enc(cm(rows)), accountName: 'C' },
				{ categoriser: failing, chunkRows: 100 }
			)
		).rejects.toThrow('disk full');
		expect(await count(scope)).toBe(0);
		expect(
			await h.db.selectFrom('import_batch').select('id').where('household_id', '=', scope.householdId).execute()
		).toHaveLength(0);
		expect(
			await h.db.selectFrom('bank_account').select('id').where('household_id', '=', scope.householdId).execute()
		).toHaveLength(0);
	});
});
