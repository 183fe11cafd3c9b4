/**
 * Kill test (issue 13): a 100,000-row statement imported by `bgv import` in a child process, SIGKILLed at 20
 * moments spread over the import (each right after the process announced a stage: database opened, file
 * read, rules loaded, parsed, planned, every 10,000 rows written inside the transaction, committed, alerts
 * and status refreshed). After each kill the database opens, passes its integrity check, and each import
 * batch is all there or absent. A kill that lands after the commit leaves a whole batch: the next kills
 * then import into a new household, so that every kill interrupts a first import of the 100,000 rows.
 * Finally a longer statement (110,000 rows, the same 100,000 and older ones) imports into the household of
 * the last kill exactly the rows that are not there yet (10,000 when that kill came after the commit). Runs on the dialect of DATABASE_URL.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import { operatorScope } from '$lib/server/auth/access';
import { refreshHouseholdStatus } from '$lib/server/services/forecast-service';
import { closeHandle, openAt } from './db';
import { createTestDatabaseUrl, testDialect } from '../../helpers/test-db';
import { importRun, killAll, type Exit } from './cli-child';
import { importState } from './invariants';
import { statementCsv, type StatementSpec } from './statements';

const ROWS = 100_000;
const KILLED: StatementSpec = { newest: 0, days: 5_000, perDay: 20 };
const LONGER: StatementSpec = { newest: 0, days: 5_500, perDay: 20 };
const OLDEST = LONGER.days;

/** The 20 moments, in the order of an import; a kill after `write` finds the batch committed. */
const MOMENTS = [
	'opened',
	'read',
	'loadRules',
	'parse',
	'plan',
	'rows 1000',
	...Array.from({ length: 10 }, (_, i) => `rows ${5_000 + i * 10_000}`),
	'rows 100000',
	'write',
	'benefitAlerts',
	'householdStatus'
];
const AFTER_COMMIT = new Set(['write', 'benefitAlerts', 'householdStatus']);

let url: string;
let drop: () => Promise<void>;
let dir: string;
let organisationId: number;

async function withDb<T>(fn: (h: DbHandle) => Promise<T>): Promise<T> {
	const h = await openAt(url);
	try {
		return await fn(h);
	} finally {
		await closeHandle(h, url);
	}
}

async function newHousehold(h: DbHandle, name: string): Promise<number> {
	const row = await h.db
		.insertInto('household')
		.values({
			organisation_id: organisationId,
			name,
			situation: null,
			created_at: new Date().toISOString(),
			archived_at: null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

async function householdRows(h: DbHandle, householdId: number): Promise<number> {
	const r = await h.db
		.selectFrom('bank_transaction')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('household_id', '=', householdId)
		.executeTakeFirstOrThrow();
	return Number(r.n);
}

beforeAll(async () => {
	({ url, drop } = await createTestDatabaseUrl());
	dir = mkdtempSync(join(tmpdir(), 'bgv-kill-'));
	writeFileSync(join(dir, 'killed.csv'), statementCsv(KILLED, OLDEST));
	writeFileSync(join(dir, 'longer.csv'), statementCsv(LONGER, OLDEST));
	organisationId = await withDb(async (h) => {
		const org = await h.db
			.insertInto('organisation')
			.values({ name: 'Kill', created_at: new Date().toISOString() })
			.returning('id')
			.executeTakeFirstOrThrow();
		return org.id;
	});
});
afterEach(() => killAll());
afterAll(async () => {
	await drop();
	rmSync(dir, { recursive: true, force: true });
});

interface KillReport {
	moment: string;
	exit: Exit;
	committed: boolean;
}

describe(`SIGKILL during a 100,000-row import (${testDialect})`, () => {
	it('leaves every batch all there or absent, at each of 20 moments; a re-import completes it', async () => {
		expect(MOMENTS).toHaveLength(20);
		let household = await withDb((h) => newHousehold(h, 'Ménage tué 1'));
		const reports: KillReport[] = [];
		for (const moment of MOMENTS) {
			const run = importRun(url, household, join(dir, 'killed.csv'));
			await run.at(moment, 'SIGKILL');
			const exit = await run.exit;
			// after the last stages the process may have exited on its own before the signal arrived
			if (!AFTER_COMMIT.has(moment)) expect(exit, `kill after "${moment}"`).toEqual({ code: null, signal: 'SIGKILL' });
			const state = await withDb(importState);
			expect(state.problems, `after the kill at "${moment}"`).toEqual([]);
			expect(state.probableDuplicates).toBe(0);
			const mine = state.batches.filter((b) => b.householdId === household);
			expect(mine.length).toBeLessThanOrEqual(1);
			const committed = mine.length === 1;
			if (committed) expect(mine[0].rows).toBe(ROWS);
			else expect(await withDb((h) => householdRows(h, household))).toBe(0);
			if (AFTER_COMMIT.has(moment)) expect(committed, `killed after "${moment}", once committed`).toBe(true);
			reports.push({ moment, exit, committed });
			if (committed && reports.length < MOMENTS.length)
				household = await withDb((h) => newHousehold(h, `Ménage tué ${reports.length + 1}`));
		}
		console.info(
			`[kill ${testDialect}] ${reports.length} kills, ${reports.filter((r) => r.exit.signal === 'SIGKILL').length} by the signal: ` +
				reports
					.map((r) => `${r.moment}${r.committed ? ' (committed)' : ''}${r.exit.signal ? '' : ' (exited)'}`)
					.join(', ')
		);

		// The last kill came after the commit: its household holds the 100,000 rows.
		const before = await withDb((h) => householdRows(h, household));
		expect(before).toBe(ROWS);
		const run = importRun(url, household, join(dir, 'longer.csv'));
		expect(await run.exit).toEqual({ code: 0, signal: null });
		const file = run.json().files[0];
		expect(file.status).toBe('imported');
		expect(file.accounts?.[0]).toMatchObject({ imported: 110_000 - before, duplicates: before });
		await withDb(async (h) => {
			const state = await importState(h);
			expect(state.problems).toEqual([]);
			expect(state.probableDuplicates).toBe(0);
			expect(await householdRows(h, household)).toBe(110_000);
			// every batch holds its rows, and a household holds one whole import or nothing
			expect(state.transactions).toBe(state.batches.reduce((s, b) => s + b.rows, 0));
			// the status written after the re-import is the one its data gives
			const status = await h.db
				.selectFrom('household_status')
				.selectAll()
				.where('household_id', '=', household)
				.executeTakeFirstOrThrow();
			const scope = await operatorScope(h.db, household);
			await refreshHouseholdStatus(h.db, scope!, new Date(status.computed_at));
			const again = await h.db
				.selectFrom('household_status')
				.selectAll()
				.where('household_id', '=', household)
				.executeTakeFirstOrThrow();
			expect(again).toEqual(status);
		});
	}, 900_000);
});
