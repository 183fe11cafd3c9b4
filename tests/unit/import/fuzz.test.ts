/**
 * Fuzzing the statement parser (issue 13): more than 1,000 deterministic mutations of every fixture, each
 * read through parseStatementOffThread (a worker with a 10 s budget, so a hang fails the case instead of
 * the suite). Each is either parsed — then every amount is a safe integer within the plausible bound,
 * every date a real calendar date, every sum safe — or refused with an ImportError whose French message is
 * one the parser wrote on purpose (not the catch-all wrapping an unexpected exception). The process's
 * resident memory, workers included, stays under 500 MB.
 */
import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { ImportError, MAX_ABS_AMOUNT_CENTS, parseMappingSpec, type ParsedStatement } from '$lib/server/import';
import { closeParseWorkers, parseStatementOffThread } from '$lib/server/import/parse-worker';
import { buildCases, prng, type FuzzCase } from './fuzz-cases';
import { fixture } from './helpers';
import { absurdAmounts, blankFlood, deepNesting, emptyColumns, unmatchedCloses, wideCsv } from './probe/cases';

const FIXTURES = readdirSync('tests/fixtures/import')
	.filter((f) => !f.endsWith('.md'))
	.sort()
	.map((name) => ({ name, bytes: fixture(name) }));
// deeper runs by hand: FUZZ_PER_FIXTURE=300 FUZZ_SEED=7 npx vitest run tests/unit/import/fuzz.test.ts
const PER_FIXTURE = Number(process.env.FUZZ_PER_FIXTURE ?? 30);
const SEED = Number(process.env.FUZZ_SEED ?? 2026);
const RSS_LIMIT = 500 * 1024 * 1024;
const SWISS = parseMappingSpec(
	"date=1,label=2,credit=3,debit=4,balance=6,dateFormat=dd.mm.yyyy,decimal=.,thousands='",
	{
		delimiter: ';',
		hasHeader: true,
		columns: [],
		rows: [],
		skipRows: 5,
		suggestedMapping: null
	}
);

afterAll(() => closeParseWorkers());

function realDate(d: string | null): boolean {
	if (d === null) return true;
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
	if (!m) return false;
	const t = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	return t.getUTCFullYear() === +m[1] && t.getUTCMonth() === +m[2] - 1 && t.getUTCDate() === +m[3];
}

/** What is wrong with a parsed statement, or null. */
function insane(s: ParsedStatement): string | null {
	let sum = 0;
	for (const a of s.accounts) {
		for (const t of [...a.transactions, ...a.balances]) {
			if (!Number.isSafeInteger(t.amount) || Math.abs(t.amount) > MAX_ABS_AMOUNT_CENTS) return `amount ${t.amount}`;
			sum += Math.abs(t.amount);
		}
		for (const t of a.transactions) {
			if (!realDate(t.bookingDate) || !realDate(t.operationDate)) return `date ${t.bookingDate} ${t.operationDate}`;
			if (!Number.isInteger(t.line) || t.line < 1) return `line ${t.line}`;
		}
		for (const b of a.balances) if (!realDate(b.date)) return `balance date ${b.date}`;
	}
	return Number.isSafeInteger(sum) ? null : `sum ${sum}`;
}

