/**
 * The caseload's computed pages kept in the process while nothing they show has changed (issue 20): a page
 * is kept with the organisation's caseload generation read before it was computed (caseload_generation,
 * changed by database triggers on every table the caseload reads, from any process) and served again while
 * that number is the same. One small LRU per database handle, keyed by the adviser, the day, the filters and
 * the page: a page is only ever served again to the adviser it was computed for.
 */
import type { Db } from '../db';

const MAX_PAGES = 200;

interface Kept<T> {
	generation: string;
	value: T;
}

const caches = new WeakMap<Db, Map<string, Kept<unknown>>>();

/** The organisation's caseload generation ('0' before any change was recorded). */
export async function caseloadGeneration(db: Db, organisationId: number): Promise<string> {
	const row = await db
		.selectFrom('caseload_generation')
		.select('generation')
		.where('organisation_id', '=', organisationId)
		.executeTakeFirst();
	return row ? String(row.generation) : '0';
}

/**
 * The value kept under `key` for the organisation's current generation, else `compute()`'s, kept for next
 * time. The generation is read before computing: a change made meanwhile makes the next request compute again.
 */
export async function keptWhileUnchanged<T>(
	db: Db,
	organisationId: number,
	key: string,
	compute: () => Promise<T>
): Promise<T> {
	const generation = await caseloadGeneration(db, organisationId);
	let cache = caches.get(db);
	if (!cache) caches.set(db, (cache = new Map()));
	const kept = cache.get(key);
	if (kept && kept.generation === generation) {
		// most recently used last
		cache.delete(key);
		cache.set(key, kept);
		return kept.value as T;
	}
	const value = await compute();
	cache.delete(key);
	cache.set(key, { generation, value });
	if (cache.size > MAX_PAGES) cache.delete(cache.keys().next().value as string);
	return value;
}
