/**
 * `bgv bench`'s import target: the 100,000-row file through the raw floor (papaparse and a bare insert),
 * the real-table floor (BGV's own table, one prepared insert) and BGV's whole import, each in its own
 * process, alternated; the preview of the same file; and hledger on it when installed.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import SQLite from 'better-sqlite3';
import Papa from 'papaparse';
import { createDb, rawSqlite } from '../db';
import { prepareDatabase } from '../services/reference-data';
import { generateLargeCsv } from '../import/bench-data';
import { importFile, previewFile, type ImportTimings } from '../services/import-service';
import { operatorScope } from '../auth/access';
import { ensureDerived } from '../services/derived-refresh';
import { settleBackground } from '../db/background';
import { parseAmount } from '$lib/money';
import { InputError } from '../services/errors';
import type { CliContext } from './types';

/** Milliseconds since `start` (process.hrtime.bigint()). */
export function ms(start: bigint): number {
	return Number((process.hrtime.bigint() - start) / 1000n) / 1000;
}

/** The floors' parse: the bench file decoded and split by papaparse, header left out. */
function parseBenchRows(bytes: Uint8Array): string[][] {
	return Papa.parse<string[]>(new TextDecoder().decode(bytes), { delimiter: ';', skipEmptyLines: true }).data.slice(1);
}

/** Raw floor: papaparse parse plus better-sqlite3 insert of the same rows in one transaction. */
function rawFloor(bytes: Uint8Array, path: string): number {
	const t = process.hrtime.bigint();
	const rows = parseBenchRows(bytes);
	const db = new SQLite(path);
	db.pragma('journal_mode = WAL');
	db.exec('create table t (date text, label text, amount integer)');
	const insert = db.prepare('insert into t values (?, ?, ?)');
	db.transaction(() => {
		for (const r of rows) insert.run(r[0], r[2], parseAmount(r[6] ?? '0'));
	})();
	db.close();
	return ms(t);
}

/**
 * Second baseline, for the record: the same parse, then the same rows written into BGV's own
 * bank_transaction table (its 22 columns, indexes, unique key, foreign keys and check) through one
 * prepared INSERT, with no detection, dedupe or categorisation. The gap between it and the raw floor is the
 * database's own work for a real row; the gap between the import and it is BGV's code.
 */
async function tableFloor(ctx: CliContext, bytes: Uint8Array, householdId: number): Promise<number> {
	const raw = rawSqlite(ctx.handle.db);
	if (!raw) throw new Error('le plancher « table réelle » se mesure sur SQLite');
	const household = raw
		.prepare('select organisation_id from household where id = ?')
		.pluck()
		.get(householdId) as number;
	const now = new Date().toISOString();
	const account = Number(
		raw
			.prepare(
				`insert into bank_account (organisation_id, household_id, name, currency, created_at) values (?, ?, 'Plancher', 'EUR', ?)`
			)
			.run(household, householdId, now).lastInsertRowid
	);
	const batch = Number(
		raw
			.prepare(
				`insert into import_batch (organisation_id, household_id, file_name, file_sha256, format, imported_count, duplicate_count, created_at) values (?, ?, 'bench.csv', '', 'csv', 0, 0, ?)`
			)
			.run(household, householdId, now).lastInsertRowid
	);
	const t = process.hrtime.bigint();
	const rows = parseBenchRows(bytes);
	const insert = raw.prepare(
		`INSERT INTO bank_transaction (organisation_id, household_id, account_id, import_batch_id, created_at, booking_date, amount, raw_label,
			normalised_label, category_id, category_source, dedupe_key, internal_transfer)
		VALUES (${household}, ${householdId}, ${account}, ${batch}, '${now}', ?, ?, ?, ?, 'uncategorised', 'none', ?, 0)`
	);
	raw.transaction(() => {
		for (let i = 0; i < rows.length; i++) {
			const r = rows[i];
			insert.run(r[0], parseAmount(r[6] ?? '0'), r[2], r[2], String(i));
		}
	})();
	return ms(t);
}

function roundAll(timings: ImportTimings): Record<string, number> {
	return Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)]));
}

/** hledger's CSV rules for the synthetic BoursoBank file of generateLargeCsv (hledger 1.25 syntax). */
const HLEDGER_RULES = `# BGV bench: the synthetic BoursoBank export (dateOp;dateVal;label;…;amount;…;accountbalance)
skip 1
separator ;
fields date, date2, description, _, _, _, amount, comment, _, _, _
date-format %Y-%m-%d
decimal-mark ,
currency EUR
account1 actifs:banque:courant
account2 depenses:divers
`;

/**
 * The same file converted by `hledger print` through a rules file (output thrown away), when the hledger
 * command is installed; null with the reason otherwise. Wall-clock seconds of the whole process.
 */
