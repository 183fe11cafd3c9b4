/**
 * CSV files for spreadsheets: UTF-8 with a BOM (Excel reads the accents), `;` between cells (the French
 * list separator), CRLF line ends. Text cells that a spreadsheet would read as a formula (starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return) get a leading apostrophe; amounts are written by BGV
 * itself as plain numbers with a decimal comma.
 */
import { centsToString, type Cents } from '$lib/money';

export type CsvKind = 'text' | 'amount' | 'integer';

export interface CsvColumn<T> {
	header: string;
	kind?: CsvKind;
	value: (row: T) => string | number | null | undefined;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell that a spreadsheet will show as text, never run as a formula. */
export function neutraliseCell(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(cell: string): string {
	return /[;"\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Cents as "-1234,56" (no thousands separator, so that the spreadsheet reads a number). */
export function centsCell(cents: Cents): string {
	return centsToString(cents).replace('.', ',');
}

function cell(kind: CsvKind, value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (kind === 'amount') return centsCell(Number(value));
	if (kind === 'integer') {
		if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer: ${value}`);
		return String(value);
	}
	return quote(neutraliseCell(String(value)));
}

export const CSV_BOM = '\uFEFF';

/** The whole file, BOM included. */
export function toCsv<T>(columns: CsvColumn<T>[], rows: readonly T[]): string {
	const lines = [columns.map((c) => quote(neutraliseCell(c.header))).join(';')];
	for (const row of rows) lines.push(columns.map((c) => cell(c.kind ?? 'text', c.value(row))).join(';'));
	return CSV_BOM + lines.join('\r\n') + '\r\n';
}
