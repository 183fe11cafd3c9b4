/**
 * The household's derived figures refreshed off the request path (issue 20): a change that makes them stale
 * (an import) counts one more `due` in the same transaction; the refresh that follows, after the response,
 * records the count it caught up with in `done`. A page that shows the figures refreshes them first while
 * `due` is ahead of `done`, so it never shows figures older than the data. One row per household. Frozen.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
	await db.schema
		.createTable('derived_refresh')
		.addColumn('household_id', 'integer', (c) => c.primaryKey().references('household.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('due', 'integer', (c) => c.notNull())
		.addColumn('done', 'integer', (c) => c.notNull())
		// when the figures last became stale
		.addColumn('due_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('derived_refresh_organisation')
		.on('derived_refresh')
		.columns(['organisation_id', 'household_id'])
		.execute();
}

export async function down(db: Db): Promise<void> {
	await db.schema.dropTable('derived_refresh').execute();
}