function benchHledger(bytes: Uint8Array, dir: string, bgvSeconds: number) {
	const version = spawnSync('hledger', ['--version'], { encoding: 'utf8' });
	if (version.error || version.status !== 0) {
		return { hledger: null, hledgerReason: 'hledger n’est pas installé (apt-get install hledger pour comparer)' };
	}
	const csv = join(dir, 'bench.csv');
	const rules = join(dir, 'bench.rules');
	writeFileSync(csv, bytes);
	writeFileSync(rules, HLEDGER_RULES);
	const t = process.hrtime.bigint();
	const run = spawnSync('hledger', ['print', '-f', csv, '--rules-file', rules], {
		stdio: ['ignore', 'ignore', 'pipe'],
		encoding: 'utf8'
	});
	const seconds = ms(t) / 1000;
	if (run.error || run.status !== 0) {
		return {
			hledger: null,
			hledgerReason: `hledger a échoué : ${(run.error?.message ?? run.stderr ?? '').trim().slice(0, 300)}`
		};
	}
	return {
		hledger: {
			version: version.stdout.trim(),
			command: 'hledger print -f bench.csv --rules-file bench.rules > /dev/null',
			seconds: Math.round(seconds * 100) / 100,
			bgvSeconds: Math.round(bgvSeconds * 100) / 100,
			ratio: Math.round((seconds / bgvSeconds) * 10) / 10,
			targetRatio: 20
		}
	};
}

/** What one measuring process reports (`bench --worker import|floor|table-floor`). */
interface WorkerReport {
	ms: number;
	/** the process's peak resident memory, MB, once the file is imported: Node itself, the bgv code, the
	 * database and the import (the re-import comes after this reading) */
	peakRssMB: number;
	/** the refresh of the household's figures the import asks for after its response, timed on its own */
	refreshMs?: number;
	refreshStagesMs?: Record<string, number>;
	/** the peak once that refresh has run too */
	peakRssWithRefreshMB?: number;
	/** the same at the end, after the re-import of the same file in the same process */
	peakRssWithReimportMB?: number;
	imported?: number;
	reimported?: number;
	reimportMs?: number;
	stagesMs?: Record<string, number>;
	reimportStagesMs?: Record<string, number>;
	/** preview only: the transaction rows in the database after the preview (must be 0) */
	written?: number;
}

const WORKER_KINDS = ['floor', 'table-floor', 'import', 'preview'] as const;
type WorkerKind = (typeof WORKER_KINDS)[number];

/**
 * One measured run, in the process that `bench` started for it: reads the file, then times the raw floor,
 * the real-table floor, or BGV's whole import of it (and a second import of the same file) into the household.
 */
export async function workerRun(
	ctx: CliContext,
	kind: string,
	file: string,
	householdId: number
): Promise<WorkerReport> {
	if (!(WORKER_KINDS as readonly string[]).includes(kind))
		throw new InputError(`--worker : ${WORKER_KINDS.join(', ')}`);
	const bytes = await ctx.io.readFile(file);
	const peakRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
	if (kind === 'floor') {
		const floorMs = rawFloor(bytes, `${file}.floor-${process.pid}.sqlite`);
		return { ms: Math.round(floorMs), peakRssMB: peakRssMB() };
	}
	if (kind === 'table-floor')
		return { ms: Math.round(await tableFloor(ctx, bytes, householdId)), peakRssMB: peakRssMB() };
	const scope = await operatorScope(ctx.handle.db, householdId);
	if (!scope) throw new InputError(`ménage ${householdId} inconnu`);
	const request = { fileName: 'bench.csv', bytes };
	if (kind === 'preview') {
		const stages: ImportTimings = {};
		const t = process.hrtime.bigint();
		const preview = await previewFile(ctx.handle.db, scope, request, { timings: stages });
		const previewMs = ms(t);
		const written = await ctx.handle.db
			.selectFrom('bank_transaction')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		return {
			ms: Math.round(previewMs),
			peakRssMB: peakRssMB(),
			imported: preview.status === 'rejected' ? -1 : preview.accounts.reduce((s, a) => s + a.imported, 0),
			written: Number(written.n),
			stagesMs: roundAll(stages)
		};
	}
	const stages: ImportTimings = {};
	const t = process.hrtime.bigint();
	const result = await importFile(ctx.handle.db, scope, request, { timings: stages });
	const importMs = ms(t);
	const importPeak = peakRssMB();
	// the refresh the import asked for after its response, timed on its own
	const refreshStages: ImportTimings = {};
	const r = process.hrtime.bigint();
	await ensureDerived(ctx.handle.db, scope, new Date(), refreshStages);
	const refreshMs = ms(r);
	const refreshPeak = peakRssMB();
	const againStages: ImportTimings = {};
	const t2 = process.hrtime.bigint();
	const again = await importFile(ctx.handle.db, scope, request, { timings: againStages });
	const reimportMs = ms(t2);
	await settleBackground(ctx.handle.db);
	return {
		ms: Math.round(importMs),
		peakRssMB: importPeak,
		refreshMs: Math.round(refreshMs),
		peakRssWithRefreshMB: refreshPeak,
		peakRssWithReimportMB: peakRssMB(),
		imported: result.status === 'rejected' ? 0 : result.accounts.reduce((s, a) => s + a.imported, 0),
		reimported: again.status === 'rejected' ? -1 : again.accounts.reduce((s, a) => s + a.imported, 0),
		reimportMs: Math.round(reimportMs),
		stagesMs: roundAll(stages),
		refreshStagesMs: roundAll(refreshStages),
		reimportStagesMs: roundAll(againStages)
	};
}

