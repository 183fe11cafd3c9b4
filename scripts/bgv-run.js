#!/usr/bin/env node
// Runs the `bgv` command line, building it first when the sources are newer than build/cli/bgv.js.
// Build output goes to stderr so that `--json` keeps stdout clean.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'build/cli/bgv.js');

/** @param {string} dir @returns {number} */
function newestMtime(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, entry.name);
		if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
		else newest = Math.max(newest, statSync(p).mtimeMs);
	}
	return newest;
}

function stale() {
	if (!existsSync(bundle)) return true;
	const built = statSync(bundle).mtimeMs;
	return ['src/lib', 'db', 'scripts'].some((d) => newestMtime(join(root, d)) > built);
}

if (stale()) {
	// The CLI build reads the tsconfig that `svelte-kit sync` writes; a fresh clone may not have it yet.
	if (!existsSync(join(root, '.svelte-kit/tsconfig.json'))) {
		const kit = join(root, 'node_modules/@sveltejs/kit/svelte-kit.js');
		spawnSync(process.execPath, [kit, 'sync'], { cwd: root, stdio: ['ignore', 2, 2] });
	}
	const vite = join(root, 'node_modules/vite/bin/vite.js');
	const r = spawnSync(process.execPath, [vite, 'build', '--config', 'scripts/vite.cli.config.ts'], {
		cwd: root,
		stdio: ['ignore', 2, 2]
	});
	if (r.status !== 0) {
		process.stderr.write('Impossible de construire la ligne de commande bgv.\n');
		process.exit(1);
	}
}

const r = spawnSync(process.execPath, [bundle, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
