/**
 * Caisse d'Épargne CSV before the BPCE layout: preamble `Code de la banque : …;…;Date de début de
 * téléchargement : …`, `Numéro de compte : …;Nom du compte : …;Devise : EUR;`, closing balance above the
 * header `Date;Numéro d'opération;Libellé;Débit;Crédit;Détail;`, opening balance as the last line.
 */
import { readAmount } from '../amounts';
import { readTable } from '../csv-table';
import { parseDateText } from '../date-parse';
import { headerSkeleton, tidyOrNull } from '../text';
import type { ParsedBalance } from '../types';
import { locateHeader, single, skippedRowWarnings, trimmed, type CsvLayout } from './common';

function after(cell: string): string {
	const i = cell.indexOf(':');
	return i === -1 ? '' : cell.slice(i + 1).trim();
}

export const caisseEpargneOld: CsvLayout = {
	id: 'caisse-epargne-old',
	bankName: "Caisse d'Épargne",
	parse({ rows }) {
		const h = locateHeader(rows, ['Date', "Numéro d'opération", 'Libellé', 'Débit', 'Crédit'], 15);
		if (!h) return null;
		let accountNumber: string | null = null;
		let label: string | null = null;
		let currency: string | undefined;
		let start: string | null = null;
		let end: string | null = null;
		for (const r of rows.slice(0, h.at)) {
			for (const c of r.cells) {
				const sk = headerSkeleton(c.split(':')[0] ?? '');
				const v = after(c);
				if (sk.startsWith('nmrdcmpt')) accountNumber = tidyOrNull(v);
				else if (sk.startsWith('nmdcmpt')) label = tidyOrNull(v);
				else if (sk.startsWith('dvs')) currency = tidyOrNull(v) ?? undefined;
				else if (sk.startsWith('dtddbt')) start = parseDateText(v, 'dmy');
				else if (sk.startsWith('dtdfn')) end = parseDateText(v, 'dmy');
			}
		}
		const balances: ParsedBalance[] = [];
		const balanceRow = (r: (typeof rows)[number]): boolean => {
			const sk = headerSkeleton(r.cells[0] ?? '');
			const value = trimmed(r.cells).at(-1) ?? '';
			if (sk.startsWith('sldnfndprd') && end) {
				balances.push({ date: end, amount: readAmount(value, ',', r.line, 'solde'), kind: 'closing', line: r.line });
				return true;
			}
			if (sk.startsWith('sldndbtdprd') && start) {
				balances.push({ date: start, amount: readAmount(value, ',', r.line, 'solde'), kind: 'opening', line: r.line });
				return true;
			}
			return false;
		};
		rows.slice(0, h.at).forEach(balanceRow);
		const detail = h.col('Détail');
		const libelle = h.col('Libellé') as number;
		const result = readTable(rows.slice(h.at + 1), {
			bookingDate: h.col('Date') as number,
			dateOrder: 'dmy',
			bankId: h.col("Numéro d'opération"),
			label: detail !== undefined ? [detail, libelle] : [libelle],
			labelFirst: true,
			memo: detail !== undefined ? [libelle] : [],
			debit: h.col('Débit'),
			credit: h.col('Crédit'),
			decimal: ',',
			labelOperationDate: true,
			names: h.names,
			width: h.width
		});
		const other = result.otherRows.filter((r) => !balanceRow(r));
		return single(
			result,
			{ accountNumber, label, currency, bankName: "Caisse d'Épargne", balances },
			skippedRowWarnings(other)
		);
	}
};
