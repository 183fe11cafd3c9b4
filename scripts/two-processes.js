#!/usr/bin/env node
// Two BGV processes on one PostgreSQL (issue 20), checked with plain HTTP as a browser without JavaScript
// would: starts a throw-away PostgreSQL cluster (as .ci/run does), migrates and seeds it (`bgv seed --e2e`),
// serves the production build (`node build`) as two processes on two ports, then checks across them that
// a session opened on one is valid on the other (and closed on both), that login failures on both count
// towards one lock, that a shared rule changed through one applies on the next request to the other, and
// that two simultaneous imports of overlapping statements through the two double nothing, and that the
// caseload loads through both at once (autocannon, one session) while /healthz answers on both.
// Prints a short French / English summary; exits 1 on any failure. Needs `npm run build` first.
//   node scripts/two-processes.js [--database-url postgres://…]   (an existing server instead of a cluster)
//   TWO_PROCESSES_PORT: the first port tried for the two processes (default 4310).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import autocannon from 'autocannon';
import { Browser, loginForm, ruleOf, statement, tokensOf } from './two-processes-http.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PASSWORD = 'demo-bgv-2026'; // the seed's (db/seeds/demo.ts)
/** @type {(() => Promise<void> | void)[]} */
const cleanups = [];

/** @param {number} port @returns {Promise<boolean>} */
function portFree(port) {
	return new Promise((resolve) => {
		const s = createServer();
		s.once('error', () => resolve(false));
		s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
	});
}

/** @param {number} from @param {number} [not] */
async function freePort(from, not = -1) {
	for (let p = from; p < from + 200; p++) if (p !== not && (await portFree(p))) return p;
	throw new Error(`no free port from ${from}`);
}

/** @param {string} cmd @param {string[]} args */
function asPostgres(cmd, args) {
	const run =
		process.getuid?.() === 0
			? spawnSync('su', ['postgres', '-c', [cmd, ...args].map((a) => `'${a}'`).join(' ')], { encoding: 'utf8' })
			: spawnSync(cmd, args, { encoding: 'utf8' });
	if (run.status !== 0) throw new Error(`${cmd} failed: ${run.stderr || run.stdout}`);
}

