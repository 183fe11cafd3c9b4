/**
 * Deterministic mutations of the statement fixtures for the fuzz test: truncations, byte flips, huge
 * lines, blank-line floods, deep nesting, entity expansion, invalid UTF-8, NUL bytes, 100,000 columns,
 * repeated rows and absurd amounts. Every case is built from a seeded PRNG, so a failure names a case
 * that can be rebuilt exactly.
 */

/** mulberry32: a small seeded PRNG with a full 32-bit period. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface FuzzCase {
	name: string;
	bytes: Uint8Array;
}

type Rand = () => number;
type Mutation = (b: Uint8Array, r: Rand) => Uint8Array;

const enc = new TextEncoder();
const int = (r: Rand, n: number) => Math.floor(r() * n);

function concat(...parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

/** Offsets just after each newline (where a line starts), the start included. */
function lineStarts(b: Uint8Array): number[] {
	const starts = [0];
	for (let i = 0; i < b.length; i++) if (b[i] === 0x0a) starts.push(i + 1);
	return starts;
}

function insertAt(b: Uint8Array, at: number, piece: Uint8Array): Uint8Array {
	return concat(b.subarray(0, at), piece, b.subarray(at));
}

function atLine(b: Uint8Array, r: Rand, piece: Uint8Array): Uint8Array {
	const starts = lineStarts(b);
	return insertAt(b, starts[int(r, starts.length)], piece);
}

function repeat(text: string, n: number): Uint8Array {
	return enc.encode(text.repeat(n));
}

/** Where a tag starts in markup files (else a line start). */
function atTag(b: Uint8Array, r: Rand, piece: Uint8Array): Uint8Array {
	const tags: number[] = [];
	for (let i = 0; i < b.length; i++) if (b[i] === 0x3c) tags.push(i);
	return tags.length ? insertAt(b, tags[int(r, tags.length)], piece) : atLine(b, r, piece);
}

const BILLION_LAUGHS =
	'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
	'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">' +
	'<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>';

export const MUTATIONS: Record<string, Mutation> = {
	truncate: (b, r) => b.slice(0, int(r, b.length)),
	'byte-flips': (b, r) => {
		const c = b.slice();
		for (let k = 1 + int(r, 8); k > 0; k--) c[int(r, c.length)] = int(r, 256);
		return c;
	},
	'huge-line': (b, r) => atLine(b, r, repeat(r() < 0.5 ? 'A' : 'x;', 60_000 + int(r, 200_000))),
	'blank-flood': (b, r) => atLine(b, r, repeat(r() < 0.5 ? '\n' : '\r\n', 100_000 + int(r, 1_000_000))),
	'separator-rows': (b, r) => atLine(b, r, repeat(';'.repeat(1 + int(r, 50)) + '\n', 5_000 + int(r, 20_000))),
	'deep-nesting': (b, r) => atTag(b, r, repeat(r() < 0.5 ? '<STMTTRN>' : '<Ntry>', 200 + int(r, 20_000))),
	'unmatched-closes': (b, r) =>
		atTag(b, r, concat(repeat('<A>', 50 + int(r, 40)), repeat('</B>', 10_000 + int(r, 50_000)))),
	'entity-expansion': (b, r) =>
		atTag(b, r, enc.encode(BILLION_LAUGHS + '&lol4;'.repeat(1 + int(r, 500)) + '&amp;amp;amp;eacute;'.repeat(100))),
	'invalid-utf8': (b, r) => {
		const bad = [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xff], [0xc3], [0xe2, 0x82]];
		let c = b;
		for (let k = 1 + int(r, 6); k > 0; k--)
			c = insertAt(c, int(r, c.length + 1), new Uint8Array(bad[int(r, bad.length)]));
		return c;
	},
	'nul-bytes': (b, r) => insertAt(b, int(r, b.length + 1), new Uint8Array(1 + int(r, r() < 0.3 ? 200_000 : 50))),
	'columns-100k': (b, r) => atLine(b, r, enc.encode((r() < 0.5 ? ';' : ',').repeat(99_999) + '\n')),
	'repeated-row': (b, r) => {
		const starts = lineStarts(b);
		const k = int(r, Math.max(1, starts.length - 1));
		const row = b.subarray(starts[k], starts[k + 1] ?? b.length);
		// at most about 3 MB of copies: the case stays a statement's size
		const n = Math.min(1_000 + int(r, 5_000), Math.floor(3_000_000 / Math.max(1, row.length)));
		const copies = new Uint8Array(row.length * n);
		for (let i = 0; i < n; i++) copies.set(row, i * row.length);
		return insertAt(b, starts[k], copies);
	},
	'huge-amounts': (b, r) => {
		const text = new TextDecoder('latin1').decode(b);
		const digits = () => String(1 + int(r, 9)) + '0'.repeat(10 + int(r, 15));
		const out = text.replace(/\d+([.,]\d\d)\b/g, (m, dec: string) => (r() < 0.3 ? digits() + dec : m));
		return new Uint8Array([...out].map((ch) => ch.charCodeAt(0) & 0xff));
	},
	'lines-shuffled': (b, r) => {
		const text = new TextDecoder('latin1').decode(b);
		const lines = text.split('\n');
		for (let k = 0; k < 3 + int(r, 10); k++) {
			const i = int(r, lines.length);
			if (r() < 0.5) lines.splice(i, 1);
			else lines.splice(int(r, lines.length), 0, lines[i]);
		}
		return new Uint8Array([...lines.join('\n')].map((ch) => ch.charCodeAt(0) & 0xff));
	}
};

/** Inputs larger than this are not mutated further (a second mutation on a flood would only grow it). */
const MAX_CASE_BYTES = 4_000_000;

/**
 * `perFixture` cases for each fixture, mutation chosen in turn, one in five with a second mutation on
 * top. Built one at a time as they are consumed, so the whole set never sits in memory.
 */
export function* buildCases(
	fixtures: { name: string; bytes: Uint8Array }[],
	perFixture: number,
	seed = 2026
): Generator<FuzzCase> {
	const names = Object.keys(MUTATIONS);
	for (let fi = 0; fi < fixtures.length; fi++) {
		const f = fixtures[fi];
		for (let k = 0; k < perFixture; k++) {
			const r = prng(seed * 7919 + fi * 1009 + k);
			const first = names[(fi + k) % names.length];
			let bytes = MUTATIONS[first](f.bytes, r);
			let name = `${f.name}#${k}:${first}`;
			if (r() < 0.2 && bytes.length < MAX_CASE_BYTES) {
				const second = names[int(r, names.length)];
				bytes = MUTATIONS[second](bytes, r);
				name += `+${second}`;
			}
			yield { name, bytes };
		}
	}
}
