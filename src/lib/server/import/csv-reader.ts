/**
 * Splits CSV text into rows of cells with the 1-based line each row starts on (quoted newlines, ""
 * escapes, CRLF, trailing separators). The separator is sniffed from the last lines.
 */
import Papa from 'papaparse';
import { ImportError } from './errors';
import { MAX_ROWS } from './sniff';

export interface CsvRow {
	cells: string[];
	/** 1-based line where the row starts. */
	line: number;
}

const CANDIDATES = [';', ',', '\t', '|'];

/** Counts separators outside double quotes in one physical line. */
function countOutsideQuotes(line: string, sep: string): number {
	let n = 0;
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (c === '"') quoted = !quoted;
		else if (c === sep && !quoted) n++;
	}
	return n;
}

/**
 * Picks the separator whose count is the most consistent (and non-zero) over the last 20 non-empty lines,
 * since the first lines are often a preamble.
 */
export function sniffDelimiter(text: string): string {
	const lines: string[] = [];
	let end = text.length;
	while (lines.length < 20 && end > 0) {
		const start = text.lastIndexOf('\n', end - 1);
		const l = text.slice(start + 1, end).replace(/\r$/, '');
		if (l.trim() !== '') lines.push(l);
		end = start;
		if (start < 0) break;
	}
	let best = ';';
	let bestScore = -1;
	for (const sep of CANDIDATES) {
		const counts = lines.map((l) => countOutsideQuotes(l, sep));
		const nonZero = counts.filter((c) => c > 0);
		if (nonZero.length === 0) continue;
		const freq = new Map<number, number>();
		for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
		let mode = 0;
		let modeCount = 0;
		for (const [c, f] of freq)
			if (c > 0 && (f > modeCount || (f === modeCount && c > mode))) [mode, modeCount] = [c, f];
		// consistency weighted by the number of columns it implies (a decimal comma gives 1 per line);
		// ';' wins ties (French exports)
		const score = (modeCount / lines.length) * Math.log2(Math.min(mode, 60) + 1) + (sep === ';' ? 0.001 : 0);
		if (score > bestScore) [best, bestScore] = [sep, score];
	}
	return best;
}

/**
 * Splits CSV text (newlines already normalised to `\n`) into records with papaparse, the project's CSV
 * library, and gives each record the 1-based line it starts on: the next record starts one line after this
 * one, plus the newlines inside its quoted cells. Unquoted fields stay verbatim (Société Générale's `="0234…"`).
 */
export function tokenizeCsv(text: string, delimiter: string): CsvRow[] {
	const parsed = Papa.parse<string[]>(text, {
		delimiter,
		quoteChar: '"',
		escapeChar: '"',
		skipEmptyLines: false,
		newline: '\n'
	});
	const data = parsed.data;
	const rows: CsvRow[] = new Array(data.length);
	// Every newline of the text either ends a record or sits in a quoted cell: when the count of newlines
	// leaves none for the cells, record i starts on line i + 1 (the usual file, read without a per-cell scan).
	let newlines = 0;
	for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines++;
	if (newlines === data.length - 1) {
		for (let i = 0; i < data.length; i++) rows[i] = { cells: data[i], line: i + 1 };
		return rows;
	}
	let line = 1;
	for (let r = 0; r < data.length; r++) {
		const cells = data[r];
		rows[r] = { cells, line };
		let inner = 0;
		for (const c of cells) {
			for (let i = c.indexOf('\n'); i !== -1; i = c.indexOf('\n', i + 1)) inner++;
		}
		line += 1 + inner;
	}
	return rows;
}

/** Parses CSV text into non-empty rows with their line numbers; throws ImportError above MAX_ROWS rows. */
export function readCsv(text: string, delimiter: string): CsvRow[] {
	const normalised = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
	const rows: CsvRow[] = [];
	const all = tokenizeCsv(normalised, delimiter);
	for (let r = 0; r < all.length; r++) {
		const row = all[r];
		if (row.cells.some((c) => c.trim() !== '')) rows.push(row);
	}
	if (rows.length > MAX_ROWS + 50) {
		throw new ImportError(
			`Ce fichier a plus de ${MAX_ROWS.toLocaleString('fr-FR')} lignes : exportez une période plus courte.`
		);
	}
	return rows;
}
