/**
 * Runs parseStatement in a worker thread, so that reading a large or hostile file never holds the main
 * event loop: the worker has a time budget (terminated past it) and a heap limit (it dies, not the
 * server), and either way the file is refused with a French message. Idle workers are kept (at most
 * MAX_IDLE, unreferenced, so they never keep a process alive) and reused, so a parse costs a message,
 * not a thread start; at most MAX_RUNNING parse at once, the others wait their turn.
 */
import { Worker } from 'node:worker_threads';
import workerSource from 'virtual:bgv-parse-worker';
import { ImportError } from './errors';
import { reviveError, type ParseReply, type ParseRequest } from './parse-worker-protocol';
import type { ParsedStatement, ParseOptions } from './types';

/** Time budget of one file (from the moment a worker starts on it). */
export const DEFAULT_PARSE_TIMEOUT_MS = 20_000;
/** Heap of a parse worker: a 20 MB statement of 200,000 rows needs well under half of it. */
export const DEFAULT_PARSE_MEMORY_MB = 512;
const MAX_RUNNING = 2;
const MAX_IDLE = 2;
/** An idle worker is ended after this long without work. */
const IDLE_MS = 30_000;

export interface OffThreadOptions {
	/** Time budget in milliseconds (default DEFAULT_PARSE_TIMEOUT_MS). */
	timeoutMs?: number;
	/** Heap limit of the worker in MB (default DEFAULT_PARSE_MEMORY_MB); a worker is reused only with the same. */
	maxMemoryMb?: number;
}

interface PooledWorker {
	worker: Worker;
	memoryMb: number;
	idleTimer: ReturnType<typeof setTimeout> | null;
}

const idle: PooledWorker[] = [];
const waiting: (() => void)[] = [];
let running = 0;
let nextId = 1;

function spawn(memoryMb: number): PooledWorker {
	const worker = new Worker(workerSource, {
		eval: true,
		resourceLimits: { maxOldGenerationSizeMb: memoryMb },
		// the parser writes nothing: a worker's stray output must not reach the CLI's stdout
		stdout: true,
		stderr: true
	});
	worker.stdout.resume();
	worker.stderr.resume();
	return { worker, memoryMb, idleTimer: null };
}

function take(memoryMb: number): PooledWorker {
	const k = idle.findIndex((p) => p.memoryMb === memoryMb);
	if (k === -1) return spawn(memoryMb);
	const [p] = idle.splice(k, 1);
	if (p.idleTimer) clearTimeout(p.idleTimer);
	p.idleTimer = null;
	p.worker.ref();
	return p;
}

/** Listeners of the file being parsed removed; a worker that fails while idle or ending is just dropped. */
function quiet(p: PooledWorker): void {
	p.worker.removeAllListeners('message');
	p.worker.removeAllListeners('error');
	p.worker.removeAllListeners('exit');
	p.worker.on('error', () => {});
}

function release(p: PooledWorker): void {
	quiet(p);
	if (idle.length >= MAX_IDLE) {
		void p.worker.terminate();
		return;
	}
	p.worker.unref();
	// a dead idle worker leaves the pool
	p.worker.once('exit', () => {
		const k = idle.indexOf(p);
		if (k !== -1) idle.splice(k, 1);
	});
	p.idleTimer = setTimeout(() => void p.worker.terminate(), IDLE_MS);
	p.idleTimer.unref();
	idle.push(p);
}

async function slot(): Promise<void> {
	if (running < MAX_RUNNING) {
		running++;
		return;
	}
	await new Promise<void>((resolve) => waiting.push(resolve));
}

function freeSlot(): void {
	const next = waiting.shift();
	if (next) next();
	else running--;
}

function failure(code: string | undefined, timeoutMs: number, timedOut: boolean): ImportError {
	if (timedOut) {
		return new ImportError(
			`La lecture de ce fichier a pris plus de ${Math.ceil(timeoutMs / 1000)} s : il est trop gros ou mal formé. Exportez une période plus courte, ou le relevé dans un autre format (CSV, OFX).`
		);
	}
	if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
		return new ImportError(
			'La lecture de ce fichier demande trop de mémoire : il est trop gros ou mal formé. Exportez une période plus courte.'
		);
	}
	return new ImportError(
		"La lecture de ce fichier s'est arrêtée de façon inattendue : réessayez, ou téléchargez-le à nouveau depuis votre banque."
	);
}

/** Sends one file to a worker and waits for its reply, its death or the end of the time budget. */
function runOn(p: PooledWorker, req: ParseRequest, timeoutMs: number): Promise<ParsedStatement> {
	return new Promise<ParsedStatement>((resolve, reject) => {
		let settled = false;
		const finish = (reused: boolean) => {
			settled = true;
			clearTimeout(timer);
			if (reused) release(p);
			else {
				quiet(p);
				void p.worker.terminate();
			}
		};
		const timer = setTimeout(() => {
			if (settled) return;
			finish(false);
			reject(failure(undefined, timeoutMs, true));
		}, timeoutMs);
		p.worker.on('message', (reply: ParseReply) => {
			if (settled || reply.id !== req.id) return;
			finish(true);
			if (reply.ok) resolve(reply.statement);
			else reject(reviveError(reply.error));
		});
		p.worker.on('error', (e: Error & { code?: string }) => {
			if (settled) return;
			finish(false);
			reject(failure(e.code, timeoutMs, false));
		});
		p.worker.on('exit', () => {
			if (settled) return;
			finish(false);
			reject(failure(undefined, timeoutMs, false));
		});
		p.worker.postMessage(req);
	});
}

/**
 * Same as parseStatement (same result, same ImportError / NeedsMappingError / NeedsDateOrderError), in a
 * worker thread with a time budget and a heap limit. The bytes are copied to the worker; the caller
 * keeps its own.
 */
export async function parseStatementOffThread(
	bytes: Uint8Array,
	options: ParseOptions = {},
	run: OffThreadOptions = {}
): Promise<ParsedStatement> {
	const timeoutMs = run.timeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS;
	const memoryMb = run.maxMemoryMb ?? DEFAULT_PARSE_MEMORY_MB;
	await slot();
	try {
		return await runOn(take(memoryMb), { id: nextId++, bytes, options }, timeoutMs);
	} finally {
		freeSlot();
	}
}

/** Ends the idle workers (tests, graceful shutdown); running parses finish normally. */
export async function closeParseWorkers(): Promise<void> {
	const all = idle.splice(0, idle.length);
	await Promise.all(
		all.map((p) => {
			if (p.idleTimer) clearTimeout(p.idleTimer);
			return p.worker.terminate();
		})
	);
}
