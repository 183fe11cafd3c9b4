/**
 * The counterparty of a folded bank label: keyed formats first (SG "DE: … ID: …", BNP "/DE … /MOTIF …"),
 * else the text after the operation prefix, token by token, without card masks, dates, store numbers,
 * trailing cities and the reference part. Part of label normalisation (normalise.ts).
 *
 * Written for speed (a million labels a second or so): cheap literal checks guard every regex, and
 * tokens are tested by character codes; normalise-equivalence.test.ts holds it to the reference output.
 */
import { titleCaseWords } from './text';
import type { OperationType } from './types';
import { CITIES, CUT_PREFIXES, CUT_WORDS, RE_PREFIX } from './label-words';

const RE_SG_DE =
	/\bDE: ?(.+?)(?= (?:ID|REF|MOTIF|PROVENANCE|MANDAT|DATE|IBAN|BIC|POUR|LIB|NOTRE REF|VOTRE REF|ICS|RUM) ?:|$)/;
const RE_SG_POUR =
	/\bPOUR: ?(.+?)(?= (?:ID|REF|MOTIF|PROVENANCE|MANDAT|DATE|IBAN|BIC|DE|LIB|NOTRE REF|VOTRE REF) ?:|$)/;
const RE_BNP_DE = /\/DE ([^/]+?)(?: \/|$)/;
const RE_BNP_BEN = /\/(?:BEN|POUR) ([^/]+?)(?: \/|$)/;
const RE_NUMBERED_CARD = /^\d{6} CB\*+\d{4}/;
const RE_CITY_FIRST = /^PAIEMENT (?:CB|PSC) \d{4} /;

const RE_COUNTRY = /^(?:IE|LU|NL|GB|DE|ES|IT|BE|US|PT|CH|SE|IRL|LUX|NLD|GBR|DEU|ESP|ITA|BEL|USA)$/;
const RE_GLUED_CITY = /^([A-Z&'.]*[A-Z&'.)])?\d{2,5}[A-Z]/;
const RE_GLUED_DIGITS = /([A-Z&])\d{2,}$/;
const RE_MIXED = /\d[A-Z]|[A-Z]\d/;
const RE_NAME_AND_NUMBER = /^[A-Z&]+\d{2,3}$/;
const RE_LETTER = /[A-Za-z\u00c0-\u024f]/;
const LEGAL_FORMS = new Set(['SAS', 'SARL', 'SA', 'EURL', 'SNC', 'SASU']);

/** The last word of each city: a label can end with a city only if its last word is one of these. */
const CITY_LAST_WORDS = new Set([...CITIES].map((c) => c.slice(c.lastIndexOf(' ') + 1)));

function isDigitCode(c: number): boolean {
	return c >= 48 && c <= 57;
}

/** Number of digits of p[start, end). */
function digitsIn(p: string, start: number, end: number): number {
	let n = 0;
	for (let i = start; i < end; i++) if (isDigitCode(p.charCodeAt(i))) n++;
	return n;
}

/** True when p[start, end) is `length` digits. */
function isDigitsAt(p: string, start: number, end: number, length: number): boolean {
	if (end - start !== length) return false;
	for (let i = start; i < end; i++) if (!isDigitCode(p.charCodeAt(i))) return false;
	return true;
}

/** True when p[start, end) is a time of day, "12H38". */
function isClockAt(p: string, start: number, end: number): boolean {
	return (
		end - start === 5 &&
		p.charCodeAt(start + 2) === 72 &&
		isDigitsAt(p, start, start + 2, 2) &&
		isDigitsAt(p, start + 3, end, 2)
	);
}

/** Length of the run of digits of p from i (before end). */
function digitRun(p: string, i: number, end: number): number {
	let j = i;
	while (j < end && isDigitCode(p.charCodeAt(j))) j++;
	return j - i;
}

/** Length of the run of 'X' of p from i (before end). */
function xRun(p: string, i: number, end: number): number {
	let j = i;
	while (j < end && p.charCodeAt(j) === 88) j++;
	return j - i;
}

