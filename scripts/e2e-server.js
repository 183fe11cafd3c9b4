#!/usr/bin/env node
// The Playwright web server: owns a throw-away database (SQLite file, or a new PostgreSQL database when
// DATABASE_URL is postgres://), seeds it, serves the production build, and cleans up on SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { faketimeEnv } from './faketime.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.E2E_PORT ?? '4173';
const dir = mkdtempSync(join(tmpdir(), 'bgv-e2e-'));
const base = process.env.DATABASE_URL ?? '';
const isPg = /^postgres(ql)?:\/\//.test(base);
const dbName = `bgv_e2e_${process.pid}`;

/** @param {string} sql */
async function admin(sql) {
	const client = new pg.Client({ connectionString: base });
	await client.connect();
	try {
		await client.query(sql);
	} finally {
		await client.end();
	}
}

let databaseUrl = join(dir, 'e2e.sqlite');
if (isPg) {
	await admin(`DROP DATABASE IF EXISTS ${dbName}`);
	await admin(`CREATE DATABASE ${dbName}`);
	const u = new URL(base);
	u.pathname = `/${dbName}`;
	databaseUrl = u.toString();
}

const env = {
	...process.env,
	DATABASE_URL: databaseUrl,
	PORT: port,
	HOST: 'localhost',
	ORIGIN: `http://localhost:${port}`,
	BODY_SIZE_LIMIT: '25M',
	// The suites log in many times from one address; per-account locking is what they test.
	LOGIN_MAX_FAILURES_IP: '100000'
};
// The seed and the app (not the browser) run at the suite's fixed instant: see faketime.js.
Object.assign(env, faketimeEnv(process.env.TEST_NOW) ?? {});

const seed = spawnSync(process.execPath, [join(root, 'build/cli/bgv.js'), 'seed', '--e2e'], { env, stdio: 'inherit' });
if (seed.status !== 0) {
	process.stderr.write('e2e: seeding failed\n');
	process.exit(1);
}

const server = spawn(process.execPath, [join(root, 'server.js')], { env, stdio: 'inherit' });

let stopping = false;
async function stop() {
	if (stopping) return;
	stopping = true;
	server.kill('SIGTERM');
	await new Promise((r) => (server.exitCode !== null ? r(undefined) : server.once('exit', r)));
	rmSync(dir, { recursive: true, force: true });
	if (isPg) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
	process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => {
	if (!stopping) {
		process.stderr.write(`e2e: server exited (${code})\n`);
		process.exit(1);
	}
});
