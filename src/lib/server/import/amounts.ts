/**
 * Reads bank amounts exactly into cents on top of $lib/money parseAmount: the decimal separator is decided
 * per column from all its values, and an unreadable value rejects the file with its line.
 */
import { MoneyParseError, parseAmount, type Cents } from '$lib/money';
import { ImportError } from './errors';
import { fr, MAX_ABS_AMOUNT_CENTS, shown } from './limits';

export type DecimalSep = ',' | '.';

const CLEAN = /[\s\u00a0\u202f'’+\-()]|EUR|€/gi;

/**
 * Decides the decimal separator of a column from all its values: a separator followed by 1, 2 (or more
 * than 3) digits at the end is a decimal mark; when both appear, the last one is. Falls back to `fallback`.
 */
export function decideDecimal(values: readonly string[], fallback: DecimalSep): DecimalSep {
	const votes = new DecimalVotes();
	// indexed: a for-of over 100,000 values allocates an iterator result per value until the loop is optimised
	for (let i = 0; i < values.length; i++) votes.add(values[i]);
	return votes.decide(fallback);
}

/** decideDecimal's count, one value at a time (no array of the column's values). */
export class DecimalVotes {
	#comma = 0;
	#dot = 0;

	add(raw: string | undefined): void {
		if (!raw) return;
		const vote = separatorVote(raw);
		if (vote === ',') this.#comma++;
		else if (vote === '.') this.#dot++;
	}

	decide(fallback: DecimalSep): DecimalSep {
		const comma = this.#comma;
		const dot = this.#dot;
		if (comma > 0 && dot === 0) return ',';
		if (dot > 0 && comma === 0) return '.';
		if (comma > 0 && dot > 0) return comma >= dot ? ',' : '.';
		return fallback;
	}
}

/**
 * What one value says about the decimal separator (null: nothing). Printable ASCII without letters (the
 * usual cell) is read in one pass, skipping what CLEAN removes; anything else goes through CLEAN.
 */
function separatorVote(raw: string): DecimalSep | null {
	let len = 0;
	let firstComma = -1;
	let lastComma = -1;
	let firstDot = -1;
	let lastDot = -1;
	for (let i = 0; i < raw.length; i++) {
		const c = raw.charCodeAt(i);
		if (c < 0x20 || c > 0x7e || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return separatorVoteSlow(raw);
		// ' ', "'", '(', ')', '+', '-' are removed by CLEAN
		if (c === 32 || c === 39 || c === 40 || c === 41 || c === 43 || c === 45) continue;
		if (c === 44) {
			if (firstComma === -1) firstComma = len;
			lastComma = len;
		} else if (c === 46) {
			if (firstDot === -1) firstDot = len;
			lastDot = len;
		}
		len++;
	}
	return vote(len, firstComma, lastComma, firstDot, lastDot);
}

function separatorVoteSlow(raw: string): DecimalSep | null {
	const v = raw.replace(CLEAN, '');
	return vote(v.length, v.indexOf(','), v.lastIndexOf(','), v.indexOf('.'), v.lastIndexOf('.'));
}

function vote(length: number, firstComma: number, lc: number, firstDot: number, ld: number): DecimalSep | null {
	if (lc === -1 && ld === -1) return null;
	if (lc !== -1 && ld !== -1) return lc > ld ? ',' : '.';
	const idx = lc !== -1 ? lc : ld;
	const after = length - idx - 1;
	if (after === 3 && idx > 0 && (lc !== -1 ? firstComma : firstDot) === idx) return null; // "1,500": ambiguous
	return lc !== -1 ? ',' : '.';
}

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

function isGroupSpace(c: number): boolean {
	return c === 32 || c === 0xa0 || c === 0x202f;
}

/**
 * Fast exact path for the common shapes (`-1 100,50`, `45`, `+12.5`): an optional sign, 1 to 13 digits
 * or digits grouped by 3 with spaces, and 1 or 2 decimals after the column's separator. Integer arithmetic
 * only (every partial value is an exact integer below 2^53 whenever the result is a safe number of cents);
 * null when the text has another shape, and parseAmount decides.
 */
export function simpleAmount(text: string, decimal: DecimalSep): Cents | null {
	const t = text.trim();
	const n = t.length;
	let i = 0;
	let negative = false;
	if (i < n && (t.charCodeAt(i) === 43 || t.charCodeAt(i) === 45)) {
		negative = t.charCodeAt(i) === 45;
		i++;
	}
	let euros = 0;
	let run = 0;
	while (i < n && isDigit(t.charCodeAt(i))) {
		euros = euros * 10 + (t.charCodeAt(i) - 48);
		run++;
		i++;
	}
	if (run === 0) return null;
	if (i < n && isGroupSpace(t.charCodeAt(i))) {
		if (run > 3) return null;
		while (i < n && isGroupSpace(t.charCodeAt(i))) {
			i++;
			let group = 0;
			while (i < n && isDigit(t.charCodeAt(i)) && group < 4) {
				euros = euros * 10 + (t.charCodeAt(i) - 48);
				group++;
				i++;
			}
			if (group !== 3) return null;
		}
	} else if (run > 13) return null;
	let frac = 0;
	if (i < n) {
		if (t.charCodeAt(i) !== (decimal === ',' ? 44 : 46)) return null;
		i++;
		const start = i;
		while (i < n && isDigit(t.charCodeAt(i))) {
			frac = frac * 10 + (t.charCodeAt(i) - 48);
			i++;
		}
		const digits = i - start;
		if (i !== n || digits < 1 || digits > 2) return null;
		if (digits === 1) frac *= 10;
	}
	const cents = euros * 100 + frac;
	if (!Number.isSafeInteger(cents)) return null;
	return negative && cents !== 0 ? -cents : cents;
}

/**
 * Reads one amount cell; throws ImportError naming the column and the line. Empty text is an error, and so
 * is an amount beyond MAX_ABS_AMOUNT_CENTS (10 million euros): no household statement holds one, and
 * refusing it keeps every sum of a file's amounts a safe integer.
 */
export function readAmount(text: string, decimal: DecimalSep, line: number, column: string): Cents {
	const cents = simpleAmount(text, decimal) ?? parseExact(text, decimal, line, column);
	if (cents > MAX_ABS_AMOUNT_CENTS || cents < -MAX_ABS_AMOUNT_CENTS) {
		throw new ImportError(
			`Ligne ${line} : montant invraisemblable « ${shown(text)} » dans la colonne « ${column} » (plus de ${fr(MAX_ABS_AMOUNT_CENTS / 100)} €) : vérifiez le fichier.`,
			line
		);
	}
	return cents;
}

function parseExact(text: string, decimal: DecimalSep, line: number, column: string): Cents {
	try {
		return parseAmount(text, { decimal });
	} catch (e) {
		if (e instanceof MoneyParseError || e instanceof RangeError) {
			throw new ImportError(
				`Ligne ${line} : montant illisible « ${shown(text)} » dans la colonne « ${column} ».`,
				line
			);
		}
		throw e;
	}
}

/** Like readAmount, but returns null for an empty cell. */
export function readOptionalAmount(
	text: string | undefined,
	decimal: DecimalSep,
	line: number,
	column: string
): Cents | null {
	if (text === undefined || text.trim() === '') return null;
	return readAmount(text, decimal, line, column);
}

/**
 * The amount text without its thousands separator `sep` (a mapping's `thousands`), once checked that the
 * separator only splits the integer part into groups of three digits (`1'234'567.50`). Text without the
 * separator is returned as it is.
 */
export function withoutThousands(text: string, sep: string, decimal: DecimalSep, line: number, column: string): string {
	if (sep === '' || sep === decimal || !text.includes(sep)) return text;
	const at = text.lastIndexOf(decimal);
	const integer = at === -1 ? text : text.slice(0, at);
	const escaped = sep.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	if (
		text.slice(integer.length).includes(sep) ||
		!new RegExp(`^\\D*\\d{1,3}(?:${escaped}\\d{3})+\\D*$`).test(integer)
	) {
		throw new ImportError(`Ligne ${line} : montant illisible « ${shown(text)} » dans la colonne « ${column} ».`, line);
	}
	return text.split(sep).join('');
}
