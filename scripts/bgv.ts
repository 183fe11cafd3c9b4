/** Entry point of the `bgv` command line (built to build/cli/bgv.js by scripts/vite.cli.config.ts). */
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { runCli } from '$lib/server/cli/run';
import type { CliIo } from '$lib/server/cli/types';

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
	if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
	throw e;
});

const io: CliIo = {
	out: (text) => void process.stdout.write(`${text}\n`),
	err: (text) => void process.stderr.write(`${text}\n`),
	readLines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
	readFile: async (path) => new Uint8Array(await readFile(path))
};

runCli(process.argv.slice(2), io).then(
	(code) => {
		process.exitCode = code;
	},
	(e: unknown) => {
		process.stderr.write(`Échec inattendu : ${String(e)}\n`);
		process.exitCode = 1;
	}
);
