/**
 * Import and categorisation: categorisation rules (shared defaults with organisation_id null, or a
 * household's own), tags on transactions, the probable duplicates kept for review. Frozen.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
	await db.schema
		.createTable('categorisation_rule')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organisation_id', 'integer')
		.addColumn('household_id', 'integer', (c) => c.references('household.id').onDelete('cascade'))
		.addColumn('scope', 'text', (c) => c.notNull())
		.addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('definition', 'text', (c) => c.notNull())
		.addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_by', 'integer')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('categorisation_rule_household')
		.on('categorisation_rule')
		.columns(['household_id', 'scope'])
		.execute();

	await db.schema.alterTable('bank_transaction').addColumn('tags', 'text').execute();
	await db.schema
		.alterTable('bank_transaction')
		.addColumn('internal_transfer', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema.alterTable('bank_transaction').addColumn('operation_type', 'text').execute();
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

	await db.schema
		.createTable('probable_duplicate')
		.addColumn('id', db.getExecutor().adapter.supportsTransactionalDdl ? 'serial' : 'integer', (c) =>
			db.getExecutor().adapter.supportsTransactionalDdl ? c.primaryKey() : c.primaryKey().autoIncrement()
		)
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		.addColumn('transaction_id', 'bigint', (c) => c.notNull().references('bank_transaction.id').onDelete('cascade'))
		.addColumn('existing_transaction_id', 'bigint', (c) =>
			c.notNull().references('bank_transaction.id').onDelete('cascade')
		)
		.addColumn('import_batch_id', 'integer', (c) => c.references('import_batch.id').onDelete('cascade'))
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	// A file waiting for the person to map its columns or choose its date order (shared by all processes).
	await db.schema
		.createTable('pending_import')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		.addColumn('user_id', 'integer', (c) => c.notNull())
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('content', db.getExecutor().adapter.supportsTransactionalDdl ? 'bytea' : 'blob', (c) => c.notNull())
		.addColumn('options', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('probable_duplicate_household')
		.on('probable_duplicate')
		.columns(['household_id', 'status'])
		.execute();
}

export async function down(db: Db): Promise<void> {
	await db.schema.dropTable('pending_import').ifExists().execute();
	await db.schema.dropTable('probable_duplicate').ifExists().execute();
	await db.schema.dropIndex('bank_transaction_household_payee').ifExists().execute();
	await db.schema.dropIndex('bank_transaction_household_category').ifExists().execute();
	await db.schema.alterTable('bank_transaction').dropColumn('operation_type').execute();
	await db.schema.alterTable('bank_transaction').dropColumn('internal_transfer').execute();
	await db.schema.alterTable('bank_transaction').dropColumn('tags').execute();
	await db.schema.dropTable('categorisation_rule').ifExists().execute();
}