/** "dd/mm", "dd.mm", "dd/mm/yy(yy)" or "ddHmm" at p[start, end), whose first two characters are digits. */
function isDateOrTimeAt(p: string, start: number, end: number): boolean {
	const len = end - start;
	const c2 = p.charCodeAt(start + 2);
	if (c2 === 72 /* H */) return len === 5 && digitRun(p, start + 3, end) === 2;
	if (c2 !== 47 /* / */ && c2 !== 46 /* . */) return false;
	if (digitRun(p, start + 3, end) !== 2) return false;
	if (len === 5) return true;
	const c5 = p.charCodeAt(start + 5);
	return (c5 === 47 || c5 === 46) && len >= 8 && len <= 10 && digitRun(p, start + 6, end) === len - 6;
}

/**
 * Card masks (CB*1234, X1234, 4974XXXXXXXX1111, *1234, CB:*0123456) and date/time tokens, read from
 * p[start, end) without cutting the token out; `d` is its number of digits.
 */
function isNoiseAt(p: string, start: number, end: number, d: number): boolean {
	if (d === 0) return false;
	const c0 = p.charCodeAt(start);
	if (c0 === 42 /* * */) return true;
	if (c0 === 67 /* C */ && end - start >= 3 && p.charCodeAt(start + 1) === 66 /* B */) {
		const c2 = p.charCodeAt(start + 2);
		if (c2 === 42 || c2 === 58) return true; // CB* CB:
	}
	if (c0 === 88 /* X */) {
		const x = xRun(p, start, end);
		return end - start - x === 4 && digitRun(p, start + x, end) === 4; // X+\d{4}
	}
	if (!isDigitCode(c0)) return false;
	const lead = digitRun(p, start, end);
	if (lead >= 4 && lead <= 6) {
		// \d{4,6}X{4,}\d{0,6}
		const x = xRun(p, start + lead, end);
		const tail = end - start - lead - x;
		return x >= 4 && tail <= 6 && digitRun(p, start + lead + x, end) === tail;
	}
	return lead === 2 && isDateOrTimeAt(p, start, end);
}

/** A reference, invoice or contract number rather than part of a name; `digits` digits. */
function isReferenceToken(t: string, digits: number): boolean {
	if (digits >= 4) return true;
	if (digits < 2 || t.length < 6 || digits === t.length) return false;
	return RE_MIXED.test(t) && !RE_NAME_AND_NUMBER.test(t);
}

function isCutMark(c: number): boolean {
	return c === 47 /* / */ || c === 58 /* : */ || c === 176; /* ° */
}

function cutsHere(t: string): boolean {
	if (CUT_WORDS.has(t)) return true;
	// Every cut prefix has its '/', ':' or '°' at index 1, 2 or 3.
	if (!isCutMark(t.charCodeAt(1)) && !isCutMark(t.charCodeAt(2)) && !isCutMark(t.charCodeAt(3))) return false;
	for (const p of CUT_PREFIXES) if (t.startsWith(p)) return true;
	return false;
}

function stripTrailingCity(tokens: string[]): string[] {
	const lastToken = tokens[tokens.length - 1];
	const hyphen = lastToken.lastIndexOf('-');
	if (!CITY_LAST_WORDS.has(hyphen === -1 ? lastToken : lastToken.slice(hyphen + 1))) return tokens;
	for (const take of [3, 2, 1]) {
		if (tokens.length <= take) continue;
		const tail = tokens
			.slice(tokens.length - take)
			.join(' ')
			.replace(/-/g, ' ');
		if (CITIES.has(tail)) return tokens.slice(0, tokens.length - take);
	}
	return tokens;
}

function isEdgePunct(c: number): boolean {
	// - . : / * , ; _ # + |
	return (
		c === 45 ||
		c === 46 ||
		c === 58 ||
		c === 47 ||
		c === 42 ||
		c === 44 ||
		c === 59 ||
		c === 95 ||
		c === 35 ||
		c === 43 ||
		c === 124
	);
}

