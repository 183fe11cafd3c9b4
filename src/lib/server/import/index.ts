/**
 * Entry point of the statement parser: bytes in, accounts with transactions and stated balances out.
 * The format and the bank layout are recognised from the content; everything that cannot be read
 * exactly rejects the whole file with an ImportError (French message, line).
 */
import { parseCamt } from './camt';
import { parseCsv, previewCsvText } from './csv';
import { decodeBytes, type DecodedText } from './encoding';
import { ImportError } from './errors';
import { parseOfx } from './ofx';
import { parseQif } from './qif';
import { checkRowCount } from './limits';
import { detectFormat, rejectBinaryText, rejectUnreadable } from './sniff';
import type { CsvPreview, ParsedAccount, ParsedStatement, ParseOptions } from './types';

export * from './types';
export { ImportError, NeedsMappingError, NeedsDateOrderError } from './errors';
export { normaliseForDedupe, dedupeKeys, findProbableDuplicates } from './dedupe';
export type { DuplicateCandidate, ProbableDuplicate } from './dedupe';
export { reconcile, statedClosingBalance } from './reconcile';
export type { BalanceGap } from './reconcile';
export { maskAccountNumber } from './mask';
export { CSV_LAYOUTS } from './csv';
export { parseMappingSpec } from './mapping-spec';
export {
	FREE_BLANK_LINES,
	MAX_ABS_AMOUNT_CENTS,
	MAX_CELL_CHARS,
	MAX_CELLS,
	MAX_COLUMNS,
	MAX_DEPTH,
	MAX_ELEMENTS,
	MAX_LINE_CHARS,
	MAX_LINES,
	MAX_ROWS,
	MAX_TAG_CHARS
} from './limits';

/**
 * Parses a bank statement file (CSV of a known French bank, OFX 1.x/2.x, QIF, camt.053).
 * Amounts are integer cents (negative = debit). Throws ImportError (or NeedsMappingError /
 * NeedsDateOrderError, which ask the person for more information) and nothing else.
 */
export function parseStatement(bytes: Uint8Array, options: ParseOptions = {}): ParsedStatement {
	try {
		return parse(bytes, options);
	} catch (e) {
		if (e instanceof ImportError) throw e;
		if (e instanceof RangeError && /call stack/i.test(e.message)) {
			throw new ImportError('Ce fichier est trop complexe pour être lu (structure trop imbriquée).');
		}
		throw new ImportError(
			`Ce fichier n'a pas pu être lu (${e instanceof Error ? e.message : String(e)}). Vérifiez qu'il s'agit bien d'un relevé CSV, OFX, QIF ou camt.053.`
		);
	}
}

/** The file's text, once it passed the checks every format shares (size, binary, empty). */
function readableText(bytes: Uint8Array, maxBytes: number | undefined): { text: string; decoded: DecodedText } {
	rejectUnreadable(bytes, maxBytes);
	const decoded = decodeBytes(bytes);
	const text = decoded.text.replace(/^\ufeff/, '');
	rejectBinaryText(text);
	if (text.trim() === '') throw new ImportError('Ce fichier est vide.');
	return { text, decoded };
}

/**
 * The preview of a CSV file (separator, header, columns, first rows, preamble, a guessed mapping), for
 * writing a mapping by hand (parseMappingSpec resolves header names with it). Throws ImportError.
 */
export function previewCsv(bytes: Uint8Array, options: { delimiter?: string; maxBytes?: number } = {}): CsvPreview {
	try {
		return previewCsvText(readableText(bytes, options.maxBytes).text, options.delimiter);
	} catch (e) {
		if (e instanceof ImportError) throw e;
		throw new ImportError(`Ce fichier n'a pas pu être lu (${e instanceof Error ? e.message : String(e)}).`);
	}
}

function parse(bytes: Uint8Array, options: ParseOptions): ParsedStatement {
	const { text, decoded } = readableText(bytes, options.maxBytes);
	const format =
		options.format && options.format !== 'auto' ? options.format : options.mapping ? 'csv' : detectFormat(text);
	const warnings = [...decoded.warnings];
	let statement: ParsedStatement;
	switch (format) {
		case 'ofx': {
			const r = parseOfx(text);
			statement = {
				format,
				layout: null,
				encoding: decoded.encoding,
				accounts: r.accounts,
				warnings: [...warnings, ...r.warnings],
				pendingSkipped: 0
			};
			break;
		}
		case 'camt053': {
			const r = parseCamt(text);
			statement = {
				format,
				layout: null,
				encoding: decoded.encoding,
				accounts: r.accounts,
				warnings: [...warnings, ...r.warnings],
				pendingSkipped: r.pendingSkipped
			};
			break;
		}
		case 'qif': {
			const r = parseQif(text, options.dateOrder);
			statement = {
				format,
				layout: null,
				encoding: decoded.encoding,
				accounts: r.accounts,
				warnings: [...warnings, ...r.warnings],
				pendingSkipped: 0
			};
			break;
		}
		default: {
			const r = parseCsv(text, { mapping: options.mapping, dateOrder: options.dateOrder });
			statement = {
				format: 'csv',
				layout: r.layout,
				encoding: decoded.encoding,
				accounts: r.accounts,
				warnings: [...warnings, ...r.warnings],
				pendingSkipped: r.pendingSkipped
			};
		}
	}
	const count = statement.accounts.reduce((n, a) => n + a.transactions.length, 0);
	checkRowCount(count);
	if (count === 0) {
		throw new ImportError(
			statement.pendingSkipped > 0
				? 'Ce fichier ne contient que des opérations en attente : réessayez quand elles seront comptabilisées.'
				: 'Aucune opération trouvée dans ce fichier.'
		);
	}
	statement.accounts = statement.accounts
		.filter((a) => a.transactions.length > 0 || a.balances.length > 0)
		.map((a) => ({ ...a, kind: a.kind ?? 'bank', identified: identifies(a) }));
	return statement;
}

/** True when the file says which account this is: an IBAN, or an account or card number with a digit. */
function identifies(a: ParsedAccount): boolean {
	if (a.identified === false) return false;
	return a.iban !== null || /\d/.test(a.accountNumber ?? '');
}
