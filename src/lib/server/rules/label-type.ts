/**
 * Operation type of a folded bank label, read from its prefix (the amount's sign breaking ties): card,
 * direct debit, transfer in or out, cash withdrawal, cheque, bank fee, loan instalment, refund, other.
 * Part of label normalisation (normalise.ts); see shared/domain/bank-formats.md §4.
 */
import type { Cents } from '$lib/money';
import type { OperationType } from './types';

const RE_FEE =
	/^(?:FRAIS|COMMISSIONS?|COMM?\.? ?INT(?:ERV(?:ENTION)?)?\b|COM IRREG|COTIS(?:ATION)?|COTIS\.|F COTIS|AGIOS|INTERETS? DEBITEURS|INT\.? DEBITEURS|ARRETE DE COMPTE|MINIMUM FORFAITAIRE|LETTRE|FORFAIT|TENUE DE COMPTE|COMCB|OFFRE GROUPEE|ABONNEMENT (?:OFFRE|FORMULE|BANCAIRE)|INTERETS DEBIT)/;
const RE_CASH =
	/^(?:RETRAIT|RET\.? ?DAB|DAB|GAB|RETRAIT AU DISTRIBUTEUR)\b|^CARTE MASTERCA(?:RD)? \d{2}\/\d{2}\/\d{2} A \d{2}H\d{2}|^CARTE (?:X?\d{4} )?RET(?:RAIT)?\b|\bRETRAIT (?:DAB|GAB|ESPECES|DISTRIBUTEUR|CB)\b/;
const RE_REFUND = /^(?:AVOIR|REMBOURST CB|REMB(?:OURSEMENT)? CB|REMBT CB|CARTE (?:X\d{4} )?REMBT)\b/;
const RE_CARD =
	/^(?:CB|CARTE|PAIEMENT (?:PAR )?CARTE|PAIEMENT CB|PAIEMENT PSC|FACTURE CARTE|ACHAT CB|ACHAT CARTE|ACHAT TPE)\b|^\d{6} CB\*+\d{4}|^CB\*/;
const RE_DEBIT = /^(?:PRLV|PRELEVEMENT|PRELEVT|PRLVT|PRELEV|ECHEANCE PRLV|PRLV SEPA|PRELEVEMENTS?)\b/;
const RE_CHEQUE = /^(?:CHEQUE|CHQ|CH\.|REM(?:ISE)? CHQ|REMISE CHEQUES?|REM CHEQUE|REMISE DE CHEQUES?)\b/;
const RE_LOAN =
	/^(?:ECH(?:EANCE)?\.? (?:DE )?(?:PRET|CREDIT)|AMORTISSEMENT PRET|REMBT PRET|REMBOURSEMENT PRET|REMB\.? PRET|PRET (?:IMMO|PERSO|CONSO|HABITAT|\d))/;
const RE_TRANSFER = /^(?:VIR|VIREMENT|VIRT|VRT|EVI|VIRSEPA)\b/;
const RE_TRANSFER_IN = /\b(?:RECU|RECUS|EN VOTRE FAVEUR|VIREMENT DE|VIR DE)\b|\/DE |\bDE: /;
const RE_TRANSFER_OUT = /\b(?:EMIS|VIREMENT POUR|VIREMENT A|VIR POUR|POUR:|\/BEN)\b|\bEMIS\b/;
const RE_REJECT = /^(?:REJET|RETOUR|IMPAYE|ANNULATION)\b/;
const RE_REJECTED_DEBIT = /PRLV|PRELEVEMENT|SDD/;

type Prefix = 'card' | 'debit' | 'transfer';

/** The first words that give the fast paths of detectType, by length. */
const PREFIX_WORDS = new Map<number, [word: string, prefix: Prefix][]>();
for (const [words, prefix] of [
	[['CB', 'CARTE', 'PAIEMENT', 'FACTURE', 'ACHAT'], 'card'],
	[['PRLV', 'PRELEVEMENT', 'PRELEVT', 'PRLVT', 'PRELEV', 'PRELEVEMENTS'], 'debit'],
	[['VIR', 'VIREMENT', 'VIRT', 'VRT', 'EVI', 'VIRSEPA'], 'transfer']
] as const) {
	for (const word of words) {
		const list = PREFIX_WORDS.get(word.length) ?? [];
		list.push([word, prefix]);
		PREFIX_WORDS.set(word.length, list);
	}
}

/** Length of the leading run of A–Z and 0–9. */
function firstWordLength(s: string): number {
	let end = 0;
	while (end < s.length) {
		const c = s.charCodeAt(end);
		if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) break;
		end++;
	}
	return end;
}

/** Which fast path the label's first word (of this length) opens, and that word, without cutting it out. */
function prefixOf(s: string, length: number): [word: string, prefix: Prefix] | null {
	const list = PREFIX_WORDS.get(length);
	if (list === undefined) return null;
	for (const entry of list) if (s.startsWith(entry[0])) return entry;
	return null;
}

function transferDirection(s: string, amount: Cents | undefined): OperationType {
	if (amount !== undefined && amount !== 0) return amount > 0 ? 'transfer_in' : 'transfer_out';
	return RE_TRANSFER_IN.test(s) && !RE_TRANSFER_OUT.test(s) ? 'transfer_in' : 'transfer_out';
}

/**
 * A label that starts with a card word is a card payment unless it is a withdrawal or a refund. Only some
 * alternatives of RE_CASH and RE_REFUND can match such a label; the checks before each regex are the
 * literal text those alternatives need, so the regexes run only when they can match.
 */
function isCardPayment(s: string, w: string): boolean {
	if ((w === 'CARTE' || s.includes('RETRAIT ')) && RE_CASH.test(s)) return false;
	if (w === 'CARTE' && RE_REFUND.test(s)) return false;
	return RE_CARD.test(s);
}

/** The operation type of a folded label (upper case, single spaces) for an amount of this sign. */
export function detectType(s: string, amount: Cents | undefined): OperationType {
	const first = prefixOf(s, firstWordLength(s));
	// Fast paths for the common prefixes; anything else goes through the full list below.
	if (first !== null) {
		const [w, prefix] = first;
		if (prefix === 'card' && isCardPayment(s, w)) return amount !== undefined && amount > 0 ? 'refund' : 'card';
		if (prefix === 'debit') return 'direct_debit';
		if (prefix === 'transfer') return transferDirection(s, amount);
	}
	return detectTypeSlow(s, amount);
}

function detectTypeSlow(s: string, amount: Cents | undefined): OperationType {
	if (RE_FEE.test(s)) return 'bank_fee';
	if (RE_REJECT.test(s)) return RE_REJECTED_DEBIT.test(s) ? 'direct_debit' : 'other';
	if (RE_CASH.test(s)) return 'cash_withdrawal';
	if (RE_REFUND.test(s)) return 'refund';
	if (RE_CARD.test(s)) return amount !== undefined && amount > 0 ? 'refund' : 'card';
	if (RE_DEBIT.test(s)) return 'direct_debit';
	if (RE_CHEQUE.test(s)) return 'cheque';
	if (RE_LOAN.test(s)) return 'loan_instalment';
	if (RE_TRANSFER.test(s)) return transferDirection(s, amount);
	return 'other';
}
