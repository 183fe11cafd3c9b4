/**
 * Letters written for a household and kept in its file (the fee claim to the bank, as the adviser edited
 * and printed it). Frozen.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
	const pg = db.getExecutor().adapter.supportsTransactionalDdl;
	const id = pg ? 'serial' : 'integer';
	const auto = <T extends { primaryKey(): T; autoIncrement(): T }>(c: T) =>
		pg ? c.primaryKey() : c.primaryKey().autoIncrement();
	await db.schema
		.createTable('household_letter')
		.addColumn('id', id, auto)
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('household_letter_org_household')
		.on('household_letter')
		.columns(['organisation_id', 'household_id', 'created_at'])
		.execute();
}

export async function down(db: Db): Promise<void> {
	await db.schema.dropTable('household_letter').execute();
}
