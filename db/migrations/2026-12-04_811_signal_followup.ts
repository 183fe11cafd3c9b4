/**
 * What the adviser did about a fragility signal (issue 16, "signals with their follow-up: who, when, what
 * was done"): one row per follow-up, kept as history. Carries organisation_id. Frozen.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
	const pg = db.getExecutor().adapter.supportsTransactionalDdl;
	await db.schema
		.createTable('signal_followup')
		.addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		.addColumn('signal', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('author_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('signal_followup_household')
		.on('signal_followup')
		.columns(['household_id', 'signal'])
		.execute();
}

export async function down(db: Db): Promise<void> {
	await db.schema.dropTable('signal_followup').execute();
}
