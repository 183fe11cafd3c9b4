/**
 * N26 CSV (comma, UTF-8, ISO dates, decimal point): the current English header (`Booking Date`,
 * `Partner Name`, `Amount (EUR)`…) and the legacy French one (`Date`, `Bénéficiaire`, `Montant (EUR)`…).
 */
import { readTable } from '../csv-table';
import { locateHeader, single, skippedRowWarnings, type CsvLayout } from './common';

export const n26: CsvLayout = {
	id: 'n26',
	bankName: 'N26',
	parse({ rows }) {
		const current = locateHeader(rows, ['Booking Date', 'Partner Name', 'Amount (EUR)'], 3);
		const h = current ?? locateHeader(rows, ['Date', 'Bénéficiaire', 'Montant (EUR)'], 3);
		if (!h) return null;
		const payee = (current ? h.col('Partner Name') : h.col('Bénéficiaire')) as number;
		const ref = current ? h.col('Payment Reference') : h.col('Référence de paiement');
		const type = current ? h.col('Type') : h.col('Type de transaction');
		const result = readTable(rows.slice(h.at + 1), {
			bookingDate: (current ? h.col('Booking Date') : h.col('Date')) as number,
			dateOrder: 'ymd',
			label: [payee, ...(ref !== undefined ? [ref] : [])],
			payee,
			memo: type !== undefined ? [type] : [],
			category: current ? undefined : h.col('Catégorie'),
			amount: current ? h.col('Amount (EUR)') : h.col('Montant (EUR)'),
			decimal: '.',
			names: h.names,
			width: h.width
		});
		return single(result, { bankName: 'N26' }, skippedRowWarnings(result.otherRows));
	}
};
