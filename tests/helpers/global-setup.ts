/**
 * Vitest global setup: on PostgreSQL, migrates a template database once so that each test file can
 * clone it cheaply (CREATE DATABASE … TEMPLATE). On SQLite each test file migrates its own file.
 */
export default async function setup(): Promise<void | (() => Promise<void>)> {
	const { prepareTemplate, dropTemplate } = await import('./test-db');
	await prepareTemplate();
	return async () => {
		await dropTemplate();
	};
}
