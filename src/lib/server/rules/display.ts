/**
 * Payee names for a person to read. The normaliser reads payees from upper-case labels without accents
 * ("INTERMARCHE SUPER", "CAF DE LA GIRONDE ALF / AF"); this gives them back the way French writes them:
 * canonical names of brands and bodies ("E.Leclerc", "Intermarché Super", "La Poste"), accents on the words
 * of names ("Pharmacie du Marché", "CAF de l'Hérault"), acronyms kept (SNCF, EDF, CAF), small words in lower
 * case, elided articles ("Le Bistrot d'Antoine"), and the benefit or motive words a payer's name is followed
 * by dropped ("CAF de la Gironde", not "CAF de la Gironde Alf / Af"). Names written in mixed case by the file
 * or the bank keep their spelling, accents aside ("Intermarche Contact" → "Intermarché Contact").
 */
import { foldText } from './text';
import { ACCENTED_WORDS, CANONICAL_NAMES, DISPLAY_ACRONYMS, LEGAL_SUFFIXES } from './display-names';

/** Folded word → the word with its accents. */
const WORDS = new Map<string, string>();
/** Folded phrase → canonical name. */
const PHRASES = new Map<string, string>();
let longestPhrase = 1;

for (const w of ACCENTED_WORDS) WORDS.set(foldText(w), w);
for (const w of DISPLAY_ACRONYMS) WORDS.set(w, w);
/** Folded legal suffix → its usual form. */
const LEGAL = new Map(LEGAL_SUFFIXES.map((w) => [foldText(w).replace(/\.$/, ''), w]));
for (const [display, ...others] of CANONICAL_NAMES) {
	for (const w of display.split(/[ \-.']+/)) if (/[^\x20-\x7e]/.test(w)) WORDS.set(foldText(w), w);
	for (const spelling of [display, ...others]) {
		const folded = foldText(spelling);
		PHRASES.set(folded, display);
		longestPhrase = Math.max(longestPhrase, folded.split(' ').length);
	}
}

/** First words after which what follows a payee's name may be a motive rather than part of the name. */
const PAYER_STARTS = new Set([
	'CAF',
	'CPAM',
	'MSA',
	'CARSAT',
	'CNAV',
	'CAISSE',
	'URSSAF',
	'DGFIP',
	'DRFIP',
	'POLE',
	'FRANCE',
	'AMELI',
	'M',
	'MME',
	'MR',
	'MLLE',
	'MONSIEUR',
	'MADAME',
	'SAS',
	'SARL',
	'SA',
	'EURL',
	'SCI',
	'SNC',
	'SASU',
	'ASSOCIATION',
	'MAIRIE',
	'DEPARTEMENT',
	'CONSEIL',
	'REGION',
	'TRESOR',
	'CCAS',
	'ARIPA',
	'CHU',
	'CHR',
	'CHRU',
	'HOPITAL',
	'CENTRE',
	'COMMUNE',
	'VILLE',
	'EHPAD',
	'DDFIP'
]);

/** Benefit codes and motives that follow a payer's name in a label: the name stops before them. */
const MOTIVES = new Set([
	'ALF',
	'APL',
	'ALS',
	'AF',
	'CF',
	'RSA',
	'AAH',
	'PAJE',
	'ASF',
	'ARS',
	'PPA',
	'IJ',
	'IJSS',
	'AEEH',
	'PCH',
	'CMG',
	'ACTP',
	'ALLOC',
	'ALLOCATION',
	'ALLOCATIONS',
	'PRESTATION',
	'PRESTATIONS',
	'SALAIRE',
	'SALAIRES',
	'LOYER',
	'LOYERS',
	'REMBOURSEMENT',
	'REMB',
	'REMBT',
	'INDU',
	'ACOMPTE',
	'ECHEANCE',
	'FACTURE',
	'COTISATION',
	'COTISATIONS',
	'PAIE',
	'TRAITEMENT',
	'MOTIF',
	'PENSION',
	'RETRAITE',
	'PRIME',
	'AIDE',
	'JANVIER',
	'FEVRIER',
	'MARS',
	'AVRIL',
	'MAI',
	'JUIN',
	'JUILLET',
	'AOUT',
	'SEPTEMBRE',
	'OCTOBRE',
	'NOVEMBRE',
	'DECEMBRE',
	'JANV',
	'FEV',
	'AVR',
	'JUIL',
	'SEPT',
	'OCT',
	'NOV',
	'DEC',
	'/',
	'-'
]);
const SMALL = new Set(['DE', 'DU', 'DES', 'LA', 'LE', 'LES', 'ET', 'EN', 'AU', 'AUX', 'D', 'L', 'SUR', 'A']);
const STARTS_WITH_VOWEL = /^[AEIOUYH]/;

/** The name without the motive that follows a payer's name ("CAF DE LA GIRONDE ALF / AF" → 4 words). */
function nameLength(folded: readonly string[]): number {
	if (!PAYER_STARTS.has(folded[0])) return folded.length;
	for (let i = 1; i < folded.length; i++) {
		if (MOTIVES.has(folded[i]) && !SMALL.has(folded[i - 1])) return i;
	}
	return folded.length;
}

/**
 * A word with its accents given back when it is a known word, keeping the word's case: capitalised or
 * lower-case words take the accented form; upper-case (acronyms) and mixed-case ones ("ekWateur") are kept.
 */
function accented(word: string, folded: string, last = false): string {
	const legal = last ? LEGAL.get(folded) : undefined;
	if (legal !== undefined) return legal;
	const a = WORDS.get(folded);
	if (a === undefined) return word;
	if (a === folded) return /^[A-Z][a-z]+$/.test(word) ? a : word; // an acronym the title case lowered
	if (word === word.toLowerCase()) return a.toLowerCase();
	const capitalised = word[0] === word[0].toUpperCase() && word.slice(1) === word.slice(1).toLowerCase();
	return capitalised ? a : word;
}

/** The canonical name that starts at word i, as [name, words it covers], or null. */
function canonicalAt(folded: readonly string[], i: number, n: number): [string, number] | null {
	for (let k = Math.min(longestPhrase, n - i); k >= 1; k--) {
		const canonical = PHRASES.get(folded.slice(i, i + k).join(' '));
		if (canonical !== undefined) return [canonical, k];
	}
	return null;
}

function displayUncached(name: string): string | null {
	const words = name.split(' ').filter((w) => w.length > 0);
	if (words.length === 0) return null;
	const folded = words.map((w) => foldText(w));
	const n = nameLength(folded);
	const out: string[] = [];
	for (let i = 0; i < n;) {
		const canonical = canonicalAt(folded, i, n);
		if (canonical !== null) {
			out.push(canonical[0]);
			i += canonical[1];
			continue;
		}
		const w = folded[i];
		const elided = (w === 'D' || w === 'L') && i + 1 < n && STARTS_WITH_VOWEL.test(folded[i + 1]);
		if (elided && !(i > 0 && folded[i - 1].length === 1)) {
			// An elided article: "D ANTOINE" → "d'Antoine", "L OCCITANE" → "L'Occitane"
			out.push(`${i === 0 ? w : w.toLowerCase()}'${accented(words[i + 1], folded[i + 1])}`);
			i += 2;
			continue;
		}
		out.push(accented(words[i], w, i === n - 1));
		i++;
	}
	const text = out.join(' ').trim();
	return text === '' ? null : text;
}

const cache = new Map<string, string | null>();

/** The display form of a payee name (see module comment); null stays null. Memoised: names repeat. */
export function displayPayee(name: string | null): string | null {
	if (name === null) return null;
	let shown = cache.get(name);
	if (shown === undefined) {
		shown = displayUncached(name);
		if (cache.size >= 20_000) cache.clear();
		cache.set(name, shown);
	}
	return shown;
}
