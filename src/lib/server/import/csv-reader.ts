/**
 * Splits CSV text into rows of cells with the 1-based line each row starts on (quoted newlines, ""
 * escapes, CRLF, trailing separators). The separator is sniffed from the last lines.
 */
import Papa from 'papaparse';
import { ImportError } from './errors';
import { indexRecords, IndexedRow, type RecordIndex } from './csv-index';
import { FREE_BLANK_LINES, fr, MAX_CELL_CHARS, MAX_CELLS, MAX_COLUMNS, MAX_ROWS, scanLines } from './limits';

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
 * Calls `visit` for each record of CSV text (newlines already normalised to `\n`) as papaparse, the
 * project's CSV library, reads it, with the 1-based line it starts on: the next record starts one line
 * after this one, plus the newlines inside its quoted cells. Records are handed over one at a time and
 * never gathered (papaparse's step mode; its fast mode, which splits the whole text first, is off), so a
 * visitor that throws stops the reading. Unquoted fields stay verbatim (Société Générale's `="0234…"`).
 */
export function eachRecord(text: string, delimiter: string, visit: (cells: string[], line: number) => void): void {
	let line = 1;
	// the next newline not counted yet: each record ends where papaparse's cursor is, and the newlines
	// before it (its own and those inside its quoted cells) give the next record's line
	let nextNewline = text.indexOf('\n');
	let failure: unknown = null;
	Papa.parse<string[]>(text, {
		delimiter,
		quoteChar: '"',
		escapeChar: '"',
		skipEmptyLines: false,
		newline: '\n',
		fastMode: false,
		step: (result, parser) => {
			if (failure !== null) return;
			try {
				visit(result.data, line);
			} catch (e) {
				failure = e;
				parser.abort();
				return;
			}
			const end = result.meta.cursor;
			while (nextNewline !== -1 && nextNewline < end) {
				line++;
				nextNewline = text.indexOf('\n', nextNewline + 1);
			}
		}
	});
	if (failure !== null) throw failure;
}

/** Every record of CSV text (newlines already normalised to `\n`), empty ones included, with its line. */
export function tokenizeCsv(text: string, delimiter: string): CsvRow[] {
	const rows: CsvRow[] = [];
	eachRecord(text, delimiter, (cells, line) => rows.push({ cells, line }));
	return rows;
}

function isEmptyRow(cells: string[]): boolean {
	for (let i = 0; i < cells.length; i++) if (cells[i].trim() !== '') return false;
	return true;
}

/** Throws an ImportError when one record breaks a bound (columns, cell length). */
function checkRecord(cells: string[], line: number): void {
	if (cells.length > MAX_COLUMNS) {
		throw new ImportError(
			`Ligne ${line} : ${fr(cells.length)} colonnes, au-delà des ${fr(MAX_COLUMNS)} qu'un relevé peut avoir : ce fichier n'est pas un relevé lisible.`,
			line
		);
	}
	for (let i = 0; i < cells.length; i++) {
		if (cells[i].length > MAX_CELL_CHARS) {
			throw new ImportError(
				`Ligne ${line} : une cellule de plus de ${fr(MAX_CELL_CHARS)} caractères (un guillemet n'est pas fermé ?) : ce fichier n'est pas un relevé lisible.`,
				line
			);
		}
	}
}

/**
 * Parses CSV text into its non-empty rows with their line numbers, checking the bounds as it reads: line
 * length, line count and blank lines first (one pass, no array), then each record's columns and cells, the
 * file's cells, empty rows and rows. Throws an ImportError naming the line at fault. `scanned`: the
 * caller already ran scanLines on this text. The rows are those of an index of cell bounds (csv-index:
 * their cells are sliced from the text when asked for) unless the text has a quote only papaparse reads.
 */
export function readCsv(text: string, delimiter: string, options: { scanned?: boolean } = {}): CsvRow[] {
	if (!options.scanned) scanLines(text);
	const normalised = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
	const index = indexRecords(normalised, delimiter);
	const bounds = new RowBounds();
	if (index) {
		const rows: CsvRow[] = [];
		for (let r = 0; r < index.count; r++) {
			const line = index.lines[r];
			checkIndexed(index, r, line);
			const blank = !index.hasVisibleAscii(r) && isEmptyRow(index.cells(r));
			if (bounds.counted(index.width(r), blank, rows.length, line)) rows.push(new IndexedRow(index, r));
		}
		return rows;
	}
	const rows: CsvRow[] = [];
	eachRecord(normalised, delimiter, (cells, line) => {
		checkRecord(cells, line);
		if (bounds.counted(cells.length, isEmptyRow(cells), rows.length, line)) rows.push({ cells, line });
	});
	return rows;
}

/**
 * The record's columns and cells checked from the index's bounds: only a record that may break a bound (too
 * many cells, or a cell whose text is longer than the bound) is sliced and checked exactly by checkRecord.
 */
function checkIndexed(index: RecordIndex, r: number, line: number): void {
	const width = index.width(r);
	if (width > MAX_COLUMNS) {
		checkRecord(index.cells(r), line);
		return;
	}
	const first = index.firstCell(r);
	for (let k = first; k < first + width; k++) {
		if (index.rawLength(k) > MAX_CELL_CHARS) {
			checkRecord(index.cells(r), line);
			return;
		}
	}
}

/** The file-wide bounds of readCsv (cells, blank lines, rows), counted record after record. */
class RowBounds {
	#cells = 0;
	#empty = 0;

	/** Counts one record; false for a blank one (left out). Throws an ImportError past a bound. */
	counted(width: number, blank: boolean, rowsSoFar: number, line: number): boolean {
		this.#cells += width;
		if (this.#cells > MAX_CELLS) {
			throw new ImportError(
				`Ligne ${line} : ce fichier a plus de ${fr(MAX_CELLS)} cellules : exportez une période plus courte.`,
				line
			);
		}
		if (blank) {
			this.#empty++;
			if (this.#empty > FREE_BLANK_LINES + rowsSoFar) {
				throw new ImportError(
					`Ligne ${line} : ${fr(this.#empty)} lignes sans aucune valeur pour ${fr(rowsSoFar)} lignes écrites : ce fichier n'est pas un relevé lisible.`,
					line
				);
			}
			return false;
		}
		if (rowsSoFar + 1 > MAX_ROWS + 50) {
			throw new ImportError(`Ce fichier a plus de ${fr(MAX_ROWS)} lignes : exportez une période plus courte.`, line);
		}
		return true;
	}
}
