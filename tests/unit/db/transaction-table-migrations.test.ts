/**
 * Migrations 007 and 008 on a SQLite database that already holds transactions: the indexes change and the
 * table is rebuilt without its IN-list check, and nothing is lost, renumbered or unchecked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, rawSqlite, type DbHandle } from '$lib/server/db';
import { migrateTo, migrateToLatest } from '$lib/server/db/migrate';
import { testDialect } from '../../helpers/test-db';

const dir = mkdtempSync(join(tmpdir(), 'bgv-migrations-'));
let handle: DbHandle | null = null;
afterAll(async () => {
	await handle?.close();
	rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(testDialect !== 'sqlite')('bank_transaction migrations on existing data (SQLite)', () => {
	it('keeps every row, the references to them and the id counter, and still checks category_source', async () => {
		handle = createDb({ dialect: 'sqlite', path: join(dir, 'old.sqlite') });
		const db = handle.db;
		await migrateTo(db, '2026-11-28_006_benefit_definitions');
		const now = '2026-11-28T10:00:00.000Z';
		await sql`insert into category (id, label, group_id, kind) values ('food.groceries', 'Courses', 'food', 'expense')`.execute(
			db
		);
		const org = (
			await db
				.insertInto('organisation')
				.values({ name: 'O', created_at: now })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		const hh = (
			await db
				.insertInto('household')
				.values({ organisation_id: org, name: 'H', situation: null, created_at: now, archived_at: null })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		const account = (
			await db
				.insertInto('bank_account')
				.values({
					organisation_id: org,
					household_id: hh,
					name: 'A',
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
				.executeTakeFirstOrThrow()
		).id;
		const row = (i: number) => ({
			organisation_id: org,
			household_id: hh,
			account_id: account,
			booking_date: `2026-11-0${i}`,
			operation_date: null,
			amount: -100 * i,
			raw_label: `CARTE ${i}`,
			normalised_label: `CARTE ${i}`,
			payee: null,
			category_id: 'food.groceries',
			category_source: 'rule' as const,
			rule_id: null,
			categorised_by: null,
			categorised_at: null,
			import_batch_id: null,
			dedupe_key: `k${i}`,
			bank_id: null,
			created_at: now,
			tags: null,
			internal_transfer: 0 as const,
			operation_type: null
		});
		const ids = (
			await db
				.insertInto('bank_transaction')
				.values([row(1), row(2), row(3)])
				.returning('id')
				.execute()
		).map((r) => r.id);
		await db
			.insertInto('probable_duplicate')
			.values({
				organisation_id: org,
				household_id: hh,
				transaction_id: ids[1],
				existing_transaction_id: ids[0],
				import_batch_id: null,
				status: 'open',
				created_at: now
			})
			.execute();
		// the highest id is deleted: AUTOINCREMENT must not give it again after the rebuild
		await db.deleteFrom('bank_transaction').where('id', '=', ids[2]).execute();

		await migrateToLatest(db);

		const raw = rawSqlite(db)!;
		const ddl = raw.prepare(`select sql from sqlite_master where name = 'bank_transaction'`).pluck().get() as string;
		expect(ddl).not.toMatch(/category_source in \(/);
		expect(ddl).toMatch(/autoincrement/);
		expect(
			(await db.selectFrom('bank_transaction').select(['id', 'amount']).orderBy('id').execute()).map((r) => [
				r.id,
				r.amount
			])
		).toEqual([
			[ids[0], -100],
			[ids[1], -200]
		]);
		const duplicate = await db
			.selectFrom('probable_duplicate')
			.select(['transaction_id', 'existing_transaction_id'])
			.executeTakeFirstOrThrow();
		expect(duplicate).toEqual({ transaction_id: ids[1], existing_transaction_id: ids[0] });
		expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(raw.prepare('pragma foreign_key_check').all()).toEqual([]);
		const next = (await db.insertInto('bank_transaction').values(row(4)).returning('id').executeTakeFirstOrThrow()).id;
		expect(next).toBeGreaterThan(ids[2]);
		await expect(
			db
				.insertInto('bank_transaction')
				.values({ ...row(5), category_source: 'guess' as 'rule' })
				.execute()
		).rejects.toThrow(/CHECK/);
		// deleting a transaction still removes its review item (the cascade survived the rebuild)
		await db.deleteFrom('bank_transaction').where('id', '=', ids[1]).execute();
		expect(await db.selectFrom('probable_duplicate').select('id').execute()).toEqual([]);
		const indexes = raw
			.prepare(
				`select name from sqlite_master where type = 'index' and tbl_name = 'bank_transaction' and sql is not null order by name`
			)
			.pluck()
			.all();
		expect(indexes).toEqual(['bank_transaction_batch', 'bank_transaction_household_date']);
		const plan = raw
			.prepare(
				`explain query plan select id from bank_transaction where household_id = ? and booking_date >= ? order by booking_date`
			)
			.all(hh, '2026-01-01') as { detail: string }[];
		expect(plan.map((p) => p.detail).join(' ')).toMatch(/bank_transaction_household_date/);
	});
});
