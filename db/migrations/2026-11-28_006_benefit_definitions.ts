/**
 * The benefits as data: one row per published version of a benefit's definition (texts, payer, evidence
 * patterns, declarative conditions, named formula) as JSON. The highest version is in force; older ones
 * are the history. Shared reference data (no household data, so no organisation id). Frozen.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
	const pg = db.getExecutor().adapter.supportsTransactionalDdl;
	await db.schema
		.createTable('benefit_definition')
		.addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
		.addColumn('benefit', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('definition', 'text', (c) => c.notNull())
		.addColumn('note', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('created_by', 'integer')
		.addUniqueConstraint('benefit_definition_version', ['benefit', 'version'])
		.execute();
}

export async function down(db: Db): Promise<void> {
	await db.schema.dropTable('benefit_definition').ifExists().execute();
}
