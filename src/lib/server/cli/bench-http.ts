/**
 * `bgv bench --only http`: the web app under load (issue 20). For SQLite, and for PostgreSQL when
 * BENCH_PG_URL (or a postgres DATABASE_URL) names a server: a throw-away database seeded with
 * `bgv seed --demo --households N --months M` (timed), the production build (`node server.js`, built by
 * `npm run build`: this command builds nothing) started on a free port, a household member and an adviser
 * logged in through the login form, then autocannon against /healthz (the baseline) and five pages, one after
 * the other; the server's peak RSS (VmHWM) is read at the end.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addMonthsIso, today } from '$lib/dates';
import { SCALE_MEMBER } from '$db/seeds/demo-scale';
import { DEMO_PASSWORD } from '$db/seeds/demo';
import { expectPage, landing, load, loginCookie, type LoadOptions, type LoadResult } from './bench-http-load';

export interface HttpBenchOptions extends LoadOptions {
	households: number;
	months: number;
	/** the repository (build/index.js, build/cli/bgv.js, server.js) */
	root: string;
	log: (line: string) => void;
}

const TARGETS = { overviewP95: 100, caseloadP95: 250, errors: 0, peakRssMB: 400 };

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => resolve(port));
		});
	});
}

/** A scratch database: a SQLite file, or a new database on the PostgreSQL server; `drop` removes it. */
async function scratch(server: string | null): Promise<{ url: string; drop: () => Promise<void> }> {
	if (!server) {
		const dir = mkdtempSync(join(tmpdir(), 'bgv-bench-http-'));
		return { url: join(dir, 'bench.sqlite'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
	}
	const name = `bgv_bench_http_${process.pid}`;
	const { default: pg } = await import('pg');
	const admin = async (q: string) => {
		const c = new pg.Client({ connectionString: server });
		await c.connect();
		await c.query(q).finally(() => c.end());
	};
	await admin(`DROP DATABASE IF EXISTS ${name}`);
	await admin(`CREATE DATABASE ${name}`);
	const u = new URL(server);
	u.pathname = `/${name}`;
	return { url: u.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

function peakRssMB(pid: number | undefined): number | null {
	if (!pid) return null;
	const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return m ? Math.round(Number(m[1]) / 1024) : null;
}

async function waitHealthy(origin: string, child: ChildProcess): Promise<void> {
	for (let i = 0; i < 300; i++) {
		if (child.exitCode !== null) throw new Error(`the server stopped (exit ${child.exitCode})`);
		try {
			const res = await fetch(`${origin}/healthz`);
			if (res.status === 200) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error('the server did not answer /healthz within 60 s');
}

/** The pages measured, found as the member and the adviser see them. */
async function pages(origin: string): Promise<{ path: string; name: string; cookie?: string }[]> {
	const member = await loginCookie(origin, SCALE_MEMBER, DEMO_PASSWORD);
	const adviser = await loginCookie(origin, 'conseillere@demo.bgv.fr', DEMO_PASSWORD);
	const home = await landing(origin, '/', member);
	const household = /^\/households\/\d+/.exec(home)?.[0];
	if (!household) throw new Error(`the member lands on ${home}, not on a household`);
	// the last whole month
	const month = addMonthsIso(today().slice(0, 7), -1);
	return [
		{ name: 'healthz', path: '/healthz' },
		{ name: 'overview', path: household, cookie: member },
		{ name: 'transactionsMonth', path: `${household}/transactions?month=${month}`, cookie: member },
		{ name: 'forecast', path: `${household}/forecast`, cookie: member },
		{ name: 'caseloadWeek', path: '/caseload', cookie: adviser },
		{ name: 'caseloadFiltered', path: '/caseload?vue=tous&niveau=watch&decouvert=1&tri=fees', cookie: adviser }
	];
}

/** One dialect: seed, serve, log in, load every page; the database is dropped at the end. */
async function benchOne(o: HttpBenchOptions, server: string | null): Promise<Record<string, unknown>> {
	const dialect = server ? 'postgres' : 'sqlite';
	const db = await scratch(server);
	const env = { ...process.env, DATABASE_URL: db.url, LOGIN_MAX_FAILURES_IP: '100000', BGV_PERIODIC: '0' };
	let child: ChildProcess | null = null;
	try {
		o.log(`HTTP (${dialect}) : ${o.households} ménages × ${o.months} mois…`);
		const started = performance.now();
		const args = ['seed', '--demo', '--households', String(o.households), '--months', String(o.months), '--json'];
		const seed = spawnSync(process.execPath, [join(o.root, 'build/cli/bgv.js'), ...args], {
			env,
			encoding: 'utf8',
			maxBuffer: 1 << 26
		});
		if (seed.status !== 0) throw new Error(`seed failed: ${seed.stderr}`);
		const scaled = JSON.parse(seed.stdout).scaled as { transactions: number };
		const seedSeconds = Math.round((performance.now() - started) / 100) / 10;
		if (server) await analyze(db.url);
		const port = await freePort();
		const origin = `http://127.0.0.1:${port}`;
		child = spawn(process.execPath, [join(o.root, 'server.js')], {
			env: { ...env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin },
			stdio: ['ignore', 'ignore', 'inherit']
		});
		await waitHealthy(origin, child);
		const endpoints: Record<string, LoadResult> = {};
		for (const p of await pages(origin)) {
			await expectPage(origin, p.path, p.cookie);
			o.log(`  ${p.name} (${p.path})…`);
			endpoints[p.name] = await load(origin, p.path, p.cookie, o);
		}
		const rss = peakRssMB(child.pid);
		return {
			dialect,
			seed: { households: o.households, months: o.months, transactions: scaled.transactions, seconds: seedSeconds },
			endpoints,
			serverPeakRssMB: rss,
			targets: targetsOf(endpoints, rss)
		};
	} finally {
		if (child && child.exitCode === null) {
			const exited = new Promise((r) => child!.once('exit', r));
			child.kill('SIGTERM');
			await exited;
		}
		await db.drop();
	}
}

/** PostgreSQL plans from fresh statistics, as autovacuum's analyze would give them shortly after a bulk load. */
async function analyze(url: string): Promise<void> {
	const { default: pg } = await import('pg');
	const c = new pg.Client({ connectionString: url });
	await c.connect();
	await c.query('ANALYZE').finally(() => c.end());
}

function targetsOf(e: Record<string, LoadResult>, rss: number | null) {
	const errors = Object.values(e).reduce((s, r) => s + r.errors + r.timeouts + r.non2xx, 0);
	const caseload = Math.max(e.caseloadWeek.p95, e.caseloadFiltered.p95);
	return {
		overviewP95: { target: TARGETS.overviewP95, value: e.overview.p95, ok: e.overview.p95 <= TARGETS.overviewP95 },
		caseloadP95: { target: TARGETS.caseloadP95, value: caseload, ok: caseload <= TARGETS.caseloadP95 },
		errors: { target: TARGETS.errors, value: errors, ok: errors === 0 },
		peakRssMB: { target: TARGETS.peakRssMB, value: rss, ok: rss !== null && rss <= TARGETS.peakRssMB }
	};
}

/** The PostgreSQL server to bench on: BENCH_PG_URL, else a postgres DATABASE_URL, else none. */
export function benchPostgresUrl(env = process.env): string | null {
	const url = env.BENCH_PG_URL ?? env.DATABASE_URL ?? '';
	return /^postgres(ql)?:\/\//.test(url) ? url : null;
}

export async function benchHttp(o: HttpBenchOptions): Promise<Record<string, unknown>> {
	for (const f of ['build/index.js', 'build/cli/bgv.js', 'server.js'])
		if (!existsSync(join(o.root, f)))
			throw new Error(`${f} is missing: run \`npm run build\` first (the HTTP bench serves the production build)`);
	const pgUrl = benchPostgresUrl();
	const sqlite = await benchOne(o, null);
	const postgres = pgUrl ? await benchOne(o, pgUrl) : null;
	return {
		connections: o.connections,
		durationSeconds: o.duration,
		sqlite,
		postgres: postgres ?? 'BENCH_PG_URL not set'
	};
}
