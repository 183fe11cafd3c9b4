import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_CATEGORIES } from '$lib/categories';
import { parseDatabaseUrl } from '$lib/server/config';
import type { DbHandle } from '$lib/server/db';
import { prepareDatabase } from '$lib/server/services/reference-data';
import { createTestDb } from '../../helpers/test-db';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDb();
});
afterAll(async () => {
	await h.close();
});

describe('database', () => {
	it('selects the dialect from DATABASE_URL', () => {
		expect(parseDatabaseUrl('postgres://u@h/db')).toEqual({ dialect: 'postgres', url: 'postgres://u@h/db' });
		expect(parseDatabaseUrl('postgresql://u@h/db').dialect).toBe('postgres');
		expect(parseDatabaseUrl(undefined)).toEqual({ dialect: 'sqlite', path: 'data/bgv.sqlite' });
		expect(parseDatabaseUrl('file:/tmp/x.sqlite')).toEqual({ dialect: 'sqlite', path: '/tmp/x.sqlite' });
		expect(parseDatabaseUrl('tmp/y.db')).toEqual({ dialect: 'sqlite', path: 'tmp/y.db' });
	});

	it('seeds the built-in categories idempotently', async () => {
		await prepareDatabase(h.db);
		const rows = await h.db.selectFrom('category').select(['id', 'kind']).execute();
		expect(rows).toHaveLength(BUILTIN_CATEGORIES.length);
		expect(rows.find((r) => r.id === 'bank.rejected')?.kind).toBe('neutral');
	});

	it('stores money as exact integer cents, beyond 2^31', async () => {
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
		const acc = await h.db
			.insertInto('bank_account')
			.values({
				organisation_id: org.id,
				household_id: hh.id,
				name: 'CC',
				bank: null,
				account_number: null,
				iban: null,
				currency: 'EUR',
				overdraft_limit: null,
				overdraft_rate_bp: null,
				csv_mapping: null,
				created_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const base = {
			organisation_id: org.id,
			household_id: hh.id,
			account_id: acc.id,
			booking_date: '2026-11-02',
			operation_date: null,
			raw_label: 'X',
			normalised_label: 'x',
			payee: null,
			category_id: 'uncategorised',
			category_source: 'none' as const,
			rule_id: null,
			categorised_by: null,
			categorised_at: null,
			import_batch_id: null,
			bank_id: null,
			created_at: now
		};
		await h.db
			.insertInto('bank_transaction')
			.values({ ...base, amount: 900719925474099, dedupe_key: 'a' })
			.execute();
		await h.db
			.insertInto('bank_transaction')
			.values({ ...base, amount: -1, dedupe_key: 'b' })
			.execute();
		const row = await h.db
			.selectFrom('bank_transaction')
			.select((eb) => eb.fn.sum<number>('amount').as('s'))
			.executeTakeFirstOrThrow();
		expect(Number(row.s)).toBe(900719925474098);
		const first = await h.db
			.selectFrom('bank_transaction')
			.select('amount')
			.where('dedupe_key', '=', 'a')
			.executeTakeFirstOrThrow();
		expect(first.amount).toBe(900719925474099);
		await expect(
			h.db
				.insertInto('bank_transaction')
				.values({ ...base, amount: 5, dedupe_key: 'a' })
				.execute()
		).rejects.toThrow();
	});
});
