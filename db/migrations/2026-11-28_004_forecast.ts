/**
 * Forecast: the household's or adviser's decisions on detected recurring series (kept across
 * re-detection) and planned items entered by hand. Manual balances use account_balance (source manual).
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
	const pg = db.getExecutor().adapter.supportsTransactionalDdl;
	await db.schema
		.createTable('series_override')
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('amount', 'bigint')
		.addColumn('day_of_month', 'integer')
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'integer')
		.addPrimaryKeyConstraint('series_override_pk', ['household_id', 'key'])
		.execute();
	await db.schema
		.createTable('planned_item')
		.addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		.addColumn('date', 'text', (c) => c.notNull())
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('amount', 'bigint', (c) => c.notNull())
		.addColumn('cadence', 'text')
		.addColumn('until', 'text')
		.addColumn('created_by', 'integer')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('planned_item_household').on('planned_item').column('household_id').execute();
}

export async function down(db: Db): Promise<void> {
	await db.schema.dropTable('planned_item').ifExists().execute();
	await db.schema.dropTable('series_override').ifExists().execute();
}
