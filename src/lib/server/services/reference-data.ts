/**
 * The shared reference rows that must always exist (built-in categories, benefit parameters and
 * definitions, default categorisation rules), inserted when missing and never overwriting an admin's edit;
 * and the database brought to a usable state: migrations, then those rows. Idempotent; called by the app at
 * start-up, every CLI command and the tests.
 */
import { BUILTIN_CATEGORIES } from '$lib/categories';
import type { DatabaseTarget } from '../config';
import { createDb, type Db, type DbHandle } from '../db';
import { migrateToLatest } from '../db/migrate';
import { ensureBenefitDefinitions, ensureBenefitParameters } from './benefit-tables';
import { ensureDefaultRules } from './rules-service';

/** Inserts missing built-in categories; never overwrites a label an admin changed. */
export async function ensureBuiltinCategories(db: Db): Promise<void> {
	const rows = BUILTIN_CATEGORIES.map((c, i) => ({
		id: c.id,
		label: c.label,
		group_id: c.group,
		kind: c.kind,
		builtin: 1 as const,
		position: i,
		active: 1 as const
	}));
	await db
		.insertInto('category')
		.values(rows)
		.onConflict((oc) => oc.column('id').doNothing())
		.execute();
}

/** Migrates the database, then inserts the reference rows that are missing. */
export async function prepareDatabase(db: Db): Promise<void> {
	await migrateToLatest(db);
	await ensureBuiltinCategories(db);
	await ensureBenefitParameters(db);
	await ensureBenefitDefinitions(db);
	await ensureDefaultRules(db);
}

/** Opens, migrates and prepares the database of `target`. */
export async function openDatabase(target: DatabaseTarget): Promise<DbHandle> {
	const handle = createDb(target);
	try {
		await prepareDatabase(handle.db);
	} catch (e) {
		await handle.close();
		throw e;
	}
	return handle;
}
