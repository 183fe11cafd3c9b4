/**
 * Non-recours: the household's profile, the dated benefit parameters (editable by admins), the alerts with
 * their life cycle, and anonymous counts of the professionals' quick checks. Frozen.
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
		.createTable('household_profile')
		.addColumn('household_id', 'integer', (c) => c.primaryKey().references('household.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('profile', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'integer')
		.execute();

	await db.schema
		.createTable('benefit_parameter')
		.addColumn('id', id, auto)
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('unit', 'text', (c) => c.notNull())
		.addColumn('effective_from', 'text', (c) => c.notNull())
		.addColumn('effective_to', 'text')
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'integer')
		.addUniqueConstraint('benefit_parameter_version', ['key', 'effective_from'])
		.execute();

	await db.schema
		.createTable('benefit_alert')
		.addColumn('id', id, auto)
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		.addColumn('benefit', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('amount', 'bigint')
		.addColumn('period', 'text', (c) => c.notNull())
		.addColumn('month', 'text', (c) => c.notNull())
		.addColumn('reasons', 'text', (c) => c.notNull())
		.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'integer')
		.addUniqueConstraint('benefit_alert_household_benefit', ['household_id', 'benefit'])
		.execute();
	await db.schema.createIndex('benefit_alert_org').on('benefit_alert').columns(['organisation_id', 'active']).execute();

	await db.schema
		.createTable('check_stat')
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('day', 'text', (c) => c.notNull())
		.addColumn('checks', 'integer', (c) => c.notNull())
		.addColumn('benefits_found', 'integer', (c) => c.notNull())
		.addColumn('yearly_amount', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('check_stat_pk', ['organisation_id', 'day'])
		.execute();
}

export async function down(db: Db): Promise<void> {
	for (const t of ['check_stat', 'benefit_alert', 'benefit_parameter', 'household_profile'])
		await db.schema.dropTable(t).ifExists().execute();
}
