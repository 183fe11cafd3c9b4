/**
 * `bgv import` in a child process (the built CLI, build/cli/bgv.js), with BGV_TRACE_STAGES=1 so that it
 * announces each stage of the import on stderr as it ends. A test waits for a stage and, in the same tick
 * the line is read, kills the process (SIGKILL) or stops it (SIGSTOP, resumed later with SIGCONT): the
 * moments are stages of the import, never delays.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../../build/cli/bgv.js', import.meta.url));

const STAGE = /^bgv:stage (.+)$/;

export interface Exit {
	code: number | null;
	signal: NodeJS.Signals | null;
}

interface Waiter {
	stage: string;
	signal?: NodeJS.Signals;
	resolve: () => void;
	reject: (e: Error) => void;
}

const running = new Set<CliRun>();

export class CliRun {
	readonly child: ChildProcess;
	readonly stages: string[] = [];
	stdout = '';
	stderr = '';
	readonly exit: Promise<Exit>;
	#exited = false;
	#pending = '';
	#waiters: Waiter[] = [];

	constructor(args: string[], env: Record<string, string>) {
		this.child = spawn(process.execPath, [CLI, ...args], {
			env: { ...process.env, ...env, BGV_TRACE_STAGES: '1' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		running.add(this);
		this.child.stdout?.setEncoding('utf8').on('data', (d: string) => (this.stdout += d));
		this.child.stderr?.setEncoding('utf8').on('data', (d: string) => this.#onStderr(d));
		this.exit = new Promise((resolve) => {
			this.child.on('close', (code, signal) => {
				this.#exited = true;
				running.delete(this);
				for (const w of this.#waiters.splice(0))
					w.reject(new Error(`bgv exited (${code ?? signal}) before stage "${w.stage}":\n${this.stderr}`));
				resolve({ code, signal });
			});
		});
	}

	#onStderr(chunk: string): void {
		this.stderr += chunk;
		const lines = (this.#pending + chunk).split('\n');
		this.#pending = lines.pop() as string;
		for (const line of lines) {
			const m = STAGE.exec(line);
			if (!m) continue;
			this.stages.push(m[1]);
			for (const w of this.#waiters.filter((x) => x.stage === m[1])) this.#fire(w);
		}
	}

	#fire(w: Waiter): void {
		this.#waiters = this.#waiters.filter((x) => x !== w);
		if (w.signal) this.child.kill(w.signal);
		w.resolve();
	}

	/** Resolves once the process has announced `stage`, after sending it `signal` if given. */
	at(stage: string, signal?: NodeJS.Signals): Promise<void> {
		return new Promise((resolve, reject) => {
			const w: Waiter = { stage, signal, resolve, reject };
			if (this.stages.includes(stage)) this.#fire(w);
			else if (this.#exited) reject(new Error(`bgv exited before stage "${stage}":\n${this.stderr}`));
			else this.#waiters.push(w);
		});
	}

	/** Resumes a process stopped by `at(stage, 'SIGSTOP')`. */
	resume(): void {
		if (!this.#exited) this.child.kill('SIGCONT');
	}

	/** The JSON document printed under --json. */
	json(): { files: { status: string; accounts?: { imported: number; duplicates: number }[] }[] } {
		return JSON.parse(this.stdout.trim().split('\n').at(-1) as string);
	}
}

/** `bgv import --household H FILE --json` against DATABASE_URL. */
export function importRun(databaseUrl: string, householdId: number, file: string): CliRun {
	return new CliRun(['import', '--household', String(householdId), file, '--json'], { DATABASE_URL: databaseUrl });
}

/** Kills what a failed test left running (a stopped process included). */
export function killAll(): void {
	for (const r of running) {
		r.child.kill('SIGKILL');
		r.child.kill('SIGCONT');
	}
}
