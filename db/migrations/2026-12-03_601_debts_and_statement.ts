/**
 * The household's debts register (issue 16), the suggestions from recurring credit debits the adviser
 * dismissed, and the adviser's edits of the over-indebtedness budget statement's lines (issue 17).
 * Every table carries organisation_id. Frozen.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
	const pg = db.getExecutor().adapter.supportsTransactionalDdl;
	await db.schema
		.createTable('debt')
		.addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		.addColumn('creditor', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('outstanding', 'bigint', (c) => c.notNull().defaultTo(0))
		.addColumn('instalment', 'bigint', (c) => c.notNull().defaultTo(0))
		.addColumn('arrears', 'bigint', (c) => c.notNull().defaultTo(0))
		.addColumn('start_date', 'text')
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('source_key', 'text')
		.addColumn('created_by', 'integer')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('debt_household').on('debt').column('household_id').execute();
	await db.schema
		.createTable('debt_suggestion_dismissal')
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('source_key', 'text', (c) => c.notNull())
		.addColumn('dismissed_by', 'integer')
		.addColumn('dismissed_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('debt_suggestion_dismissal_pk', ['household_id', 'source_key'])
		.execute();
	await db.schema
		.createTable('statement_line_edit')
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('line_key', 'text', (c) => c.notNull())
		.addColumn('amount', 'bigint', (c) => c.notNull())
		.addColumn('note', 'text')
		.addColumn('edited_by', 'integer')
		.addColumn('edited_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('statement_line_edit_pk', ['household_id', 'line_key'])
		.execute();
}

export async function down(db: Db): Promise<void> {
	await db.schema.dropTable('statement_line_edit').ifExists().execute();
	await db.schema.dropTable('debt_suggestion_dismissal').ifExists().execute();
	await db.schema.dropTable('debt').ifExists().execute();
}
