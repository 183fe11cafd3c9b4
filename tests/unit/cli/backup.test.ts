/**
 * `bgv backup` / `bgv restore` on SQLite: a backup taken while another connection keeps writing is a
 * consistent snapshot, restores to equal data with integrity_check ok, and restore refuses what is not a BGV
 * database. On PostgreSQL both commands explain that pg_dump / pg_restore is the procedure.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '$lib/server/cli/run';
import type { CliIo } from '$lib/server/cli/types';
import { createTestDatabaseUrl, testDialect } from '../../helpers/test-db';

function io() {
	const out: string[] = [];
	const err: string[] = [];
	const value: CliIo = {
		out: (t) => void out.push(t),
		err: (t) => void err.push(t),
		readLines: async function* () {},
		readFile: async () => new Uint8Array()
	};
	return { out, err, io: value };
}

const AT = '2026-12-03T10:00:00.000Z';

/** Every user table's rows, sorted, for comparing two databases. */
function dump(path: string): Record<string, unknown[]> {
	const db = new SQLite(path, { readonly: true });
	try {
		const tables = db
			.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
			.all() as { name: string }[];
		return Object.fromEntries(tables.map((t) => [t.name, db.prepare(`select * from "${t.name}" order by 1`).all()]));
	} finally {
		db.close();
	}
}

describe.skipIf(testDialect !== 'sqlite')('bgv backup and restore (SQLite)', () => {
	let dir: string;
	let live: string;
	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'bgv-backup-'));
		live = join(dir, 'live.sqlite');
		expect(await runCli(['household', 'create', '--name', 'Famille Sauvegarde'], io().io, { DATABASE_URL: live })).toBe(
			0
		);
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('backs up while another connection writes, then restores equal data with integrity ok', async () => {
		const writer = new SQLite(live);
		writer.pragma('busy_timeout = 5000');
		const org = (writer.prepare('select id from organisation').get() as { id: number }).id;
		const insertHousehold = writer.prepare(
			'insert into household (organisation_id, name, situation, created_at) values (?, ?, null, ?)'
		);
		const insertAudit = writer.prepare(
			"insert into audit_log (organisation_id, household_id, action, at) values (?, ?, 'household.created', ?)"
		);
		// each write adds a household and its audit entry in one transaction: a consistent copy has as many of each
		const write = writer.transaction((n: number) => {
			const id = insertHousehold.run(org, `Ménage ${n}`, AT).lastInsertRowid;
			insertAudit.run(org, id, AT);
		});
		for (let n = 0; n < 2000; n++) write(n);
		let n = 2000;
		let writing = true;
		const written: number[] = [];
		const loop = (async () => {
			while (writing) {
				write(n++);
				written.push(n);
				await new Promise((r) => setImmediate(r));
			}
		})();
		const file = join(dir, 'copie.sqlite');
		const b = io();
		const during = n;
		const status = await runCli(['backup', file, '--json'], b.io, { DATABASE_URL: live });
		writing = false;
		await loop;
		writer.close();
		expect(status, b.err.join('\n')).toBe(0);
		expect(JSON.parse(b.out[0])).toMatchObject({ file, pages: expect.any(Number) });
		// the writer kept going while the command opened the database and copied it
		expect(n - during).toBeGreaterThan(1);

		const copy = new SQLite(file, { readonly: true });
		const households = (copy.prepare('select count(*) as n from household').get() as { n: number }).n;
		const entries = (
			copy.prepare("select count(*) as n from audit_log where action = 'household.created'").get() as { n: number }
		).n;
		expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
		copy.close();
		expect(households).toBe(entries);
		// « Famille Sauvegarde » and the households written before the copy, none after
		expect(households).toBeGreaterThanOrEqual(1 + during);
		expect(households).toBeLessThanOrEqual(1 + n);

		// restore into a database that has other data: it becomes the backup
		const target = join(dir, 'target.sqlite');
		expect(await runCli(['household', 'create', '--name', 'Autre'], io().io, { DATABASE_URL: target })).toBe(0);
		const r = io();
		expect(await runCli(['restore', file, '--json'], r.io, { DATABASE_URL: target })).toBe(0);
		expect(JSON.parse(r.out[0])).toMatchObject({ integrity: 'ok', migrated: [] });
		expect(dump(target)).toEqual(dump(file));
		const list = io();
		expect(await runCli(['household', 'list', '--json'], list.io, { DATABASE_URL: target })).toBe(0);
		expect(JSON.parse(list.out[0]).households[0].name).toBe('Famille Sauvegarde');
	});

	it('refuses to restore a file that is not a BGV database, in French, changing nothing', async () => {
		const target = join(dir, 'keep.sqlite');
		expect(await runCli(['household', 'create', '--name', 'À garder'], io().io, { DATABASE_URL: target })).toBe(0);
		const before = dump(target);
		const other = join(dir, 'other.sqlite');
		const o = new SQLite(other);
		o.exec('create table kysely_migration (name text, timestamp text); create table notes (t text)');
		o.close();
		const text = join(dir, 'notes.txt');
		writeFileSync(text, 'ceci est un texte, pas une base\n'.repeat(100));
		const cases: [string, RegExp][] = [
			[other, /n'est pas une sauvegarde de BGV/],
			[text, /n'est pas une base SQLite/],
			[join(dir, 'absent.sqlite'), /n'existe pas/]
		];
		for (const [file, message] of cases) {
			const r = io();
			expect(await runCli(['restore', file, '--json'], r.io, { DATABASE_URL: target })).toBe(2);
			expect(JSON.parse(r.out[0]).error.message).toMatch(/^restauration refusée : /);
			expect(r.err.join('\n')).toMatch(message);
		}
		expect(dump(target)).toEqual(before);
	});
});

describe.skipIf(testDialect !== 'postgres')('bgv backup and restore on PostgreSQL', () => {
	let env: Record<string, string>;
	let drop: () => Promise<void>;
	beforeAll(async () => {
		const t = await createTestDatabaseUrl();
		env = { DATABASE_URL: t.url };
		drop = t.drop;
	});
	afterAll(() => drop());

	it('explains that pg_dump and pg_restore are the procedure, with exit status 2', async () => {
		for (const command of ['backup', 'restore']) {
			const r = io();
			expect(await runCli([command, '/tmp/bgv-never-written.sqlite', '--json'], r.io, env)).toBe(2);
			expect(JSON.parse(r.out[0]).error.message).toMatch(/PostgreSQL.*pg_dump.*pg_restore/);
		}
	});
});
