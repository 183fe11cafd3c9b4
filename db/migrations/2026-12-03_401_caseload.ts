/**
 * The adviser's caseload and the reach of alerts: one stored row of figures per household (read by the
 * caseload, written after each change to the household's data), an index to purge the audit log by date,
 * the members' choice to receive new alerts by e-mail and the alerts already sent (so none goes twice).
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
	await db.schema
		.createTable('caseload_row')
		.addColumn('household_id', 'integer', (c) => c.primaryKey().references('household.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('level', 'text', (c) => c.notNull())
		.addColumn('level_rank', 'integer', (c) => c.notNull())
		.addColumn('regulatory_fragile', 'integer', (c) => c.notNull())
		.addColumn('signals', 'text', (c) => c.notNull())
		.addColumn('balance', 'integer')
		.addColumn('overdrawn_since', 'text')
		.addColumn('first_overdraft', 'text')
		.addColumn('fees_month', 'text')
		.addColumn('fees_month_amount', 'integer', (c) => c.notNull())
		.addColumn('fees_3m', 'integer', (c) => c.notNull())
		.addColumn('rejected_3m', 'integer', (c) => c.notNull())
		.addColumn('benefits_count', 'integer', (c) => c.notNull())
		.addColumn('benefits_yearly', 'integer', (c) => c.notNull())
		.addColumn('missing_income', 'integer', (c) => c.notNull())
		.addColumn('last_import_at', 'text')
		.addColumn('last_transaction_date', 'text')
		.addColumn('computed_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('caseload_row_org').on('caseload_row').column('organisation_id').execute();
	await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();

	await db.schema
		.createTable('alert_subscription')
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('alert_subscription_pk', ['household_id', 'user_id'])
		.execute();

	await db.schema
		.createTable('alert_sent')
		.addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('sent_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('alert_sent_pk', ['user_id', 'key'])
		.execute();
}

export async function down(db: Db): Promise<void> {
	await db.schema.dropTable('alert_sent').execute();
	await db.schema.dropTable('alert_subscription').execute();
	await db.schema.dropIndex('audit_log_at').execute();
	await db.schema.dropTable('caseload_row').execute();
}
