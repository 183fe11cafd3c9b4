/**
 * Access hardening: a platform role that owns the shared reference data (an admin with `platform_admin`),
 * organisations' own overrides of shared rules and category names, single-use password reset links, and
 * the outbox of e-mails sent (or, without an SMTP server, kept for the demo). Frozen.
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
		.alterTable('app_user')
		.addColumn('platform_admin', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();

	await db.schema.alterTable('invitation').addColumn('revoked_at', 'text').execute();

	await db.schema
		.createTable('rule_override')
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('rule_id', 'text', (c) => c.notNull())
		.addColumn('enabled', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'integer')
		.addPrimaryKeyConstraint('rule_override_pk', ['organisation_id', 'rule_id'])
		.execute();

	await db.schema
		.createTable('category_label')
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('category_id', 'text', (c) => c.notNull().references('category.id').onDelete('cascade'))
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'integer')
		.addPrimaryKeyConstraint('category_label_pk', ['organisation_id', 'category_id'])
		.execute();

	await db.schema
		.createTable('password_reset')
		.addColumn('id', id, auto)
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_by', 'integer')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.execute();
	await db.schema.createIndex('password_reset_user').on('password_reset').column('user_id').execute();

	await db.schema
		.createTable('outbox')
		.addColumn('id', id, auto)
		.addColumn('organisation_id', 'integer')
		.addColumn('to_address', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('purpose', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('error', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('sent_at', 'text')
		.execute();
	await db.schema.createIndex('outbox_org_created').on('outbox').columns(['organisation_id', 'created_at']).execute();
}

export async function down(db: Db): Promise<void> {
	await db.schema.dropTable('outbox').execute();
	await db.schema.dropTable('password_reset').execute();
	await db.schema.dropTable('category_label').execute();
	await db.schema.dropTable('rule_override').execute();
	await db.schema.alterTable('invitation').dropColumn('revoked_at').execute();
	await db.schema.alterTable('app_user').dropColumn('platform_admin').execute();
}
