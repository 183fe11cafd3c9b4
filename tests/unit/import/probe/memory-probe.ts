/**
 * Peak memory and time of parseStatement on the hostile inputs of issue 13, one case per process:
 *   npx vite build -c tests/unit/import/probe/vite.config.ts
 *   node build/probe/memory-probe.js blank-flood [--worker]
 * (`--worker`: through parseStatementOffThread; the figures then include the worker's memory and the
 * longest wait of the main event loop).
 * Not part of the suite (no `.test.ts`): figures depend on the machine.
 */
import { parseStatement } from '$lib/server/import';
import { closeParseWorkers, parseStatementOffThread } from '$lib/server/import/parse-worker';
import { generateLargeCsv } from '$lib/server/import/bench-data';
import { absurdAmounts, blankFlood, deepNesting, emptyColumns, unmatchedCloses, wideCsv } from './cases';

const cases: Record<string, () => Uint8Array> = {
	'blank-flood': () => blankFlood(19),
	'blank-flood-5': () => blankFlood(5),
	'columns-100k': () => wideCsv(100_000, 10),
	'columns-100k-empty': () => emptyColumns(100_000, 10),
	'unmatched-closes': () => unmatchedCloses(25_000),
	'unmatched-closes-100k': () => unmatchedCloses(100_000),
	'deep-nesting': () => deepNesting(50_000),
	'absurd-amounts': absurdAmounts,
	'rows-100k': () => generateLargeCsv(100_000),
	'rows-200k': () => generateLargeCsv(200_000)
};

const name = process.argv[2] ?? 'blank-flood';
const offThread = process.argv.includes('--worker');
const input = cases[name]();
const rssBefore = process.memoryUsage().rss;
// the longest the main event loop waited while the file was read
let lastTick = performance.now();
let maxLagMs = 0;
const ticker = setInterval(() => {
	const now = performance.now();
	maxLagMs = Math.max(maxLagMs, now - lastTick - 10);
	lastTick = now;
}, 10);
const t0 = performance.now();
let outcome: string;
try {
	const s = offThread ? await parseStatementOffThread(input, {}, { timeoutMs: 20_000 }) : parseStatement(input);
	outcome = `parsed: ${s.accounts.reduce((n, a) => n + a.transactions.length, 0)} transactions`;
} catch (e) {
	outcome = `${(e as Error).name}: ${(e as Error).message}`;
}
const ms = performance.now() - t0;
clearInterval(ticker);
await closeParseWorkers();
const peak = process.resourceUsage().maxRSS / 1024;
console.log(
	JSON.stringify({
		case: name,
		offThread,
		inputMB: +(input.length / 1024 / 1024).toFixed(2),
		ms: Math.round(ms),
		maxEventLoopLagMs: Math.round(maxLagMs),
		rssBeforeMB: Math.round(rssBefore / 1024 / 1024),
		peakRssMB: Math.round(peak),
		outcome: outcome.slice(0, 200)
	})
);
