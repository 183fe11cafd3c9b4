// The fee check reads only the fee lines and rejected debits of a household's history, a page at a time:
// the same check as over every transaction, whatever the page size (pages that end inside a day included).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import { operatorScope, type HouseholdScope } from '$lib/server/auth/access';
import { checkFees, type FeeTx } from '$lib/server/fees/check';
import { readByFeeLines } from '$lib/server/fees/lines';
import { feeTransactions } from '$lib/server/services/fees-service';
import { importFile } from '$lib/server/services/import-service';
import { createTestDb } from '../../helpers/test-db';
import { feeOfx } from './fixture';

let next = 1;
const tx = (date: string, amount: number, label: string): FeeTx => ({ id: next++, date, amount, label });

/** Fees, rejected debits and their look-alikes of the wrong sign, among everyday rows. */
const MIXED: FeeTx[] = [
	tx('2026-09-01', 145000, 'VIR SEPA RECU SALAIRE'),
	...Array.from({ length: 14 }, (_, i) =>
		tx(`2026-09-${String(10 + i).padStart(2, '0')}`, -800, 'COMMISSION D INTERVENTION')
	),
	tx('2026-09-04', -4590, 'PRLV SEPA EDF CLIENTS PARTICULIERS'),
	tx('2026-09-05', 4590, 'REJET PRLV EDF CLIENTS PARTICULIERS'),
	tx('2026-09-06', -2000, 'FRAIS REJET PRLV'),
	tx('2026-09-07', 2000, 'FRAIS REJET PRLV'),
	tx('2026-09-15', 4590, 'REJET PRLV EDF CLIENTS PARTICULIERS'),
	tx('2026-09-15', -4590, 'REJET PRLV EDF CLIENTS PARTICULIERS'),
	tx('2026-09-16', -2000, 'FRAIS REJET PRLV'),
	tx('2026-09-20', -3250, 'CARTE 19/09/26 CARREFOUR MARKET'),
	tx('2026-10-06', -1200, 'INTERETS DEBITEURS'),
	tx('2026-10-07', -1990, 'PRLV SEPA FREE MOBILE'),
	tx('2026-11-05', -4000, 'COMMISSIONS D INTERVENTION OCTOBRE 2026'),
	tx('2026-11-06', 0, 'COMMISSION D INTERVENTION')
];

describe('the transactions the fee check reads', () => {
	it('gives, kept alone, the same check as every transaction, for every client status', () => {
		const kept = MIXED.filter(readByFeeLines);
		expect(kept.length).toBeLessThan(MIXED.length);
		expect(kept.some((t) => t.label.startsWith('REJET') && t.amount > 0)).toBe(true);
		for (const status of [{}, { fragile: true }, { ocf: true }, { from: '2026-10', to: '2026-11' }]) {
			const all = checkFees(MIXED, status);
			expect(all.months.length).toBeGreaterThan(0);
			expect(checkFees(kept, status)).toEqual(all);
		}
	});
});

describe('the household history read for the fee check', () => {
	let h: DbHandle;
	let scope: HouseholdScope;

	beforeAll(async () => {
		h = await createTestDb();
		const now = new Date().toISOString();
		const org = await h.db
			.insertInto('organisation')
			.values({ name: 'O', created_at: now })
			.returning('id')
			.executeTakeFirstOrThrow();
		const hh = await h.db
			.insertInto('household')
			.values({ organisation_id: org.id, name: 'H', situation: null, created_at: now, archived_at: null })
			.returning('id')
			.executeTakeFirstOrThrow();
		const s = await operatorScope(h.db, hh.id);
		if (!s) throw new Error('no scope');
		scope = s;
		// four rows a day over five months: a card payment, a commission every other day, a rejected debit
		// and its fee now and then
		const rows: [string, string, string][] = [];
		for (let d = 0; d < 150; d++) {
			const day = new Date(Date.UTC(2026, 6, 1) + d * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
			rows.push([day, `-${10 + (d % 7)}.50`, `CARTE ACHAT MAGASIN ${d}`]);
			rows.push([day, d % 2 ? '-8.00' : '-1.00', d % 2 ? 'COMMISSION D INTERVENTION' : 'PRLV SEPA FREE MOBILE']);
			rows.push([
				day,
				d % 9 === 0 ? '45.90' : '12.00',
				d % 9 === 0 ? 'REJET PRLV EDF CLIENTS PARTICULIERS' : 'VIR RECU'
			]);
			rows.push([day, d % 9 === 1 ? '-20.00' : '-3.00', d % 9 === 1 ? 'FRAIS REJET PRLV' : 'CARTE BOULANGERIE']);
		}
		const r = await importFile(h.db, scope, { fileName: 'fees.ofx', bytes: feeOfx(rows), accountName: 'Compte' });
		if (r.status === 'rejected') throw new Error(r.error.message);
	}, 60_000);
	afterAll(async () => {
		await h.close();
	});

	it('is the same a page at a time, pages ending inside a day, as in one read of every row', async () => {
		const every = (
			await h.db
				.selectFrom('bank_transaction')
				.select(['id', 'booking_date', 'amount', 'raw_label'])
				.where('household_id', '=', scope.householdId)
				.orderBy('booking_date')
				.orderBy('id')
				.execute()
		).map((r) => ({ id: r.id, date: r.booking_date, amount: r.amount, label: r.raw_label }));
		expect(every.length).toBe(600);
		expect(checkFees(every).months.length).toBeGreaterThan(0);
		const kept = every.filter(readByFeeLines);
		expect(kept.length).toBeGreaterThan(0);
		for (const page of [7, 20, 599, 600, 5000]) expect(await feeTransactions(h.db, scope, {}, page)).toEqual(kept);
		const paged = await feeTransactions(h.db, scope, {}, 7);
		expect(checkFees(paged, { fragile: true })).toEqual(checkFees(every, { fragile: true }));
		const period = { from: '2026-09', to: '2026-09' };
		const inPeriod = await feeTransactions(h.db, scope, period, 7);
		expect(inPeriod.length).toBeGreaterThan(0);
		expect(inPeriod).toEqual(await feeTransactions(h.db, scope, period, 100_000));
	});
});
