/**
 * Crédit Agricole CSV: a preamble (download date, holder, `CCHQ no …`, `Solde au dd/mm/yy : x EUR`,
 * period), header `Date;Libellé;Débit Euros;Crédit Euros;` with both columns positive, multi-line quoted
 * labels, and a trailer of deferred-card sections that are not account transactions.
 */
import { readTable } from '../csv-table';
import { parseDateText } from '../date-parse';
import type { ParsedBalance } from '../types';
import { balanceFromText, locateHeader, single, skippedRowWarnings, type CsvLayout } from './common';

const CARD_SECTION = /^\s*(VISA|MASTERCARD|CB|CARTE|E-CARTE)\b/i;

export const creditAgricole: CsvLayout = {
	id: 'credit-agricole',
	bankName: 'Crédit Agricole',
	parse({ rows }) {
		const h = locateHeader(rows, ['Date', 'Libellé', 'Débit Euros', 'Crédit Euros'], 20);
		if (!h) return null;
		let accountNumber: string | null = null;
		let label: string | null = null;
		const balances: ParsedBalance[] = [];
		for (const r of rows.slice(0, h.at)) {
			const text = r.cells.join(' ').trim();
			const acc = /^(.*?)\s*n[o°º]\s*([0-9][0-9 ]{4,})/i.exec(text);
			if (acc && !accountNumber && !/solde/i.test(text)) {
				accountNumber = acc[2].replace(/\s+/g, '');
				label = acc[1].trim() || null;
			}
			if (/^solde au/i.test(text)) {
				const b = balanceFromText(text, 'closing', r.line);
				if (b) balances.push(b);
			}
		}
		const body = rows.slice(h.at + 1);
		const cut = body.findIndex((r) => CARD_SECTION.test(r.cells[0] ?? '') && parseDateText(r.cells[0], 'dmy') === null);
		const accountRows = cut === -1 ? body : body.slice(0, cut);
		const warnings: string[] = [];
		if (cut !== -1 && body.slice(cut).some((r) => parseDateText(r.cells[0] ?? '', 'dmy') !== null)) {
			warnings.push(
				'Les opérations de carte à débit différé listées en fin de fichier ne sont pas importées : elles seront débitées du compte en une fois, à la fin du mois.'
			);
		}
		const result = readTable(accountRows, {
			bookingDate: h.col('Date') as number,
			dateOrder: 'dmy',
			label: [h.col('Libellé') as number],
			debit: h.col('Débit Euros'),
			credit: h.col('Crédit Euros'),
			decimal: ',',
			labelOperationDate: true,
			names: h.names,
			width: h.width
		});
		return single(result, { accountNumber, label, bankName: 'Crédit Agricole', balances }, [
			...warnings,
			...skippedRowWarnings(result.otherRows)
		]);
	}
};
