/**
 * Reads bank amounts exactly into cents on top of $lib/money parseAmount: the decimal separator is decided
 * per column from all its values, and an unreadable value rejects the file with its line.
 */
import { MoneyParseError, parseAmount, type Cents } from '$lib/money';
import { ImportError } from './errors';

export type DecimalSep = ',' | '.';

const CLEAN = /[\s\u00a0\u202f'’+\-()]|EUR|€/gi;

/**
 * Decides the decimal separator of a column from all its values: a separator followed by 1, 2 (or more
 * than 3) digits at the end is a decimal mark; when both appear, the last one is. Falls back to `fallback`.
 */
export function decideDecimal(values: Iterable<string>, fallback: DecimalSep): DecimalSep {
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
		if (after === 3 && idx > 0 && v.indexOf(lc !== -1 ? ',' : '.') === idx) continue; // "1,500": ambiguous
		if (lc !== -1) comma++;
		else dot++;
	}
	if (comma > 0 && dot === 0) return ',';
	if (dot > 0 && comma === 0) return '.';
	if (comma > 0 && dot > 0) return comma >= dot ? ',' : '.';
	return fallback;
}

const SIMPLE_COMMA = /^([+-]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d{1,13})(?:,(\d{1,2}))?$/;
const SIMPLE_DOT = /^([+-]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d{1,13})(?:\.(\d{1,2}))?$/;

/** Fast exact path for the common shapes (`-1 100,50`, `45`, `+12.5`); null when another shape needs parseAmount. */
function simpleAmount(text: string, decimal: DecimalSep): Cents | null {
	const m = (decimal === ',' ? SIMPLE_COMMA : SIMPLE_DOT).exec(text.trim());
	if (!m) return null;
	const euros = Number(m[2].replace(/[ \u00a0\u202f]/g, ''));
	const frac = m[3] === undefined ? 0 : m[3].length === 1 ? Number(m[3]) * 10 : Number(m[3]);
	const cents = euros * 100 + frac;
	if (!Number.isSafeInteger(cents)) return null;
	return m[1] === '-' && cents !== 0 ? -cents : cents;
}

/** Reads one amount cell; throws ImportError naming the column and the line. Empty text is an error. */
export function readAmount(text: string, decimal: DecimalSep, line: number, column: string): Cents {
	const fast = simpleAmount(text, decimal);
	if (fast !== null) return fast;
	try {
		return parseAmount(text, { decimal });
	} catch (e) {
		if (e instanceof MoneyParseError || e instanceof RangeError) {
			throw new ImportError(`Ligne ${line} : montant illisible « ${text.trim()} » dans la colonne « ${column} ».`, line);
		}
		throw e;
	}
}

/** Like readAmount, but returns null for an empty cell. */
export function readOptionalAmount(text: string | undefined, decimal: DecimalSep, line: number, column: string): Cents | null {
	if (text === undefined || text.trim() === '') return null;
	return readAmount(text, decimal, line, column);
}
