/**
 * The caseload's generation (issue 20): one number per organisation, changed by database triggers whenever
 * a row the caseload reads changes (its stored rows and signals, consent, assignments, households, members,
 * the case file's entries and steps, users), whoever writes it, from any process. The caseload keeps its
 * computed pages while the number stays the same, so that the adviser's list costs one read of this row.
 * The number only grows: a sequence on PostgreSQL, the greatest so far plus one on SQLite (one writer at a
 * time). On PostgreSQL the triggers are deferred to the commit, so the organisation's row is locked only
 * while a transaction commits, not while it runs. Frozen.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

/** The tables whose changes the caseload shows; each carries its organisation id. */
export const CASELOAD_SOURCES = [
	'caseload_row',
	'caseload_signal',
	'consent',
	'adviser_assignment',
	'household',
	'household_member',
	'case_entry',
	'case_step',
	'app_user'
] as const;

const OPS = ['insert', 'update', 'delete'] as const;

function sqliteBump(org: string): string {
	return `insert into caseload_generation (organisation_id, generation)
		values (${org}, (select coalesce(max(generation), 0) + 1 from caseload_generation))
		on conflict (organisation_id) do update set generation = excluded.generation;`;
}

async function upSqlite(db: Db): Promise<void> {
	for (const table of CASELOAD_SOURCES)
		for (const op of OPS) {
			const rows = op === 'insert' ? ['NEW'] : op === 'delete' ? ['OLD'] : ['OLD', 'NEW'];
			const body = rows.map((r) => sqliteBump(`${r}.organisation_id`)).join('\n');
			await sql
				.raw(`create trigger caseload_generation_${table}_${op} after ${op} on ${table} begin ${body} end`)
				.execute(db);
		}
}

async function upPostgres(db: Db): Promise<void> {
	await sql`create sequence caseload_generation_seq`.execute(db);
	await sql
		.raw(
			`create function caseload_generation_bump() returns trigger language plpgsql as $$
			begin
				if tg_op <> 'INSERT' then
					insert into caseload_generation (organisation_id, generation)
					values (old.organisation_id, nextval('caseload_generation_seq'))
					on conflict (organisation_id) do update set generation = excluded.generation;
				end if;
				if tg_op <> 'DELETE' then
					insert into caseload_generation (organisation_id, generation)
					values (new.organisation_id, nextval('caseload_generation_seq'))
					on conflict (organisation_id) do update set generation = excluded.generation;
				end if;
				return null;
			end $$`
		)
		.execute(db);
	for (const table of CASELOAD_SOURCES)
		await sql
			.raw(
				`create constraint trigger caseload_generation_${table} after insert or update or delete on ${table}
				deferrable initially deferred for each row execute function caseload_generation_bump()`
			)
			.execute(db);
}

export async function up(db: Db): Promise<void> {
	const pg = db.getExecutor().adapter.supportsTransactionalDdl;
	await db.schema
		.createTable('caseload_generation')
		.addColumn('organisation_id', 'integer', (c) => c.primaryKey())
		.addColumn('generation', 'bigint', (c) => c.notNull())
		.execute();
	await (pg ? upPostgres(db) : upSqlite(db));
}

export async function down(db: Db): Promise<void> {
	const pg = db.getExecutor().adapter.supportsTransactionalDdl;
	if (pg) {
		for (const table of CASELOAD_SOURCES)
			await sql.raw(`drop trigger if exists caseload_generation_${table} on ${table}`).execute(db);
		await sql`drop function if exists caseload_generation_bump()`.execute(db);
		await sql`drop sequence if exists caseload_generation_seq`.execute(db);
	} else {
		for (const table of CASELOAD_SOURCES)
			for (const op of OPS) await sql.raw(`drop trigger if exists caseload_generation_${table}_${op}`).execute(db);
	}
	await db.schema.dropTable('caseload_generation').execute();
}
