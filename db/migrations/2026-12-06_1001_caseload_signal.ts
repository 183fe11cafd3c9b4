/**
 * The caseload filtered, counted and sorted in SQL (issue 20): the signals of each caseload row, one row
 * per signal (`caseload_signal`), so that the signal filter, "Cette semaine" (a pressing signal) and the
 * list of signals present in a caseload are queries instead of a JSON.parse of every row. Filled here from
 * the rows already stored (caseload_row.signals stays the row's full text, read for the households shown);
 * written afterwards with the row. Frozen.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

interface Stored {
	id: string;
	level: string;
	title: string;
}

export async function up(db: Db): Promise<void> {
	await db.schema
		.createTable('caseload_signal')
		.addColumn('household_id', 'integer', (c) => c.notNull().references('household.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull())
		// the order of the signal in the row (the engine's order)
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('signal_id', 'text', (c) => c.notNull())
		.addColumn('level', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('caseload_signal_pk', ['household_id', 'position'])
		.execute();
	await db.schema
		.createIndex('caseload_signal_household_signal')
		.on('caseload_signal')
		.columns(['household_id', 'signal_id'])
		.execute();
	const rows = (await db
		.selectFrom('caseload_row')
		.select(['household_id', 'organisation_id', 'signals'])
		.execute()) as {
		household_id: number;
		organisation_id: number;
		signals: string;
	}[];
	for (const r of rows) {
		const signals = JSON.parse(r.signals || '[]') as Stored[];
		if (signals.length === 0) continue;
		await db
			.insertInto('caseload_signal')
			.values(
				signals.map((s, position) => ({
					household_id: r.household_id,
					organisation_id: r.organisation_id,
					position,
					signal_id: s.id,
					level: s.level,
					title: s.title
				}))
			)
			.execute();
	}
}

export async function down(db: Db): Promise<void> {
	await db.schema.dropTable('caseload_signal').execute();
}
