/**
 * QIF statements (French banks' `!Type:Bank`/`!Type:Banque`, US Quicken): records of D/T/P/M/N/L lines
 * ended by `^`. The date order (dd/mm or mm/dd) is decided from the whole file; amounts like `T-2,152.09`,
 * `T-.01`, `T+1,500.00`. Investment, category and class sections are ignored.
 */
import { decideDecimal, readAmount } from './amounts';
import { operationDateFromLabel, parseDateText, requireDateOrder } from './date-parse';
import { ImportError } from './errors';
import { MAX_ROWS } from './sniff';
import { tidyOrNull } from './text';
import type { DateOrder, ParsedAccount, ParsedBalance, ParsedTransaction } from './types';

const CASH_TYPES = /^(bank|banque|cash|ccard|oth a|oth l|carte|liquide)/i;

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

function qifDate(s: string): string {
	return s.replace(/\s+/g, '').replace(/'/g, '/');
}

/** Parses QIF text into one account. */
export function parseQif(text: string, dateOrderOption?: DateOrder): { accounts: ParsedAccount[]; warnings: string[] } {
	const lines = text.split(/\r\n|\r|\n/);
	const records: Rec[] = [];
	let inCash = false;
	let sawType = false;
	let rec: Rec | null = null;
	let accountName: string | null = null;
	let inAccountBlock = false;
	const newRec = (line: number): Rec => ({
		line,
		dateText: null,
		dateLine: line,
		amountText: null,
		amountLine: line,
		payee: null,
		memo: null,
		number: null,
		category: null
	});
	for (let i = 0; i < lines.length; i++) {
		const raw = lines[i];
		const lineNo = i + 1;
		const l = raw.trim();
		if (l === '') continue;
		if (l.startsWith('!')) {
			const header = l.slice(1);
			if (/^type\s*:/i.test(header)) {
				sawType = true;
				inCash = CASH_TYPES.test(header.replace(/^type\s*:\s*/i, ''));
				inAccountBlock = false;
			} else if (/^account/i.test(header)) {
				inAccountBlock = true;
				inCash = false;
			} else if (/^(option|clear)/i.test(header)) {
				/* options: nothing to do */
			}
			rec = null;
			continue;
		}
		if (inAccountBlock) {
			if (l[0] === 'N' && !accountName) accountName = tidyOrNull(l.slice(1));
			if (l[0] === '^') inAccountBlock = false;
			continue;
		}
		if (!inCash) continue;
		if (l[0] === '^') {
			if (rec) records.push(rec);
			rec = null;
			continue;
		}
		rec ??= newRec(lineNo);
		const code = l[0];
		const value = l.slice(1).trim();
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
		if (records.length > MAX_ROWS)
			throw new ImportError(`Ce fichier a plus de ${MAX_ROWS.toLocaleString('fr-FR')} opérations.`);
	}
	if (rec && (rec.dateText || rec.amountText)) records.push(rec);
	if (!sawType) throw new ImportError('Fichier QIF sans section « !Type » : il ne peut pas être lu.');
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
		if (!bookingDate) throw new ImportError(`Ligne ${r.dateLine} : date illisible « ${r.dateText} ».`, r.dateLine);
		if (!r.amountText) throw new ImportError(`Ligne ${r.line} : opération sans montant (ligne T).`, r.line);
		const amount = readAmount(r.amountText, decimal, r.amountLine, 'T (montant)');
		if (r.payee && /^opening balance$/i.test(r.payee) && r.category?.startsWith('[')) {
			balances.push({ date: bookingDate, amount, kind: 'opening', line: r.line });
			continue;
		}
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
	return {
		accounts: [
			{ accountNumber: null, iban: null, label: accountName, bankName: null, currency: 'EUR', transactions, balances }
		],
		warnings
	};
}
