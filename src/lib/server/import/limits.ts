/**
 * Bounds every parser checks while it reads, so that no file, however hostile, makes the parser use
 * memory or time out of proportion with a real statement: a rejection names the first line at fault.
 */
import { ImportError } from './errors';
import { MAX_ROWS } from './sniff';

export { MAX_ROWS };

/** Physical lines in a text statement (CSV, QIF): 200,000 rows with multi-line labels fit well within. */
export const MAX_LINES = 1_000_000;
/** Characters in one physical line (a statement row is a few hundred). */
export const MAX_LINE_CHARS = 100_000;
/** Blank lines allowed beyond one per non-blank line (files saved with `\r\r\n` have one after every row). */
export const FREE_BLANK_LINES = 1_000;
/** Cells in one CSV row. */
export const MAX_COLUMNS = 1_000;
/** Cells in the whole CSV file (200,000 rows of 20 columns). */
export const MAX_CELLS = 4_000_000;
/** Characters in one CSV cell (an unclosed quote swallows the rest of the file into one cell). */
export const MAX_CELL_CHARS = 100_000;
/** Open elements inside one another in OFX or camt (real files nest about a dozen). */
export const MAX_DEPTH = 100;
/** Elements in an OFX or camt document (a 20 MB file of real transactions has about 500,000). */
export const MAX_ELEMENTS = 1_000_000;
/** Characters of one markup tag, attributes included. */
export const MAX_TAG_CHARS = 10_000;
/** The largest amount a household statement can plausibly hold: 10 million euros, in cents. */
export const MAX_ABS_AMOUNT_CENTS = 1_000_000_000;

/** French number with narrow no-break spaces (200 000). */
export function fr(n: number): string {
	return n.toLocaleString('fr-FR');
}

/** A value quoted in a message: trimmed, and cut to 60 characters so that a hostile cell cannot flood it. */
export function shown(text: string): string {
	const t = text.trim();
	return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

function isBlankChar(c: number): boolean {
	return c === 32 || c === 9 || c === 0 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0xfeff;
}

export interface LineStats {
	/** Physical lines (a final newline does not start one more). */
	lines: number;
	blank: number;
}

/** True when the text ends a line with a lone `\r` somewhere (old Mac files): lines are then found char by char. */
function hasLoneCR(text: string): boolean {
	for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
		if (text.charCodeAt(i + 1) !== 10) return true;
	}
	return false;
}

/** End of the line starting at `start` (before its `\r\n`, `\n` or `\r`) and where the next one starts. */
function lineEnd(text: string, start: number, loneCR: boolean): [number, number] {
	const n = text.length;
	if (!loneCR) {
		const nl = text.indexOf('\n', start);
		const stop = nl === -1 ? n : nl;
		return [stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop, nl === -1 ? n : nl + 1];
	}
	let i = start;
	while (i < n) {
		const c = text.charCodeAt(i);
		if (c === 10 || c === 13) return [i, c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1];
		i++;
	}
	return [n, n];
}

/**
 * Walks the text once, line by line (`\n`, `\r\n` or `\r`), without building any array, and throws an
 * ImportError at the first line that breaks a bound: too long, too many lines, or blank lines far beyond
 * the non-blank ones (a statement header followed by megabytes of newlines). `visit`, when given, receives
 * each line's bounds and 1-based number after it passed the checks.
 */
export function scanLines(text: string, visit?: (start: number, end: number, line: number) => void): LineStats {
	const n = text.length;
	const loneCR = hasLoneCR(text);
	let line = 0;
	let blank = 0;
	let start = 0;
	for (;;) {
		line++;
		const [end, next] = lineEnd(text, start, loneCR);
		if (end - start > MAX_LINE_CHARS) {
			throw new ImportError(
				`Ligne ${line} : plus de ${fr(MAX_LINE_CHARS)} caractères sur une seule ligne : ce fichier n'est pas un relevé lisible.`,
				line
			);
		}
		if (line > MAX_LINES) {
			throw new ImportError(
				`Ligne ${line} : ce fichier a plus de ${fr(MAX_LINES)} lignes : exportez une période plus courte.`,
				line
			);
		}
		let i = start;
		while (i < end && isBlankChar(text.charCodeAt(i))) i++;
		if (i === end) {
			blank++;
			if (blank > FREE_BLANK_LINES + (line - blank)) {
				throw new ImportError(
					`Ligne ${line} : ${fr(blank)} lignes vides pour ${fr(line - blank)} lignes écrites : ce fichier n'est pas un relevé lisible (téléchargez-le à nouveau).`,
					line
				);
			}
		}
		if (visit) visit(start, end, line);
		// a final line break does not start one more line
		if (next >= n) break;
		start = next;
	}
	return { lines: line, blank };
}

/** Throws when a statement has more transactions than MAX_ROWS; `line` is where the next one starts. */
export function checkRowCount(count: number, line: number | null = null): void {
	if (count > MAX_ROWS) {
		throw new ImportError(`Ce fichier a plus de ${fr(MAX_ROWS)} opérations : exportez une période plus courte.`, line);
	}
}