/** The token without its leading and trailing punctuation. */
function trimPunct(t: string): string {
	let i = 0;
	let j = t.length;
	while (i < j && isEdgePunct(t.charCodeAt(i))) i++;
	while (j > i && isEdgePunct(t.charCodeAt(j - 1))) j--;
	return i === 0 && j === t.length ? t : t.slice(i, j);
}

/** Payees already finished, by their words: merchants and creditors repeat a lot from label to label. */
const finished = new Map<string, string | null>();
const MAX_FINISHED = 20_000;

function finish(tokens: readonly string[]): string | null {
	const key = tokens.join(' ');
	let payee = finished.get(key);
	if (payee === undefined) {
		payee = finishWords(tokens);
		if (finished.size >= MAX_FINISHED) finished.clear();
		finished.set(key, payee);
	}
	return payee;
}

function finishWords(tokens: readonly string[]): string | null {
	const out: string[] = [];
	for (const t of tokens) {
		const clean = trimPunct(t);
		if (clean.length > 0) out.push(clean);
	}
	while (out.length > 1 && LEGAL_FORMS.has(out[out.length - 1])) out.pop();
	while (out.length > 1 && (out[0] === 'DE' || out[0] === 'POUR' || out[0] === 'A')) out.shift();
	const text = out.join(' ');
	if (text.length === 0 || !RE_LETTER.test(text)) return null;
	if (text.length > 80) return titleCaseWords(text.slice(0, 80).trim().split(' '));
	return titleCaseWords(out);
}

/** The card-only tests of a token; 'skip', 'stop' or 'keep' (the glued city case pushes itself). */
function cardToken(kept: string[], hasNext: boolean, t: string, digits: number): 'skip' | 'stop' | 'keep' {
	const numeric = digits === t.length;
	if (kept.length === 0 && numeric && t.length <= 3) return 'skip'; // BoursoBank département code
	if (kept.length === 0 && t.length <= 3 && hasNext && RE_COUNTRY.test(t)) return 'skip';
	if (kept.length > 0 && numeric && t.length >= 2) return 'stop'; // store number, then city
	if (kept.length > 0 && digits >= 3 && isReferenceToken(t, digits)) return 'stop';
	const glued = digits >= 2 ? RE_GLUED_CITY.exec(t) : null;
	if (glued) {
		if (glued[1] && glued[1].length >= 2) kept.push(glued[1]);
		return kept.length > 0 ? 'stop' : 'skip';
	}
	return 'keep';
}

/** What the walk does with one token (not noise, with `digits` digits): 'skip' it, 'stop' before it, or 'keep' it. */
function tokenStep(
	kept: string[],
	t: string,
	digits: number,
	hasNext: boolean,
	cardLike: boolean
): 'skip' | 'stop' | 'keep' {
	if (kept.length > 0 && cutsHere(t)) return 'stop';
	if (kept.length === 0 && (t === 'CB' || t === 'CARTE')) return 'skip';
	if (cardLike) return cardToken(kept, hasNext, t, digits);
	if (kept.length > 0 && isReferenceToken(t, digits)) return 'stop';
	if (kept.length === 0 && (digits === t.length || isReferenceToken(t, digits))) return 'skip';
	return 'keep';
}

/**
 * Token walk shared by all operation types, over the space-separated tokens of p from `from` on: drops
 * noise, stops at the reference part. Tokens are cut one at a time, so the reference part is never split.
 */
