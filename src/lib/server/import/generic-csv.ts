/**
 * CSV files of unknown layout: a preview (separator, header, columns, first rows, a guessed mapping) for
 * the person to say which column holds what, then parsing with that mapping.
 */
import type { CsvRow } from './csv-reader';
import { readTable } from './csv-table';
import { decideDecimal } from './amounts';
import { looksLikeDate, requireDateOrder } from './date-parse';
import { ImportError } from './errors';
import { shown } from './limits';
import { dateFormatOrder, dateFormatPattern } from './mapping-spec';
import { headerKey } from './text';
import type { CsvMapping, CsvPreview, DateOrder, ParsedAccount } from './types';
import { skippedRowWarnings, trimmed } from './layouts/common';

const AMOUNT_LIKE = /^\s*[+-]?\s*(€\s*)?[\d\s\u00a0.,]*\d[\d\s\u00a0.,]*\s*-?\s*(EUR|€)?\s*$/i;

function modalWidth(rows: CsvRow[]): number {
	const freq = new Map<number, number>();
	for (const r of rows.slice(-20)) freq.set(r.cells.length, (freq.get(r.cells.length) ?? 0) + 1);
	let best = 0;
	let count = 0;
	for (const [w, f] of freq) if (f > count || (f === count && w > best)) [best, count] = [w, f];
	return best;
}

/** Builds the preview shown when the layout is unknown. */
export function buildPreview(rows: CsvRow[], delimiter: string): CsvPreview {
	const width = modalWidth(rows);
	let dataStart = rows.findIndex((r, i) => i < 30 && r.cells.length === width && r.cells.some((c) => looksLikeDate(c)));
	if (dataStart === -1)
		dataStart = Math.max(
			0,
			rows.findIndex((r) => r.cells.length === width)
		);
	const before = dataStart > 0 ? rows[dataStart - 1] : null;
	const hasHeader =
		before !== null &&
		Math.abs(before.cells.length - width) <= 1 &&
		before.cells.every((c) => !looksLikeDate(c) && !(c.trim() !== '' && AMOUNT_LIKE.test(c)));
	const skipRows = hasHeader ? dataStart - 1 : dataStart;
	const columns = hasHeader
		? Array.from({ length: width }, (_, i) => (before as CsvRow).cells[i]?.trim() || `Colonne ${i + 1}`)
		: Array.from({ length: width }, (_, i) => `Colonne ${i + 1}`);
	const data = rows.slice(dataStart, dataStart + 10).map((r) => r.cells.slice(0, Math.max(width, r.cells.length)));
	return {
		delimiter,
		hasHeader,
		columns,
		rows: data,
		skipRows,
		suggestedMapping: suggest(columns, rows.slice(dataStart, dataStart + 50), hasHeader, skipRows)
	};
}

function suggest(columns: string[], sample: CsvRow[], hasHeader: boolean, skipRows: number): CsvMapping | null {
	const keys = columns.map(headerKey);
	const share = (i: number, test: (s: string) => boolean): number =>
		sample.length === 0 ? 0 : sample.filter((r) => test(r.cells[i] ?? '')).length / sample.length;
	const find = (re: RegExp): number => keys.findIndex((k) => re.test(k));
	let dateColumn = find(/^date( (de )?(l )?(operation|comptabilisation|transaction|booking))?$|^date$/);
	if (dateColumn === -1) dateColumn = columns.findIndex((_, i) => share(i, looksLikeDate) > 0.8);
	if (dateColumn === -1) return null;
	const debitColumn = find(/^debit/);
	const creditColumn = find(/^credit/);
	let amountColumn = find(/^(montant|amount|somme|valeur)/);
	if (amountColumn === -1 && (debitColumn === -1 || creditColumn === -1)) {
		amountColumn = columns.findIndex(
			(_, i) =>
				i !== dateColumn && share(i, (s) => s.trim() !== '' && AMOUNT_LIKE.test(s) && /[.,]\d{1,2}\s*$/.test(s)) > 0.8
		);
	}
	let label = find(/^(libelle|label|description|intitule|details?|motif|operation|nature)/);
	if (label === -1) {
		let best = -1;
		let bestLen = 0;
		columns.forEach((_, i) => {
			if (i === dateColumn || i === amountColumn) return;
			const len = sample.reduce((n, r) => n + (AMOUNT_LIKE.test(r.cells[i] ?? '') ? 0 : (r.cells[i] ?? '').length), 0);
			if (len > bestLen) [best, bestLen] = [i, len];
		});
		label = best;
	}
	if (label === -1) return null;
	const mapping: CsvMapping = { dateColumn, labelColumns: [label], hasHeader, skipRows };
	if (amountColumn !== -1) mapping.amountColumn = amountColumn;
	else if (debitColumn !== -1 && creditColumn !== -1) {
		mapping.debitColumn = debitColumn;
		mapping.creditColumn = creditColumn;
	} else return null;
	return mapping;
}