/** A throw-away cluster (trust, fsync off) on a free port; returns its URL. */
async function startCluster() {
	const base = '/usr/lib/postgresql';
	const version = existsSync(base)
		? readdirSync(base)
				.sort((a, b) => Number(a) - Number(b))
				.at(-1)
		: undefined;
	if (!version) throw new Error('PostgreSQL not installed (/usr/lib/postgresql/*/bin)');
	const bin = `${base}/${version}/bin`;
	const dir = mkdtempSync(join(tmpdir(), 'bgv-two-'));
	cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
	if (process.getuid?.() === 0) spawnSync('chown', ['postgres', dir]);
	asPostgres(`${bin}/initdb`, ['-D', `${dir}/data`, '-A', 'trust', '-U', 'postgres']);
	const port = await freePort(55500);
	const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
	asPostgres(`${bin}/pg_ctl`, ['-D', `${dir}/data`, '-l', `${dir}/log`, '-w', '-o', options, 'start']);
	cleanups.push(() => asPostgres(`${bin}/pg_ctl`, ['-D', `${dir}/data`, '-m', 'immediate', 'stop']));
	return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

/** A new database on an existing server, dropped at the end. @param {string} server */
async function scratchDatabase(server) {
	const name = `bgv_two_${process.pid}`;
	const admin = async (/** @type {string} */ q) => {
		const c = new pg.Client({ connectionString: server });
		await c.connect();
		try {
			await c.query(q);
		} finally {
			await c.end();
		}
	};
	await admin(`DROP DATABASE IF EXISTS ${name}`);
	await admin(`CREATE DATABASE ${name}`);
	cleanups.push(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
	const u = new URL(server);
	u.pathname = `/${name}`;
	return u.toString();
}

/** `node build` on `port`; resolves once it answers. @param {string} databaseUrl @param {number} port */
async function startApp(databaseUrl, port) {
	const origin = `http://127.0.0.1:${port}`;
	const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1' };
	const child = spawn(process.execPath, [join(root, 'server.js')], {
		env: { ...env, ORIGIN: origin, BODY_SIZE_LIMIT: '25M' },
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let log = '';
	child.stderr.on('data', (d) => (log += d));
	cleanups.push(() => {
		child.kill('SIGTERM');
	});
	for (let i = 0; i < 300; i++) {
		if (child.exitCode !== null) throw new Error(`node build on ${port} exited: ${log}`);
		const up = await fetch(`${origin}/login`).then(
			(r) => r.status === 200,
			() => false
		);
		if (up) return { origin, log: () => log };
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`node build on ${port} did not answer: ${log}`);
}

/** @typedef {{ ok: boolean, fr: string, en: string, detail?: string }} Check */

/** @param {string} a @param {string} b @returns {Promise<Check>} */
async function checkSession(a, b) {
	const onA = new Browser(a);
	const login = await onA.post('/login', loginForm('menage@demo.bgv.fr', PASSWORD));
	const home = login.location ?? '';
	const onB = onA.at(b);
	const there = await onB.get(home);
	const anonymous = await new Browser(b).get(home);
	const token = new Map(onA.jar);
	await onB.post('/logout', new URLSearchParams());
	// the same cookie, kept from before the logout, sent to the 1st process
	const afterLogout = await new Browser(a, token).get(home);
	const ok =
		login.status === 303 &&
		/^\/households\/\d+$/.test(home) &&
		there.status === 200 &&
		there.text.includes('Martin') &&
		anonymous.status === 303 &&
		afterLogout.status === 303 &&
		(afterLogout.location ?? '').startsWith('/login');
	return {
		ok,
		fr: 'session ouverte sur le 1er processus valable sur le 2e, fermée sur le 2e refusée par le 1er',
		en: 'a session opened on the 1st process is valid on the 2nd; logged out on the 2nd, the 1st refuses it',
		detail: `login ${login.status} → ${home}, 2nd ${there.status}, anonymous ${anonymous.status}, after logout ${afterLogout.status}`
	};
}

/** @param {string} a @param {string} b @returns {Promise<Check>} */
async function checkThrottle(a, b) {
	const statuses = [];
	for (const base of [a, b, a, b, a]) {
		statuses.push(
			(await new Browser(base).post('/login', loginForm('pro@demo.bgv.fr', 'mauvais-mot-de-passe'))).status
		);
	}
	const right = [];
	for (const base of [a, b])
		right.push((await new Browser(base).post('/login', loginForm('pro@demo.bgv.fr', PASSWORD))).status);
	return {
		ok: statuses.slice(0, 4).every((s) => s === 400) && right.every((s) => s === 429),
		fr: '5 échecs de connexion répartis sur les deux processus verrouillent le compte sur les deux',
		en: '5 failed logins spread over both processes lock the account on both',
		detail: `failures ${statuses.join(' ')}, right password then ${right.join(' ')}`
	};
}

/** @param {string} a @param {string} b @returns {Promise<Check>} */
async function checkRules(a, b) {
	const admin = new Browser(a);
	await admin.post('/login', loginForm('admin@demo.bgv.fr', PASSWORD));
	const test = async (/** @type {string} */ base) => {
		const form = new URLSearchParams({ label: 'PRLV SEPA EDF CLIENTS PARTICULIERS', amount: '-45,20' });
		return ruleOf((await admin.at(base).post('/admin/rules?/test', form)).text);
	};
	const before = await test(b);
	const toggle = (/** @type {string} */ base, /** @type {string} */ enabled) =>
		admin.at(base).post('/admin/rules?/toggle', new URLSearchParams({ id: before ?? '', enabled }));
	const off = await toggle(a, '0');
	const whileOff = await test(b);
	const on = await toggle(b, '1');
	const after = await test(a);
	return {
		ok: before !== null && off.status === 200 && whileOff !== before && on.status === 200 && after === before,
		fr: 'une règle commune désactivée sur l’un ne s’applique plus à la requête suivante sur l’autre, et inversement',
		en: 'a shared rule disabled on one no longer applies on the next request to the other, and back',
		detail: `rule ${before}; disabled on the 1st, the 2nd finds ${whileOff}; enabled on the 2nd, the 1st finds ${after}`
	};
}

/** @param {string} a @param {string} b @returns {Promise<Check>} */
async function checkCaseload(a, b) {
	const adviser = new Browser(a);
	await adviser.post('/login', loginForm('conseillere@demo.bgv.fr', PASSWORD));
	const name = 'Ménage des deux processus';
	const search = `/caseload?vue=tous&q=${encodeURIComponent('deux processus')}`;
	// the 2nd process computes (and keeps) the search's page before the household exists
	const before = await adviser.at(b).get(search);
	const created = await adviser.post('/caseload?/create', new URLSearchParams({ name, situation: '' }));
	const after = await adviser.at(b).get(search);
	const ok =
		before.status === 200 &&
		!before.text.includes(name) &&
		created.status === 303 &&
		after.status === 200 &&
		after.text.includes(name);
	return {
		ok,
		fr: 'un ménage créé sur le 1er processus paraît au suivi du 2e à la requête suivante (la page gardée par le 2e est recalculée)',
		en: 'a household created on the 1st process shows in the 2nd one’s caseload on the next request (its kept page is computed again)',
		detail: `before ${before.status}, create ${created.status} → ${created.location}, after ${after.status} ${after.text.includes(name) ? 'listed' : 'missing'}`
	};
}

/** @param {string} a @param {string} b @param {string} databaseUrl @returns {Promise<Check>} */
async function checkImports(a, b, databaseUrl) {
	const member = new Browser(a);
	const home = (await member.post('/login', loginForm('menage@demo.bgv.fr', PASSWORD))).location ?? '';
	const files = [statement(30, 120), statement(0, 120)];
	const staged = await Promise.all(
		[a, b].map(async (base, i) => {
			const form = new FormData();
			form.append('account', 'auto');
			form.append('file', new Blob([files[i].csv], { type: 'text/csv' }), `releve-${i + 1}.csv`);
			return tokensOf((await member.at(base).post(`${home}/import?/preview`, form)).text);
		})
	);
	// both confirmations at once, one through each process
	const confirmed = await Promise.all(
		[a, b].map((base, i) =>
			member.at(base).post(`${home}/import?/confirm`, new URLSearchParams(staged[i].map((t) => ['token', t])))
		)
	);
	const c = new pg.Client({ connectionString: databaseUrl });
	await c.connect();
	const { rows } = await c
		.query(
			`SELECT a.id, count(t.id)::int AS n, count(DISTINCT t.dedupe_key)::int AS keys
			 FROM bank_account a LEFT JOIN bank_transaction t ON t.account_id = a.id
			 WHERE a.account_number = $1 GROUP BY a.id`,
			[files[0].accountNumber]
		)
		.finally(() => c.end());
	const union = 150 * files[0].perDay;
	return {
		ok:
			staged.every((t) => t.length === 1) &&
			confirmed.every((r) => r.status === 200) &&
			rows.length === 1 &&
			rows[0].n === union &&
			rows[0].keys === union,
		fr: `deux imports simultanés de relevés qui se chevauchent (2 × ${files[0].rows} lignes), un par processus, ne doublent rien`,
		en: `two simultaneous imports of overlapping statements (2 × ${files[0].rows} rows), one per process, double nothing`,
		detail: `tokens ${staged.map((t) => t.length).join('+')}, confirm ${confirmed.map((r) => r.status).join(' ')}, accounts ${rows.length}, rows ${rows.map((r) => r.n).join('+')} (union ${union})`
	};
}

/**
 * The HTTP bench alternating between the two processes: one adviser's session, the caseload loaded through
 * both at once (autocannon, 5 connections each, 3 seconds), and /healthz answering on both.
 * @param {string} a @param {string} b @returns {Promise<Check>}
 */
async function checkLoad(a, b) {
	const adviser = new Browser(a);
	await adviser.post('/login', loginForm('conseillere@demo.bgv.fr', PASSWORD));
	const cookie = [...adviser.jar].map(([k, v]) => `${k}=${v}`).join('; ');
	const health = await Promise.all([a, b].map((o) => fetch(`${o}/healthz`).then((r) => r.status)));
	const runs = await Promise.all(
		[a, b].map((o) =>
			autocannon({
				url: `${o}/caseload`,
				connections: 5,
				duration: 3,
				headers: { cookie, accept: 'text/html' }
			})
		)
	);
	const bad = runs.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0);
	return {
		ok: health.every((s) => s === 200) && bad === 0 && runs.every((r) => r.requests.total > 0),
		fr: 'le suivi chargé par les deux processus à la fois avec la même session, sans erreur ; /healthz répond sur les deux',
		en: 'the caseload loaded through both processes at once with one session, no error; /healthz answers on both',
		detail: `healthz ${health.join(' ')}, requests ${runs.map((r) => r.requests.total).join('+')}, p99 ${runs.map((r) => r.latency.p99).join('/')} ms, errors or non-2xx ${bad}`
	};
}

async function main() {
	for (const p of ['build/index.js', 'build/cli/bgv.js'])
		if (!existsSync(join(root, p))) throw new Error(`${p} missing: run npm run build first`);
	const i = process.argv.indexOf('--database-url');
	const databaseUrl = i > 0 ? await scratchDatabase(process.argv[i + 1]) : await scratchDatabase(await startCluster());
	const seed = spawnSync(process.execPath, [join(root, 'build/cli/bgv.js'), 'seed', '--e2e'], {
		env: { ...process.env, DATABASE_URL: databaseUrl },
		encoding: 'utf8'
	});
	if (seed.status !== 0) throw new Error(`bgv seed --e2e failed: ${seed.stderr}`);
	const first = await freePort(Number(process.env.TWO_PROCESSES_PORT ?? 4310));
	const second = await freePort(first + 1);
	const [a, b] = await Promise.all([startApp(databaseUrl, first), startApp(databaseUrl, second)]);
	const checks = [];
	for (const check of [checkSession, checkThrottle, checkRules, checkCaseload, checkLoad])
		checks.push(
			await check(a.origin, b.origin).catch((e) => ({ ok: false, fr: check.name, en: check.name, detail: String(e) }))
		);
	checks.push(
		await checkImports(a.origin, b.origin, databaseUrl).catch((e) => ({
			ok: false,
			fr: 'imports',
			en: 'imports',
			detail: String(e)
		}))
	);
	console.log(`Deux processus BGV sur un PostgreSQL (:${first} et :${second}) / two BGV processes on one PostgreSQL:`);
	for (const c of checks) console.log(`${c.ok ? '✓' : '✗'} ${c.fr}\n  ${c.en}\n  (${c.detail})`);
	const failed = checks.filter((c) => !c.ok).length;
	console.log(failed ? `${failed} échec(s) / failure(s).` : 'Tout est bon / all good.');
	if (failed) console.log(`--- 1st process ---\n${a.log()}\n--- 2nd process ---\n${b.log()}`);
	return failed ? 1 : 0;
}

async function cleanUp() {
	for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => {});
	cleanups.length = 0;
}

// CI must not hang on a process that stopped answering
const watchdog = setTimeout(() => {
	console.error('two-processes: no result after 3 minutes / pas de résultat après 3 minutes');
	void cleanUp().then(() => process.exit(1));
}, 180_000);

let status = 1;
try {
	status = await main();
} catch (e) {
	console.error(`two-processes: ${e instanceof Error ? e.message : String(e)}`);
} finally {
	clearTimeout(watchdog);
	await cleanUp();
}
process.exit(status);
