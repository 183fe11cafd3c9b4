#!/usr/bin/env node
// Runs the `bgv` command line, building it first when the sources are newer than build/cli/bgv.js.
import { spawnSync } from 'node:child_process';
import { cliBundle, ensureCliBuilt } from './cli-build.js';

if (!ensureCliBuilt()) {
	process.stderr.write('Impossible de construire la ligne de commande bgv.\n');
	process.exit(1);
}

const r = spawnSync(process.execPath, [cliBundle, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
