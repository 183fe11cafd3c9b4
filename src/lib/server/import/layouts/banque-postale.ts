/**
 * La Banque Postale CSV (Windows-1252, `;`): preamble `Numéro Compte ;0123456A`, `Type ;CCP`,
 * `Compte tenu en ;euros`, `Date ;dd/mm/yyyy`, `Solde (EUROS) ;+1234,56`, then
 * `Date;Libellé;Montant(EUROS)` with signed amounts (`+123,45`).
 */
import { readAmount } from '../amounts';
import { readTable } from '../csv-table';
import { parseDateText } from '../date-parse';
import { headerKey, tidyOrNull } from '../text';
import type { ParsedBalance } from '../types';
import { locateHeader, single, skippedRowWarnings, type CsvLayout } from './common';

export const banquePostale: CsvLayout = {
	id: 'banque-postale',
	bankName: 'La Banque Postale',
	parse({ rows }) {
		const h = locateHeader(rows, ['Date', 'Libellé', 'Montant(EUROS)'], 15);
		if (!h) return null;
		let accountNumber: string | null = null;
		let label: string | null = null;
		let date: string | null = null;
		let balanceText: { text: string; line: number } | null = null;
		for (const r of rows.slice(0, h.at)) {
			const key = headerKey(r.cells[0] ?? '');
			const value = (r.cells[1] ?? '').trim();
			if (key.startsWith('numero compte') || key.startsWith('numero de compte')) accountNumber = tidyOrNull(value);
			else if (key === 'type') label = tidyOrNull(value);
			else if (key === 'date') date = parseDateText(value, 'dmy');
			else if (key === 'solde euros' && value !== '') balanceText = { text: value, line: r.line };
		}
		const balances: ParsedBalance[] = [];
		if (balanceText && date) {
			balances.push({
				date,
				amount: readAmount(balanceText.text, ',', balanceText.line, 'Solde (EUROS)'),
				kind: 'closing',
				line: balanceText.line
			});
		}
		const result = readTable(rows.slice(h.at + 1), {
			bookingDate: h.col('Date') as number,
			dateOrder: 'dmy',
			label: [h.col('Libellé') as number],
			amount: h.col('Montant(EUROS)'),
			decimal: ',',
			labelOperationDate: true,
			names: h.names,
			width: h.width
		});
		return single(
			result,
			{ accountNumber, label, bankName: 'La Banque Postale', balances },
			skippedRowWarnings(result.otherRows)
		);
	}
};
