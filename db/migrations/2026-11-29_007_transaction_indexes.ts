/**
 * The indexes of bank_transaction, fitted to the queries that use them. Every read of a household's
 * transactions filters on household_id (its organisation is already checked), but the date index led with
 * organisation_id, so SQLite and PostgreSQL used the payee index and sorted instead. It now leads with
 * household_id and serves the lists, the budget, the forecast and the payee and category filters (one
 * household's rows, read in date order). The account, category and payee indexes are dropped: the
 * account's queries use the dedupe key (account_id first) or the household's dates, and each index
 * cost a tenth of an import's write time. probable_duplicate gets the indexes its two foreign keys need:
 * without them, removing an import's transactions scanned that table twice per row. Frozen.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
	await db.schema.dropIndex('bank_transaction_household_date').ifExists().execute();
	await db.schema.dropIndex('bank_transaction_account_date').ifExists().execute();
	await db.schema.dropIndex('bank_transaction_household_category').ifExists().execute();
	await db.schema.dropIndex('bank_transaction_household_payee').ifExists().execute();
	await db.schema
		.createIndex('bank_transaction_household_date')
		.on('bank_transaction')
		.columns(['household_id', 'booking_date'])
		.execute();
	await db.schema
		.createIndex('probable_duplicate_transaction')
		.on('probable_duplicate')
		.column('transaction_id')
		.execute();
	await db.schema
		.createIndex('probable_duplicate_existing')
		.on('probable_duplicate')
		.column('existing_transaction_id')
		.execute();
}

export async function down(db: Db): Promise<void> {
	await db.schema.dropIndex('probable_duplicate_existing').ifExists().execute();
	await db.schema.dropIndex('probable_duplicate_transaction').ifExists().execute();
	await db.schema.dropIndex('bank_transaction_household_date').ifExists().execute();
	await db.schema
		.createIndex('bank_transaction_household_date')
		.on('bank_transaction')
		.columns(['organisation_id', 'household_id', 'booking_date'])
		.execute();
	await db.schema
		.createIndex('bank_transaction_account_date')
		.on('bank_transaction')
		.columns(['account_id', 'booking_date'])
		.execute();
	await db.schema
		.createIndex('bank_transaction_household_category')
		.on('bank_transaction')
		.columns(['household_id', 'category_id'])
		.execute();
	await db.schema
		.createIndex('bank_transaction_household_payee')
		.on('bank_transaction')
		.columns(['household_id', 'payee'])
		.execute();
}
