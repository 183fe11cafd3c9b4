/**
 * BPCE CSV (Caisse d'Épargne, Banque Populaire since about 2021): 13 columns without accents, `Debit`
 * negative, `Credit` with a `+`, booking and card dates, `Libelle simplifie` as a clean payee; balance
 * footer rows when present.
 */
import { readTable } from '../csv-table';
import { balanceFromText, locateHeader, single, skippedRowWarnings, type CsvLayout } from './common';
import type { ParsedBalance } from '../types';

export const bpce: CsvLayout = {
	id: 'bpce',
	bankName: "Caisse d'Épargne / Banque Populaire",
	parse({ rows }) {
		const h = locateHeader(rows, ['Date de comptabilisation', 'Libelle operation', 'Debit', 'Credit'], 5);
		if (!h) return null;
		const memo = [h.col('Informations complementaires'), h.col('Reference')].filter(
			(c): c is number => c !== undefined
		);
		const result = readTable(rows.slice(h.at + 1), {
			bookingDate: h.col('Date de comptabilisation') as number,
			operationDate: h.col('Date operation'),
			dateOrder: 'dmy',
			label: [h.col('Libelle operation') as number],
			payee: h.col('Libelle simplifie'),
			memo,
			debit: h.col('Debit'),
			credit: h.col('Credit'),
			category: h.col('Sous categorie') ?? h.col('Categorie'),
			decimal: ',',
			names: h.names,
			width: h.width
		});
		const balances: ParsedBalance[] = [];
		const other = result.otherRows.filter((r) => {
			const text = r.cells.join(' ');
			if (!/solde/i.test(text)) return true;
			const b = balanceFromText(
				text.replace(/;/g, ' '),
				/d[ée]but|initial|pr[ée]c[ée]dent/i.test(text) ? 'opening' : 'closing',
				r.line
			);
			if (b) balances.push(b);
			return b === null;
		});
		return single(result, { bankName: "Caisse d'Épargne / Banque Populaire", balances }, skippedRowWarnings(other));
	}
};
