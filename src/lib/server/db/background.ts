/**
 * Work done after a response, on the same database handle (issue 20: the refresh of a household's derived
 * figures after an import). Each piece starts on the next turn of the event loop, once the request that
 * asked for it has been answered; closing the handle waits for what is still running, so that a test, a
 * command or a shutdown never cuts a piece off halfway. A failure is logged, never thrown.
 */
const running = new WeakMap<object, Set<Promise<void>>>();

/** Runs `work` on the next turn of the event loop, kept with `db` until it ends. */
export function afterResponse(db: object, label: string, work: () => Promise<void>): Promise<void> {
	let pending = running.get(db);
	if (!pending) {
		pending = new Set();
		running.set(db, pending);
	}
	const set = pending;
	const done: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
		.then(work)
		.catch((e: unknown) => console.error(`[bgv] ${label} failed`, e))
		.finally(() => set.delete(done));
	set.add(done);
	return done;
}

/** Waits until the work started on `db` (and the work it started in turn) has ended. */
export async function settleBackground(db: object): Promise<void> {
	const pending = running.get(db);
	while (pending && pending.size > 0) await Promise.allSettled([...pending]);
}
