import { describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { cachedStatements } from '$lib/server/db/statement-cache';

function memory() {
	const sqlite = new SQLite(':memory:');
	sqlite.exec('create table t (id integer primary key, v text)');
	sqlite.exec("insert into t (v) values ('a'), ('b'), ('c')");
	return sqlite;
}

describe('prepared statement cache of the SQLite driver', () => {
	it('gives the same statement for the same SQL, and the right rows each time', () => {
		const db = cachedStatements(memory());
		const a = db.prepare('select v from t where id = ?');
		const b = db.prepare('select v from t where id = ?');
		expect(b).toBe(a);
		expect(a.all([1])).toEqual([{ v: 'a' }]);
		expect(b.all([3])).toEqual([{ v: 'c' }]);
		db.close();
	});

	it('gives a fresh statement while the cached one is still iterating (a streamed query)', () => {
		const db = cachedStatements(memory());
		const sql = 'select v from t order by id';
		const first = db.prepare(sql);
		const rows = first.iterate([]);
		expect(rows.next().value).toEqual({ v: 'a' });
		const second = db.prepare(sql);
		expect(second).not.toBe(first);
		expect(second.all([])).toHaveLength(3);
		expect([...rows].map((r) => (r as { v: string }).v)).toEqual(['b', 'c']);
		// once the iteration ended, the cached statement is handed out again
		expect(db.prepare(sql)).toBe(first);
		db.close();
	});

	it('keeps at most `size` statements, dropping the least recently used', () => {
		const db = cachedStatements(memory(), 2);
		const one = db.prepare('select 1');
		const two = db.prepare('select 2');
		expect(db.prepare('select 1')).toBe(one); // "select 1" is now the most recent
		db.prepare('select 3'); // drops "select 2"
		expect(db.prepare('select 1')).toBe(one);
		expect(db.prepare('select 2')).not.toBe(two);
		db.close();
	});
});
