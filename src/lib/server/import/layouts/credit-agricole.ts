/**
 * Crédit Agricole CSV: a preamble (download date, holder, `CCHQ no …`, `Solde au dd/mm/yy : x EUR`,
 * period), header `Date;Libellé;Débit Euros;Crédit Euros;` with both columns positive, multi-line quoted
 * labels, and a trailer of deferred-card sections (`VISA PREMIER no 4533 07xx xxxx xx60;` and its
 * purchases), each read as a card account: the current account pays their total once a month.
 */
import { cardLabel } from '../cards';
import { cellOf } from '../csv-index';
import type { CsvRow } from '../csv-reader';
import { readTable, toAccount, type ColumnSpec } from '../csv-table';
import { parseDateText } from '../date-parse';
import { tidy } from '../text';
import type { ParsedAccount, ParsedBalance } from '../types';
import { balanceFromText, locateHeader, single, skippedRowWarnings, type CsvLayout, type LayoutOutput } from './common';

const CARD_SECTION = /^\s*((?:VISA|MASTERCARD|CB|CARTE|E-CARTE)\b.*?)\s+n[o°º]\s*([0-9][0-9xX* ]{3,})/i;
const CARD_START = /^\s*(VISA|MASTERCARD|CB|CARTE|E-CARTE)\b/i;

function isCardSection(r: CsvRow): boolean {
	// the first cell alone: an indexed row slices only the cells asked for
	const first = cellOf(r, 0);
	return CARD_START.test(first) && parseDateText(first, 'dmy') === null;
}

/**
 * The deferred-card sections after the account's rows (`VISA PREMIER no 4533 07xx xxxx xx60;` then its
 * purchases, `Pas d'opération pour cette carte` when none): one card account each, named after the card.
 */
function cardAccounts(rows: CsvRow[], spec: ColumnSpec): LayoutOutput {
	const accounts: ParsedAccount[] = [];
	const skipped: CsvRow[] = [];
	let i = 0;
	while (i < rows.length) {
		const m = CARD_SECTION.exec(rows[i].cells[0] ?? '');
		let end = i + 1;
		while (end < rows.length && !isCardSection(rows[end])) end++;
		const section = rows.slice(i + 1, end).filter((r) => !/pas d.op[ée]ration/i.test(r.cells.join(' ')));
		const result = readTable(section, spec);
		skipped.push(...result.otherRows);
		const number = m ? m[2].replace(/\s+/g, '') : null;
		const entry = result.accounts.get('') ?? { transactions: [], balances: [], label: null, currency: null };
		accounts.push(
			toAccount(entry, {
				accountNumber: number,
				label: cardLabel(number, m ? tidy(m[1]) : null),
				bankName: 'Crédit Agricole',
				kind: 'card'
			})
		);
		i = end;
	}
	const used = accounts.filter((a) => a.transactions.length > 0);
	const warnings = used.length
		? [
				`Opérations de carte à débit différé lues sur un compte carte à part (${used.map((a) => a.label).join(', ')}) : le compte courant les paie en un débit en fin de mois.`
			]
		: [];
	return { accounts, warnings: [...warnings, ...skippedRowWarnings(skipped)], pendingSkipped: 0 };
}

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
		const cut = body.findIndex((r) => isCardSection(r));
		const spec = {
			bookingDate: h.col('Date') as number,
			dateOrder: 'dmy' as const,
			label: [h.col('Libellé') as number],
			debit: h.col('Débit Euros'),
			credit: h.col('Crédit Euros'),
			decimal: ',' as const,
			labelOperationDate: true,
			names: h.names,
			width: h.width
		};
		const result = readTable(cut === -1 ? body : body.slice(0, cut), spec);
		const main = single(
			result,
			{ accountNumber, label, bankName: 'Crédit Agricole', balances },
			skippedRowWarnings(result.otherRows)
		);
		const cards = cut === -1 ? { accounts: [], warnings: [] } : cardAccounts(body.slice(cut), spec);
		return {
			accounts: [...main.accounts, ...cards.accounts],
			warnings: [...cards.warnings, ...main.warnings],
			pendingSkipped: 0
		};
	}
};