/** Runs `bgv bench --worker KIND` in a new process on its own copy of the prepared database. */
function spawnWorker(kind: WorkerKind, file: string, database: string, householdId: number): WorkerReport {
	const run = spawnSync(
		process.execPath,
		[process.argv[1], 'bench', '--worker', kind, '--file', file, '--household', String(householdId), '--json'],
		{
			env: { ...process.env, DATABASE_URL: database },
			encoding: 'utf8',
			maxBuffer: 1 << 20
		}
	);
	if (run.status !== 0)
		throw new Error(
			`bench --worker ${kind} a échoué : ${(run.stderr || run.error?.message || '').trim().slice(0, 500)}`
		);
	return JSON.parse(run.stdout.trim().split('\n').at(-1) as string) as WorkerReport;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The import target: the same file through the raw floor and through BGV's importer, each run in a fresh
 * process (so that each peak memory is that run's own), alternated `runs` times; the ratio is taken
 * between the medians, since a shared machine slows some runs down.
 */
export async function benchImport(rows: number, runs: number) {
	const dir = mkdtempSync(join(tmpdir(), 'bgv-bench-'));
	try {
		const bytes = generateLargeCsv(rows);
		const file = join(dir, 'bench.csv');
		writeFileSync(file, bytes);
		const template = join(dir, 'template.sqlite');
		const handle = createDb({ dialect: 'sqlite', path: template });
		await prepareDatabase(handle.db);
		const now = new Date().toISOString();
		const org = await handle.db
			.insertInto('organisation')
			.values({ name: 'Bench', created_at: now })
			.returning('id')
			.executeTakeFirstOrThrow();
		const hh = await handle.db
			.insertInto('household')
			.values({ organisation_id: org.id, name: 'Bench', situation: null, created_at: now, archived_at: null })
			.returning('id')
			.executeTakeFirstOrThrow();
		await handle.close();
		const reports: Record<WorkerKind, WorkerReport[]> = { floor: [], 'table-floor': [], import: [], preview: [] };
		for (let i = 0; i < runs; i++) {
			for (const kind of WORKER_KINDS) {
				const database = join(dir, `${kind}-${i}.sqlite`);
				copyFileSync(template, database);
				reports[kind].push(spawnWorker(kind, file, database, hh.id));
			}
		}
		const { floor: floors, 'table-floor': tableFloors, import: imports, preview: previews } = reports;
		const previewMs = median(previews.map((r) => r.ms));
		const importMs = median(imports.map((r) => r.ms));
		const floorMs = median(floors.map((r) => r.ms));
		const tableFloorMs = median(tableFloors.map((r) => r.ms));
		const typical = imports.find((r) => r.ms === importMs) as WorkerReport;
		const hledger = benchHledger(bytes, dir, importMs / 1000);
		return {
			rows,
			fileMB: Math.round((bytes.length / 1048576) * 10) / 10,
			runs,
			imported: typical.imported,
			reimported: typical.reimported,
			importMs,
			importRunsMs: imports.map((r) => r.ms),
			reimportMs: typical.reimportMs,
			refreshMs: typical.refreshMs,
			refreshStagesMs: typical.refreshStagesMs,
			peakRssWithRefreshMB: Math.max(...imports.map((r) => r.peakRssWithRefreshMB ?? 0)),
			rawFloorMs: floorMs,
			rawFloorRunsMs: floors.map((r) => r.ms),
			ratioToFloor: Math.round((importMs / floorMs) * 100) / 100,
			targetRatio: 2,
			tableFloorMs,
			tableFloorRunsMs: tableFloors.map((r) => r.ms),
			ratioToTableFloor: Math.round((importMs / tableFloorMs) * 100) / 100,
			targetRatioToTableFloor: 1.3,
			stagesMs: typical.stagesMs,
			reimportStagesMs: typical.reimportStagesMs,
			peakRssMB: Math.max(...imports.map((r) => r.peakRssMB)),
			peakRssWithReimportMB: Math.max(...imports.map((r) => r.peakRssWithReimportMB ?? 0)),
			rawFloorPeakRssMB: Math.max(...floors.map((r) => r.peakRssMB)),
			targetPeakRssMB: 200,
			previewMs,
			previewRunsMs: previews.map((r) => r.ms),
			previewPeakRssMB: Math.max(...previews.map((r) => r.peakRssMB)),
			previewRowsWritten: Math.max(...previews.map((r) => r.written ?? 0)),
			previewStagesMs: previews.find((r) => r.ms === previewMs)?.stagesMs,
			...hledger
		};
	} finally {
		// BGV_BENCH_KEEP=1 keeps the file and the databases, to profile one worker again (the path is printed)
		if (!process.env.BGV_BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
		else console.error(dir);
	}
}
