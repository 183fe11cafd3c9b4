/**
 * Initial schema: organisations, users and sessions, households and who may see them, bank accounts,
 * imports and transactions, categories, audit log. Frozen: never edit, add a new migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

function isPostgres(db: Db): boolean {
	return db.getExecutor().adapter.supportsTransactionalDdl;
}

export async function up(db: Db): Promise<void> {
	const pg = isPostgres(db);
	const id = pg ? 'serial' : 'integer';
	const bigId = pg ? 'bigserial' : 'integer';
	const auto = <T extends { primaryKey(): T; autoIncrement(): T }>(c: T) =>
		pg ? c.primaryKey() : c.primaryKey().autoIncrement();

	await db.schema
		.createTable('organisation')
		.addColumn('id', id, auto)
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('app_user')
		.addColumn('id', id, auto)
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text')
		.addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('household', 'adviser', 'professional', 'admin')`))
		.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('password_changed_at', 'text')
		.execute();
	await db.schema.createIndex('app_user_org_role').on('app_user').columns(['organisation_id', 'role']).execute();

	await db.schema
		.createTable('session')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('last_seen_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('session_user').on('session').column('user_id').execute();
	await db.schema.createIndex('session_expires').on('session').column('expires_at').execute();

	await db.schema
		.createTable('login_throttle')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('failures', 'integer', (c) => c.notNull())
		.addColumn('window_started_at', 'text', (c) => c.notNull())
		.addColumn('locked_until', 'text')
		.execute();

	await db.schema
		.createTable('household')
		.addColumn('id', id, auto)
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('situation', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('archived_at', 'text')
		.execute();
	await db.schema.createIndex('household_org').on('household').columns(['organisation_id', 'name']).execute();

	await db.schema
		.createTable('household_member')
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('household_member_pk', ['household_id', 'user_id'])
		.execute();
	await db.schema.createIndex('household_member_user').on('household_member').column('user_id').execute();

	await db.schema
		.createTable('adviser_assignment')
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		.addColumn('adviser_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('adviser_assignment_pk', ['household_id', 'adviser_id'])
		.execute();
	await db.schema.createIndex('adviser_assignment_adviser').on('adviser_assignment').column('adviser_id').execute();

	await db.schema
		.createTable('consent')
		.addColumn('id', id, auto)
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('given_at', 'text', (c) => c.notNull())
		.addColumn('given_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('withdrawn_at', 'text')
		.addColumn('withdrawn_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.execute();
	await db.schema.createIndex('consent_household').on('consent').columns(['household_id', 'given_at']).execute();

	await db.schema
		.createTable('invitation')
		.addColumn('id', id, auto)
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('created_by', 'integer', (c) => c.notNull().references('app_user.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.execute();

	await db.schema
		.createTable('bank_account')
		.addColumn('id', id, auto)
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('bank', 'text')
		.addColumn('account_number', 'text')
		.addColumn('iban', 'text')
		.addColumn('currency', 'text', (c) => c.notNull().defaultTo('EUR'))
		.addColumn('overdraft_limit', 'bigint')
		.addColumn('overdraft_rate_bp', 'integer')
		.addColumn('csv_mapping', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('bank_account_household')
		.on('bank_account')
		.columns(['organisation_id', 'household_id'])
		.execute();

	await db.schema
		.createTable('import_batch')
		.addColumn('id', id, auto)
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		.addColumn('user_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('file_sha256', 'text', (c) => c.notNull())
		.addColumn('format', 'text', (c) => c.notNull())
		.addColumn('layout', 'text')
		.addColumn('encoding', 'text')
		.addColumn('imported_count', 'integer', (c) => c.notNull())
		.addColumn('duplicate_count', 'integer', (c) => c.notNull())
		.addColumn('summary', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('import_batch_household')
		.on('import_batch')
		.columns(['organisation_id', 'household_id', 'created_at'])
		.execute();

	await db.schema
		.createTable('category')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('group_id', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('income', 'expense', 'neutral')`))
		.addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();

	await db.schema
		.createTable('bank_transaction')
		.addColumn('id', bigId, auto)
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		.addColumn('account_id', 'integer', (c) => c.notNull().references('bank_account.id').onDelete('cascade'))
		.addColumn('booking_date', 'text', (c) => c.notNull())
		.addColumn('operation_date', 'text')
		.addColumn('amount', 'bigint', (c) => c.notNull())
		.addColumn('raw_label', 'text', (c) => c.notNull())
		.addColumn('normalised_label', 'text', (c) => c.notNull())
		.addColumn('payee', 'text')
		.addColumn('category_id', 'text', (c) => c.notNull().references('category.id'))
		.addColumn('category_source', 'text', (c) => c.notNull().check(sql`category_source in ('manual', 'rule', 'none')`))
		.addColumn('rule_id', 'text')
		.addColumn('categorised_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('categorised_at', 'text')
		.addColumn('import_batch_id', 'integer', (c) => c.references('import_batch.id').onDelete('set null'))
		.addColumn('dedupe_key', 'text', (c) => c.notNull())
		.addColumn('bank_id', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('bank_transaction_dedupe', ['account_id', 'dedupe_key'])
		.execute();
	await db.schema
		.createIndex('bank_transaction_household_date')
		.on('bank_transaction')
		.columns(['organisation_id', 'household_id', 'booking_date'])
		.execute();
	await db.schema
		.createIndex('bank_transaction_account_date')
		.on('bank_transaction')
		.columns(['account_id', 'booking_date'])
		.execute();
	await db.schema.createIndex('bank_transaction_batch').on('bank_transaction').column('import_batch_id').execute();

	await db.schema
		.createTable('account_balance')
		.addColumn('id', id, auto)
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		.addColumn('account_id', 'integer', (c) => c.notNull().references('bank_account.id').onDelete('cascade'))
		.addColumn('date', 'text', (c) => c.notNull())
		.addColumn('amount', 'bigint', (c) => c.notNull())
		.addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('statement', 'manual')`))
		.addColumn('import_batch_id', 'integer', (c) => c.references('import_batch.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('account_balance_account_date')
		.on('account_balance')
		.columns(['account_id', 'date'])
		.execute();

	await db.schema
		.createTable('audit_log')
		.addColumn('id', bigId, auto)
		.addColumn('organisation_id', 'integer')
		.addColumn('household_id', 'integer')
		.addColumn('actor_id', 'integer')
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('target_type', 'text')
		.addColumn('target_id', 'text')
		.addColumn('details', 'text')
		.addColumn('ip', 'text')
		.addColumn('at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('audit_log_org_at').on('audit_log').columns(['organisation_id', 'at']).execute();
	await db.schema.createIndex('audit_log_household').on('audit_log').columns(['household_id', 'at']).execute();
}

export async function down(db: Db): Promise<void> {
	for (const table of [
		'audit_log',
		'account_balance',
		'bank_transaction',
		'category',
		'import_batch',
		'bank_account',
		'invitation',
		'consent',
		'adviser_assignment',
		'household_member',
		'household',
		'login_throttle',
		'session',
		'app_user',
		'organisation'
	]) {
		await db.schema.dropTable(table).ifExists().execute();
	}
}
