/**
 * ISO 20022 camt.053 statements (001.02 to 001.08; camt.052 reports read the same way): booked entries
 * only, sign from CdtDbtInd, AcctSvcrRef as the bank id, OPBD/CLBD balances.
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
	return textAt(node, 'Nm') ?? textAt(node, 'Pty/Nm');
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
			const tx = findFirst(ntry, 'TxDtls');
			const parties = tx ? child(tx, 'RltdPties') : null;
			const payee = amount < 0 ? partyName(child(parties, 'Cdtr')) : partyName(child(parties, 'Dbtr'));
			const ustrd = tx
				? findAll(tx, 'Ustrd')
						.map((u) => tidy(u.text))
						.filter(Boolean)
						.join(' ')
				: '';
			const addtl = tidyOrNull(textAt(ntry, 'AddtlNtryInf')) ?? (tx ? tidyOrNull(textAt(tx, 'AddtlTxInf')) : null);
			const rawLabel = ustrd || addtl || payee || tidy(textAt(ntry, 'BkTxCd/Prtry/Cd')) || '';
			transactions.push({
				line,
				bookingDate,
				operationDate: null,
				amount,
				rawLabel,
				payee,
				memo: ustrd && addtl && addtl !== ustrd ? addtl : null,
				bankId: textAt(ntry, 'AcctSvcrRef') ?? textAt(ntry, 'NtryRef') ?? (tx ? textAt(tx, 'Refs/AcctSvcrRef') : null)
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
