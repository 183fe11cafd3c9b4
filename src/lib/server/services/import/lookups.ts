/**
 * The reads an import makes about an account, shared by the plan (outside any transaction) and the commit
 * (again, inside its transaction, so that what another import wrote in between is seen).
 */
import { hash } from 'node:crypto';
import { addDaysIso } from '$lib/dates';
import type { Database as SQLiteDatabase } from 'better-sqlite3';
import type { Db } from '../../db';
import type { HouseholdScope } from '../../auth/access';
import {
	dedupeKeys,
	findProbableDuplicates,
	statedClosingBalance,
	type ParsedAccount,
	type ParsedTransaction
} from '../../import';
import type { PlannedBalance, PlannedDuplicate } from './types';

/** Keys are stored as a short hash of the engine's key: the unique index stays small and fast. */
export function storedKey(engineKey: string): string {
	return hash('sha256', engineKey, 'base64url').slice(0, 24);
}

/** The stored dedupe keys of an account's rows (the account id is part of each key). */
export function accountKeys(accountId: number, txs: ParsedTransaction[]): string[] {
	return dedupeKeys(String(accountId), txs, storedKey);
}

/** True when the account holds at least one transaction (none to look up in a first import). */
export async function accountHasRows(db: Db, accountId: number): Promise<boolean> {
	const any = await db
		.selectFrom('bank_transaction')
		.select('id')
		.where('account_id', '=', accountId)
		.limit(1)
		.executeTakeFirst();
	return any !== undefined;
}

/**
 * The dedupe keys among `keys` already stored for the account. `raw` (SQLite) is the connection of the
 * transaction in progress: prepared statements without Kysely's per-query overhead; never pass it outside
 * a transaction, where it would bypass Kysely's connection lock. `checked`: the caller already knows that
 * the account holds rows.
 */
export async function knownKeys(
	db: Db,
	accountId: number,
	keys: string[],
	raw?: SQLiteDatabase,
	checked = false
): Promise<Set<string>> {
	const known = new Set<string>();
	// Nothing to look up in an account without transactions (a first import).
	if (!checked && !(await accountHasRows(db, accountId))) return known;
	const size = raw ? 500 : 1000;
	if (raw) {
		const sqlFor = (n: number) =>
			`SELECT dedupe_key FROM bank_transaction WHERE account_id = ? AND dedupe_key IN (${Array(n).fill('?').join(', ')})`;
		const full = raw.prepare(sqlFor(size)).pluck();
		for (let i = 0; i < keys.length; i += size) {
			const part = keys.slice(i, i + size);
			const statement = part.length === size ? full : raw.prepare(sqlFor(part.length)).pluck();
			for (const k of statement.all(accountId, ...part) as string[]) known.add(k);
		}
		return known;
	}
	for (let i = 0; i < keys.length; i += size) {
		const rows = await db
			.selectFrom('bank_transaction')
			.select('dedupe_key')
			.where('account_id', '=', accountId)
			.where('dedupe_key', 'in', keys.slice(i, i + size))
			.execute();
		for (const r of rows) known.add(r.dedupe_key);
	}
	return known;
}

/** The earliest and latest booking dates of the transactions at `indexes`. */
function dateRange(txs: ParsedTransaction[], indexes: number[]): [string, string] {
	let min = txs[indexes[0]].bookingDate;
	let max = min;
	for (let k = 1; k < indexes.length; k++) {
		const d = txs[indexes[k]].bookingDate;
		if (d < min) min = d;
		if (d > max) max = d;
	}
	return [min, max];
}

/**
 * New rows (`fresh` indexes) that look like rows already stored in the account under another label: same
 * amount within ±3 days (the same statement read from two formats), closest first. `batchId`: the import
 * being written, whose own rows (written chunk by chunk) are never taken for rows already stored.
 */
export async function probableDuplicates(
	db: Db,
	scope: HouseholdScope,
	accountId: number,
	txs: ParsedTransaction[],
	fresh: number[],
	batchId?: number
): Promise<PlannedDuplicate[]> {
	if (fresh.length === 0) return [];
	const [first, last] = dateRange(txs, fresh);
	let query = db
		.selectFrom('bank_transaction')
		.select(['id', 'booking_date', 'amount', 'raw_label'])
		.where('household_id', '=', scope.householdId)
		.where('account_id', '=', accountId)
		.where('booking_date', '>=', addDaysIso(first, -3))
		.where('booking_date', '<=', addDaysIso(last, 3));
	if (batchId !== undefined)
		query = query.where((eb) => eb.or([eb('import_batch_id', 'is', null), eb('import_batch_id', '!=', batchId)]));
	const around = await query.execute();
	if (around.length === 0) return [];
	const pairs = findProbableDuplicates(
		fresh.map((i) => ({ ...txs[i], accountKey: 'a', id: i })),
		around.map((e) => ({
			accountKey: 'a',
			id: e.id,
			bookingDate: e.booking_date,
			amount: e.amount,
			rawLabel: e.raw_label
		}))
	);
	return pairs.map((p) => ({
		incoming: p.incoming.id,
		daysApart: p.daysApart,
		existing: {
			id: p.existing.id,
			bookingDate: p.existing.bookingDate,
			amount: p.existing.amount,
			rawLabel: p.existing.rawLabel
		}
	}));
}

/** Balances stated in the file, as end-of-day balances (an opening balance is the end of the day before). */
export function statedBalances(parsed: ParsedAccount): { all: PlannedBalance[]; closing: PlannedBalance | null } {
	const stated = new Map<string, PlannedBalance>();
	for (const b of parsed.balances) {
		if (b.kind === 'running') continue;
		const date = b.kind === 'opening' ? addDaysIso(b.date, -1) : b.date;
		stated.set(`${date}|${b.amount}`, { date, amount: b.amount });
	}
	const closing = statedClosingBalance(parsed.transactions, parsed.balances);
	if (closing) stated.set(`${closing.date}|${closing.amount}`, closing);
	return { all: [...stated.values()], closing };
}

/** The balances already stored for the account. */
export async function storedBalanceRows(db: Db, accountId: number): Promise<PlannedBalance[]> {
	return db.selectFrom('account_balance').select(['date', 'amount']).where('account_id', '=', accountId).execute();
}

/** The (date, amount) of the balances already stored for the account. */
export async function storedBalances(db: Db, accountId: number): Promise<Set<string>> {
	return new Set((await storedBalanceRows(db, accountId)).map((r) => `${r.date}|${r.amount}`));
}

/**
 * Stated balances that disagree with a balance already known for the account on the same day: the sign
 * of a file from another account (or another bank) about to be mixed into this one.
 */
export function conflictingBalances(
	stated: PlannedBalance[],
	stored: PlannedBalance[]
): { date: string; stated: number; known: number }[] {
	const byDate = new Map<string, number[]>();
	for (const b of stored) byDate.set(b.date, [...(byDate.get(b.date) ?? []), b.amount]);
	const out: { date: string; stated: number; known: number }[] = [];
	for (const b of stated) {
		const known = byDate.get(b.date);
		if (known && !known.includes(b.amount)) out.push({ date: b.date, stated: b.amount, known: known[0] });
	}
	return out;
}
