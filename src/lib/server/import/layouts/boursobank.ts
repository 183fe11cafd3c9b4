/**
 * BoursoBank / Boursorama CSV (2019: 9 columns, 2022: + comment, current: + supplierFound), UTF-8 `;`,
 * several accounts per file, `Payee | RAW LABEL` labels, amount with a decimal comma, balance with a point.
 */
import { readTable, toAccount } from '../csv-table';
import { locateHeader, skippedRowWarnings, type CsvLayout } from './common';

export const boursobank: CsvLayout = {
	id: 'boursobank',
	bankName: 'BoursoBank',
	parse({ rows }) {
		const h = locateHeader(rows, ['dateOp', 'dateVal', 'label', 'amount'], 5);
		if (!h) return null;
		const result = readTable(rows.slice(h.at + 1), {
			bookingDate: h.col('dateOp') as number,
			dateOrder: 'dmy',
			label: [h.col('label') as number],
			payee: h.col('supplierFound'),
			splitPipePayee: true,
			memo: h.col('comment') !== undefined ? [h.col('comment') as number] : [],
			amount: h.col('amount'),
			decimal: ',',
			balance: h.col('accountbalance'),
			balanceDecimal: '.',
			balanceIsCurrent: true,
			account: h.col('accountNum'),
			accountLabel: h.col('accountLabel'),
			category: h.col('category'),
			labelOperationDate: true,
			names: h.names,
			width: h.width
		});
		return {
			accounts: [...result.accounts].map(([num, entry]) =>
				toAccount(entry, { accountNumber: num || null, bankName: 'BoursoBank' })
			),
			warnings: [...result.warnings, ...skippedRowWarnings(result.otherRows)],
			pendingSkipped: result.pendingSkipped
		};
	}
};
