/**
 * Query plans at scale (issue 20): on the scaled demo seed (1,000 households, 3 months each, statistics
 * refreshed with ANALYZE), the queries the caseload, the household overview, a month of transactions and an
 * import's dedupe actually run are captured as the services compile them (a Kysely plugin records every query
 * of the call), then explained — EXPLAIN QUERY PLAN on SQLite, EXPLAIN on PostgreSQL — and none may read the
 * whole of bank_transaction (SQLite: SCAN of the table without an index; PostgreSQL: Seq Scan on it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery, sql, type KyselyPlugin } from 'kysely';
import type { Db, DbHandle } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/session';
import { householdScope, type HouseholdScope } from '$lib/server/auth/access';
import { caseloadPage } from '$lib/server/services/caseload';
import { parseCaseloadQuery } from '$lib/server/services/caseload-view';
import { householdOverview } from '$lib/server/services/households';
import { transactionDays } from '$lib/server/services/transaction-list';
import { previewFile } from '$lib/server/services/import-service';
import { loadHistory } from '$lib/server/services/forecast-service';
import { addDaysIso } from '$lib/dates';
import { SCALE_MEMBER, scaledHousehold, seedScaledDemo } from '$db/seeds/demo-scale';
import { generateTransactions, renderStatement, statementBytes } from '$db/seeds/demo-statements';
import { createTestDb, testDialect } from '../../helpers/test-db';

const NOW = new Date('2026-12-04T09:00:00Z');
let h: DbHandle;
let member: HouseholdScope;
let adviser: Actor;

/** Runs `work` on a copy of the database handle that records the compiled SQL of every query it makes. */
async function captured(work: (db: Db) => Promise<unknown>): Promise<CompiledQuery[]> {
	const queries: CompiledQuery[] = [];
	const recorder: KyselyPlugin = {
		transformQuery: (args) => {
			queries.push(h.db.getExecutor().compileQuery(args.node, args.queryId));
			return args.node;
		},
		transformResult: (args) => Promise.resolve(args.result)
	};
	await work(h.db.withPlugin(recorder) as Db);
	return queries;
}

/** The plan lines that read the whole of bank_transaction (under its name or an alias). */
async function fullScans(q: CompiledQuery): Promise<string[]> {
	const aliases = ['bank_transaction', ...[...q.sql.matchAll(/"?bank_transaction"? as "?(\w+)"?/gi)].map((m) => m[1])];
	if (testDialect === 'postgres') {
		const plan = await h.db.executeQuery<{ 'QUERY PLAN': string }>(
			CompiledQuery.raw(`EXPLAIN ${q.sql}`, [...q.parameters])
		);
		return plan.rows.map((r) => r['QUERY PLAN']).filter((line) => /Seq Scan on bank_transaction\b/.test(line));
	}
	const plan = await h.db.executeQuery<{ detail: string }>(
		CompiledQuery.raw(`EXPLAIN QUERY PLAN ${q.sql}`, [...q.parameters])
	);
	return plan.rows
		.map((r) => r.detail)
		.filter((d) => aliases.some((a) => new RegExp(`^SCAN ${a}\\b`).test(d)) && !/USING (COVERING )?INDEX/.test(d));
}

async function expectNoFullScan(work: (db: Db) => Promise<unknown>): Promise<number> {
	const touching = (await captured(work)).filter((q) => /bank_transaction/i.test(q.sql));
	const scans: { sql: string; plan: string[] }[] = [];
	for (const q of touching) {
		const plan = await fullScans(q);
		if (plan.length) scans.push({ sql: q.sql, plan });
	}
	expect(scans).toEqual([]);
	return touching.length;
}

beforeAll(async () => {
	h = await createTestDb();
	await seedScaledDemo(h.db, { households: 1000, months: 3 }, NOW);
	await sql`ANALYZE`.execute(h.db);
	const user = await h.db
		.selectFrom('app_user')
		.select(['id', 'organisation_id', 'email', 'name', 'role'])
		.where('email', 'in', [SCALE_MEMBER, 'conseillere@demo.bgv.fr'])
		.execute();
	const actor = (email: string): Actor => {
		const r = user.find((u) => u.email === email)!;
		return { id: r.id, organisationId: r.organisation_id, email: r.email, name: r.name, role: r.role };
	};
	adviser = actor('conseillere@demo.bgv.fr');
	const first = await h.db
		.selectFrom('household')
		.select('id')
		.where('name', '=', scaledHousehold(0).name)
		.executeTakeFirstOrThrow();
	member = (await householdScope(h.db, actor(SCALE_MEMBER), first.id))!;
}, 240_000);

afterAll(async () => {
	await h?.close();
});

describe(`query plans on 1,000 households (${testDialect})`, () => {
	it('finds a full scan when there is one (the check itself)', async () => {
		const [q] = await captured((db) =>
			db.selectFrom('bank_transaction').select('id').where('amount', '=', -800).execute()
		);
		expect(await fullScans(q)).not.toEqual([]);
	});

	it('seeded about 150,000 transactions', async () => {
		const n = await h.db
			.selectFrom('bank_transaction')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(n.n)).toBeGreaterThan(100_000);
	});

	it('the caseload, this week and filtered, reads no whole bank_transaction', async () => {
		await expectNoFullScan((db) => caseloadPage(db, adviser, parseCaseloadQuery(new URLSearchParams()), NOW));
		await expectNoFullScan((db) =>
			caseloadPage(
				db,
				adviser,
				parseCaseloadQuery(new URLSearchParams('vue=tous&niveau=watch&decouvert=1&tri=fees')),
				NOW
			)
		);
	});

	it('the household overview and its forecast history use the household index', async () => {
		expect(await expectNoFullScan((db) => householdOverview(db, member))).toBeGreaterThan(0);
		expect(await expectNoFullScan((db) => loadHistory(db, member))).toBeGreaterThan(0);
	});

	it('a month of transactions uses an index', async () => {
		const filters = { month: '2026-11', category: null, uncategorised: false, accountId: null, search: null };
		expect(await expectNoFullScan((db) => transactionDays(db, member, filters))).toBeGreaterThan(0);
	});

	it("an import's dedupe and probable-duplicate lookups use an index", async () => {
		const { scenario } = scaledHousehold(0);
		const until = addDaysIso('2026-12-04', -1);
		const txs = generateTransactions(scenario, '2026-11-01', 2, until, 70_000, '2026-11-01');
		const file = renderStatement(scenario, txs, { from: '2026-11-01', to: until });
		const account = await h.db
			.selectFrom('bank_account')
			.select('id')
			.where('household_id', '=', member.householdId)
			.executeTakeFirstOrThrow();
		const req = { fileName: file.fileName, bytes: statementBytes(file), accountId: account.id };
		expect(await expectNoFullScan((db) => previewFile(db, member, req, { now: NOW }))).toBeGreaterThan(0);
	});
});
