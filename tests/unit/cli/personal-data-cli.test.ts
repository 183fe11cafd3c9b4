/** `bgv export`, `bgv household erase` and `bgv retention` through the command line, on both dialects. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '$lib/server/cli/run';
import type { CliIo } from '$lib/server/cli/types';
import { createTestDatabaseUrl } from '../../helpers/test-db';

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

const env: Record<string, string> = {};
let drop: () => Promise<void>;
let dir: string;
beforeAll(async () => {
	const t = await createTestDatabaseUrl();
	env.DATABASE_URL = t.url;
	drop = t.drop;
	dir = mkdtempSync(join(tmpdir(), 'bgv-export-'));
});
afterAll(async () => {
	await drop();
	rmSync(dir, { recursive: true, force: true });
});

async function create(name: string): Promise<string> {
	const r = io();
	expect(await runCli(['household', 'create', '--name', name, '--json'], r.io, env)).toBe(0);
	return JSON.parse(r.out[0]).id;
}

describe('personal data commands', () => {
	it('exports, lists for retention and erases a household', async () => {
		const id = await create('Famille Export');
		const keep = await create('Famille Reste');
		const out = join(dir, 'menage.zip');
		const e = io();
		expect(await runCli(['export', '--household', id, '--out', out, '--json'], e.io, env)).toBe(0);
		expect(JSON.parse(e.out[0])).toMatchObject({ file: out, files: expect.arrayContaining(['menage.json']) });
		const files = unzipSync(new Uint8Array(readFileSync(out)));
		expect(JSON.parse(strFromU8(files['menage.json'])).household.name).toBe('Famille Export');

		// both created just now: nothing is flagged with the default 24 months; a bad RETENTION_MONTHS is refused
		const r = io();
		expect(await runCli(['retention', '--json'], r.io, env)).toBe(0);
		expect(JSON.parse(r.out[0])).toEqual({ retentionMonths: 24, households: [] });
		const bad = io();
		expect(await runCli(['retention', '--json'], bad.io, { ...env, RETENTION_MONTHS: 'deux' })).toBe(1);

		const no = io();
		expect(await runCli(['household', 'erase', '--household', id, '--json'], no.io, env)).toBe(2);
		expect(JSON.parse(no.out[0]).error.message).toMatch(/--yes/);
		const gone = io();
		expect(await runCli(['household', 'erase', '--household', '999999', '--yes', '--json'], gone.io, env)).toBe(2);
		const yes = io();
		expect(await runCli(['household', 'erase', '--household', id, '--yes', '--json'], yes.io, env)).toBe(0);
		expect(JSON.parse(yes.out[0])).toMatchObject({ household: id, users: 0, rows: { household: 1 } });
		const list = io();
		expect(await runCli(['household', 'list', '--json'], list.io, env)).toBe(0);
		expect(JSON.parse(list.out[0]).households.map((h: { id: string }) => h.id)).toEqual([keep]);
		const again = io();
		expect(await runCli(['export', '--household', id, '--out', out, '--json'], again.io, env)).toBe(2);
	});
});
