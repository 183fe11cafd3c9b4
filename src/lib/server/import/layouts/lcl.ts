/**
 * LCL CSV: no header, `;`, decimal comma with trailing zeros dropped. Balance rows of 4 fields
 * (`date;balance;;agency account`) come first and last; transaction rows have 8 fields
 * (`date;amount;type;cheque no;label;label of incoming transfers;0;category`).
 */
import { readAmount } from '../amounts';
import type { CsvRow } from '../csv-reader';
import { readTable } from '../csv-table';
import { parseDateText } from '../date-parse';
import { tidy } from '../text';
import type { ParsedBalance } from '../types';
import { single, skippedRowWarnings, trimmed, type CsvLayout } from './common';

const AMOUNT = /^\s*[+-]?\d[\d\s]*(,\d{1,2})?\s*$/;

function isBalanceRow(r: CsvRow): boolean {
	const c = trimmed(r.cells);
	return c.length === 4 && c[2].trim() === '' && parseDateText(c[0], 'dmy') !== null && AMOUNT.test(c[1]);
}

export const lcl: CsvLayout = {
	id: 'lcl',
	bankName: 'LCL',
	parse({ rows }) {
		if (rows.length < 2) return null;
		const balanceRows = rows.filter(isBalanceRow);
		const txRows = rows.filter((r) => !isBalanceRow(r));
		if (balanceRows.length === 0 || txRows.length === 0) return null;
		const shaped = txRows.filter(
			(r) => r.cells.length >= 7 && parseDateText(r.cells[0], 'dmy') !== null && AMOUNT.test(r.cells[1])
		);
		if (shaped.length < txRows.length * 0.9) return null;
		const prepared = txRows.map((r) => {
			const cells = [...r.cells];
			if (tidy(cells[4]) === '' && tidy(cells[5]) === '')
				cells[4] = [cells[2], cells[3]].map(tidy).filter(Boolean).join(' ');
			return { line: r.line, cells };
		});
		const result = readTable(prepared, {
			bookingDate: 0,
			dateOrder: 'dmy',
			label: [4, 5],
			amount: 1,
			decimal: ',',
			category: 7,
			labelOperationDate: true,
			names: ['Date', 'Montant', 'Type', 'N° de chèque', 'Libellé', 'Libellé', '', 'Catégorie']
		});
		const balances: ParsedBalance[] = balanceRows.map((r) => ({
			date: parseDateText(r.cells[0], 'dmy') as string,
			amount: readAmount(r.cells[1], ',', r.line, 'solde'),
			kind: 'closing' as const,
			line: r.line
		}));
		if (balances.length >= 2) {
			const sorted = [...balances].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
			if (sorted[0].date < sorted[sorted.length - 1].date) sorted[0].kind = 'opening';
		}
		const account = tidy(trimmed(balanceRows[0].cells)[3]) || null;
		return single(result, { accountNumber: account, bankName: 'LCL', balances }, skippedRowWarnings(result.otherRows));
	}
};
