/**
 * BNP Paribas legacy CSV: no header, line 1 = account label;label;****1234;date;;balance (sometimes
 * HTML-escaped twice), then `dd/mm/yyyy;category;sub-category;label;amount` rows.
 */
import { readAmount } from '../amounts';
import { readTable } from '../csv-table';
import { parseDateText } from '../date-parse';
import { decodeEntitiesTwice, tidyOrNull } from '../text';
import { single, skippedRowWarnings, trimmed, type CsvLayout } from './common';

export const bnpLegacy: CsvLayout = {
	id: 'bnp-legacy',
	bankName: 'BNP Paribas',
	parse({ rows }) {
		if (rows.length < 2) return null;
		const first = rows[0].cells;
		if (first.length < 6 || parseDateText(first[3], 'dmy') === null || !/\d/.test(first[5] ?? '')) return null;
		const data = rows.slice(1);
		const shaped = data.filter((r) => trimmed(r.cells).length === 5 && parseDateText(r.cells[0], 'dmy') !== null);
		if (shaped.length < Math.max(1, data.length * 0.8)) return null;
		const decoded = data.map((r) => ({
			line: r.line,
			cells: r.cells.map((c) => (c.includes('&') ? decodeEntitiesTwice(c) : c))
		}));
		const result = readTable(decoded, {
			bookingDate: 0,
			dateOrder: 'dmy',
			label: [3],
			category: 2,
			amount: 4,
			decimal: ',',
			labelOperationDate: true,
			names: ['Date', 'Catégorie', 'Sous-catégorie', 'Libellé', 'Montant']
		});
		const balanceDate = parseDateText(first[3], 'dmy') as string;
		return single(
			result,
			{
				accountNumber: tidyOrNull(first[2]),
				label: tidyOrNull(decodeEntitiesTwice(first[1] || first[0])),
				bankName: 'BNP Paribas',
				balances: [
					{
						date: balanceDate,
						amount: readAmount(first[5], ',', rows[0].line, 'solde'),
						kind: 'closing',
						line: rows[0].line
					}
				]
			},
			skippedRowWarnings(result.otherRows)
		);
	}
};