/**
 * Where the data starts and which row is the header. With `skipRows` the mapping says; without, the data
 * starts at the first row (within 50) whose date cell is a date, after the header just before it.
 */
function dataStart(rows: CsvRow[], mapping: CsvMapping): { start: number; header: string[] | undefined } {
	if (mapping.skipRows !== undefined) {
		const start = mapping.skipRows + (mapping.hasHeader ? 1 : 0);
		return { start, header: mapping.hasHeader ? rows[mapping.skipRows]?.cells : undefined };
	}
	const first = rows.findIndex((r, i) => i < 50 && looksLikeDate(r.cells[mapping.dateColumn] ?? ''));
	if (first === -1) return { start: mapping.hasHeader ? 1 : 0, header: mapping.hasHeader ? rows[0]?.cells : undefined };
	return { start: first, header: mapping.hasHeader && first > 0 ? rows[first - 1].cells : undefined };
}

/** Refuses the first date cell written otherwise than the mapping's dateFormat (cells that are no date at all are rows to skip). */
function checkDateFormat(values: { text: string; line: number }[], format: string): void {
	const pattern = dateFormatPattern(format);
	for (const { text, line } of values) {
		const t = text.trim();
		if (t !== '' && looksLikeDate(t) && !pattern.test(t)) {
			throw new ImportError(`Ligne ${line} : la date « ${shown(t)} » ne suit pas le format ${format}.`, line);
		}
	}
}

/** Parses a CSV file with a mapping given by the person. Column indexes are 0-based. */
export function parseWithMapping(
	rows: CsvRow[],
	mapping: CsvMapping,
	dateOrderOption: DateOrder | undefined
): { accounts: ParsedAccount[]; warnings: string[]; pendingSkipped: number } {
	const { start, header } = dataStart(rows, mapping);
	const data = rows.slice(start);
	if (data.length === 0) throw new ImportError("Aucune ligne d'opération après l'en-tête.");
	const width = Math.max(...data.slice(0, 50).map((r) => r.cells.length));
	const used = [
		mapping.dateColumn,
		...mapping.labelColumns,
		mapping.amountColumn,
		mapping.debitColumn,
		mapping.creditColumn,
		mapping.operationDateColumn,
		mapping.payeeColumn,
		mapping.balanceColumn
	];
	for (const c of used) {
		if (c !== undefined && (!Number.isInteger(c) || c < 0 || c >= width)) {
			throw new ImportError(
				`Correspondance de colonnes invalide : la colonne ${Number(c) + 1} n'existe pas (le fichier en a ${width}).`
			);
		}
	}
	if (mapping.amountColumn === undefined && (mapping.debitColumn === undefined || mapping.creditColumn === undefined)) {
		throw new ImportError(
			'Correspondance de colonnes invalide : indiquez une colonne de montant, ou une colonne de débit et une de crédit.'
		);
	}
	const dateValues = data.map((r) => ({ text: r.cells[mapping.dateColumn] ?? '', line: r.line }));
	if (mapping.dateFormat) checkDateFormat(dateValues, mapping.dateFormat);
	const order =
		(mapping.dateFormat ? dateFormatOrder(mapping.dateFormat) : undefined) ??
		mapping.dateOrder ??
		requireDateOrder(dateValues, dateOrderOption);
	const amountCols = [mapping.amountColumn, mapping.debitColumn, mapping.creditColumn].filter(
		(c): c is number => c !== undefined
	);
	const decimal =
		mapping.decimal ??
		decideDecimal(
			amountCols.flatMap((c) => data.map((r) => r.cells[c] ?? '')),
			mapping.thousands === ',' ? '.' : ','
		);
	const result = readTable(data, {
		bookingDate: mapping.dateColumn,
		operationDate: mapping.operationDateColumn,
		dateOrder: order,
		label: mapping.labelColumns,
		payee: mapping.payeeColumn,
		amount: mapping.amountColumn,
		debit: mapping.debitColumn,
		credit: mapping.creditColumn,
		balance: mapping.balanceColumn,
		decimal,
		labelOperationDate: order === 'dmy',
		thousands: mapping.thousands || undefined,
		names: header?.map((c) => c.trim()),
		width: header ? trimmed(header).length : undefined
	});
	const entry = result.accounts.get('') ?? { transactions: [], balances: [], label: null, currency: null };
	return {
		accounts: [
			{
				accountNumber: null,
				iban: null,
				label: null,
				bankName: null,
				currency: 'EUR',
				transactions: entry.transactions,
				balances: entry.balances
			}
		],
		warnings: [...result.warnings, ...skippedRowWarnings(result.otherRows)],
		pendingSkipped: result.pendingSkipped
	};
}
