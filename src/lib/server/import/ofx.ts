/**
 * OFX statements: 1.x SGML (the French norm: CHARSET:1252, unclosed tags, sometimes one line) and 2.x
 * XML, bank and card accounts, several statements per file. The sign of TRNAMT decides, never TRNTYPE,
 * except on a deferred card's statement that writes its purchases as positive amounts.
 */
import { readAmount } from './amounts';
import { operationDateFromLabel, parseOfxDate } from './date-parse';
import { ImportError, incompleteFileError } from './errors';
import { findAll, findFirst, lastLine, parseMarkupDocument, type MarkupNode } from './markup';
import { cardLabel, spendingIsPositive } from './cards';
import { checkRowCount, MAX_ROWS, shown } from './limits';
import { tidy, tidyOrNull } from './text';
import type { ParsedAccount, ParsedBalance, ParsedTransaction } from './types';

/** 1-based line of a character offset. */
function lineOfOffset(text: string, offset: number): number {
	let line = 1;
	for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
	return line;
}

function val(node: MarkupNode | null, name: string): string | null {
	const n = findFirst(node, name);
	return n ? tidyOrNull(n.text) : null;
}

/** OFX amounts never group thousands: the only separator present is the decimal mark. */
function ofxAmount(text: string, line: number, field: string): number {
	const decimal = text.includes(',') && !text.includes('.') ? ',' : '.';
	return readAmount(text, decimal, line, field);
}

/** A STMTTRN nested in an unclosed previous one would be skipped: refuse rather than drop it silently. */
function assertAllRead(statement: MarkupNode, read: number): void {
	const all = findAll(statement, 'STMTTRN', true);
	if (all.length === read) return;
	const top = new Set(findAll(statement, 'STMTTRN'));
	const skipped = all.find((t) => !top.has(t)) as MarkupNode;
	const line = skipped.line;
	throw new ImportError(
		`Ligne ${line} : l'opération précédente n'est pas fermée (balise </STMTTRN> absente), ce fichier OFX est mal formé : téléchargez-le à nouveau.`,
		line
	);
}

interface OfxRow {
	tx: ParsedTransaction;
	type: string | null;
}

/** One STMTTRN: dates, amount, NAME (the file's payee) then MEMO as the label. */
function readTransaction(trn: MarkupNode): OfxRow {
	const line = trn.line;
	const posted = val(trn, 'DTPOSTED');
	const bookingDate = posted ? parseOfxDate(posted) : null;
	if (!bookingDate)
		throw new ImportError(`Ligne ${line} : date de l'opération (DTPOSTED) illisible « ${shown(posted ?? '')} ».`, line);
	const amountText = val(trn, 'TRNAMT');
	if (!amountText) throw new ImportError(`Ligne ${line} : montant (TRNAMT) manquant.`, line);
	const amount = ofxAmount(amountText, line, 'TRNAMT');
	const user = val(trn, 'DTUSER');
	const name = val(trn, 'NAME') ?? val(findFirst(trn, 'PAYEE'), 'NAME');
	const memo = val(trn, 'MEMO');
	const type = val(trn, 'TRNTYPE');
	const rawLabel = tidy(
		[name, memo]
			.filter((s): s is string => !!s && s !== '')
			.filter((s, i, a) => a.indexOf(s) === i)
			.join(' ')
	);
	let operationDate = user ? parseOfxDate(user) : null;
	if (operationDate === bookingDate) operationDate = null;
	operationDate ??= operationDateFromLabel(rawLabel, bookingDate);
	return {
		type,
		tx: {
			line,
			bookingDate,
			operationDate,
			amount,
			rawLabel: rawLabel || (type ?? ''),
			payee: name,
			memo,
			bankId: val(trn, 'FITID')
		}
	};
}

/**
 * One statement: a bank account (STMTRS) or a card account (CCSTMTRS, kind 'card', named "Carte ••••
 * 1234"). A card statement that writes its purchases as positive amounts is read with every sign reversed,
 * its balance included, so that purchases are spending.
 */
function readStatement(st: MarkupNode, fiName: string | null, warnings: string[]): ParsedAccount {
	const card = st.name === 'CCSTMTRS';
	const from = findFirst(st, 'BANKACCTFROM') ?? findFirst(st, 'CCACCTFROM');
	const acctId = val(from, 'ACCTID');
	const rows = findAll(st, 'STMTTRN').map(readTransaction);
	assertAllRead(st, rows.length);
	const balances: ParsedBalance[] = [];
	const ledger = findFirst(st, 'LEDGERBAL');
	const balText = val(ledger, 'BALAMT');
	const balDate = val(ledger, 'DTASOF');
	if (ledger && balText && balDate) {
		const line = ledger.line;
		const date = parseOfxDate(balDate);
		if (date) balances.push({ date, amount: ofxAmount(balText, line, 'BALAMT'), kind: 'closing', line });
	}
	const reversed = card && spendingIsPositive(rows.map((r) => ({ type: r.type, amount: r.tx.amount })));
	if (reversed) {
		for (const r of rows) r.tx.amount = -r.tx.amount;
		for (const b of balances) b.amount = -b.amount;
		warnings.push(
			`Relevé de carte à débit différé (${cardLabel(acctId)}) : le fichier écrit les achats en positif, ils sont lus comme des dépenses.`
		);
	}
	const compact = acctId?.replace(/\s/g, '') ?? '';
	return {
		accountNumber: acctId,
		iban: !card && /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact) ? compact : null,
		label: card ? cardLabel(acctId) : val(from, 'ACCTTYPE'),
		bankName: fiName ?? val(from, 'BANKID'),
		currency: val(st, 'CURDEF') ?? 'EUR',
		transactions: rows.map((r) => r.tx),
		balances,
		kind: card ? 'card' : 'bank'
	};
}

/** Parses OFX text into accounts. */
export function parseOfx(text: string): { accounts: ParsedAccount[]; warnings: string[] } {
	const start = text.search(/<OFX>/i);
	if (start === -1) throw new ImportError('Fichier OFX incomplet : la balise <OFX> est absente.');
	const { root, truncated } = parseMarkupDocument(
		text.slice(start),
		{ upperCase: true, doubleDecode: true },
		lineOfOffset(text, start)
	);
	// valid files close every aggregate (STMTTRN, BANKTRANLIST, STMTRS, the message set) and <OFX> itself
	if (truncated) throw incompleteFileError('OFX', lastLine(text));
	const allTrns = findAll(root, 'STMTTRN', true);
	checkRowCount(allTrns.length, allTrns[MAX_ROWS]?.line ?? null);
	const statements = [...findAll(root, 'STMTRS'), ...findAll(root, 'CCSTMTRS')];
	const fiName = val(findFirst(root, 'FI'), 'ORG');
	const warnings: string[] = [];
	const accounts = statements.map((st) => readStatement(st, fiName, warnings));
	if (statements.length === 0) throw new ImportError('Ce fichier OFX ne contient aucun relevé de compte (STMTRS).');
	return { accounts, warnings };
}
