/**
 * OFX statements: 1.x SGML (the French norm: CHARSET:1252, unclosed tags, sometimes one line) and 2.x
 * XML, bank and card accounts, several statements per file. The sign of TRNAMT decides, never TRNTYPE.
 */
import { readAmount } from './amounts';
import { operationDateFromLabel, parseOfxDate } from './date-parse';
import { ImportError, incompleteFileError } from './errors';
import { findAll, findFirst, lastLine, parseMarkupDocument, type MarkupNode } from './markup';
import { MAX_ROWS } from './sniff';
import { tidy, tidyOrNull } from './text';
import type { ParsedAccount, ParsedBalance, ParsedTransaction } from './types';

function lineIndex(text: string): (offset: number) => number {
	const starts: number[] = [0];
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
	return (offset: number) => {
		let lo = 0;
		let hi = starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (starts[mid] <= offset) lo = mid;
			else hi = mid - 1;
		}
		return lo + 1;
	};
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
function assertAllRead(statement: MarkupNode, read: number, trnLine: Map<MarkupNode, number>): void {
	const all = findAll(statement, 'STMTTRN', true);
	if (all.length === read) return;
	const top = new Set(findAll(statement, 'STMTTRN'));
	const skipped = all.find((t) => !top.has(t)) as MarkupNode;
	const line = trnLine.get(skipped) ?? 1;
	throw new ImportError(
		`Ligne ${line} : l'opération précédente n'est pas fermée (balise </STMTTRN> absente), ce fichier OFX est mal formé : téléchargez-le à nouveau.`,
		line
	);
}

/** Parses OFX text into accounts. */
export function parseOfx(text: string): { accounts: ParsedAccount[]; warnings: string[] } {
	const start = text.search(/<OFX>/i);
	if (start === -1) throw new ImportError('Fichier OFX incomplet : la balise <OFX> est absente.');
	const body = text.slice(start);
	const lineOf = lineIndex(text);
	// each STMTTRN's line: find the offsets of the opening tags in order
	const trnOffsets: number[] = [];
	const re = /<STMTTRN\s*>/gi;
	let m: RegExpExecArray | null;
	while ((m = re.exec(body))) trnOffsets.push(start + m.index);
	if (trnOffsets.length > MAX_ROWS) {
		throw new ImportError(
			`Ce fichier a plus de ${MAX_ROWS.toLocaleString('fr-FR')} opérations : exportez une période plus courte.`
		);
	}
	const { root, truncated } = parseMarkupDocument(body, { upperCase: true, doubleDecode: true });
	// valid files close every aggregate (STMTTRN, BANKTRANLIST, STMTRS, the message set) and <OFX> itself
	if (truncated) throw incompleteFileError('OFX', lastLine(text));
	const statements = [...findAll(root, 'STMTRS'), ...findAll(root, 'CCSTMTRS')];
	const fiName = val(findFirst(root, 'FI'), 'ORG');
	const warnings: string[] = [];
	const accounts: ParsedAccount[] = [];
	// every STMTTRN, even one nested in a previous STMTTRN left open, so the n-th node is the n-th tag
	const allTrns = findAll(root, 'STMTTRN', true);
	const trnLine = new Map<MarkupNode, number>();
	allTrns.forEach((t, i) => trnLine.set(t, trnOffsets[i] !== undefined ? lineOf(trnOffsets[i]) : 1));
	for (const st of statements) {
		const from = findFirst(st, 'BANKACCTFROM') ?? findFirst(st, 'CCACCTFROM');
		const acctId = val(from, 'ACCTID');
		const accountType = val(from, 'ACCTTYPE') ?? (st.name === 'CCSTMTRS' ? 'CREDITCARD' : null);
		const transactions: ParsedTransaction[] = [];
		for (const trn of findAll(st, 'STMTTRN')) {
			const line = trnLine.get(trn) ?? 1;
			const posted = val(trn, 'DTPOSTED');
			const bookingDate = posted ? parseOfxDate(posted) : null;
			if (!bookingDate)
				throw new ImportError(`Ligne ${line} : date de l'opération (DTPOSTED) illisible « ${posted ?? ''} ».`, line);
			const amountText = val(trn, 'TRNAMT');
			if (!amountText) throw new ImportError(`Ligne ${line} : montant (TRNAMT) manquant.`, line);
			const amount = ofxAmount(amountText, line, 'TRNAMT');
			const user = val(trn, 'DTUSER');
			const name = val(trn, 'NAME') ?? val(findFirst(trn, 'PAYEE'), 'NAME');
			const memo = val(trn, 'MEMO');
			const rawLabel = tidy(
				[name, memo]
					.filter((s): s is string => !!s && s !== '')
					.filter((s, i, a) => a.indexOf(s) === i)
					.join(' ')
			);
			let operationDate = user ? parseOfxDate(user) : null;
			if (operationDate === bookingDate) operationDate = null;
			operationDate ??= operationDateFromLabel(rawLabel, bookingDate);
			transactions.push({
				line,
				bookingDate,
				operationDate,
				amount,
				rawLabel: rawLabel || (val(trn, 'TRNTYPE') ?? ''),
				payee: name,
				memo,
				bankId: val(trn, 'FITID')
			});
		}
		assertAllRead(st, transactions.length, trnLine);
		const balances: ParsedBalance[] = [];
		const ledger = findFirst(st, 'LEDGERBAL');
		const balText = val(ledger, 'BALAMT');
		const balDate = val(ledger, 'DTASOF');
		if (ledger && balText && balDate) {
			const line = 1;
			const date = parseOfxDate(balDate);
			if (date) balances.push({ date, amount: ofxAmount(balText, line, 'BALAMT'), kind: 'closing' });
		}
		accounts.push({
			accountNumber: acctId,
			iban:
				acctId && /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(acctId.replace(/\s/g, '')) ? acctId.replace(/\s/g, '') : null,
			label: accountType,
			bankName: fiName ?? val(from, 'BANKID'),
			currency: val(st, 'CURDEF') ?? 'EUR',
			transactions,
			balances
		});
	}
	if (statements.length === 0) throw new ImportError('Ce fichier OFX ne contient aucun relevé de compte (STMTRS).');
	return { accounts, warnings };
}
