/**
 * Benchmark of the categorisation engine, called by the app's `npm run bench`: compiles the default
 * rules and categorises n generated, realistic French bank labels (normalisation included).
 */
import { DEFAULT_RULES } from './default-rules';
import { categorise, compileRules } from './engine';
import type { CategorisableTransaction } from './types';
import { seededRandom } from '../random';

export interface BenchResult {
	/** Transactions categorised. */
	n: number;
	/** Rules in the compiled set. */
	rules: number;
	/** Time to compile the default rules, ms. */
	compileMs: number;
	/** Time to normalise and categorise the n transactions, ms. */
	categoriseMs: number;
	/** Mean time per transaction, µs. */
	perTransactionMicros: number;
	/** Share of generated transactions that got a category other than 'uncategorised' (0–1). */
	categorisedShare: number;
}

const MERCHANTS = [
	'CARREFOUR MARKET',
	'LIDL',
	'E.LECLERC',
	'AUCHAN SUPERMARCHE',
	'INTERMARCHE SUPER',
	'FRANPRIX',
	'MONOPRIX',
	'SUPER U',
	'ALDI MARCHE',
	'PICARD',
	'BOULANGERIE DU MARCHE',
	'MCDONALDS',
	'BURGER KING',
	'UBER EATS',
	'PHARMACIE DU CENTRE',
	'KIABI',
	'H&M',
	'PRIMARK',
	'ACTION',
	'IKEA',
	'LEROY MERLIN',
	'DECATHLON',
	'FNAC',
	'TOTAL ACCESS',
	'ESSO EXPRESS',
	'SNCF CONNECT',
	'RATP',
	'FDJ',
	'PMU',
	'AMAZON EU SARL',
	'NETFLIX.COM',
	'LE PETIT ZINC',
	'CHEZ MOMO',
	'SARL DUPONT ET FILS',
	'TABAC DE LA GARE',
	'PARKING INDIGO',
	'APRR'
];
const CREDITORS = [
	'EDF CLIENTS PARTICULIERS',
	'ENGIE',
	'FREE MOBILE',
	'ORANGE SA',
	'SFR',
	'BOUYGUES TELECOM',
	'MAIF',
	'HARMONIE MUTUELLE',
	'COFIDIS',
	'CETELEM',
	'OPH PARIS HABITAT',
	'VEOLIA EAU',
	'DGFIP',
	'CANAL+',
	'ALMA',
	'KLARNA',
	'ASSOCIATION LES AMIS',
	'SOGESSUR',
	'ONEY BANK',
	'BASIC FIT'
];
const PAYERS = [
	'CAF DE PARIS',
	'CPAM DU RHONE',
	'FRANCE TRAVAIL',
	'CARSAT',
	'ACME SAS',
	'M JEAN DUPONT',
	'MARIE CURIE'
];
const MOTIFS = ['APL 012026', 'RSA 022026', 'SALAIRE JANVIER', 'REMBOURSEMENT SOINS', 'ALLOCATIONS', 'PRESENCE'];
const CITIES = ['PARIS', 'LYON', 'MARSEILLE', 'BORDEAUX', 'LILLE', 'ROUBAIX', 'ST DENIS'];
const FEES = ["COMMISSION D'INTERVENTION", 'FRAIS REJET PRLV', 'COTISATION CARTE VISA', 'AGIOS', 'FRAIS LETTRE INFO'];

function pad(n: number, width: number): string {
	return String(n).padStart(width, '0');
}

/** Generates n realistic labels (cards, direct debits, transfers, fees, withdrawals) from many banks. */
export function generateTransactions(n: number, seed = 42): CategorisableTransaction[] {
	const r = seededRandom(seed);
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
	const digits = (k: number): string => pad(Math.floor(r() * 10 ** k), k);
	const out: CategorisableTransaction[] = [];
	for (let i = 0; i < n; i++) {
		const d = 1 + Math.floor(r() * 28);
		const m = 1 + Math.floor(r() * 12);
		const dd = pad(d, 2);
		const mm = pad(m, 2);
		const date = `2026-${mm}-${dd}`;
		const kind = Math.floor(r() * 12);
		const merchant = pick(MERCHANTS);
		const amount = -(100 + Math.floor(r() * 15_000));
		let rawLabel: string;
		let amt = amount;
		switch (kind) {
			case 0:
				rawLabel = `CARTE ${dd}/${mm}/26 ${merchant} CB*${digits(4)}`;
				break;
			case 1:
				rawLabel = `PAIEMENT PAR CARTE X${digits(4)} ${merchant} ${dd}/${mm}`;
				break;
			case 2:
				rawLabel = `CB ${merchant} FACT ${dd}${mm}26`;
				break;
			case 3:
				rawLabel = `${dd}${mm}26 CB****${digits(4)} ${merchant.slice(0, 15).padEnd(15, ' ')}${digits(2)}${pick(CITIES)}`;
				break;
			case 4:
				rawLabel = `PRLV SEPA ${pick(CREDITORS)} ECH/${dd}${mm}26 ID EMETTEUR/FR${digits(2)}ZZZ${digits(6)} MDT/${digits(10)} REF/${digits(12)} LIB/FACTURE ${digits(8)}`;
				break;
			case 5:
				rawLabel = `PRELEVEMENT EUROPEEN ${digits(10)} DE: ${pick(CREDITORS)} ID: FR${digits(2)}ZZZ${digits(6)} MOTIF: ECHEANCE ${mm}/2026 REF: ${digits(9)} MANDAT ${digits(8)}`;
				break;
			case 6:
				amt = -amount * 3;
				rawLabel = `VIR SEPA RECU /DE ${pick(PAYERS)} /MOTIF ${pick(MOTIFS)} /REF ${digits(10)}`;
				break;
			case 7:
				amt = -amount;
				rawLabel = `VIREMENT DE ${pick(PAYERS)} REFERENCE : ${digits(10)} ${pick(MOTIFS)}`;
				break;
			case 8:
				rawLabel = `${pick(FEES)} ${dd}/${mm}`;
				amt = -800;
				break;
			case 9:
				rawLabel = `RETRAIT DAB ${dd}/${mm}/26 ${pick(CITIES)} CARTE 4974XXXXXXXX${digits(4)}`;
				break;
			case 10:
				rawLabel = `${merchant} | CARTE ${dd}/${mm}/26 ${merchant} CB*${digits(4)}`;
				break;
			default:
				rawLabel = `ACHAT CB ${merchant.slice(0, 16)} ${dd}.${mm}.26 CARTE NUMERO ${digits(3)}`;
		}
		out.push({ rawLabel, amount: amt, date, accountId: 1 + (i % 3) });
	}
	return out;
}

/**
 * Compiles the default rules and categorises n generated transactions; returns timings.
 * Target on a 2-core machine: compile < 50 ms, 100,000 transactions < 1 s.
 */
export function benchCategorise(n = 100_000): BenchResult {
	const txs = generateTransactions(n);
	const t0 = performance.now();
	const set = compileRules(DEFAULT_RULES);
	const t1 = performance.now();
	let categorised = 0;
	for (const tx of txs) {
		if (categorise(set, tx).category !== 'uncategorised') categorised++;
	}
	const t2 = performance.now();
	return {
		n,
		rules: set.rules.length,
		compileMs: t1 - t0,
		categoriseMs: t2 - t1,
		perTransactionMicros: n > 0 ? ((t2 - t1) * 1000) / n : 0,
		categorisedShare: n > 0 ? categorised / n : 0
	};
}
