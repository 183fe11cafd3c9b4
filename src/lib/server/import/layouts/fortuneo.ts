/**
 * Fortuneo CSV (ISO-8859-1, CRLF, trailing `;`): `Date opération;Date valeur;libellé;Débit;Crédit;`,
 * debit negative, unpadded amounts (`-6,4`, ` 45`), no balance.
 */
import { readTable } from '../csv-table';
import { locateHeader, single, skippedRowWarnings, type CsvLayout } from './common';

export const fortuneo: CsvLayout = {
	id: 'fortuneo',
	bankName: 'Fortuneo',
	parse({ rows }) {
		const h = locateHeader(rows, ['Date opération', 'Date valeur', 'libellé', 'Débit', 'Crédit'], 5);
		if (!h) return null;
		const result = readTable(rows.slice(h.at + 1), {
			bookingDate: h.col('Date opération') as number,
			dateOrder: 'dmy',
			label: [h.col('libellé') as number],
			debit: h.col('Débit'),
			credit: h.col('Crédit'),
			decimal: ',',
			labelOperationDate: true,
			names: h.names,
			width: h.width
		});
		return single(result, { bankName: 'Fortuneo' }, skippedRowWarnings(result.otherRows));
	}
};
