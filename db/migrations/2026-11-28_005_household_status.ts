/**
 * What the adviser's caseload shows about each household's forecast (first projected overdraft, lowest
 * balance, alerts), computed after each import or forecast change instead of on every caseload view.
 * Frozen.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
	await db.schema
		.createTable('household_status')
		.addColumn('household_id', 'integer', (c) => c.primaryKey().references('household.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('balance_date', 'text')
		.addColumn('balance', 'bigint')
		.addColumn('first_overdraft', 'text')
		.addColumn('lowest_balance', 'bigint')
		.addColumn('alerts', 'text', (c) => c.notNull())
		.addColumn('computed_at', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Db): Promise<void> {
	await db.schema.dropTable('household_status').ifExists().execute();
}
