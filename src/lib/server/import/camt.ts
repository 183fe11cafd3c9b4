/**
 * ISO 20022 camt.053 statements (001.02 to 001.08; camt.052 reports read the same way): booked entries
 * only, sign from CdtDbtInd, AcctSvcrRef as the bank id, OPBD/CLBD balances, the counterparty the entry
 * names as its payee and a label built the way the bank prints it.
 */
import { readAmount } from './amounts';
import { parseIsoDateTime } from './date-parse';
import { ImportError, incompleteFileError } from './errors';
import { at, child, findAll, findFirst, lastLine, parseMarkupDocument, textAt, type MarkupNode } from './markup';
import { checkRowCount, MAX_ROWS, shown } from './limits';
import { tidy, tidyOrNull } from './text';
import type { ParsedAccount, ParsedBalance, ParsedTransaction } from './types';

function dateOf(node: MarkupNode | null): string | null {
	if (!node) return null;
	const t = textAt(node, 'Dt') ?? textAt(node, 'DtTm');
	return t ? parseIsoDateTime(t) : null;
}

function signed(node: MarkupNode, line: number, field: string): number {
	const amt = textAt(node, 'Amt');
	if (!amt) throw new ImportError(`Ligne ${line} : montant (${field}) manquant.`, line);
	const cents = readAmount(amt, '.', line, field);
	const ind = textAt(node, 'CdtDbtInd');
	if (ind !== 'CRDT' && ind !== 'DBIT')
		throw new ImportError(`Ligne ${line} : sens de l'opération (CdtDbtInd) illisible « ${shown(ind ?? '')} ».`, line);
	return ind === 'DBIT' ? -Math.abs(cents) : Math.abs(cents);
}

function partyName(node: MarkupNode | null): string | null {
	if (!node) return null;
	return tidyOrNull(textAt(node, 'Nm') ?? textAt(node, 'Pty/Nm'));
}

/**
 * The counterparty the entry names (RltdPties): the creditor of a debit, the debtor of a credit, the
 * other way round for a reversal (a rejected direct debit credits the account and names its creditor);
 * never the account's own holder when the file names it.
 */
function counterparty(entry: MarkupNode, tx: MarkupNode | null, amount: number, owner: string | null): string | null {
	const parties = tx ? child(tx, 'RltdPties') : null;
	if (!parties) return null;
	const reversal = textAt(entry, 'RvslInd') === 'true';
	const order = amount < 0 !== reversal ? ['Cdtr', 'UltmtCdtr', 'Dbtr'] : ['Dbtr', 'UltmtDbtr', 'Cdtr'];
	const same = (n: string) => owner !== null && n.toUpperCase() === owner.toUpperCase();
	for (const role of order) {
		const name = partyName(child(parties, role));
		if (name && !same(name)) return name;
	}
	return null;
}

/** Joins label parts in order, leaving out a part the text so far already holds. */
function joinNew(parts: (string | null)[]): string {
	let out = '';
	for (const p of parts) {
		if (!p) continue;
		if (out.toUpperCase().includes(p.toUpperCase())) continue;
		out = out ? `${out} ${p}` : p;
	}
	return out;
}

/**
 * Label, payee and memo of an entry the way a French bank prints it on paper: its own entry text
 * (AddtlNtryInf, e.g. `REJET PRLV SEPA …` or `VIR SEPA EMIS`), then the counterparty, then the remittance
 * information (Ustrd, e.g. `Echéance 03/2026`), each left out when what comes before already holds it
 * (a remittance that starts with the counterparty's name keeps it in first place). Without any of them:
 * AddtlTxInf, then the bank transaction code. The memo keeps AddtlTxInf when the label does not hold it.
 */
function entryTexts(
	entry: MarkupNode,
	amount: number,
	owner: string | null
): { rawLabel: string; payee: string | null; memo: string | null } {
	const tx = findFirst(entry, 'TxDtls');
	const payee = counterparty(entry, tx, amount, owner);
	const ustrd = tx
		? findAll(tx, 'Ustrd')
				.map((u) => tidy(u.text))
				.filter(Boolean)
				.join(' ')
		: '';
	const addtlEntry = tidyOrNull(textAt(entry, 'AddtlNtryInf'));
	const addtlTx = tx ? tidyOrNull(textAt(tx, 'AddtlTxInf')) : null;
	const remittanceFirst = payee !== null && ustrd.toUpperCase().includes(payee.toUpperCase());
	let rawLabel = joinNew([addtlEntry, remittanceFirst ? null : payee, ustrd]);
	let memo: string | null = null;
	if (rawLabel === '') {
		rawLabel = addtlTx ?? tidy(textAt(entry, 'BkTxCd/Prtry/Cd') ?? textAt(entry, 'BkTxCd/Domn/Fmly/SubFmlyCd'));
	} else if (addtlTx && !rawLabel.toUpperCase().includes(addtlTx.toUpperCase())) memo = addtlTx;
	return { rawLabel, payee, memo };
}

