/**
 * The adviser's case file of a household: dated entries (appointment, phone call, home visit, note) with
 * what was said, and the next steps agreed, each with a due date and done or not. Adviser-only data: the
 * household's members never read it. Frozen.
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
		.createTable('case_entry')
		.addColumn('id', id, auto)
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		.addColumn('author_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('date', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('case_entry_org_household_date')
		.on('case_entry')
		.columns(['organisation_id', 'household_id', 'date'])
		.execute();

	await db.schema
		.createTable('case_step')
		.addColumn('id', id, auto)
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		.addColumn('entry_id', 'integer', (c) => c.notNull().references('case_entry.id').onDelete('cascade'))
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('due_date', 'text', (c) => c.notNull())
		.addColumn('done_at', 'text')
		.addColumn('done_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.execute();
	await db.schema
		.createIndex('case_step_org_household_due')
		.on('case_step')
		.columns(['organisation_id', 'household_id', 'due_date'])
		.execute();
	await db.schema.createIndex('case_step_entry').on('case_step').column('entry_id').execute();
}

export async function down(db: Db): Promise<void> {
	await db.schema.dropTable('case_step').execute();
	await db.schema.dropTable('case_entry').execute();
}
