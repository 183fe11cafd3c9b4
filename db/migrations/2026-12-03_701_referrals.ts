/**
 * Referrals from a professional's quick check to a CRÉSUS association: the organisations that accept them,
 * and the orientation requests themselves (the person's name and contact, with the consent wording they
 * agreed to). A request closed or not taken up is erased after REFERRAL_KEEP_DAYS. Frozen.
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
		.alterTable('organisation')
		.addColumn('accepts_referrals', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema
		.createTable('referral')
		.addColumn('id', id, auto)
		// the receiving association: the tenant whose intake queue holds the request
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('sender_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('sender_organisation_id', 'integer', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
		.addColumn('urgency', 'text', (c) => c.notNull().defaultTo('normal'))
		.addColumn('person_name', 'text', (c) => c.notNull())
		.addColumn('person_email', 'text')
		.addColumn('person_phone', 'text')
		.addColumn('situation', 'text', (c) => c.notNull())
		.addColumn('benefits', 'text', (c) => c.notNull())
		.addColumn('consent_text', 'text', (c) => c.notNull())
		.addColumn('consent_at', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('decided_at', 'text')
		.addColumn('decided_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('close_reason', 'text')
		.addColumn('household_id', 'integer', (c) => c.references('household.id').onDelete('set null'))
		.execute();
	await db.schema.createIndex('referral_queue').on('referral').columns(['organisation_id', 'status']).execute();
	await db.schema.createIndex('referral_sender').on('referral').columns(['sender_id', 'created_at']).execute();
}

export async function down(db: Db): Promise<void> {
	await db.schema.dropTable('referral').execute();
	await db.schema.alterTable('organisation').dropColumn('accepts_referrals').execute();
}
