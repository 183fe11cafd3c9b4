/**
 * QIF statements (French banks' `!Type:Bank`/`!Type:Banque`, US Quicken, and older BNP/Money exports
 * that start directly with `D…`/`T…` records): records of D/T/P/M/N/L lines ended by `^`. The date order
 * (dd/mm or mm/dd) is decided from the whole file; amounts like `T-2,152.09`, `T-.01`, `T+1,500.00`.
 * Investment, category and class sections are ignored. Lines are read one at a time within the bounds
 * of scanLines, and every refusal names its line.
 */
import { decideDecimal, readAmount } from './amounts';
import { operationDateFromLabel, parseDateText, requireDateOrder } from './date-parse';
import { ImportError } from './errors';
import { checkRowCount, scanLines, shown } from './limits';
import { tidyOrNull } from './text';
import type { DateOrder, ParsedAccount, ParsedBalance, ParsedTransaction } from './types';

const CASH_TYPES = /^(bank|banque|cash|ccard|oth a|oth l|carte|liquide)/i;
const CARD_TYPES = /^(ccard|carte)/i;
/** Field codes of a bank record (splits S/E/$ and the address lines A included). */
const RECORD_CODES = new Set([
	'D',
	'T',
	'U',
	'P',
	'M',
	'N',
	'L',
	'C',
	'A',
	'S',
	'E',
	'$',
	'%',
	'F',
	'X',
	'I',
	'Q',
	'Y',
	'B',
	'O',
	'R'
]);

interface Rec {
	line: number;
	dateText: string | null;
	dateLine: number;
	amountText: string | null;
	amountLine: number;
	payee: string | null;
	memo: string | null;
	number: string | null;
	category: string | null;
}

interface QifRead {
	records: Rec[];
	accountName: string | null;
	/** The section type of the records (`Bank`, `CCard`…), null when the file has no `!Type` line. */
	type: string | null;
}

function qifDate(s: string): string {
	return s.replace(/\s+/g, '').replace(/'/g, '/');
}

function newRec(line: number): Rec {
	return {
		line,
		dateText: null,
		dateLine: line,
		amountText: null,
		amountLine: line,
		payee: null,
		memo: null,
		number: null,
		category: null
	};
}

/** Adds one field line to a record. */
function addField(rec: Rec, code: string, value: string, lineNo: number): void {
	switch (code) {
		case 'D':
			// a later D belongs to a split (quiffen): the record keeps its first date
			if (rec.dateText === null) {
				rec.dateText = qifDate(value);
				rec.dateLine = lineNo;
			}
			break;
		case 'T':
		case 'U':
			if (rec.amountText === null || code === 'T') {
				rec.amountText = value;
				rec.amountLine = lineNo;
			}
			break;
		case 'P':
			rec.payee = tidyOrNull(value);
			break;
		case 'M':
			rec.memo = tidyOrNull(value);
			break;
		case 'N':
			rec.number = tidyOrNull(value);
			break;
		case 'L':
			rec.category = tidyOrNull(value);
			break;
		default:
			break;
	}
}

/**
 * Reads the records of the cash sections. Records before any `!` header (files without `!Type`) belong
 * to an implicit bank section; `#` lines are comments.
 */
function readRecords(text: string): QifRead {
	const out: QifRead = { records: [], accountName: null, type: null };
	let inCash = true;
	let inAccountBlock = false;
	let rec: Rec | null = null;
	scanLines(text, (start, end, lineNo) => {
		const l = text.slice(start, end).trim();
		if (l === '' || l[0] === '#') return;
		if (l[0] === '!') {
			const header = l.slice(1);
			if (/^type\s*:/i.test(header)) {
				const type = header.replace(/^type\s*:\s*/i, '').trim();
				inCash = CASH_TYPES.test(type);
				if (inCash && out.type === null) out.type = type;
				inAccountBlock = false;
			} else if (/^account/i.test(header)) {
				inAccountBlock = true;
				inCash = false;
			}
			rec = null;
			return;
		}
		if (inAccountBlock) {
			if (l[0] === 'N' && !out.accountName) out.accountName = tidyOrNull(l.slice(1));
			if (l[0] === '^') inAccountBlock = false;
			return;
		}
		if (!inCash) return;
		if (l[0] === '^') {
			if (rec) out.records.push(rec);
			rec = null;
			checkRowCount(out.records.length, lineNo);
			return;
		}
		if (!RECORD_CODES.has(l[0])) {
			throw new ImportError(
				`Ligne ${lineNo} : « ${shown(l)} » n'est pas une ligne de relevé QIF (D date, T montant, P libellé, ^ fin d'opération).`,
				lineNo
			);
		}
		rec ??= newRec(lineNo);
		addField(rec, l[0], l.slice(1).trim(), lineNo);
	});
	const last = rec as Rec | null;
	if (last && (last.dateText || last.amountText)) out.records.push(last);
	return out;
}

/** Parses QIF text into one account (a card account for `!Type:CCard`). */
export function parseQif(text: string, dateOrderOption?: DateOrder): { accounts: ParsedAccount[]; warnings: string[] } {
	const { records, accountName, type } = readRecords(text);
	const order = requireDateOrder(
		records.filter((r) => r.dateText).map((r) => ({ text: r.dateText as string, line: r.dateLine })),
		dateOrderOption
	);
	const decimal = decideDecimal(
		records.map((r) => r.amountText ?? ''),
		'.'
	);
	const transactions: ParsedTransaction[] = [];
	const balances: ParsedBalance[] = [];
	for (const r of records) {
		if (!r.dateText) throw new ImportError(`Ligne ${r.line} : opération sans date (ligne D).`, r.line);
		const bookingDate = parseDateText(r.dateText, order);
		if (!bookingDate)
			throw new ImportError(`Ligne ${r.dateLine} : date illisible « ${shown(r.dateText)} ».`, r.dateLine);
		if (!r.amountText) throw new ImportError(`Ligne ${r.line} : opération sans montant (ligne T).`, r.line);
		const amount = readAmount(r.amountText, decimal, r.amountLine, 'T (montant)');
		if (r.payee && /^opening balance$/i.test(r.payee) && r.category?.startsWith('[')) {
			balances.push({ date: bookingDate, amount, kind: 'opening', line: r.line });
			continue;
		}
		// French banks write their whole label in P: it is the label, not a payee of the file's own
		const rawLabel = r.payee ?? r.memo ?? '';
		transactions.push({
			line: r.line,
			bookingDate,
			operationDate: operationDateFromLabel(rawLabel, bookingDate),
			amount,
			rawLabel,
			payee: null,
			memo: r.payee ? r.memo : null,
			bankId: null,
			bankCategory: r.category
		});
	}
	const warnings: string[] = [];
	if (/[{}]/.test(text) && /\w\{\w/.test(text)) {
		warnings.push(
			"Certains libellés de ce fichier QIF ont des accents remplacés par « { » (par ex. « Relev{ ») : c'est ainsi que la banque les a écrits."
		);
	}
	const card = type !== null && CARD_TYPES.test(type);
	return {
		accounts: [
			{
				accountNumber: null,
				iban: null,
				label: accountName,
				bankName: null,
				currency: 'EUR',
				transactions,
				balances,
				kind: card ? 'card' : 'bank',
				identified: false
			}
		],
		warnings
	};
}
