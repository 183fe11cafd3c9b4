/**
 * The optimised label normaliser gives exactly the output of the frozen reference (reference/normalise-v1.ts,
 * the normaliser before its speed rewrite) on a large generated sample: the bench's label shapes, the
 * hand-labelled fixtures (labels.csv, the independent dev set) and odd inputs, each also lower-cased, with
 * accents, doubled spaces, a BoursoBank "Payee |" hint or cut at 32 characters, and with varied amounts and
 * booking dates.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normaliseLabel, titleCase, foldText } from '$lib/server/rules';
import { generateTransactions } from '$lib/server/rules/bench';
import { seededRandom } from '$lib/server/random';
import { normaliseLabel as referenceNormalise } from './reference/normalise-v1';
import { foldText as referenceFold, titleCase as referenceTitleCase } from './reference/text-v1';

function fixtureLabels(path: string): string[] {
	const csv = readFileSync(fileURLToPath(new URL(`../../fixtures/rules/${path}`, import.meta.url)), 'utf8');
	return csv
		.split('\n')
		.slice(1)
		.filter((l) => l.trim().length > 0)
		.map((l) => l.split(';')[0]);
}

const ODD = [
	'',
	' ',
	'\u0000\u0001 CB CARREFOUR',
	'*** CB*1234 LIDL',
	'CARTE 12/01 H&M238 LYON',
	'PAIEMENT CB 0703 ARCUEIL FRANPRIX CARTE 06785172',
	'VIR SEPA EMIS /MOTIF LOYER /BEN M MARTIN /REFDO 1',
	'DE: DE: DE: ID: REF:',
	'/DE /DE /DE',
	':X DE: DUPONT ID: 1',
	': POUR: DURAND REF: 2',
	'A/ PRLV ECH/010126 MDT/ABC123',
	'A/ /BEN M X /REF 1',
	'CB LIDL X1234 XX1234 X123 X12345 MARKET',
	'CB LIDL 1234XXXX 12345XXXXX1234567 123XXXX1 4974XXXXXXXX1111 MARKET',
	'PRLV EDF 1234XXXX 12345XXXXX1234567 123XXXX1 4974XXXXXXXX1111 X1234 CLIENTS',
	'CB LIDL 12.03 12/03/2 12/03/202 12/03/2026 12.03.26 12/03.2026 12H3 12H380 1H38 12H38 MARKET',
	'VIR DUPONT 12.03 12/03/2 12/03/202 12/03/2026 12.03.26 12H3 12H380 1H38 12H38 JEAN',
	'CB LIDL CB: CB:* CB*X C* CB * MARKET',
	'CB 12/03 CB: LIDL DU 010203 A 12H38 DU 01020 A 1238 MARKET A',
	'CB 1/12/03 X 05/06',
	'CB X 12/03/202 Y 05/06',
	'CB 12/03/26X 01/02 Z',
	'CB 12/03/2026',
	'12/03/26 CB X',
	'CB A 31/02/26 B 01/03',
	'CB A 29/02 B 28/02/2024',
	'CB X/12/03 12/13 13/12/99 Y',
	'CARTE 01/01 LIDL',
	'CARTE 31/12 LIDL',
	'😀 CARTE 12/01 CAFÉ',
	'Straße | CARTE 12/01 STRASSE',
	'ŒUVRE  Æ  ﬁ  ǅ',
	'CARTE 29/02 FNAC',
	'CARTE 31/12/2025 X',
	'FACT 311299 DU 010100',
	'130722 CB****6516 AUCHAN SUPER MA30BORDEAUX',
	'X'.repeat(1200),
	`CB ${'A'.repeat(996)} LIDL`,
	`CB ${'A'.repeat(995)} LIDL`,
	'*',
	' | X',
	'A | ',
	'PRLV SEPA '.repeat(120)
];

const ACCENTS: Record<string, string> = { E: 'É', e: 'é', A: 'À', a: 'à', C: 'Ç', c: 'ç', O: 'Ô', U: 'Ù', I: 'Î' };

function variants(label: string, r: () => number): string[] {
	const out = [label, label.toLowerCase()];
	out.push(label.replace(/[EeAaCcOUI]/g, (ch) => (r() < 0.3 ? ACCENTS[ch] : ch)));
	out.push(label.replace(/ /g, () => (r() < 0.2 ? '  ' : ' ')));
	out.push(label.slice(0, 32));
	const words = label.split(' ');
	if (words.length > 2) out.push(`${words[1]} ${words[2].toLowerCase()} | ${label}`);
	if (r() < 0.2) out.push(`\t${label}\n`);
	return out;
}

const AMOUNTS = [undefined, -4599, 0, 2500];
const BOOKINGS = [
	undefined,
	'2026-03-15',
	'2026-01-03',
	'2024-03-02',
	'2000-02-29',
	'0050-01-10',
	'0001-01-05',
	'2026-13-40',
	'1900-03-01'
];

function sample(): string[] {
	const r = seededRandom(2026);
	const base = [
		...ODD,
		...fixtureLabels('labels.csv'),
		...fixtureLabels('independent/dev.csv'),
		...[1, 2, 3].flatMap((seed) => generateTransactions(4000, seed).map((t) => t.rawLabel))
	];
	return base.flatMap((l) => variants(l, r));
}

describe('optimised normaliser ≡ frozen reference', () => {
	const labels = sample();

	it('covers a large sample', () => {
		expect(labels.length).toBeGreaterThan(60_000);
	});

	it('gives the same normalised label for every label, amount sign and booking date', () => {
		const r = seededRandom(7);
		const diffs: string[] = [];
		for (const raw of labels) {
			const amount = AMOUNTS[Math.floor(r() * AMOUNTS.length)];
			const bookingDate = BOOKINGS[Math.floor(r() * BOOKINGS.length)];
			const got = normaliseLabel(raw, { amount, bookingDate });
			const want = referenceNormalise(raw, { amount, bookingDate });
			if (JSON.stringify(got) !== JSON.stringify(want) && diffs.length < 20)
				diffs.push(`${JSON.stringify(raw)} ${amount} ${bookingDate}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
		}
		expect(diffs, diffs.join('\n')).toEqual([]);
	});

	it('settles card dates like the reference for every booking day from 2023 to 2025', () => {
		const diffs: string[] = [];
		const labels = ['CARTE 01/01 LIDL', 'CARTE 29/02 LIDL', 'CARTE 31/12 LIDL', 'CB LIDL 15/06', 'CARTE 28/02/24 X'];
		for (let t = Date.UTC(2023, 0, 1); t <= Date.UTC(2025, 11, 31); t += 86_400_000) {
			const booking = new Date(t).toISOString().slice(0, 10);
			for (const raw of labels) {
				const got = normaliseLabel(raw, { amount: -100, bookingDate: booking }).cardDate;
				const want = referenceNormalise(raw, { amount: -100, bookingDate: booking }).cardDate;
				if (got !== want && diffs.length < 10) diffs.push(`${raw} ${booking}: ${got} ≠ ${want}`);
			}
		}
		expect(diffs, diffs.join('\n')).toEqual([]);
	});

	it('folds and title-cases like the reference', () => {
		const diffs: string[] = [];
		for (const raw of labels.slice(0, 20_000)) {
			if (foldText(raw) !== referenceFold(raw)) diffs.push(`fold ${JSON.stringify(raw)}`);
			if (titleCase(raw) !== referenceTitleCase(raw)) diffs.push(`title ${JSON.stringify(raw)}`);
			if (diffs.length >= 20) break;
		}
		expect(diffs, diffs.join('\n')).toEqual([]);
	});
});
