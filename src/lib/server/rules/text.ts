/**
 * Text folding shared by label normalisation and rule matching: both sides must fold the same way so
 * that "Électricité", "ELECTRICITE" and "electricité" match. Also a French-aware title case for payees.
 */

// Control characters, zero-width and bidi marks, BOM, and lone (unpaired) surrogates.
const JUNK =
	// eslint-disable-next-line no-control-regex -- removing control characters is the point
	/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const MARKS = /\p{M}+/gu;
const APOSTROPHES = /[\u2018\u2019\u201b\u0060\u00b4\u02bc]/g;
const SPACES = /\s+/g;
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;

/** True when every character is printable ASCII (the common case, which skips the Unicode work). */
export function isPrintableAscii(s: string): boolean {
	return !NOT_PRINTABLE_ASCII.test(s); // a native regex scan: three times the speed of a charCodeAt loop
}

/** Replaces control characters, invisible marks and lone surrogates by spaces (keeps everything else). */
export function sanitiseText(s: string): string {
	return isPrintableAscii(s) ? s : s.replace(JUNK, ' ');
}

/** foldText of a printable ASCII string (no tabs or line breaks: only spaces to collapse). */
export function foldPrintableAscii(s: string): string {
	const up = s.toUpperCase();
	const n = up.length;
	if (n === 0 || (up.charCodeAt(0) !== 32 && up.charCodeAt(n - 1) !== 32 && !up.includes('  '))) return up;
	return up.replace(SPACES, ' ').trim();
}

/**
 * Folds text for matching: upper case, accents stripped (NFD minus marks), œ/æ expanded, typographic
 * apostrophes made ASCII, whitespace collapsed and trimmed. Idempotent.
 */
export function foldText(s: string): string {
	if (isPrintableAscii(s)) return foldPrintableAscii(s);
	return s
		.replace(JUNK, ' ')
		.normalize('NFD')
		.replace(MARKS, '')
		.replace(APOSTROPHES, "'")
		.toUpperCase()
		.replace(/Œ/g, 'OE')
		.replace(/Æ/g, 'AE')
		.replace(SPACES, ' ')
		.trim();
}

/** True for the characters that make up words in folded text: A–Z and 0–9. */
export function isWordCode(code: number): boolean {
	return (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
}

/**
 * True when `text` holds a whole word at [start, start + length): no word character right before, and
 * after it either no word character or digits glued to a final letter (store numbers: "H&M238", "LIDL2652",
 * a département glued to a city: "REGIESTATIONNEM64BIARRITZ"); a single digit followed by letters is part
 * of a reference ("3F8K"), not a store number.
 */
export function isWholeWordAt(text: string, start: number, length: number): boolean {
	if (start > 0 && isWordCode(text.charCodeAt(start - 1))) return false;
	let end = start + length;
	if (end < text.length) {
		const next = text.charCodeAt(end);
		if (isWordCode(next)) {
			const last = text.charCodeAt(end - 1);
			const lastIsLetter = last >= 65 && last <= 90;
			if (!(next >= 48 && next <= 57 && lastIsLetter)) return false;
			const digitsFrom = end;
			do end++;
			while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57);
			if (end - digitsFrom === 1 && end < text.length && isWordCode(text.charCodeAt(end))) return false;
		}
	}
	return true;
}

/** `text.includes(needle)`, optionally only as a whole word. */
export function containsText(text: string, needle: string, wholeWord: boolean): boolean {
	if (!wholeWord) return text.includes(needle);
	let from = 0;
	for (;;) {
		const i = text.indexOf(needle, from);
		if (i === -1) return false;
		if (isWholeWordAt(text, i, needle.length)) return true;
		from = i + 1;
	}
}

