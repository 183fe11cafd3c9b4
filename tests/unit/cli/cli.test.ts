import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '$lib/server/cli/run';
import type { CliIo } from '$lib/server/cli/types';
import { createTestDatabaseUrl, testDialect } from '../../helpers/test-db';

// The CLI opens its own database from DATABASE_URL: give it a fresh one.
const env: Record<string, string> = {};
let drop: () => Promise<void>;
beforeAll(async () => {
	const t = await createTestDatabaseUrl();
	env.DATABASE_URL = t.url;
	drop = t.drop;
});
afterAll(() => drop());

function io() {
	const out: string[] = [];
	const err: string[] = [];
	const value: CliIo = {
		out: (t) => void out.push(t),
		err: (t) => void err.push(t),
		readLines: async function* () {},
		readFile: async () => new Uint8Array()
	};
	return { out, err, io: value };
}

describe('bgv command line', () => {
	it('migrates a fresh database and creates a household (contract JSON)', async () => {
		const a = io();
		expect(await runCli(['migrate', '--json'], a.io, env)).toBe(0);
		expect(JSON.parse(a.out[0])).toHaveProperty('dialect', testDialect);
		const b = io();
		expect(await runCli(['household', 'create', '--name', 'Famille CLI', '--json'], b.io, env)).toBe(0);
		expect(b.out).toHaveLength(1);
		expect(JSON.parse(b.out[0])).toEqual({ id: expect.stringMatching(/^\d+$/) });
	});

	it('rejects bad input with exit 2 and the error JSON, changing nothing', async () => {
		const a = io();
		expect(await runCli(['household', 'create', '--name', ' ', '--json'], a.io, env)).toBe(2);
		expect(JSON.parse(a.out[0]).error.message).toMatch(/nom du ménage/);
		const b = io();
		expect(await runCli(['household', 'create', '--bogus', '--json'], b.io, env)).toBe(2);
		expect(JSON.parse(b.out[0]).error.message).toMatch(/bogus/);
		const c = io();
		expect(await runCli(['frobnicate', '--json'], c.io, env)).toBe(2);
		const d = io();
		expect(await runCli(['household', 'list', '--json'], d.io, env)).toBe(0);
		const names = JSON.parse(d.out[0]).households.map((x: { name: string }) => x.name);
		expect(names.filter((n: string) => n === 'Famille CLI')).toHaveLength(1);
		expect(names).not.toContain(' ');
	});

	it('seeds the demo idempotently', async () => {
		const a = io();
		expect(await runCli(['seed', '--demo', '--json'], a.io, env)).toBe(0);
		const b = io();
		expect(await runCli(['seed', '--demo', '--json'], b.io, env)).toBe(0);
		expect(JSON.parse(a.out[0]).households).toEqual(JSON.parse(b.out[0]).households);
		expect(Object.keys(JSON.parse(a.out[0]).households).length).toBeGreaterThanOrEqual(12);
	});
});
