/**
 * The AAH at 50–79 % ends at the legal retirement age of each generation (parameters
 * `retirement.legal_age_months.*`, inserted by the start-up sync) instead of one age for everyone: the
 * key `aah.max_age_partial` is no longer read. Its rows nobody edited (the seed's) are deleted; a version
 * an admin published is kept as it is (inert). Frozen.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
	await db
		.deleteFrom('benefit_parameter')
		.where('key', '=', 'aah.max_age_partial')
		.where('updated_by', 'is', null)
		.execute();
}

/** Data migration: the start-up sync of an older version would insert the key again. */
export async function down(): Promise<void> {}
