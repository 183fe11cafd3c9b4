/**
 * Runs the migrations of `db/migrations/` (bundled through Vite's glob import, so the built app, the
 * built CLI and Vitest all carry them). Kysely's Migrator takes a lock, so several processes may call it
 * at start-up.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const modules = import.meta.glob<Migration>('/db/migrations/[0-9]*.ts', { eager: true });

class BundledMigrationProvider implements MigrationProvider {
	async getMigrations(): Promise<Record<string, Migration>> {
		const migrations: Record<string, Migration> = {};
		for (const [path, module] of Object.entries(modules)) {
			const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.ts$/, '');
			migrations[name] = module;
		}
		return migrations;
	}
}

/** Applies pending migrations; throws with the failing migration's name. Returns the names applied. */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
	const migrator = new Migrator({ db, provider: new BundledMigrationProvider() });
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error) {
		const cause = error instanceof Error ? error.message : String(error);
		throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${cause}`, { cause: error });
	}
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Applies (or undoes) migrations up to `name` included: for tests of a migration on existing data. */
export async function migrateTo<T>(db: Kysely<T>, name: string): Promise<void> {
	const migrator = new Migrator({ db, provider: new BundledMigrationProvider() });
	const { error } = await migrator.migrateTo(name);
	if (error) throw error instanceof Error ? error : new Error(String(error));
}
