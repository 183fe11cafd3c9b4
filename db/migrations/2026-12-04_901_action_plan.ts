/**
 * The household's action plan (issue 19): what the household or the adviser decided about each action the
 * coaching engine proposes (done, postponed, not relevant, with who and when), the actions the adviser
 * hid from the household, and the actions the adviser added by hand. One row per action key and household;
 * a computed action has no row until someone acts on it. Carries organisation_id. Frozen.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
	const pg = db.getExecutor().adapter.supportsTransactionalDdl;
	await db.schema
		.createTable('action_plan_item')
		.addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		// "benefit:rsa", "fee_refund", "debt:12"…; "manual:<random>" for an action added by the adviser
		.addColumn('action_key', 'text', (c) => c.notNull())
		// open, done, postponed, not_relevant
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
		.addColumn('status_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('status_at', 'text')
		.addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('hidden_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('hidden_at', 'text')
		// a manual action's content; for a computed one, what it said when last acted on (a done action may
		// leave the engine's results, e.g. a benefit now received, and is still shown as done)
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('detail', 'text')
		// cents per month, positive; null when none or unknown
		.addColumn('monthly_impact', 'integer')
		.addColumn('one_off_impact', 'integer')
		.addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('action_plan_item_household_key', ['household_id', 'action_key'])
		.execute();
}

export async function down(db: Db): Promise<void> {
	await db.schema.dropTable('action_plan_item').execute();
}
