/**
 * Vitest global setup: builds the `bgv` command line when its sources changed (the robustness tests run
 * build/cli/bgv.js in child processes); on PostgreSQL, migrates a template database once so that each
 * test file can clone it cheaply (CREATE DATABASE … TEMPLATE). On SQLite each test file migrates its own file.
 */
export default async function setup(): Promise<void | (() => Promise<void>)> {
	const { ensureCliBuilt } = await import('../../scripts/cli-build.js');
	if (!ensureCliBuilt()) throw new Error('npm run build:cli failed: the robustness tests need build/cli/bgv.js');
	const { prepareTemplate, dropTemplate } = await import('./test-db');
	await prepareTemplate();
	return async () => {
		await dropTemplate();
	};
}
