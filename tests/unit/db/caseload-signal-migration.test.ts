/**
 * Migration 1001 on a database that already holds caseload rows: each row's stored signals become rows of
 * caseload_signal, in their order, so the caseload's SQL filters see them without a recomputation.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '$lib/server/db';
import { migrateTo, migrateToLatest } from '$lib/server/db/migrate';
import { testDialect } from '../../helpers/test-db';

const dir = mkdtempSync(join(tmpdir(), 'bgv-migrations-'));
let handle: DbHandle | null = null;
afterAll(async () => {
	await handle?.close();
	rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(testDialect !== 'sqlite')('caseload_signal filled from the stored caseload rows', () => {
	it('gives each stored signal its row, in order, and none to a row without signals', async () => {
		handle = createDb({ dialect: 'sqlite', path: join(dir, 'old.sqlite') });
		const db = handle.db;
		await migrateTo(db, '2026-12-05_911_plan_snapshot');
		const now = '2026-12-05T10:00:00.000Z';
		const org = (
			await db
				.insertInto('organisation')
				.values({ name: 'O', created_at: now })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		const household = async (name: string) =>
			(
				await db
					.insertInto('household')
					.values({ organisation_id: org, name, situation: null, created_at: now, archived_at: null })
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		const row = (household_id: number, signals: unknown[]) => ({
			household_id,
			organisation_id: org,
			level: 'high',
			level_rank: 3,
			regulatory_fragile: 0 as const,
			signals: JSON.stringify(signals),
			fees_month_amount: 0,
			fees_3m: 0,
			rejected_3m: 0,
			benefits_count: 0,
			benefits_yearly: 0,
			missing_income: 0 as const,
			computed_at: now
		});
		const [a, b] = [await household('A'), await household('B')];
		await db
			.insertInto('caseload_row')
			.values([
				row(a, [
					{ id: 'F8_overdraft', level: 'high', title: 'Découvert', message: 'x', amount: -1000 },
					{ id: 'F12_reste_a_vivre', level: 'fragile', title: 'Reste à vivre insuffisant', message: 'y' }
				]),
				row(b, [])
			])
			.execute();
		await migrateToLatest(db);
		const signals = await db
			.selectFrom('caseload_signal')
			.select(['household_id', 'organisation_id', 'position', 'signal_id', 'level', 'title'])
			.orderBy('household_id')
			.orderBy('position')
			.execute();
		expect(signals).toEqual([
			{
				household_id: a,
				organisation_id: org,
				position: 0,
				signal_id: 'F8_overdraft',
				level: 'high',
				title: 'Découvert'
			},
			{
				household_id: a,
				organisation_id: org,
				position: 1,
				signal_id: 'F12_reste_a_vivre',
				level: 'fragile',
				title: 'Reste à vivre insuffisant'
			}
		]);
	});
});
