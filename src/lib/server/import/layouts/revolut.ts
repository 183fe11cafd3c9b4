/**
 * Revolut CSV (comma, `yyyy-mm-dd hh:mm:ss`, decimal point), English or French headers: only completed
 * rows are imported (pending ones are counted), the fee is taken off the amount, one account per product.
 */
import { readTable, toAccount, type RowState } from '../csv-table';
import { headerKey } from '../text';
import { locateHeader, skippedRowWarnings, type CsvLayout } from './common';

function state(value: string): RowState {
	const k = headerKey(value);
	if (k === 'completed' || k === 'termine' || k === 'terminee') return 'booked';
	if (k === 'pending' || k === 'en attente' || k === 'en cours') return 'pending';
	return 'skip';
}

export const revolut: CsvLayout = {
	id: 'revolut',
	bankName: 'Revolut',
	parse({ rows }) {
		const en = locateHeader(
			rows,
			['Type', 'Product', 'Started Date', 'Completed Date', 'Description', 'Amount', 'State'],
			3
		);
		const h =
			en ??
			locateHeader(rows, ['Type', 'Produit', 'Date de début', 'Date de fin', 'Description', 'Montant', 'État'], 3);
		if (!h) return null;
		const stateCol = (en ? h.col('State') : h.col('État')) as number;
		const result = readTable(rows.slice(h.at + 1), {
			bookingDate: (en ? h.col('Completed Date') : h.col('Date de fin')) as number,
			operationDate: en ? h.col('Started Date') : h.col('Date de début'),
			dateOrder: 'ymd',
			label: [h.col('Description') as number],
			// Revolut's Description is the merchant or the other party of a transfer
			payee: h.col('Description'),
			memo: [h.col('Type') as number],
			amount: en ? h.col('Amount') : h.col('Montant'),
			fee: en ? h.col('Fee') : h.col('Frais'),
			currency: en ? h.col('Currency') : h.col('Devise'),
			balance: en ? h.col('Balance') : h.col('Solde'),
			account: en ? h.col('Product') : h.col('Produit'),
			decimal: '.',
			state: (cells) => state(cells[stateCol] ?? ''),
			names: h.names,
			width: h.width
		});
		return {
			accounts: [...result.accounts].map(([product, entry]) =>
				toAccount(entry, { label: product || null, bankName: 'Revolut' })
			),
			warnings: [...result.warnings, ...skippedRowWarnings(result.otherRows)],
			pendingSkipped: result.pendingSkipped
		};
	}
};
