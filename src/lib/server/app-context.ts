/**
 * The process-wide context of the web app: configuration and the database, opened and migrated once at
 * start-up (hooks `init`), closed on adapter-node's `sveltekit:shutdown`.
 */
import { loadConfig, type Config } from './config';
import type { DbHandle } from './db';
import { openDatabase } from './services/reference-data';

export interface AppContext {
	config: Config;
	handle: DbHandle;
}

let context: Promise<AppContext> | null = null;

export function appContext(): Promise<AppContext> {
	context ??= (async () => {
		const config = loadConfig();
		const handle = await openDatabase(config.database);
		process.once('sveltekit:shutdown', () => void handle.close());
		return { config, handle };
	})();
	return context;
}