function payeeTokens(p: string, from: number, cardLike: boolean): string[] {
	const kept: string[] = [];
	const n = p.length;
	for (let pos = from; pos <= n;) {
		let end = p.indexOf(' ', pos);
		if (end === -1) end = n;
		const hasNext = end < n;
		const next = end + 1;
		if (end === pos) {
			pos = next;
			continue;
		}
		const start = pos;
		const len = end - start;
		const c0 = p.charCodeAt(start);
		if (hasNext && ((len === 2 && c0 === 68 && p.charCodeAt(start + 1) === 85) || (len === 1 && c0 === 65))) {
			// "DU 010826" (an invoice date), "A 12H38" (a time): both words go
			let nextEnd = p.indexOf(' ', next);
			if (nextEnd === -1) nextEnd = n;
			if (len === 2 ? isDigitsAt(p, next, nextEnd, 6) : isClockAt(p, next, nextEnd)) {
				pos = nextEnd + 1;
				continue;
			}
		}
		pos = next;
		const digits = digitsIn(p, start, end);
		if (isNoiseAt(p, start, end, digits)) continue;
		const t = p.slice(start, end);
		const step = tokenStep(kept, t, digits, hasNext, cardLike);
		if (step === 'stop') break;
		if (step === 'keep') kept.push(t);
	}
	if (cardLike && kept.length > 0) {
		const stripped = stripTrailingCity(kept);
		const last = stripped.length - 1;
		const tail = stripped[last];
		if (isDigitCode(tail.charCodeAt(tail.length - 1))) stripped[last] = tail.replace(RE_GLUED_DIGITS, '$1');
		return stripped;
	}
	return kept;
}

/**
 * The payee of a keyed label (SG "DE: …", "POUR: …", BNP "/DE …", "/BEN …"), or null; `colon` and `slash`
 * are the first ':' and '/' of the label (-1 when none), where each key's search can start.
 */
function keyedPayee(s: string, type: OperationType, colon: number, slash: number): string | null {
	const sg = colon !== -1;
	const bnp = slash !== -1;
	const keyed =
		(sg && s.includes('DE:', colon - 2) ? RE_SG_DE.exec(s) : null) ??
		(type === 'transfer_out'
			? ((sg && s.includes('POUR:', colon - 4) ? RE_SG_POUR.exec(s) : null) ??
				(bnp && (s.includes('/BEN ', slash) || s.includes('/POUR ', slash)) ? RE_BNP_BEN.exec(s) : null))
			: null) ??
		(bnp && s.includes('/DE ', slash) ? RE_BNP_DE.exec(s) : null);
	return keyed ? finish(payeeTokens(keyed[1], 0, false)) : null;
}

/** The operation prefix, sticky: its end is read from lastIndex, without a match array. */
const RE_PREFIX_AT_START = new RegExp(RE_PREFIX.source, 'y');

/** Where the payee part of a label starts, after its operation prefix. */
function prefixEnd(s: string): number {
	if (isDigitCode(s.charCodeAt(0)) && RE_NUMBERED_CARD.test(s)) return 7;
	RE_PREFIX_AT_START.lastIndex = 0;
	return RE_PREFIX_AT_START.test(s) ? RE_PREFIX_AT_START.lastIndex : 0;
}

/** Crédit Mutuel / CIC card labels put the city first ("PAIEMENT CB 0703 ARCUEIL FRANPRIX CARTE …"). */
function cityFirstText(s: string): string | null {
	const cm = RE_CITY_FIRST.exec(s);
	if (!cm) return null;
	const rest = s.slice(cm[0].length).split(' ');
	return rest.length >= 2 ? rest.slice(1).join(' ') : null;
}

/**
 * The nicely cased payee of a folded label of this type, or null when none can be read.
 * @param slash index of the label's first '/' (-1 when none)
 */
export function payeeFrom(s: string, type: OperationType, slash = s.indexOf('/')): string | null {
	if (type === 'bank_fee' || type === 'cash_withdrawal' || type === 'cheque' || type === 'loan_instalment') {
		return null;
	}
	const colon = s.indexOf(':');
	if (colon !== -1 || slash !== -1) {
		const v = keyedPayee(s, type, colon, slash);
		if (v) return v;
	}
	const cardLike = type === 'card' || type === 'refund';
	const cityFirst = s.startsWith('PAIEMENT ') ? cityFirstText(s) : null;
	if (cityFirst !== null) return finish(payeeTokens(cityFirst, 0, cardLike));
	return finish(payeeTokens(s, prefixEnd(s), cardLike));
}
