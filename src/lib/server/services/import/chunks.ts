/**
 * Import, inside the commit's transaction: an account's rows go to the database a chunk at a time. Each
 * chunk's dedupe keys are looked up, its probable duplicates read (against the rows stored before this
 * import, never against the rows it wrote itself), its new rows categorised and written, and only the
 * counts, the sample and the probable-duplicate pairs are kept: no per-row list of the whole file outlives
 * its chunk. The transaction around it keeps the import all or nothing.
 */
import { centsToString, type Cents } from '$lib/money';
import type { Database as SQLiteDatabase } from 'better-sqlite3';
import type { Db } from '../../db';
import type { HouseholdScope } from '../../auth/access';
import type { ParsedTransaction } from '../../import';
import type { Categoriser } from '../categoriser';
import { accountHasRows, knownKeys, probableDuplicates } from './lookups';
import type { AccountImportResult, ImportTimings, PlannedDuplicate } from './types';
import { kyselyWriter, sqliteWriter, type RowWriter } from './writers';

/** Rows looked up, checked and written together. */
export const ROW_CHUNK = 5000;

/** Rows of the sample the result shows (the first new rows, categorised as stored). */
const SAMPLE_ROWS = 8;

/** What the chunks need from the commit. */
export interface ChunkContext {
	trx: Db;
	/** SQLite: the connection the transaction runs on */
	raw: SQLiteDatabase | undefined;
	scope: HouseholdScope;
	batchId: number;
	categorise: Categoriser;
	now: string;
	timings?: ImportTimings;
	/** rows per chunk (ROW_CHUNK unless a test asks for smaller ones) */
	chunkRows?: number;
}

/** A probable duplicate whose incoming row was written, with the id it got. */
export interface WrittenDuplicate extends PlannedDuplicate {
	transactionId: number;
}

/** What writing an account's rows did. */
export interface WrittenRows {
	imported: number;
	sum: Cents;
	/** closest first, as the plan lists them */
	pairs: WrittenDuplicate[];
	sample: AccountImportResult['sample'];
}

/** Categorises and writes the `fresh` rows through the writer; returns their ids (null: stored meanwhile). */
async function writeFresh(
	ctx: ChunkContext,
	writer: RowWriter,
	accountId: number,
	txs: ParsedTransaction[],
	keys: string[],
	fresh: number[],
	sample: AccountImportResult['sample']
): Promise<(number | null)[]> {
	const timings = ctx.timings;
	for (let f = 0; f < fresh.length; f++) {
		const t = txs[fresh[f]];
		const c = ctx.categorise({
			rawLabel: t.rawLabel,
			amount: t.amount,
			date: t.bookingDate,
			accountId,
			filePayee: t.payee
		});
		if (sample.length < SAMPLE_ROWS)
			sample.push({
				date: t.bookingDate,
				amount: centsToString(t.amount),
				label: t.rawLabel,
				payee: c.payee ?? t.payee,
				category: c.category
			});
		const started = timings ? performance.now() : 0;
		const pending = writer.add(t, c, keys[fresh[f]]);
		if (pending) await pending;
		if (timings) timings.writeRows = (timings.writeRows ?? 0) + (performance.now() - started);
	}
	// not timed: `writeRows` is set once per row (the CLI's stage tracer counts the rows written by it)
	return writer.flush();
}

/** The id the incoming row at `incoming` got (`fresh` is in ascending order: a binary search). */
function idOf(fresh: number[], ids: (number | null)[], incoming: number): number | null {
	let lo = 0;
	let hi = fresh.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (fresh[mid] === incoming) return ids[mid];
		if (fresh[mid] < incoming) lo = mid + 1;
		else hi = mid - 1;
	}
	return null;
}

/**
 * Writes the account's rows not stored yet, chunk by chunk, with their stored dedupe `keys` (one per row,
 * counted over the whole file). `created`: the account was created by this import (nothing to look up).
 */
export async function writeAccountRows(
	ctx: ChunkContext,
	account: { id: number; created: boolean },
	txs: ParsedTransaction[],
	keys: string[]
): Promise<WrittenRows> {
	const shared = {
		organisationId: ctx.scope.organisationId,
		householdId: ctx.scope.householdId,
		accountId: account.id,
		batchId: ctx.batchId,
		now: ctx.now
	};
	const writer = ctx.raw ? sqliteWriter(ctx.raw, shared) : kyselyWriter(ctx.trx, shared);
	// Looked at once, before anything is written: the keys of one file never meet each other (each counts
	// its occurrences), so an account empty at the start has nothing to look up in any chunk.
	const lookUp = !account.created && (await accountHasRows(ctx.trx, account.id));
	const size = Math.max(1, ctx.chunkRows ?? ROW_CHUNK);
	const out: WrittenRows = { imported: 0, sum: 0, pairs: [], sample: [] };
	for (let start = 0; start < txs.length; start += size) {
		const end = Math.min(txs.length, start + size);
		const known = lookUp
			? await knownKeys(ctx.trx, account.id, keys.slice(start, end), ctx.raw, true)
			: new Set<string>();
		const fresh: number[] = [];
		for (let i = start; i < end; i++) if (!known.has(keys[i])) fresh.push(i);
		// read before the chunk's rows are written; the rows of this import's earlier chunks are left out
		const probable = lookUp ? await probableDuplicates(ctx.trx, ctx.scope, account.id, txs, fresh, ctx.batchId) : [];
		const ids = await writeFresh(ctx, writer, account.id, txs, keys, fresh, out.sample);
		for (let f = 0; f < fresh.length; f++) {
			if (ids[f] === null) continue;
			out.imported++;
			out.sum += txs[fresh[f]].amount;
		}
		for (const p of probable) {
			const id = idOf(fresh, ids, p.incoming);
			if (id !== null) out.pairs.push({ ...p, transactionId: id });
		}
	}
	// closest first over the whole file, as one lookup of every row would list them (a stable sort)
	out.pairs.sort((a, b) => a.daysApart - b.daysApart);
	return out;
}
