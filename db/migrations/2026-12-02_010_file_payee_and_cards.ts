/**
 * What the bank says, kept: the payee the file itself names (OFX NAME, camt counterparty, neo-banks'
 * counterparty columns) in its own column, beside the payee BGV derives; and the kind of an account, so
 * that a deferred card's statement and the current account that pays it can count each euro once. Frozen.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
	await db.schema.alterTable('bank_transaction').addColumn('imported_payee', 'text').execute();
	await db.schema
		.alterTable('bank_account')
		.addColumn('kind', 'text', (c) => c.notNull().defaultTo('bank'))
		.execute();
}

export async function down(db: Db): Promise<void> {
	await db.schema.alterTable('bank_account').dropColumn('kind').execute();
	await db.schema.alterTable('bank_transaction').dropColumn('imported_payee').execute();
}
