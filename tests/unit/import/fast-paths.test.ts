/**
 * The import's fast paths must give exactly what the general code gives: each is compared here with the
 * straightforward implementation it replaces (kept below as the reference) on fixed and random inputs.
 */
import { describe, expect, test } from 'vitest';
import { parseAmount, MoneyParseError } from '$lib/money';
import { decideDecimal, simpleAmount, type DecimalSep } from '$lib/server/import/amounts';
import { tokenizeCsv } from '$lib/server/import/csv-reader';
import { operationDateFromLabel } from '$lib/server/import/date-parse';
import { dedupeKeys, normaliseForDedupe, type ParsedTransaction } from '$lib/server/import';
import { addDaysIso } from '$lib/dates';
import { LabelNormaliser, normaliseLabel } from '$lib/server/rules/normalise';
import { generateTransactions } from '$lib/server/rules/bench';
import Papa from 'papaparse';

function rng(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

function randomText(r: () => number, alphabet: string, max: number): string {
	const n = Math.floor(r() * (max + 1));
	let out = '';
	for (let i = 0; i < n; i++) out += alphabet[Math.floor(r() * alphabet.length)];
	return out;
}

// --- references: the code before the fast paths ---------------------------------------------------

const SIMPLE_COMMA = /^([+-]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d{1,13})(?:,(\d{1,2}))?$/;
const SIMPLE_DOT = /^([+-]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d{1,13})(?:\.(\d{1,2}))?$/;

function simpleAmountRef(text: string, decimal: DecimalSep): number | null {
	const m = (decimal === ',' ? SIMPLE_COMMA : SIMPLE_DOT).exec(text.trim());
	if (!m) return null;
	const euros = Number(m[2].replace(/[ \u00a0\u202f]/g, ''));
	const frac = m[3] === undefined ? 0 : m[3].length === 1 ? Number(m[3]) * 10 : Number(m[3]);
	const cents = euros * 100 + frac;
	if (!Number.isSafeInteger(cents)) return null;
	return m[1] === '-' && cents !== 0 ? -cents : cents;
}

const CLEAN = /[\s\u00a0\u202f'’+\-()]|EUR|€/gi;

function decideDecimalRef(values: Iterable<string>, fallback: DecimalSep): DecimalSep {
	let comma = 0;
	let dot = 0;
	for (const raw of values) {
		if (!raw) continue;
		const v = raw.replace(CLEAN, '');
		const lc = v.lastIndexOf(',');
		const ld = v.lastIndexOf('.');
		if (lc === -1 && ld === -1) continue;
		if (lc !== -1 && ld !== -1) {
			if (lc > ld) comma++;
			else dot++;
			continue;
		}
		const idx = lc !== -1 ? lc : ld;
		const after = v.length - idx - 1;
		if (after === 3 && idx > 0 && v.indexOf(lc !== -1 ? ',' : '.') === idx) continue;
		if (lc !== -1) comma++;
		else dot++;
	}
	if (comma > 0 && dot === 0) return ',';
	if (dot > 0 && comma === 0) return '.';
	if (comma > 0 && dot > 0) return comma >= dot ? ',' : '.';
	return fallback;
}

function normaliseForDedupeRef(rawLabel: string): string {
	return rawLabel
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toUpperCase()
		.replace(/[\s\u00a0\u202f]+/g, ' ')
		.trim();
}

function tokenizeRef(text: string, delimiter: string): { cells: string[]; line: number }[] {
	const parsed = Papa.parse<string[]>(text, {
		delimiter,
		quoteChar: '"',
		escapeChar: '"',
		skipEmptyLines: false,
		newline: '\n'
	});
	const rows: { cells: string[]; line: number }[] = [];
	let line = 1;
	for (const cells of parsed.data) {
		rows.push({ cells, line });
		let inner = 0;
		for (const c of cells) for (let i = c.indexOf('\n'); i !== -1; i = c.indexOf('\n', i + 1)) inner++;
		line += 1 + inner;
	}
	return rows;
}

// ---------------------------------------------------------------------------------------------------

describe('amount fast path', () => {
	const fixed = [
		'-1 234,56',
		'1 234,56',
		'12,5',
		'+12.5',
		'45',
		'-0,00',
		'0',
		'1\u00a0000,00',
		'1\u202f000',
		'12 34,00',
		'1234 567,00',
		'1  000,00',
		'1 000 000 000 000 000 000,00',
		'99999999999999,99',
		'9999999999999,99',
		',5',
		'-',
		'',
		' 12,30 ',
		'12,345',
		'12,',
		'1.234,56',
		'1,234.56',
		'(12,00)',
		'12,00-',
		'12 EUR',
		'-1 00,00',
		'1 0000,00',
		'+-1',
		'٣٤',
		'１２'
	];
	test('same result as the regular expression on fixed shapes', () => {
		for (const t of fixed)
			for (const d of [',', '.'] as const) expect([t, d, simpleAmount(t, d)]).toEqual([t, d, simpleAmountRef(t, d)]);
	});
	test('same result on random strings of digits, signs, spaces and separators', () => {
		const r = rng(7);
		for (let i = 0; i < 50_000; i++) {
			const t = randomText(r, '0123456789 ,.+-\u00a0\u202f9', 18);
			for (const d of [',', '.'] as const) {
				const fast = simpleAmount(t, d);
				if (fast !== simpleAmountRef(t, d)) expect([t, d, fast]).toEqual([t, d, simpleAmountRef(t, d)]);
				// and never a different amount than the general parser
				if (fast !== null) expect(fast).toBe(parseAmount(t, { decimal: d }));
			}
		}
	});
	test('the general parser agrees with the fast path wherever it applies', () => {
		for (const t of fixed) {
			for (const d of [',', '.'] as const) {
				const fast = simpleAmount(t, d);
				if (fast === null) continue;
				try {
					expect(parseAmount(t, { decimal: d })).toBe(fast);
				} catch (e) {
					if (!(e instanceof MoneyParseError)) throw e;
					throw new Error(`fast path read « ${t} » that parseAmount refuses`, { cause: e });
				}
			}
		}
	});
});

test('decimal separator vote: same decision as the CLEAN-based reading', () => {
	const r = rng(11);
	const alphabet = "0123456789 ,.+-()'’€EURaeu\u00a0\t";
	for (let i = 0; i < 5_000; i++) {
		const values = Array.from({ length: 1 + Math.floor(r() * 6) }, () => randomText(r, alphabet, 12));
		for (const fallback of [',', '.'] as const)
			expect(decideDecimal(values, fallback)).toBe(decideDecimalRef(values, fallback));
	}
	expect(decideDecimal(['1,500', '2,500'], '.')).toBe('.');
	expect(decideDecimal(['1 234,56', '-12,30'], '.')).toBe(',');
});

test('dedupe label: the ASCII fast path equals NFD + marks + upper case + collapsed spaces', () => {
	const r = rng(3);
	const fixed = ['  Prélèvement   Échéance\tprêt ', 'CARTE 12/03 CAFE', ' a  b ', '', ' ', 'œuvre', 'x\u00a0y', 'ß'];
	for (const s of fixed) expect(normaliseForDedupe(s)).toBe(normaliseForDedupeRef(s));
	for (let i = 0; i < 20_000; i++) {
		const s = randomText(r, 'abcXYZ 09/*-é\t\u00a0', 20);
		expect(normaliseForDedupe(s)).toBe(normaliseForDedupeRef(s));
	}
});

test('CSV line numbers: the newline count shortcut gives the per-cell count', () => {
	const r = rng(5);
	const cases = ['a;b\nc;d\n', 'a;b\nc;d', 'a;"b\nx"\nc;d\n', 'a;"b\nc;d\n', '', '\n\n', 'x;"y\n\nz";w\n"1\n";2'];
	for (let i = 0; i < 2_000; i++) cases.push(randomText(r, 'ab;"\n', 30));
	for (const text of cases) expect(tokenizeCsv(text, ';')).toEqual(tokenizeRef(text, ';'));
});

function operationDateRef(label: string, booking: string): string | null {
	if (!/\d{2}[/.]\d{2}|\d{6}/.test(label)) return null;
	const by = Number(booking.slice(0, 4));
	const year = (y: string) => (y.length === 2 ? (Number(y) < 70 ? 2000 + Number(y) : 1900 + Number(y)) : Number(y));
	const candidates: { d: number; m: number; y: number | null }[] = [];
	const push = (d: string, m: string, y?: string) =>
		candidates.push({ d: Number(d), m: Number(m), y: y ? year(y) : null });
	let m: RegExpExecArray | null;
	if ((m = /\bCARTE\s+(?:[A-Z0-9]{1,10}\s+)?(\d{2})\/(\d{2})(?:\/(\d{2}))?\b/.exec(label))) push(m[1], m[2], m[3]);
	else if ((m = /\bFACTURE CARTE DU (\d{2})(\d{2})(\d{2})\b/.exec(label))) push(m[1], m[2], m[3]);
	else if ((m = /\bFACT (\d{2})(\d{2})(\d{2})\b/.exec(label))) push(m[1], m[2], m[3]);
	else if ((m = /^(\d{2})(\d{2})(\d{2}) CB\*+\d{4}/.exec(label))) push(m[1], m[2], m[3]);
	else if ((m = /\b(\d{2})\.(\d{2})\.(\d{2})\s*$/.exec(label))) push(m[1], m[2], m[3]);
	else if ((m = /\b(\d{2})\/(\d{2})\/(\d{2})\s*$/.exec(label))) push(m[1], m[2], m[3]);
	const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
	for (const c of candidates) {
		for (const y of c.y !== null ? [c.y] : [by, by - 1]) {
			const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
			if (y < 1900 || y > 2200 || c.m < 1 || c.m > 12 || c.d < 1 || c.d > (c.m === 2 && leap ? 29 : DAYS[c.m - 1]))
				continue;
			const d = `${y}-${String(c.m).padStart(2, '0')}-${String(c.d).padStart(2, '0')}`;
			const days = Math.round(
				(Date.UTC(by, Number(booking.slice(5, 7)) - 1, Number(booking.slice(8, 10))) - Date.UTC(y, c.m - 1, c.d)) /
					86_400_000
			);
			if (d <= booking && days <= 60) return d;
		}
	}
	return null;
}

test('operation date from a label: same as before the split into candidate and settlement', () => {
	const labels = [
		'CARTE 12/03/24 CARREFOUR',
		'CARTE X1234 31/12 SNCF',
		'FACTURE CARTE DU 010826 LIDL',
		'FACT 190323 AMAZON',
		'120324 CB****1234 FRANPRIX',
		'PAIEMENT 12.03.24',
		'RETRAIT 29/02/24',
		'CARTE 31/02 ERREUR',
		'VIR SEPA',
		'CARTE 05/01 BOULANGERIE',
		'CARTE 29/02 X'
	];
	const bookings = ['2024-03-12', '2024-01-10', '2026-08-02', '2023-03-19', '2024-02-29', '2025-01-02', '2024-04-20'];
	for (const l of labels)
		for (const b of bookings) expect([l, b, operationDateFromLabel(l, b)]).toEqual([l, b, operationDateRef(l, b)]);
	expect(operationDateFromLabel('CARTE 05/01 BOULANGERIE', '2024-01-10')).toBe('2024-01-05');
	expect(operationDateFromLabel('CARTE X1234 31/12 SNCF', '2025-01-02')).toBe('2024-12-31');
});

test('cached label normalisation gives the same result as normaliseLabel, card dates included', () => {
	const cached = new LabelNormaliser(50);
	const txs = generateTransactions(5_000, 9);
	const r = rng(1);
	for (const tx of txs) {
		const amount = r() < 0.1 ? 0 : r() < 0.5 ? -tx.amount : tx.amount;
		for (const bookingDate of [tx.date, undefined, '2027-01-03']) {
			expect(cached.normalise(tx.rawLabel, { amount, bookingDate })).toEqual(
				normaliseLabel(tx.rawLabel, { amount, bookingDate })
			);
		}
		expect(cached.normalise(tx.rawLabel)).toEqual(normaliseLabel(tx.rawLabel));
	}
});

function dedupeKeysRef(accountKey: string, txs: ParsedTransaction[]): string[] {
	const seen = new Map<string, number>();
	return txs.map((t) => {
		const base = t.bankId
			? `${accountKey}|id|${t.bankId}|${t.amount}`
			: `${accountKey}|${t.bookingDate}|${t.amount}|${normaliseForDedupeRef(t.rawLabel)}`;
		const n = seen.get(base) ?? 0;
		seen.set(base, n + 1);
		return t.bankId ? (n === 0 ? base : `${base}|${n}`) : `${base}|${n}`;
	});
}

test('dedupe keys: counting day by day gives the keys of one map for the whole file, in any row order', () => {
	const r = rng(13);
	const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
	const days = Array.from({ length: 40 }, (_, d) => addDaysIso('2026-03-01', d));
	const txs: ParsedTransaction[] = Array.from({ length: 20_000 }, (_, i) => ({
		line: i + 2,
		bookingDate: pick(days),
		operationDate: null,
		amount: pick([-350, 350, 0, -0, -1200, 51200]),
		rawLabel: pick(['CAFE', 'café', 'Café  ', 'A|1', 'A', '1|A', 'MONOP', 'Prélèvement EDF']),
		payee: null,
		memo: null,
		bankId: r() < 0.2 ? pick(['FIT1', 'FIT2', 'X|1']) : null
	}));
	const ascending = [...txs].sort((a, b) => a.bookingDate.localeCompare(b.bookingDate));
	const descending = [...ascending].reverse();
	// sorted, then one row of a day already left (a file edited by hand)
	const backAgain = [...ascending, { ...ascending[0], line: 30_000 }];
	for (const file of [txs, ascending, descending, backAgain]) {
		expect(dedupeKeys('acc', file)).toEqual(dedupeKeysRef('acc', file));
		expect(dedupeKeys('7', file, (k) => `#${k}`)).toEqual(dedupeKeysRef('7', file).map((k) => `#${k}`));
	}
});
