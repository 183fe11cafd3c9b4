// Builds the `bgv` command line (build/cli/bgv.js) when the sources are newer than it: used by
// scripts/bgv-run.js and by the unit tests' global setup (the robustness tests run the built CLI).
// Build output goes to stderr so that `--json` keeps stdout clean.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const cliBundle = join(root, 'build/cli/bgv.js');

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
	if (!existsSync(cliBundle)) return true;
	const built = statSync(cliBundle).mtimeMs;
	return ['src/lib', 'db', 'scripts'].some((d) => newestMtime(join(root, d)) > built);
}

/** Builds build/cli/bgv.js if it is missing or older than the sources; returns false when the build failed. */
export function ensureCliBuilt() {
	if (!stale()) return true;
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
	return r.status === 0;
}
