/**
 * The action plan kept between requests (issue 19): the computed actions of each household as last
 * computed (`plan_action`, with the day each action first appeared, for the adviser's morning digest),
 * when they were computed (`plan_snapshot`), the caseload's counts of open actions and euros at stake,
 * and the day a postponed action comes back. Every table carries organisation_id. Frozen.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
	await db.schema
		.createTable('plan_snapshot')
		.addColumn('household_id', 'integer', (c) => c.primaryKey().references('household.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('computed_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('plan_action')
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		.addColumn('action_key', 'text', (c) => c.notNull())
		// the engine's rank (0 = first)
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		// cents, positive; null when none
		.addColumn('monthly_impact', 'integer')
		.addColumn('one_off_impact', 'integer')
		.addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
		// the whole action as the engine gave it (JSON)
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('first_seen_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('plan_action_pk', ['household_id', 'action_key'])
		.execute();
	await db.schema
		.createIndex('plan_action_org_seen')
		.on('plan_action')
		.columns(['organisation_id', 'first_seen_at'])
		.execute();
	await db.schema.alterTable('action_plan_item').addColumn('postponed_until', 'text').execute();
	for (const column of ['plan_open', 'plan_monthly', 'plan_one_off'])
		await db.schema
			.alterTable('caseload_row')
			.addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
			.execute();
}

export async function down(db: Db): Promise<void> {
	for (const column of ['plan_open', 'plan_monthly', 'plan_one_off'])
		await db.schema.alterTable('caseload_row').dropColumn(column).execute();
	await db.schema.alterTable('action_plan_item').dropColumn('postponed_until').execute();
	await db.schema.dropTable('plan_action').execute();
	await db.schema.dropTable('plan_snapshot').execute();
}
