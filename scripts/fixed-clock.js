#!/usr/bin/env node
// Runs a command (the unit tests) at the suite's fixed instant, TEST_NOW, through libfaketime: see faketime.js.
// `node scripts/fixed-clock.js vitest run …`; TEST_NOW=off runs it at the real time.
import { spawn } from 'node:child_process';
import { faketimeEnv } from './faketime.js';

const [command, ...args] = process.argv.slice(2);
let clock;
try {
	clock = faketimeEnv(process.env.TEST_NOW);
} catch (e) {
	process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
	process.exit(1);
}
const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...(clock ?? {}) } });
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
