/**
 * The demo seed (`bgv seed --demo`): about 14 months of statements per household, each written in its
 * bank's own layout (several CSV layouts and OFX), read by the importer from the file's content, accepted,
 * and reconciled with the balances the files state.
 */
import { operatorScope } from '$lib/server/auth/access';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from 'date-fns';
import type { DbHandle } from '$lib/server/db';
import { dateToIso, isoToDate } from '$lib/dates';
import { parseStatement } from '$lib/server/import';
import { loadHistory } from '$lib/server/services/forecast-service';
import { DEMO_HOUSEHOLDS, seedDemo } from '$db/seeds/demo';
import { DEMO_SCENARIOS, generateTransactions, renderStatement } from '$db/seeds/demo-statements';
import { BANK_EXPORTS, bankAmount, encodeWindows1252, statementBytes } from '$db/seeds/demo-bank-files';
import { createTestDb } from '../../helpers/test-db';

// early in a month: the 14 months must still span more than 13 months of bookings
const NOW = new Date('2026-03-02T09:00:00Z');
const UNTIL = '2026-03-01';

let h: DbHandle;
let seed: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
	h = await createTestDb();
	seed = await seedDemo(h.db, NOW);
});
afterAll(async () => {
	await h.close();
});

interface BatchSummary {
	accounts: { imported: number; closingBalance: string | null; reconciliation: unknown[] }[];
	warnings: string[];
}

describe('demo seed', () => {
	it('gives every demo household about 14 months of transactions', async () => {
		expect(Object.keys(seed.households).sort()).toEqual(DEMO_HOUSEHOLDS.map((d) => d.name).sort());
		for (const [name, id] of Object.entries(seed.households)) {
			const r = await h.db
				.selectFrom('bank_transaction')
				.select((eb) => [
					eb.fn.min('booking_date').as('first'),
					eb.fn.max('booking_date').as('last'),
					eb.fn.countAll().as('n')
				])
				.where('household_id', '=', id)
				.executeTakeFirstOrThrow();
			const first = r.first as string;
			const last = r.last as string;
			expect(first, name).toBeTruthy();
			expect(dateToIso(addMonths(isoToDate(first), 13)) <= last, `${name}: ${first} → ${last}`).toBe(true);
			expect(first >= '2025-01-01', `${name}: ${first}`).toBe(true);
			expect(last <= UNTIL, `${name}: ${last}`).toBe(true);
			expect(Number(r.n), name).toBeGreaterThan(14 * 8);
		}
	});

	it('imports each household’s statement in its bank’s layout, several layouts in all, none rejected or out of balance', async () => {
		const batches = await h.db
			.selectFrom('import_batch')
			.select(['household_id', 'format', 'layout', 'imported_count', 'summary'])
			.where('organisation_id', '=', seed.organisationId)
			.execute();
		expect(batches).toHaveLength(DEMO_SCENARIOS.length);
		for (const s of DEMO_SCENARIOS) {
			const b = batches.filter((x) => x.household_id === seed.households[s.household]);
			expect(b, s.household).toHaveLength(1);
			const expected = BANK_EXPORTS[s.bank];
			expect({ household: s.household, format: b[0].format, layout: b[0].layout }).toEqual({
				household: s.household,
				format: expected.layout ? 'csv' : 'ofx',
				layout: expected.layout
			});
			const summary = JSON.parse(b[0].summary ?? '{}') as BatchSummary;
			expect(summary.accounts, s.household).toHaveLength(1);
			expect(summary.accounts[0].imported).toBe(b[0].imported_count);
			expect(summary.accounts[0].reconciliation, s.household).toEqual([]);
			expect(summary.warnings, s.household).toEqual([]);
		}
		const formats = new Set(batches.map((b) => `${b.format}/${b.layout ?? ''}`));
		expect(formats.size).toBeGreaterThanOrEqual(4);
		expect([...formats].sort()).toEqual(
			expect.arrayContaining([
				'csv/banque-postale',
				'csv/boursobank',
				'csv/bpce',
				'csv/credit-agricole',
				'csv/credit-mutuel',
				'csv/societe-generale',
				'ofx/'
			])
		);
	});

	it('states balances that match the transactions to the cent', async () => {
		for (const [i, s] of DEMO_SCENARIOS.entries()) {
			const id = seed.households[s.household];
			const history = await loadHistory(h.db, (await operatorScope(h.db, id))!);
			const all = await h.db.selectFrom('bank_transaction').select('amount').where('household_id', '=', id).execute();
			expect(history.balance, s.household).not.toBeNull();
			expect(history.balance!.amount, `${s.household} (${i})`).toBe(
				s.openingBalance + all.reduce((sum, t) => sum + t.amount, 0)
			);
		}
	});

	it('is idempotent', async () => {
		const count = async () =>
			(
				await h.db
					.selectFrom('bank_transaction')
					.select((eb) => eb.fn.countAll().as('n'))
					.executeTakeFirstOrThrow()
			).n;
		const before = await count();
		expect(await seedDemo(h.db, NOW)).toEqual(seed);
		expect(await count()).toBe(before);
		expect(await h.db.selectFrom('import_batch').select('id').execute()).toHaveLength(DEMO_SCENARIOS.length);
	});
});

describe('demo bank files', () => {
	it('formats cents the way each bank writes them, without floats', () => {
		expect(bankAmount(-123456, { thousands: ' ' })).toBe('-1 234,56');
		expect(bankAmount(51200, { plus: true })).toBe('+512,00');
		expect(bankAmount(-4520, { trimZeros: true })).toBe('-45,2');
		expect(bankAmount(150000, { trimZeros: true })).toBe('1500');
		expect(bankAmount(-123456, { thousands: ' ', unsigned: true })).toBe('1 234,56');
		expect(bankAmount(122668, { decimal: '.' })).toBe('1226.68');
		expect(bankAmount(123456789, { thousands: '\u00a0' })).toBe('1\u00a0234\u00a0567,89');
		expect(bankAmount(-5)).toBe('-0,05');
		expect(() => bankAmount(12.5)).toThrow();
		expect([...encodeWindows1252('Libellé €')]).toEqual([76, 105, 98, 101, 108, 108, 0xe9, 32, 0x80]);
	});

	it('each bank’s file is read by the layout of that bank, with the same rows and the stated closing balance', () => {
		for (const [i, s] of DEMO_SCENARIOS.entries()) {
			const txs = generateTransactions(s, '2025-06-01', 3, '2025-08-29', 50 + i);
			const file = renderStatement(s, txs, { from: '2025-06-01', to: '2025-08-29' });
			const parsed = parseStatement(statementBytes(file), { fileName: file.fileName });
			expect({ bank: s.bank, layout: parsed.layout, encoding: parsed.encoding }).toEqual({
				bank: s.bank,
				layout: file.layout,
				encoding: file.encoding === 'utf-8' ? 'utf-8' : expect.any(String)
			});
			const account = parsed.accounts[0];
			expect(account.transactions.map((t) => `${t.bookingDate} ${t.amount}`).sort(), s.bank).toEqual(
				txs.map((t) => `${t.date} ${t.amount}`).sort()
			);
			for (const t of account.transactions) {
				expect(
					txs.some((x) => x.date === t.bookingDate && x.amount === t.amount && t.rawLabel.includes(x.label)),
					`${s.bank}: ${t.rawLabel}`
				).toBe(true);
			}
			const closing = txs.reduce((b, t) => b + t.amount, s.openingBalance);
			if (s.bank !== 'Shine')
				expect(
					account.balances.some((b) => b.amount === closing),
					s.bank
				).toBe(true);
		}
	});
});