/** What is wrong with a refusal, or null. */
function badRefusal(e: unknown): string | null {
	if (!(e instanceof ImportError)) return `not an ImportError: ${String(e)}`;
	// the catch-all of parseStatement: an exception the parser did not mean to throw
	if (/^Ce fichier n'a pas pu être lu \(|trop complexe pour être lu/.test(e.message)) return `unexpected: ${e.message}`;
	if (!/fichier|ligne|relevé|opération|montant|date|colonne|compte|balise/i.test(e.message))
		return `message not French: ${e.message}`;
	if (e.line !== null && (!Number.isInteger(e.line) || e.line < 1)) return `line ${e.line}`;
	return null;
}

interface Tally {
	cases: number;
	parsed: number;
	refused: number;
	failures: string[];
	maxRss: number;
	maxBytes: number;
}

async function run(cases: Iterator<FuzzCase>): Promise<Tally> {
	const tally: Tally = { cases: 0, parsed: 0, refused: 0, failures: [], maxRss: 0, maxBytes: 0 };
	const lane = async () => {
		for (let n = cases.next(); !n.done; n = cases.next()) {
			const c = n.value;
			tally.cases++;
			tally.maxBytes = Math.max(tally.maxBytes, c.bytes.length);
			try {
				// the file without a known layout is also read through a column mapping, one case in two
				const options = c.name.startsWith('postfinance') && tally.cases % 2 === 0 ? { mapping: SWISS } : {};
				const s = await parseStatementOffThread(c.bytes, options, { timeoutMs: 10_000, maxMemoryMb: 300 });
				tally.parsed++;
				const why = insane(s);
				if (why) tally.failures.push(`${c.name}: ${why}`);
			} catch (e) {
				tally.refused++;
				const why = badRefusal(e);
				if (why) tally.failures.push(`${c.name}: ${why}`);
			}
			tally.maxRss = Math.max(tally.maxRss, process.memoryUsage().rss);
		}
	};
	// two lanes: the pool runs two workers at once
	await Promise.all([lane(), lane()]);
	return tally;
}

describe('fuzz', () => {
	test(
		`${FIXTURES.length * PER_FIXTURE} mutated fixtures: parsed sanely or refused on purpose`,
		{ timeout: 240_000 * Math.max(1, PER_FIXTURE / 30) },
		async () => {
			const tally = await run(buildCases(FIXTURES, PER_FIXTURE, SEED));
			expect(tally.failures).toEqual([]);
			expect(tally.cases).toBeGreaterThanOrEqual(1_000);
			expect(tally.parsed + tally.refused).toBe(tally.cases);
			expect(tally.maxBytes).toBeLessThan(20 * 1024 * 1024);
			// both outcomes occur: the mutations neither all break nor all spare the files
			expect(tally.parsed).toBeGreaterThan(50);
			expect(tally.refused).toBeGreaterThan(50);
			expect(tally.maxRss).toBeLessThan(RSS_LIMIT);
		}
	);

	test('the inputs of issue 13 are refused with their line', { timeout: 60_000 }, async () => {
		const hostile: FuzzCase[] = [
			{ name: 'blank-flood-19MB', bytes: blankFlood(19) },
			{ name: 'wide-100k', bytes: wideCsv(100_000, 10) },
			{ name: 'empty-columns-100k', bytes: emptyColumns(100_000, 10) },
			{ name: 'unmatched-closes', bytes: unmatchedCloses(25_000) },
			{ name: 'deep-nesting', bytes: deepNesting(50_000) },
			{ name: 'absurd-amounts', bytes: absurdAmounts() }
		];
		for (const c of hostile) {
			const e = await parseStatementOffThread(c.bytes).catch((x: unknown) => x);
			expect(badRefusal(e), c.name).toBeNull();
			expect((e as ImportError).line, c.name).toBeGreaterThan(0);
		}
	});

	test('2,000 random mapping specs: a mapping or a French refusal', () => {
		const r = prng(SEED);
		const tokens = [
			'date',
			'label',
			'amount',
			'debit',
			'credit',
			'balance',
			'dateFormat',
			'decimal',
			'thousands',
			'header',
			'skip',
			'sep',
			'libellé',
			'x'
		];
		const values = [
			'1',
			'2',
			'0',
			'99',
			',',
			'.',
			"'",
			'dd.mm.yyyy',
			'yy/dd',
			'oui',
			'Date',
			'"Texte, notification"',
			'',
			'+',
			'3+4',
			'tab',
			'=',
			'-1'
		];
		const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
		const preview = {
			delimiter: ';',
			hasHeader: true,
			columns: ['Date', 'Texte, notification', 'Montant'],
			rows: [],
			skipRows: 0,
			suggestedMapping: null
		};
		for (let k = 0; k < 2_000; k++) {
			const spec = Array.from({ length: 1 + Math.floor(r() * 6) }, () => `${pick(tokens)}=${pick(values)}`).join(
				r() < 0.9 ? ',' : ';'
			);
			try {
				const m = parseMappingSpec(spec, r() < 0.5 ? preview : null);
				expect(m.dateColumn, spec).toBeGreaterThanOrEqual(0);
				expect(m.labelColumns.length, spec).toBeGreaterThan(0);
			} catch (e) {
				expect(e, spec).toBeInstanceOf(ImportError);
				expect((e as ImportError).message, spec).toMatch(/^Correspondance de colonnes invalide : /);
			}
		}
	});
});
