/**
 * FROZEN REFERENCE — do not edit. The text helpers of the label normaliser before its speed rewrite
 * (commit 86b6326); see normalise-v1.ts.
 */

// Control characters, zero-width and bidi marks, BOM, and lone (unpaired) surrogates.
const JUNK =
	// eslint-disable-next-line no-control-regex -- removing control characters is the point
	/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const MARKS = /\p{M}+/gu;
const APOSTROPHES = /[\u2018\u2019\u201b\u0060\u00b4\u02bc]/g;
const SPACES = /\s+/g;
const MULTI_SPACE = / {2,}/;

export function isPrintableAscii(s: string): boolean {
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 0x20 || c > 0x7e) return false;
	}
	return true;
}

export function sanitiseText(s: string): string {
	return isPrintableAscii(s) ? s : s.replace(JUNK, ' ');
}

export function foldText(s: string): string {
	if (isPrintableAscii(s)) {
		const up = s.toUpperCase();
		return MULTI_SPACE.test(up) || up.startsWith(' ') || up.endsWith(' ') ? up.replace(SPACES, ' ').trim() : up;
	}
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

export function isWordCode(code: number): boolean {
	return (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
}

export function isWholeWordAt(text: string, start: number, length: number): boolean {
	if (start > 0 && isWordCode(text.charCodeAt(start - 1))) return false;
	const end = start + length;
	if (end < text.length) {
		const next = text.charCodeAt(end);
		if (isWordCode(next)) {
			const last = text.charCodeAt(end - 1);
			const lastIsLetter = last >= 65 && last <= 90;
			if (!(next >= 48 && next <= 57 && lastIsLetter)) return false;
		}
	}
	return true;
}

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

// prettier-ignore
const ACRONYMS = new Set([
	'EDF', 'GDF', 'SNCF', 'RATP', 'CAF', 'CPAM', 'MSA', 'SFR', 'DGFIP', 'FDJ', 'PMU', 'BNP', 'LCL', 'CIC', 'MAIF',
	'MACIF', 'MAAF', 'GMF', 'MMA', 'AXA', 'MGEN', 'APRR', 'SANEF', 'URSSAF', 'OPH', 'HLM', 'TV', 'UGC', 'CGR',
	'KFC', 'IKEA', 'BHV', 'ICF', 'CDC', 'CNAV', 'CARSAT', 'AAH', 'APL', 'RSA', 'CCAS', 'SA', 'SAS', 'SARL', 'SCI',
	'TER', 'TGV', 'RTM', 'TCL', 'TBM', 'DAB', 'GAB', 'IRCANTEC', 'AG2R', 'CNRACL', 'GRDF', 'UEM', 'PSA', 'DIAC',
	'RCI', 'ATD', 'SATD', 'AMV', 'ASF', 'ASSU', 'AGIRC', 'ARRCO', 'CSS', 'MGEFI', 'MNH', 'MNT', 'CNP', 'BPCE',
	'IARD', 'SEPA', 'CB', 'USA', 'UK', 'EU', 'FR', 'DR', 'SNC', 'SEM', 'BP'
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

function caseToken(token: string, first: boolean): string {
	const up = ALL_CAPS.test(token) ? token : token.toUpperCase();
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

export function titleCase(s: string): string {
	const tokens = s.split(' ').filter((t) => t.length > 0);
	return tokens.map((t, i) => caseToken(t, i === 0)).join(' ');
}

export function isSingleCase(s: string): boolean {
	return s === s.toUpperCase() || s === s.toLowerCase();
}