/** A SEPA creditor identifier: country, check digits, business code, national id (FR12ZZZ123456). */
const ICS = /^[A-Z]{2}\d{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/;

/** The SEPA direct-debit mandate (RUM) and creditor identifier (ICS) of a transaction, when given. */
function sepaReferences(tx: MarkupNode | null): { mandateId?: string; creditorId?: string } {
	const out: { mandateId?: string; creditorId?: string } = {};
	const mandate = tx ? tidyOrNull(textAt(tx, 'Refs/MndtId')) : null;
	const creditor =
		[
			'RltdPties/CdtrSchmeId/Id/PrvtId/Othr/Id',
			'RltdPties/Cdtr/Id/PrvtId/Othr/Id',
			'RltdPties/Cdtr/Pty/Id/PrvtId/Othr/Id'
		]
			.map((path) => (tx ? tidyOrNull(textAt(tx, path)) : null))
			.find((id) => id !== null && ICS.test(id)) ?? null;
	if (mandate) out.mandateId = mandate;
	if (creditor) out.creditorId = creditor;
	return out;
}

/** Parses camt.053 (or .052) XML text into accounts; counts pending entries. */
export function parseCamt(text: string): { accounts: ParsedAccount[]; warnings: string[]; pendingSkipped: number } {
	const ns = /camt\.(05[23])\.001\.(\d{2})/.exec(text.slice(0, 4096));
	const warnings: string[] = [];
	if (!ns) throw new ImportError("Ce fichier XML n'est pas un relevé camt.053.");
	const version = Number(ns[2]);
	if (version < 2 || version > 8)
		warnings.push(`Version camt.${ns[1]}.001.${ns[2]} non testée : vérifiez les opérations importées.`);
	if (ns[1] === '052')
		warnings.push(
			'Ce fichier est un relevé intrajournalier (camt.052) : seules les opérations comptabilisées sont importées.'
		);
	const { root, truncated } = parseMarkupDocument(text);
	// a complete document closes <Document> and every <Stmt> and <Ntry> in it
	if (truncated) throw incompleteFileError(`camt.${ns[1]}`, lastLine(text));
	const entries = findAll(root, 'Ntry');
	checkRowCount(entries.length, entries[MAX_ROWS]?.line ?? null);
	const statements = [...findAll(root, 'Stmt'), ...findAll(root, 'Rpt')];
	if (statements.length === 0) throw new ImportError('Ce fichier camt ne contient aucun relevé (Stmt).');
	let pendingSkipped = 0;
	const accounts: ParsedAccount[] = [];
	for (const st of statements) {
		if (textAt(st, 'CpyDplctInd') === 'DUPL') {
			warnings.push(
				'Ce relevé camt est marqué comme duplicata (CpyDplctInd=DUPL) : ses opérations ont peut-être déjà été importées.'
			);
		}
		const acct = child(st, 'Acct');
		const owner = tidyOrNull(textAt(acct, 'Ownr/Nm'));
		const balances: ParsedBalance[] = [];
		for (const bal of st.children.filter((c) => c.name === 'Bal')) {
			const code = textAt(bal, 'Tp/CdOrPrtry/Cd');
			const kind = code === 'OPBD' || code === 'PRCD' ? 'opening' : code === 'CLBD' ? 'closing' : null;
			if (!kind) continue;
			const line = bal.line;
			const date = dateOf(child(bal, 'Dt'));
			if (date) balances.push({ date, amount: signed(bal, line, 'Bal/Amt'), kind, line });
		}
		const transactions: ParsedTransaction[] = [];
		for (const ntry of st.children.filter((c) => c.name === 'Ntry')) {
			const line = ntry.line;
			const sts = textAt(ntry, 'Sts/Cd') ?? textAt(ntry, 'Sts');
			if (sts && sts !== 'BOOK') {
				if (sts === 'PDNG' || sts === 'INFO') pendingSkipped++;
				continue;
			}
			const bookingDate = dateOf(child(ntry, 'BookgDt')) ?? dateOf(child(ntry, 'ValDt'));
			if (!bookingDate) throw new ImportError(`Ligne ${line} : date de comptabilisation (BookgDt) illisible.`, line);
			const amount = signed(ntry, line, 'Ntry/Amt');
			const { rawLabel, payee, memo } = entryTexts(ntry, amount, owner);
			const tx = findFirst(ntry, 'TxDtls');
			transactions.push({
				line,
				bookingDate,
				operationDate: null,
				amount,
				rawLabel,
				payee,
				memo,
				bankId: textAt(ntry, 'AcctSvcrRef') ?? textAt(ntry, 'NtryRef') ?? (tx ? textAt(tx, 'Refs/AcctSvcrRef') : null),
				...sepaReferences(tx)
			});
		}
		const ibanText = textAt(acct, 'Id/IBAN');
		accounts.push({
			accountNumber: ibanText ?? textAt(acct, 'Id/Othr/Id'),
			iban: ibanText,
			label: textAt(acct, 'Nm'),
			bankName:
				textAt(acct, 'Svcr/FinInstnId/Nm') ??
				textAt(acct, 'Svcr/FinInstnId/BICFI') ??
				textAt(acct, 'Svcr/FinInstnId/BIC'),
			currency: textAt(acct, 'Ccy') ?? at(st, 'Bal/Amt')?.attrs['Ccy'] ?? 'EUR',
			transactions,
			balances
		});
	}
	return { accounts, warnings, pendingSkipped };
}
