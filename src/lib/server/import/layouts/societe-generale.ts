/**
 * Société Générale CSV (Windows-1252, `;`): an account line `="0234…";from;to;count;date;1234,37 EUR`,
 * a blank line, then `Date de l'opération;Libellé;Détail de l'écriture;Montant de l'opération;Devise`.
 * Also the savings variant `date_comptabilisation;libellé_complet_operation;montant_operation;devise;`.
 */
import { readAmount } from '../amounts';
import { readTable } from '../csv-table';
import { parseDateText } from '../date-parse';
import type { ParsedBalance } from '../types';
import { locateHeader, single, skippedRowWarnings, type CsvLayout } from './common';

function unformula(s: string): string {
	return s.trim().replace(/^="?/, '').replace(/"$/, '').trim();
}

export const societeGenerale: CsvLayout = {
	id: 'societe-generale',
	bankName: 'Société Générale',
	parse({ rows }) {
		let savings = false;
		let h = locateHeader(rows, ["Date de l'opération", 'Libellé', "Montant de l'opération"], 8);
		if (!h) {
			h = locateHeader(rows, ['date_comptabilisation', 'libellé_complet_operation', 'montant_operation'], 8);
			savings = true;
		}
		if (!h) return null;
		let accountNumber: string | null = null;
		const balances: ParsedBalance[] = [];
		for (const r of rows.slice(0, h.at)) {
			const c = r.cells;
			if (c.length >= 6 && /^\d{5,}$/.test(unformula(c[0] ?? ''))) {
				accountNumber = unformula(c[0]);
				const date = parseDateText(c[4] ?? '', 'dmy');
				if (date && (c[5] ?? '').trim() !== '') {
					balances.push({ date, amount: readAmount(c[5], ',', r.line, 'solde'), kind: 'closing', line: r.line });
				}
			}
		}
		const detail = h.col("Détail de l'écriture");
		const libelle = (savings ? h.col('libellé_complet_operation') : h.col('Libellé')) as number;
		const result = readTable(rows.slice(h.at + 1), {
			bookingDate: (savings ? h.col('date_comptabilisation') : h.col("Date de l'opération")) as number,
			dateOrder: 'dmy',
			label: detail !== undefined ? [detail, libelle] : [libelle],
			labelFirst: true,
			memo: detail !== undefined ? [libelle] : [],
			amount: savings ? h.col('montant_operation') : h.col("Montant de l'opération"),
			currency: h.col('Devise'),
			decimal: ',',
			labelOperationDate: true,
			names: h.names,
			width: h.width
		});
		return single(
			result,
			{ accountNumber, bankName: 'Société Générale', balances },
			skippedRowWarnings(result.otherRows)
		);
	}
};
