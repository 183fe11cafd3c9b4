/**
 * The registrations an adviser records for a household (issue 16, fragility signal F4): FICP, FCC, a
 * surendettement file declared admissible, a plan in progress; each with the day it started and, once
 * lifted or completed, the day it ended. Carries organisation_id. Frozen.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
	const pg = db.getExecutor().adapter.supportsTransactionalDdl;
	await db.schema
		.createTable('household_register')
		.addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('since', 'text', (c) => c.notNull())
		.addColumn('until', 'text')
		.addColumn('recorded_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('recorded_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('household_register_household').on('household_register').column('household_id').execute();
}

export async function down(db: Db): Promise<void> {
	await db.schema.dropTable('household_register').execute();
}
