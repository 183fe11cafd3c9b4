/**
 * What every CSV bank layout shares: the layout interface, header location by column names (tolerant of
 * accents lost to U+FFFD) and the French warnings for rows that are neither transactions nor known lines.
 */
import { readAmount, type DecimalSep } from '../amounts';
import type { CsvRow } from '../csv-reader';
import { toAccount, type TableResult } from '../csv-table';
import { parseDateText } from '../date-parse';
import { headerMatches } from '../text';
import type { DateOrder, ParsedAccount, ParsedBalance } from '../types';

export interface LayoutInput {
	rows: CsvRow[];
	delimiter: string;
	dateOrder?: DateOrder;
}

export interface LayoutOutput {
	accounts: ParsedAccount[];
	warnings: string[];
	pendingSkipped: number;
}

/** A bank CSV layout: `parse` returns null when the file is not in this layout. */
export interface CsvLayout {
	id: string;
	bankName: string;
	parse(input: LayoutInput): LayoutOutput | null;
}

export interface Header {
	/** Index of the header row in `rows`. */
	at: number;
	cells: string[];
	/** 0-based column of a header name, or undefined. */
	col(name: string): number | undefined;
	/** Like col, but returns the first of several names present. */
	any(...names: string[]): number | undefined;
	names: string[];
	/** Number of named columns (trailing empty header cells left out): the width every data row must have. */
	width: number;
}

/** Finds the header row holding every `required` name within the first `within` rows. */
export function locateHeader(rows: CsvRow[], required: string[], within = 15): Header | null {
	for (let i = 0; i < Math.min(rows.length, within); i++) {
		const cells = rows[i].cells;
		if (cells.length < required.length) continue;
		if (!required.every((name) => cells.some((c) => headerMatches(c, name)))) continue;
		const col = (name: string): number | undefined => {
			const idx = cells.findIndex((c) => headerMatches(c, name));
			return idx === -1 ? undefined : idx;
		};
		return {
			at: i,
			cells,
			col,
			any: (...names: string[]) => {
				for (const n of names) {
					const c = col(n);
					if (c !== undefined) return c;
				}
				return undefined;
			},
			names: cells.map((c) => c.trim()),
			width: trimmed(cells).length
		};
	}
	return null;
}

/** Warnings for rows skipped because their date cell is not a date (at most 10 listed). */
export function skippedRowWarnings(rows: CsvRow[]): string[] {
	if (rows.length === 0) return [];
	const lines = rows.map((r) => r.line);
	const shown = lines.slice(0, 10).join(', ');
	const more = lines.length > 10 ? ` et ${lines.length - 10} autres` : '';
	return [`${lines.length === 1 ? 'Ligne ignorée' : 'Lignes ignorées'} (pas de date d'opération) : ${shown}${more}.`];
}

/** Reads a balance written in free text, e.g. `Solde au 18/12/19 : 13,37 EUR`. */
export function balanceFromText(
	text: string,
	kind: ParsedBalance['kind'],
	line: number,
	decimal: DecimalSep = ','
): ParsedBalance | null {
	const m = /(\d{1,2}\/\d{1,2}\/\d{2,4})\D+?([+-]?\s?\d[\d\s\u00a0.]*(?:,\d{1,2})?)\s*(?:EUR|€)?\s*$/i.exec(
		text.trim()
	);
	if (!m) return null;
	const date = parseDateText(m[1], 'dmy');
	if (!date) return null;
	return { date, amount: readAmount(m[2].replace(/\s+/g, ' ').trim(), decimal, line, 'solde'), kind, line };
}

/** Cells with trailing empty cells removed (trailing `;`). */
export function trimmed(cells: string[]): string[] {
	let n = cells.length;
	while (n > 0 && cells[n - 1].trim() === '') n--;
	return cells.slice(0, n);
}

/** Rows after the header row. */
export function dataRows(rows: CsvRow[], header: Header): CsvRow[] {
	return rows.slice(header.at + 1);
}

/** Builds the output for a single-account table result. */
export function single(result: TableResult, meta: Partial<ParsedAccount>, extraWarnings: string[] = []): LayoutOutput {
	const entry = result.accounts.get('') ?? { transactions: [], balances: [], label: null, currency: null };
	const accounts: ParsedAccount[] = [toAccount(entry, meta)];
	return {
		accounts,
		warnings: [...extraWarnings, ...result.warnings],
		pendingSkipped: result.pendingSkipped
	};
}
