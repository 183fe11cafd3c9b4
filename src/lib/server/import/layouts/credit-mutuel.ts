/**
 * Crédit Mutuel / CIC CSV (Euro-Information): `Date;Date de valeur;Débit;Crédit;Libellé;Solde` (Débit
 * negative, running balance), the single-amount variant, the Dec 2025 SEPA columns (Motif, RUM, END TO END,
 * ICS) and CIC's comma-separated variant with decimal points.
 */
import { readTable } from '../csv-table';
import { locateHeader, single, skippedRowWarnings, type CsvLayout } from './common';

export const creditMutuel: CsvLayout = {
	id: 'credit-mutuel',
	bankName: 'Crédit Mutuel / CIC',
	parse({ rows, delimiter }) {
		const h =
			locateHeader(rows, ['Date', 'Date de valeur', 'Débit', 'Crédit', 'Libellé', 'Solde'], 5) ??
			locateHeader(rows, ['Date', 'Date de valeur', 'Montant', 'Libellé', 'Solde'], 5) ??
			locateHeader(rows, ["Date d'opération", 'Date de valeur', 'Montant', 'Libellé', 'Solde'], 5);
		if (!h) return null;
		const motif = h.col('Motif');
		const result = readTable(rows.slice(h.at + 1), {
			bookingDate: (h.col('Date') ?? h.col("Date d'opération")) as number,
			dateOrder: 'dmy',
			label: [h.col('Libellé') as number],
			memo: motif !== undefined ? [motif] : [],
			amount: h.col('Montant'),
			debit: h.col('Débit'),
			credit: h.col('Crédit'),
			balance: h.col('Solde'),
			mandateId: h.col('Référence unique du mandat (RUM)'),
			creditorId: h.col('Identifiant du créancier (ICS)'),
			decimal: delimiter === ',' ? '.' : ',',
			labelOperationDate: true,
			names: h.names,
			width: h.width
		});
		return single(result, { bankName: 'Crédit Mutuel / CIC' }, skippedRowWarnings(result.otherRows));
	}
};
