/**
 * Shine CSV (Windows-1252, `;`, `1000,00`, dd/mm/yyyy): `Transaction ID;Date de la valeur;Date
 * d'opération;…;Débit;Crédit;…;Libellé;Nom de la contrepartie`, the transaction id kept for dedupe.
 */
import { readTable } from '../csv-table';
import { locateHeader, single, skippedRowWarnings, type CsvLayout } from './common';

export const shine: CsvLayout = {
	id: 'shine',
	bankName: 'Shine',
	parse({ rows }) {
		const h = locateHeader(rows, ['Transaction ID', 'Débit', 'Crédit', 'Libellé'], 5);
		if (!h) return null;
		const booking = h.col("Date d'opération") ?? h.col('Date de la valeur');
		if (booking === undefined) return null;
		const result = readTable(rows.slice(h.at + 1), {
			bookingDate: booking,
			dateOrder: 'dmy',
			label: [h.col('Libellé') as number],
			payee: h.col('Nom de la contrepartie'),
			bankId: h.col('Transaction ID'),
			debit: h.col('Débit'),
			credit: h.col('Crédit'),
			category: h.col('Catégorie'),
			decimal: ',',
			names: h.names,
			width: h.width
		});
		return single(result, { bankName: 'Shine' }, skippedRowWarnings(result.otherRows));
	}
};
