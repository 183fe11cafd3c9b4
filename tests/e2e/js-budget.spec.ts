import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// JavaScript shipped per route ≤ 100 KB gzipped (issue 20), over the production build this suite runs on
// (`npm run build` first): for every page route, the client entry (start + app), the route's layouts and
// page node, and everything they import statically (what a first visit downloads before the page works),
// each file gzipped with node:zlib and counted once. The server manifest says which nodes make a route.
// Also here, since it needs the running build: GET /healthz.

const BUDGET_BYTES = 100 * 1024;
const output = join(process.cwd(), '.svelte-kit/output');

interface Chunk {
	file: string;
	imports?: string[];
	isEntry?: boolean;
}

function readManifests(): { client: Record<string, Chunk>; routes: { id: string; nodes: number[] }[] } {
	const client = JSON.parse(readFileSync(join(output, 'client/.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
	const server = readFileSync(join(output, 'server/manifest.js'), 'utf8');
	const routes: { id: string; nodes: number[] }[] = [];
	const route = /id: "([^"]+)",[\s\S]*?page: \{ layouts: \[([^\]]*)\], errors: \[[^\]]*\], leaf: (\d+) \}/g;
	for (const m of server.matchAll(route)) {
		const layouts = m[2]
			.split(',')
			.filter((s) => s.trim() !== '')
			.map(Number);
		routes.push({ id: m[1], nodes: [...layouts, Number(m[3])] });
	}
	return { client, routes };
}

const gzipped = new Map<string, number>();
function gzipSize(file: string): number {
	let size = gzipped.get(file);
	if (size === undefined) {
		size = gzipSync(readFileSync(join(output, 'client', file)), { level: 9 }).length;
		gzipped.set(file, size);
	}
	return size;
}

/** The manifest keys a chunk pulls in statically, itself included. */
function closure(client: Record<string, Chunk>, keys: string[], seen = new Set<string>()): Set<string> {
	for (const key of keys) {
		if (seen.has(key) || !client[key]) continue;
		seen.add(key);
		closure(client, client[key].imports ?? [], seen);
	}
	return seen;
}

// eslint-disable-next-line no-empty-pattern -- Playwright wants a destructured first argument; no fixture is needed
test('every route ships at most 100 KB of JavaScript, gzipped', async ({}, testInfo) => {
	test.skip(testInfo.project.name !== 'desktop', 'the build is the same for every project');
	expect(existsSync(join(output, 'client/.vite/manifest.json')), 'run npm run build first').toBe(true);
	const { client, routes } = readManifests();
	expect(routes.length).toBeGreaterThan(10);
	const entries = Object.keys(client).filter((k) => /client-optimized\/app\.js$|client\/entry\.js$/.test(k));
	expect(entries).toHaveLength(2);
	const sizes = routes.map((r) => {
		const nodes = r.nodes.map((n) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`);
		const files = new Set([...closure(client, [...entries, ...nodes])].map((k) => client[k].file));
		const bytes = [...files].filter((f) => f.endsWith('.js')).reduce((s, f) => s + gzipSize(f), 0);
		return { route: r.id, kb: Math.round(bytes / 102.4) / 10, bytes };
	});
	sizes.sort((a, b) => b.bytes - a.bytes);
	testInfo.annotations.push({ type: 'heaviest routes', description: JSON.stringify(sizes.slice(0, 5)) });
	console.log(
		`JS per route (gzipped), heaviest: ${sizes
			.slice(0, 3)
			.map((s) => `${s.route} ${s.kb} KB`)
			.join(', ')}`
	);
	expect(sizes.filter((s) => s.bytes > BUDGET_BYTES)).toEqual([]);
});

test('GET /healthz answers without a session, with no personal data and no cache', async ({ request }, testInfo) => {
	test.skip(testInfo.project.name !== 'desktop', 'one project is enough');
	const res = await request.get('/healthz', { maxRedirects: 0 });
	expect(res.status()).toBe(200);
	expect(res.headers()['cache-control']).toBe('no-store');
	expect(res.headers()['set-cookie']).toBeUndefined();
	expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
	// a POST is not a health check: no form action, no CSRF bypass
	expect((await request.post('/healthz', { maxRedirects: 0 })).status()).toBeGreaterThanOrEqual(400);
});
