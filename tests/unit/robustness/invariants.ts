/**
 * What must hold in the database whatever happened to an import (killed at any moment, or racing another):
 * SQLite's own integrity check, each import batch all there or absent (its rows number its imported_count,
 * and no row, balance, review item or audit entry points at a batch that is not there), no account left
 * empty by an import that did not commit, and no dedupe key stored twice.
 */
import { sql } from 'kysely';
import { rawSqlite, type DbHandle } from '$lib/server/db';

export interface BatchState {
	id: number;
	householdId: number;
	importedCount: number;
	rows: number;
}

export interface ImportState {
	batches: BatchState[];
	transactions: number;
	probableDuplicates: number;
	/** every broken invariant, in words (empty when all hold) */
	problems: string[];
}

async function count(handle: DbHandle, query: string): Promise<number> {
	const r = await sql<{ n: number | string }>`${sql.raw(query)}`.execute(handle.db);
	return Number(r.rows[0].n);
}

const ORPHANS: [string, string][] = [
	[
		'transactions of a batch that is not there',
		`SELECT count(*) AS n FROM bank_transaction t WHERE t.import_batch_id IS NOT NULL
		 AND NOT EXISTS (SELECT 1 FROM import_batch b WHERE b.id = t.import_batch_id)`
	],
	['transactions without an import batch', `SELECT count(*) AS n FROM bank_transaction WHERE import_batch_id IS NULL`],
	[
		'balances of a batch or an account that is not there',
		`SELECT count(*) AS n FROM account_balance x
		 WHERE (x.import_batch_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM import_batch b WHERE b.id = x.import_batch_id))
		 OR NOT EXISTS (SELECT 1 FROM bank_account a WHERE a.id = x.account_id)`
	],
	[
		'probable duplicates pointing at a missing transaction or batch',
		`SELECT count(*) AS n FROM probable_duplicate p
		 WHERE NOT EXISTS (SELECT 1 FROM bank_transaction t WHERE t.id = p.transaction_id)
		 OR NOT EXISTS (SELECT 1 FROM bank_transaction t WHERE t.id = p.existing_transaction_id)
		 OR (p.import_batch_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM import_batch b WHERE b.id = p.import_batch_id))`
	],
	[
		'accounts left without any transaction',
		`SELECT count(*) AS n FROM bank_account a WHERE NOT EXISTS (SELECT 1 FROM bank_transaction t WHERE t.account_id = a.id)`
	],
	[
		'dedupe keys stored twice in an account',
		`SELECT count(*) AS n FROM (SELECT account_id, dedupe_key FROM bank_transaction
		 GROUP BY account_id, dedupe_key HAVING count(*) > 1) d`
	],
	[
		'import batches without their audit entry',
		`SELECT count(*) AS n FROM import_batch b WHERE NOT EXISTS (SELECT 1 FROM audit_log l
		 WHERE l.action = 'import' AND l.target_type = 'import_batch' AND l.target_id = CAST(b.id AS TEXT))`
	],
	[
		'import audit entries of a batch that is not there',
		`SELECT count(*) AS n FROM audit_log l WHERE l.action = 'import' AND NOT EXISTS
		 (SELECT 1 FROM import_batch b WHERE CAST(b.id AS TEXT) = l.target_id)`
	]
];

/** SQLite's integrity and foreign key checks (nothing to do on PostgreSQL, which has no such torn state). */
function sqliteProblems(handle: DbHandle): string[] {
	const raw = rawSqlite(handle.db);
	if (!raw) return [];
	const problems: string[] = [];
	const integrity = raw.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
	if (integrity.length !== 1 || integrity[0].integrity_check !== 'ok')
		problems.push(`integrity_check: ${integrity.map((r) => r.integrity_check).join('; ')}`);
	const fk = raw.pragma('foreign_key_check') as unknown[];
	if (fk.length > 0) problems.push(`foreign_key_check: ${fk.length} row(s) ${JSON.stringify(fk.slice(0, 3))}`);
	return problems;
}

/** The batches and the invariants of the whole database. */
export async function importState(handle: DbHandle): Promise<ImportState> {
	const problems = sqliteProblems(handle);
	const batches = (
		await sql<{ id: number; household_id: number; imported_count: number; rows: number | string }>`
			SELECT b.id, b.household_id, b.imported_count,
				(SELECT count(*) FROM bank_transaction t WHERE t.import_batch_id = b.id) AS rows
			FROM import_batch b ORDER BY b.id`.execute(handle.db)
	).rows.map((r) => ({ id: r.id, householdId: r.household_id, importedCount: r.imported_count, rows: Number(r.rows) }));
	for (const b of batches)
		if (b.rows !== b.importedCount)
			problems.push(`batch ${b.id}: ${b.rows} transaction rows, imported_count ${b.importedCount}`);
	for (const [what, query] of ORPHANS) {
		const n = await count(handle, query);
		if (n > 0) problems.push(`${n} ${what}`);
	}
	return {
		batches,
		transactions: await count(handle, 'SELECT count(*) AS n FROM bank_transaction'),
		probableDuplicates: await count(handle, 'SELECT count(*) AS n FROM probable_duplicate'),
		problems
	};
}