const ACRONYMS = new Set([
	'EDF',
	'GDF',
	'SNCF',
	'RATP',
	'CAF',
	'CPAM',
	'MSA',
	'SFR',
	'DGFIP',
	'FDJ',
	'PMU',
	'BNP',
	'LCL',
	'CIC',
	'MAIF',
	'MACIF',
	'MAAF',
	'GMF',
	'MMA',
	'AXA',
	'MGEN',
	'APRR',
	'SANEF',
	'URSSAF',
	'OPH',
	'HLM',
	'TV',
	'UGC',
	'CGR',
	'KFC',
	'IKEA',
	'BHV',
	'ICF',
	'CDC',
	'CNAV',
	'CARSAT',
	'AAH',
	'APL',
	'RSA',
	'CCAS',
	'SA',
	'SAS',
	'SARL',
	'SCI',
	'TER',
	'TGV',
	'RTM',
	'TCL',
	'TBM',
	'DAB',
	'GAB',
	'IRCANTEC',
	'AG2R',
	'CNRACL',
	'GRDF',
	'UEM',
	'PSA',
	'DIAC',
	'RCI',
	'ATD',
	'SATD',
	'AMV',
	'ASF',
	'ASSU',
	'AGIRC',
	'ARRCO',
	'CSS',
	'MGEFI',
	'MNH',
	'MNT',
	'CNP',
	'BPCE',
	'IARD',
	'SEPA',
	'CB',
	'USA',
	'UK',
	'EU',
	'FR',
	'DR',
	'SNC',
	'SEM',
	'BP'
]);
const SMALL_WORDS = new Set(['DE', 'DU', 'DES', 'LA', 'LE', 'LES', 'ET', 'EN', 'AU', 'AUX', 'SUR', 'A', 'POUR', 'PAR']);
const VOWEL = /[AEIOUY]/;

function capitaliseWord(w: string): string {
	// "SAINT-DENIS" → "Saint-Denis", "APPLE.COM/BILL" → "Apple.com/Bill"
	let out = '';
	let startOfRun = true;
	for (let i = 0; i < w.length; i++) {
		const ch = w[i];
		const isLetter = ch.toLowerCase() !== ch.toUpperCase();
		out += isLetter ? (startOfRun ? ch.toUpperCase() : ch.toLowerCase()) : ch;
		startOfRun = isLetter ? false : ch === '-' || ch === '/' || ch === '(' || ch === '&' || ch === '+';
	}
	return out;
}

const ALL_CAPS = /^[A-Z]+$/;
const HAS_DIGIT = /\d/;

/** caseToken of a token of A–Z only (most tokens of a folded label), without regexes. */
function caseCapitals(token: string, first: boolean): string {
	if (ACRONYMS.has(token)) return token;
	if (token.length <= 4 && !VOWEL.test(token)) return token;
	if (!first && SMALL_WORDS.has(token)) return token.toLowerCase();
	return token[0] + token.slice(1).toLowerCase();
}

function isCapitals(token: string): boolean {
	if (token.length === 0) return false;
	for (let i = 0; i < token.length; i++) {
		const c = token.charCodeAt(i);
		if (c < 65 || c > 90) return false;
	}
	return true;
}

function caseToken(token: string, first: boolean): string {
	if (isCapitals(token)) return caseCapitals(token, first);
	const up = token.toUpperCase();
	if (ACRONYMS.has(up) || HAS_DIGIT.test(up)) return up;
	if (ALL_CAPS.test(up)) {
		if (up.length <= 4 && !VOWEL.test(up)) return up;
		if (!first && SMALL_WORDS.has(up)) return up.toLowerCase();
		return up[0] + up.slice(1).toLowerCase();
	}
	const apo = up.indexOf("'");
	if (apo === 1 && up.length > 2) {
		// d'Oise, l'Olivier
		const head = up[0];
		const rest = caseToken(token.slice(2), false);
		return `${first ? head : head.toLowerCase()}'${rest}`;
	}
	const bare = up.replace(/[^A-Z0-9]/g, '');
	if (ACRONYMS.has(bare) && bare.length === up.replace(/[.'’]/g, '').length) return up;
	if (bare.length > 0 && bare.length <= 4 && !VOWEL.test(bare)) return up;
	return capitaliseWord(token);
}

/** Title-cases an upper- or lower-case name the French way ("CAF DU VAL D'OISE" → "CAF du Val d'Oise"). */
export function titleCase(s: string): string {
	return titleCaseWords(s.split(' '));
}

/** titleCase of the words of a name (empty words are left out). */
export function titleCaseWords(words: readonly string[]): string {
	let out = '';
	let first = true;
	for (const w of words) {
		if (w.length === 0) continue;
		const cased = caseToken(w, first);
		out = first ? cased : `${out} ${cased}`;
		first = false;
	}
	return out;
}

/** True when a string has letters of one case only (so title-casing it cannot lose information). */
export function isSingleCase(s: string): boolean {
	return s === s.toUpperCase() || s === s.toLowerCase();
}
