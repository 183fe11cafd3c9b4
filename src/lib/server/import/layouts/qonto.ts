/**
 * Qonto CSV (comma, `YYYY-MM-DD HH:MM:SS` in UTC, decimal point, signed `Total amount (incl. VAT)`): only
 * settled rows are imported, UTC instants become Paris calendar dates, the transaction id is kept.
 */
import { readTable, type RowState } from '../csv-table';
import { headerKey, tidyOrNull } from '../text';
import { locateHeader, single, skippedRowWarnings, type CsvLayout } from './common';

const paris = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Paris',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** `2026-01-31 23:30:00` (UTC) → `2026-02-01` (Paris). Leaves other text unchanged. */
export function utcToParisDate(text: string): string {
	const m = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(text);
	if (!m) return text;
	const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
	return Number.isNaN(t) ? text : paris.format(new Date(t));
}

function state(value: string): RowState {
	const k = headerKey(value);
	if (k === 'settled' || k === 'executed' || k === 'completed' || k === 'execute' || k === 'regle') return 'booked';
	if (k === 'pending' || k === 'processing' || k === 'en attente' || k === 'en cours') return 'pending';
	return 'skip';
}

export const qonto: CsvLayout = {
	id: 'qonto',
	bankName: 'Qonto',
	parse({ rows }) {
		const h = locateHeader(rows, ['Status', 'Operation date (UTC)', 'Total amount (incl. VAT)', 'Transaction ID'], 3);
		if (!h) return null;
		const settlement = h.col('Settlement date (UTC)');
		const operation = h.col('Operation date (UTC)') as number;
		const dateCols = [settlement, operation].filter((c): c is number => c !== undefined);
		const prepared = rows.slice(h.at + 1).map((r) => {
			const cells = [...r.cells];
			for (const c of dateCols) if (cells[c] !== undefined) cells[c] = utcToParisDate(cells[c]);
			if (settlement !== undefined && (cells[settlement] ?? '').trim() === '')
				cells[settlement] = cells[operation] ?? '';
			return { line: r.line, cells };
		});
		const statusCol = h.col('Status') as number;
		const counterparty = h.col('Counterparty name');
		const reference = h.col('Reference');
		const ibanCol = h.col('IBAN');
		const result = readTable(prepared, {
			bookingDate: settlement ?? operation,
			operationDate: settlement !== undefined ? operation : undefined,
			dateOrder: 'ymd',
			label: [counterparty, reference].filter((c): c is number => c !== undefined),
			payee: counterparty,
			memo: [h.col('Note')].filter((c): c is number => c !== undefined),
			bankId: h.col('Transaction ID'),
			amount: h.col('Total amount (incl. VAT)'),
			currency: h.col('Currency'),
			category: h.col('Category'),
			decimal: '.',
			state: (cells) => state(cells[statusCol] ?? ''),
			names: h.names,
			width: h.width
		});
		// the IBAN column is kept as the account's only when it is the same on every row
		const ibans = new Set(ibanCol !== undefined ? prepared.map((r) => tidyOrNull(r.cells[ibanCol])) : []);
		const iban = ibans.size === 1 ? ([...ibans][0] ?? null) : null;
		return single(result, { iban, bankName: 'Qonto' }, skippedRowWarnings(result.otherRows));
	}
};
