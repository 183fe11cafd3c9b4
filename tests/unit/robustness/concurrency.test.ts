/**
 * Concurrency test (issue 13, finding 6): two `bgv import` processes import overlapping statements (3,000
 * rows each, 1,500 shared) into the same household at the same time, 20 trials. The interleavings are
 * forced with the stages the processes announce: free running; both planned before either commits (both
 * plans hold the shared rows as new); one stopped inside its open transaction while the other plans; one
 * stopped once committed, before its refresh, while the other plans (its refresh then races the other's
 * commit: finding 6); one stopped inside its status refresh. A stopped process is resumed as soon as the
 * other has planned, which takes no lock: no trial waits on a lock held by a stopped process.
 * Every trial: both exit 0 with nothing on stderr but their report, the union of the rows is there exactly
 * once, each batch holds what it says, and the household status is the one the final data gives.
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
import { importRun, killAll, type CliRun } from './cli-child';
import { importState } from './invariants';
import { NEWEST_DATE, rowKey, statementCsv, statementRows, unionRows, type StatementSpec } from './statements';

const OLDER: StatementSpec = { newest: 60, days: 120, perDay: 25 };
const NEWER: StatementSpec = { newest: 0, days: 120, perDay: 25 };
const OLDEST = 180;
const TRIALS = 20;

/**
 * Both processes stopped once they announced `opened`: past their start-up (which migrates and writes the
 * reference rows, so takes SQLite's write lock), before reading their file. From there on, reading and
 * planning take no lock, so a process stopped later never blocks the other before the other has planned.
 */
async function bothOpened(p: CliRun, q: CliRun): Promise<void> {
	await Promise.all([p.at('opened', 'SIGSTOP'), q.at('opened', 'SIGSTOP')]);
}

/** From both started to both let run to their end. */
type Interleaving = (stopped: CliRun, other: CliRun) => Promise<void>;

/** `p` stopped at `stage` (resumed once `q` has planned), both released from `opened` at once. */
function stopUntilOtherPlanned(stage: string): Interleaving {
	return async (p, q) => {
		await bothOpened(p, q);
		const stopped = p.at(stage, 'SIGSTOP');
		p.resume();
		q.resume();
		await stopped;
		await q.at('plan');
		p.resume();
	};
}

const INTERLEAVINGS: [string, Interleaving][] = [
	['free running', async () => {}],
	[
		'both planned, then both commit',
		async (p, q) => {
			await bothOpened(p, q);
			const planned = Promise.all([p.at('plan', 'SIGSTOP'), q.at('plan', 'SIGSTOP')]);
			p.resume();
			q.resume();
			await planned;
			p.resume();
			q.resume();
		}
	],
	['one stopped inside its transaction while the other plans', stopUntilOtherPlanned('rows 1000')],
	['one stopped between its commit and its refresh while the other plans', stopUntilOtherPlanned('write')],
	['one stopped inside its status refresh while the other plans', stopUntilOtherPlanned('benefitAlerts')]
];

let url: string;
let drop: () => Promise<void>;
let dir: string;
let h: DbHandle;
let organisationId: number;

beforeAll(async () => {
	({ url, drop } = await createTestDatabaseUrl());
	dir = mkdtempSync(join(tmpdir(), 'bgv-race-'));
	writeFileSync(join(dir, 'older.csv'), statementCsv(OLDER, OLDEST));
	writeFileSync(join(dir, 'newer.csv'), statementCsv(NEWER, OLDEST));
	h = await openAt(url);
	const org = await h.db
		.insertInto('organisation')
		.values({ name: 'Concurrence', created_at: new Date().toISOString() })
		.returning('id')
		.executeTakeFirstOrThrow();
	organisationId = org.id;
});
afterEach(() => killAll());
afterAll(async () => {
	if (h) await closeHandle(h, url);
	await drop();
	rmSync(dir, { recursive: true, force: true });
});

async function newHousehold(name: string): Promise<number> {
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

/** What must be true of a household after the two imports, whatever their interleaving. */
async function checkHousehold(householdId: number, label: string): Promise<void> {
	const stored = await h.db
		.selectFrom('bank_transaction')
		.select(['booking_date', 'amount', 'raw_label'])
		.where('household_id', '=', householdId)
		.execute();
	const keys = stored.map((r) => rowKey({ date: r.booking_date, amount: r.amount, label: r.raw_label })).sort();
	expect(keys, `${label}: the union of the rows, each once`).toEqual(unionRows([OLDER, NEWER]).map(rowKey).sort());
	const status = await h.db
		.selectFrom('household_status')
		.selectAll()
		.where('household_id', '=', householdId)
		.executeTakeFirst();
	expect(status, `${label}: household status written`).toBeDefined();
	expect(status!.balance_date, `${label}: status from the newest statement`).toBe(NEWEST_DATE);
	// the status is what the final data gives (recomputed with the same clock), not that of one import alone
	const scope = await operatorScope(h.db, householdId);
	await refreshHouseholdStatus(h.db, scope!, new Date(status!.computed_at));
	const fresh = await h.db
		.selectFrom('household_status')
		.selectAll()
		.where('household_id', '=', householdId)
		.executeTakeFirstOrThrow();
	expect(status, `${label}: household status refreshed from both imports`).toEqual(fresh);
}

function checkRun(run: CliRun, rows: number, label: string): { imported: number } {
	expect(run.stderr.replace(/^bgv:stage .*\n/gm, ''), `${label}: stderr`).toBe('');
	const file = run.json().files[0];
	expect(file.status, label).toBe('imported');
	const account = file.accounts![0];
	expect(account.imported + account.duplicates, label).toBe(rows);
	return { imported: account.imported };
}

describe(`two bgv import processes on one household (${testDialect})`, () => {
	it(`imports the union of overlapping statements exactly once, ${TRIALS} trials`, async () => {
		const union = unionRows([OLDER, NEWER]).length;
		const seen: string[] = [];
		for (let t = 0; t < TRIALS; t++) {
			const [name, interleave] = INTERLEAVINGS[t % INTERLEAVINGS.length];
			const label = `trial ${t + 1} (${name})`;
			const household = await newHousehold(`Ménage ${t + 1}`);
			// the stopped process imports the older statement in even trials, the newer one in odd trials
			const files = t % 2 === 0 ? ['older.csv', 'newer.csv'] : ['newer.csv', 'older.csv'];
			const [p, q] = files.map((f) => importRun(url, household, join(dir, f)));
			await interleave(p, q);
			const [ep, eq] = await Promise.all([p.exit, q.exit]);
			expect([ep, eq], `${label}: both exit 0\n${p.stderr}\n${q.stderr}`).toEqual([
				{ code: 0, signal: null },
				{ code: 0, signal: null }
			]);
			const rows = (f: string) => statementRows(f === 'older.csv' ? OLDER : NEWER).length;
			const a = checkRun(p, rows(files[0]), `${label}, first`);
			const b = checkRun(q, rows(files[1]), `${label}, second`);
			expect(a.imported + b.imported, `${label}: rows imported by the two`).toBe(union);
			await checkHousehold(household, label);
			seen.push(`${a.imported}+${b.imported}`);
		}
		const state = await importState(h);
		expect(state.problems).toEqual([]);
		expect(state.probableDuplicates).toBe(0);
		expect(state.batches).toHaveLength(2 * TRIALS);
		console.info(`[concurrency ${testDialect}] ${TRIALS} trials, rows imported first+second: ${seen.join(', ')}`);
	}, 600_000);
});
