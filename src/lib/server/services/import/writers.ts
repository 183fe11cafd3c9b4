/**
 * Writing the new transaction rows of one account. A row whose (account, dedupe key) is already stored —
 * written by another import since the plan was made — is skipped by the unique constraint itself
 * (ON CONFLICT DO NOTHING), so two concurrent imports of the same rows double nothing.
 */
import type { Database as SQLiteDatabase } from 'better-sqlite3';
import type { Db } from '../../db';
import type { NewBankTransaction } from '../../db/schema';
import type { ParsedTransaction } from '../../import';
import type { CategoriserOutput } from '../categoriser';

/** What every new row of one account shares. */
export interface SharedValues {
	organisationId: number;
	householdId: number;
	accountId: number;
	batchId: number;
	now: string;
}

/** Rows per INSERT: 23 columns × 1,000 stays under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const CHUNK = 1000;

export interface RowWriter {
	/** a promise only when the row made the writer go to the database asynchronously (awaiting every row
	 * of a 100,000-row file costs as much as a third of the SQLite insert) */
	add(t: ParsedTransaction, c: CategoriserOutput, dedupeKey: string): Promise<void> | void;
	/** writes what is still buffered; returns, for every row added since the last flush in order, its id
	 * or null when it was already stored (the writer is then ready for the next chunk of rows) */
	flush(): Promise<(number | null)[]>;
}

/** The operation (card) date written: the file's, else the one the label gives. */
function operationDate(t: ParsedTransaction, c: CategoriserOutput): string | null {
	return t.operationDate ?? c.cardDate ?? null;
}

/** An integer or text value written into the SQL text (both come from the database or the clock, never from the file). */
function literal(v: number | string): string {
	if (typeof v === 'number') {
		if (!Number.isSafeInteger(v)) throw new RangeError(`not an integer id: ${v}`);
		return String(v);
	}
	return `'${v.replace(/'/g, "''")}'`;
}

/**
 * On SQLite: one prepared INSERT for the account, run row by row on the connection that holds the open
 * transaction. The values shared by every row of the account (organisation, household, account, batch,
 * creation time) are written into the statement once and the 14 others passed as arguments, not as an
 * array: binding 21 values per row cost as much as the raw floor's whole insert.
 */
export function sqliteWriter(raw: SQLiteDatabase, shared: SharedValues): RowWriter {
	const statement = raw.prepare(
		`INSERT INTO bank_transaction (organisation_id, household_id, account_id, import_batch_id, created_at, categorised_by, categorised_at,
			booking_date, operation_date, amount, raw_label, normalised_label, payee, category_id, category_source, rule_id, dedupe_key, bank_id,
			tags, internal_transfer, operation_type, imported_payee)
		VALUES (${literal(shared.organisationId)}, ${literal(shared.householdId)}, ${literal(shared.accountId)}, ${literal(shared.batchId)},
			${literal(shared.now)}, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (account_id, dedupe_key) DO NOTHING`
	);
	let ids: (number | null)[] = [];
	return {
		// the values go straight from the parsed and categorised transaction to the statement: no row object
		add(t, c, dedupeKey) {
			const info = statement.run(
				t.bookingDate,
				operationDate(t, c),
				t.amount,
				t.rawLabel,
				c.normalisedLabel,
				c.payee ?? t.payee,
				c.category,
				c.ruleId ? 'rule' : 'none',
				c.ruleId,
				dedupeKey,
				t.bankId,
				c.tags.length ? JSON.stringify(c.tags) : null,
				c.internalTransfer ? 1 : 0,
				c.operationType,
				t.payee
			);
			ids.push(info.changes === 1 ? Number(info.lastInsertRowid) : null);
		},
		async flush() {
			const added = ids;
			ids = [];
			return added;
		}
	};
}

type NewRow = NewBankTransaction & { dedupe_key: string };

/** Elsewhere (PostgreSQL): multi-row INSERTs through Kysely, CHUNK rows at a time. */
export function kyselyWriter(trx: Db, shared: SharedValues): RowWriter {
	let ids: (number | null)[] = [];
	let buffer: NewRow[] = [];
	const insertBuffered = async () => {
		if (buffer.length === 0) return;
		const rows = buffer;
		buffer = [];
		const inserted = await trx
			.insertInto('bank_transaction')
			.values(rows)
			.onConflict((oc) => oc.columns(['account_id', 'dedupe_key']).doNothing())
			.returning(['id', 'dedupe_key'])
			.execute();
		const byKey = new Map(inserted.map((r) => [r.dedupe_key, r.id]));
		for (const r of rows) ids.push(byKey.get(r.dedupe_key) ?? null);
	};
	return {
		add(t, c, dedupeKey) {
			buffer.push({
				organisation_id: shared.organisationId,
				household_id: shared.householdId,
				account_id: shared.accountId,
				booking_date: t.bookingDate,
				operation_date: operationDate(t, c),
				amount: t.amount,
				raw_label: t.rawLabel,
				normalised_label: c.normalisedLabel,
				payee: c.payee ?? t.payee,
				category_id: c.category,
				category_source: c.ruleId ? 'rule' : 'none',
				rule_id: c.ruleId,
				categorised_by: null,
				categorised_at: null,
				import_batch_id: shared.batchId,
				dedupe_key: dedupeKey,
				bank_id: t.bankId,
				created_at: shared.now,
				tags: c.tags.length ? JSON.stringify(c.tags) : null,
				internal_transfer: c.internalTransfer ? 1 : 0,
				operation_type: c.operationType,
				imported_payee: t.payee
			});
			if (buffer.length >= CHUNK) return insertBuffered();
		},
		async flush() {
			await insertBuffered();
			const added = ids;
			ids = [];
			return added;
		}
	};
}
