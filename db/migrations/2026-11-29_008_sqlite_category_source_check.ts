/**
 * SQLite only: the check on bank_transaction.category_source is written as comparisons instead of an
 * IN list. SQLite evaluates a CHECK with an IN list of three values or more by building a temporary
 * index for every row written, which was a third of its work per imported row. Same rule, same rows.
 * SQLite cannot alter a CHECK, so the table is rebuilt as its documentation prescribes (foreign keys
 * off, new table, copy, drop, rename, indexes, foreign key check), keeping the AUTOINCREMENT counter.
 * PostgreSQL keeps its IN list, which costs nothing there. Frozen.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

const IN_LIST = `check (category_source in ('manual', 'rule', 'none'))`;
const COMPARISONS = `check (category_source = 'manual' or category_source = 'rule' or category_source = 'none')`;

async function rewriteCheck(db: Db, from: string, to: string): Promise<void> {
	if (db.getExecutor().adapter.supportsTransactionalDdl) return;
	const table = await sql<{
		sql: string;
	}>`select sql from sqlite_master where type = 'table' and name = 'bank_transaction'`.execute(db);
	const ddl = table.rows[0]?.sql;
	if (!ddl || !ddl.includes(from)) return;
	const indexes = await sql<{
		sql: string;
	}>`select sql from sqlite_master where type = 'index' and tbl_name = 'bank_transaction' and sql is not null`.execute(
		db
	);
	await sql`pragma foreign_keys = off`.execute(db);
	try {
		await db.transaction().execute(async (trx) => {
			const sequence = await sql<{
				seq: number;
			}>`select seq from sqlite_sequence where name = 'bank_transaction'`.execute(trx);
			await sql
				.raw(
					ddl.replace('CREATE TABLE "bank_transaction"', 'CREATE TABLE "bank_transaction_rebuilt"').replace(from, to)
				)
				.execute(trx);
			await sql`insert into bank_transaction_rebuilt select * from bank_transaction`.execute(trx);
			await sql`drop table bank_transaction`.execute(trx);
			await sql`alter table bank_transaction_rebuilt rename to bank_transaction`.execute(trx);
			for (const index of indexes.rows) await sql.raw(index.sql).execute(trx);
			const seq = sequence.rows[0]?.seq;
			if (seq !== undefined)
				await sql`update sqlite_sequence set seq = max(seq, ${seq}) where name = 'bank_transaction'`.execute(trx);
			const broken = await sql`pragma foreign_key_check`.execute(trx);
			if (broken.rows.length > 0)
				throw new Error(
					`foreign keys broken by the rebuild of bank_transaction: ${JSON.stringify(broken.rows.slice(0, 3))}`
				);
		});
	} finally {
		await sql`pragma foreign_keys = on`.execute(db);
	}
}

export async function up(db: Db): Promise<void> {
	await rewriteCheck(db, IN_LIST, COMPARISONS);
}

export async function down(db: Db): Promise<void> {
	await rewriteCheck(db, COMPARISONS, IN_LIST);
}
