/**
 * CSV records read once into an index of cell bounds, instead of an array of strings per row: a
 * 100,000-row statement is 1.1 million cells, which as strings weigh about 46 MB while the file's text
 * is 13 MB. Each row's cells are sliced out of the text when a layout asks for them (and then dropped),
 * so only the text, the bounds (8 bytes a cell) and one small object per row stay in memory.
 *
 * The records are exactly papaparse's (the project's CSV library, see csv-reader): unquoted fields
 * verbatim, a field that starts with a double quote read up to its closing quote with `""` for a quote,
 * a newline ending the record, a last empty record after a final newline. A file with anything papaparse
 * reads in its own way (an unclosed quote, a closing quote followed by something else than the separator
 * or the end of the line) is not indexed: `indexRecords` returns null and the caller uses papaparse.
 * So is a file of more than MAX_CELLS cells, which papaparse's reading refuses at the line it passes the
 * bound, holding one record at a time: the index never grows past the bound.
 */
import type { CsvRow } from './csv-reader';
import { MAX_CELLS } from './limits';

const QUOTE = 34;
const NEWLINE = 10;

/** Growable Int32Array. */
class Ints {
	data: Int32Array;
	length = 0;
	constructor(capacity: number) {
		this.data = new Int32Array(Math.max(16, capacity));
	}
	push(v: number): void {
		if (this.length === this.data.length) {
			const grown = new Int32Array(this.data.length * 2);
			grown.set(this.data);
			this.data = grown;
		}
		this.data[this.length++] = v;
	}
}

/** The cells of every record, as bounds in the text. */
export class RecordIndex {
	readonly text: string;
	/** content start of each cell; a cell whose content holds `""` escapes is stored as -(start + 1) */
	readonly #from: Int32Array;
	readonly #to: Int32Array;
	/** index of each record's first cell, and one past the last record's last cell */
	readonly #first: Int32Array;
	readonly lines: Int32Array;
	readonly count: number;

	constructor(text: string, from: Ints, to: Ints, first: Ints, lines: Ints) {
		this.text = text;
		this.#from = from.data.subarray(0, from.length);
		this.#to = to.data.subarray(0, to.length);
		this.#first = first.data.subarray(0, first.length);
		this.lines = lines.data.subarray(0, lines.length);
		this.count = lines.length;
	}

	/** Number of cells of record `r`. */
	width(r: number): number {
		return this.#first[r + 1] - this.#first[r];
	}

	/** Cell `c` of record `r`, or undefined past its last cell (as `cells(r)[c]` would be). */
	cell(r: number, c: number): string | undefined {
		const k = this.#first[r] + c;
		if (c < 0 || k >= this.#first[r + 1]) return undefined;
		return this.#content(k);
	}

	/** Every cell of record `r`, sliced from the text. */
	cells(r: number): string[] {
		const start = this.#first[r];
		const end = this.#first[r + 1];
		const out = new Array<string>(end - start);
		for (let k = start; k < end; k++) out[k - start] = this.#content(k);
		return out;
	}

	/** Length of cell `k` in the text, its `""` escapes counted twice: at least the cell's own length. */
	rawLength(k: number): number {
		const f = this.#from[k];
		return this.#to[k] - (f >= 0 ? f : -f - 1);
	}

	/** Index of record `r`'s first cell. */
	firstCell(r: number): number {
		return this.#first[r];
	}

	/** True when some cell of record `r` has a printable ASCII character (so the record is not blank). */
	hasVisibleAscii(r: number): boolean {
		const text = this.text;
		for (let k = this.#first[r]; k < this.#first[r + 1]; k++) {
			const f = this.#from[k];
			const to = this.#to[k];
			for (let i = f >= 0 ? f : -f - 1; i < to; i++) {
				const ch = text.charCodeAt(i);
				if (ch > 32 && ch < 127) return true;
			}
		}
		return false;
	}

	#content(k: number): string {
		const f = this.#from[k];
		if (f >= 0) return this.text.slice(f, this.#to[k]);
		return this.text.slice(-f - 1, this.#to[k]).replaceAll('""', '"');
	}
}

/** A record of the index: its cells are sliced from the text each time they are asked for. */
export class IndexedRow implements CsvRow {
	readonly line: number;
	readonly #index: RecordIndex;
	readonly #r: number;
	constructor(index: RecordIndex, r: number) {
		this.#index = index;
		this.#r = r;
		this.line = index.lines[r];
	}
	get cells(): string[] {
		return this.#index.cells(this.#r);
	}
	/** One cell, without slicing the others. */
	cell(c: number): string | undefined {
		return this.#index.cell(this.#r, c);
	}
}

/** Cell `col` of a row ('' when the row is shorter), without slicing the others when the row is indexed. */
export function cellOf(row: CsvRow, col: number): string {
	return (row instanceof IndexedRow ? row.cell(col) : row.cells[col]) ?? '';
}

/**
 * Reads the records of CSV text (newlines already normalised to `\n`) into an index, or returns null
 * when the text has a quote papaparse reads in its own way (see the module's comment). `delimiter` must be
 * one character other than the double quote (else null too).
 */
export function indexRecords(text: string, delimiter: string): RecordIndex | null {
	if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n') return null;
	const sep = delimiter.charCodeAt(0);
	const n = text.length;
	const estimate = Math.ceil(n / 8);
	const from = new Ints(estimate);
	const to = new Ints(estimate);
	const first = new Ints(Math.ceil(estimate / 8));
	const lines = new Ints(Math.ceil(estimate / 8));
	if (n === 0) {
		first.push(0);
		return new RecordIndex(text, from, to, first, lines);
	}
	let i = 0;
	let line = 1;
	// one record per turn; the text's end after a newline is one more (empty) record, as papaparse reads it
	for (;;) {
		if (from.length > MAX_CELLS) return null;
		first.push(from.length);
		lines.push(line);
		for (;;) {
			if (text.charCodeAt(i) === QUOTE) {
				let j = i + 1;
				let escaped = false;
				let close: number;
				for (;;) {
					close = text.indexOf('"', j);
					if (close === -1) return null;
					if (text.charCodeAt(close + 1) === QUOTE) {
						escaped = true;
						j = close + 2;
						continue;
					}
					const next = close + 1;
					const after = text.charCodeAt(next);
					if (next === n || after === sep || after === NEWLINE) break;
					return null;
				}
				for (let nl = text.indexOf('\n', i + 1); nl !== -1 && nl < close; nl = text.indexOf('\n', nl + 1)) line++;
				from.push(escaped ? -(i + 1) - 1 : i + 1);
				to.push(close);
				i = close + 1;
			} else {
				let k = i;
				while (k < n) {
					const ch = text.charCodeAt(k);
					if (ch === sep || ch === NEWLINE) break;
					k++;
				}
				from.push(i);
				to.push(k);
				i = k;
			}
			if (i >= n) break;
			const ch = text.charCodeAt(i);
			i++;
			if (ch === NEWLINE) {
				line++;
				break;
			}
			// a separator: one more field (empty when the text ends here)
		}
		if (i >= n && text.charCodeAt(n - 1) !== NEWLINE) break;
		if (i >= n) {
			// the empty record after a final newline
			first.push(from.length);
			lines.push(line);
			from.push(n);
			to.push(n);
			break;
		}
	}
	first.push(from.length);
	return new RecordIndex(text, from, to, first, lines);
}
