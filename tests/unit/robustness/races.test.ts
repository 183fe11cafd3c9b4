/**
 * Two races found by the concurrency test, each forced here in one process: a first operation is held by a
 * gate on its next INSERT into a table while a second one, on another connection, runs; the second is let
 * go on until it finishes or waits for a lock, then the first is released.
 * - Two first imports of the same account (PostgreSQL): each created its own account, and the rows the two
 *   statements share were stored twice. The second must wait for the first and find its account.
 * - The household status: a refresh that read the data before another import committed must not write
 *   after that import's own refresh (its stale status would stay). On PostgreSQL the second refresh waits
 *   for the first; on SQLite a refresh reads and writes inside one IMMEDIATE transaction, so while it is
 *   held no other connection can even begin a write.
 * - SQLite: an import commit that cannot get the write lock within busy_timeout (four 100,000-row imports at
 *   once: two failed with "database is locked") is tried again.
 */
import SQLite from 'better-sqlite3';
import { sql, InsertQueryBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '$lib/server/config';
import { rawSqlite, type DbHandle } from '$lib/server/db';
import { operatorScope, type HouseholdScope } from '$lib/server/auth/access';
import { refreshHouseholdStatus } from '$lib/server/services/forecast-service';
import { importFile, planFile } from '$lib/server/services/import-service';
import { settleBackground } from '$lib/server/db/background';
import { commitPlan } from '$lib/server/services/import/commit';
import { loadCategoriser } from '$lib/server/services/categoriser';
import { closeHandle, openAt } from './db';
import { createTestDatabaseUrl, testDialect } from '../../helpers/test-db';
import { NEWEST_DATE, statementCsv, unionRows, type StatementSpec } from './statements';

const OLDER: StatementSpec = { newest: 60, days: 120, perDay: 5 };
const NEWER: StatementSpec = { newest: 0, days: 120, perDay: 5 };
const OLDEST = 180;
const enc = (s: string) => new TextEncoder().encode(s);

let url: string;
let drop: () => Promise<void>;
let h: DbHandle;
let other: DbHandle;
let scope: HouseholdScope;
let fresh: HouseholdScope;

/** Holds the next INSERT into `table` until released (this process only). */
function insertGate(table: string) {
	const original = InsertQueryBuilder.prototype.execute;
	let entered!: () => void;
	let release!: () => void;
	const reached = new Promise<void>((r) => (entered = r));
	const released = new Promise<void>((r) => (release = r));
	let armed = true;
	InsertQueryBuilder.prototype.execute = async function (this: InsertQueryBuilder<never, never, never>) {
		if (armed && this.toOperationNode().into?.table.identifier.name === table) {
			armed = false;
			entered();
			await released;
		}
		return original.call(this);
	} as typeof original;
	return {
		reached,
		release,
		restore: () => {
			InsertQueryBuilder.prototype.execute = original;
		}
	};
}

beforeAll(async () => {
	({ url, drop } = await createTestDatabaseUrl());
	h = await openAt(url);
	other = await openAt(url);
	const at = new Date().toISOString();
	const org = await h.db
		.insertInto('organisation')
		.values({ name: 'O', created_at: at })
		.returning('id')
		.executeTakeFirstOrThrow();
	const hh = await h.db
		.insertInto('household')
		.values({ organisation_id: org.id, name: 'H', situation: null, created_at: at, archived_at: null })
		.returning('id')
		.executeTakeFirstOrThrow();
	scope = (await operatorScope(h.db, hh.id))!;
	const empty = await h.db
		.insertInto('household')
		.values({ organisation_id: org.id, name: 'Vide', situation: null, created_at: at, archived_at: null })
		.returning('id')
		.executeTakeFirstOrThrow();
	fresh = (await operatorScope(h.db, empty.id))!;
	const first = await importFile(h.db, scope, { fileName: 'older.csv', bytes: enc(statementCsv(OLDER, OLDEST)) });
	expect(first.status).toBe('imported');
});
afterAll(async () => {
	if (other) await closeHandle(other, url);
	if (h) await closeHandle(h, url);
	await drop();
});

async function status() {
	return h.db
		.selectFrom('household_status')
		.selectAll()
		.where('household_id', '=', scope.householdId)
		.executeTakeFirst();
}

/** Resolves once a backend of this database waits for a lock (PostgreSQL). */
async function someoneWaitsForALock(): Promise<void> {
	for (;;) {
		const r = await sql<{ n: string }>`SELECT count(*) AS n FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(h.db);
		if (Number(r.rows[0].n) > 0) return;
		await new Promise((r) => setTimeout(r, 10));
	}
}

describe(`two first imports of one account (${testDialect})`, () => {
	it.runIf(testDialect === 'postgres')('the later one finds the account the earlier one created', async () => {
		const request = (spec: StatementSpec, name: string) => ({ fileName: name, bytes: enc(statementCsv(spec, OLDEST)) });
		const categoriser = await loadCategoriser(h.db, fresh);
		// both planned before either commits: each plan has the account to create
		const [first, second] = await Promise.all([
			planFile(h.db, fresh, request(OLDER, 'older.csv'), categoriser),
			planFile(other.db, fresh, request(NEWER, 'newer.csv'), categoriser)
		]);
		if ('status' in first || 'status' in second) throw new Error('rejected');
		expect([first.accounts[0].existing, second.accounts[0].existing]).toEqual([null, null]);
		const gate = insertGate('bank_transaction');
		try {
			const one = commitPlan(h.db, fresh, first, { categoriser });
			await gate.reached;
			const two = commitPlan(other.db, fresh, second, { categoriser });
			await Promise.race([two, someoneWaitsForALock()]);
			gate.release();
			expect((await one).status).toBe('imported');
			expect((await two).status).toBe('imported');
		} finally {
			gate.restore();
		}
		const accounts = await h.db
			.selectFrom('bank_account')
			.select('id')
			.where('household_id', '=', fresh.householdId)
			.execute();
		expect(accounts).toHaveLength(1);
		const rows = await h.db
			.selectFrom('bank_transaction')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('household_id', '=', fresh.householdId)
			.executeTakeFirstOrThrow();
		expect(Number(rows.n)).toBe(unionRows([OLDER, NEWER]).length);
	});
});

describe(`household status refresh racing an import (${testDialect})`, () => {
	it.runIf(testDialect === 'postgres')('a refresh that read before a commit never writes after it', async () => {
		const gate = insertGate('household_status');
		try {
			const stale = refreshHouseholdStatus(h.db, scope, new Date());
			await gate.reached;
			// the older statement only has been read; the newer one is committed and refreshed meanwhile
			const second = importFile(other.db, scope, { fileName: 'newer.csv', bytes: enc(statementCsv(NEWER, OLDEST)) });
			await Promise.race([second, someoneWaitsForALock()]);
			gate.release();
			await stale;
			expect((await second).status).toBe('imported');
			// the newer import refreshes the household after its response
			await settleBackground(other.db);
		} finally {
			gate.restore();
		}
		expect((await status())?.balance_date).toBe(NEWEST_DATE);
	});

	it.runIf(testDialect === 'sqlite')('a refresh reads and writes holding the write lock', async () => {
		const gate = insertGate('household_status');
		const target = parseDatabaseUrl(url);
		if (target.dialect !== 'sqlite') throw new Error('SQLite only');
		const probe = new SQLite(target.path, { timeout: 0 });
		try {
			const refresh = refreshHouseholdStatus(h.db, scope, new Date());
			await gate.reached;
			// its reads are done, its write is to come: no other connection may commit in between
			expect(() => probe.exec('BEGIN IMMEDIATE')).toThrow(/locked|busy/i);
			gate.release();
			await refresh;
			probe.exec('BEGIN IMMEDIATE');
			probe.exec('ROLLBACK');
		} finally {
			gate.restore();
			probe.close();
		}
		expect((await status())?.balance_date).toBeDefined();
	});
});

describe(`an import commit that finds the database busy (${testDialect})`, () => {
	it.runIf(testDialect === 'sqlite')('is tried again once the write lock is free', async () => {
		const target = parseDatabaseUrl(url);
		if (target.dialect !== 'sqlite') throw new Error('SQLite only');
		const categoriser = await loadCategoriser(h.db, fresh);
		const plan = await planFile(
			h.db,
			fresh,
			{ fileName: 'older.csv', bytes: enc(statementCsv(OLDER, OLDEST)) },
			categoriser
		);
		if ('status' in plan) throw new Error('rejected');
		// another connection holds the write lock; this one gives up at once instead of after busy_timeout
		const probe = new SQLite(target.path, { timeout: 0 });
		const raw = rawSqlite(h.db)!;
		raw.pragma('busy_timeout = 0');
		probe.exec('BEGIN IMMEDIATE');
		let released = false;
		let timer: ReturnType<typeof setTimeout> | undefined;
		try {
			const commit = commitPlan(h.db, fresh, plan, { categoriser });
			// the first attempt has failed by now (nothing but microtasks before its BEGIN IMMEDIATE);
			// the lock is freed before the retry's back-off ends
			timer = setTimeout(() => {
				probe.exec('ROLLBACK');
				released = true;
			}, 10);
			const result = await commit;
			expect(released).toBe(true);
			expect(result.status).toBe('imported');
		} finally {
			clearTimeout(timer);
			if (!released) probe.exec('ROLLBACK');
			raw.pragma('busy_timeout = 5000');
			probe.close();
		}
	});
});
