/**
 * Recognises bank incident, fee, seizure and credit lines from upper-cased, accent-stripped labels
 * (fragility.md §2 patterns; grow the lists from real imports). Pattern lists, not amounts.
 */

export type BankLineFamily =
	| 'intervention'
	| 'rejection_fee'
	| 'rejected_debit'
	| 'cheque_rejection'
	| 'letter'
	| 'standing_order'
	| 'card_block'
	| 'agios'
	| 'satd'
	| 'judicial_seizure';

/** Families counted as incidents and covered by the 25 €/20 € monthly caps. */
export const CAPPED_INCIDENT_FAMILIES: ReadonlySet<BankLineFamily> = new Set([
	'intervention',
	'rejection_fee',
	'cheque_rejection',
	'letter',
	'standing_order',
	'card_block'
]);

const PATTERNS: readonly [BankLineFamily, RegExp][] = [
	[
		'satd',
		/\b(FRAIS (SUR )?SATD|SATD|SAISIE ADMIN\w* TIERS DETENTEUR|BLOCAGE SAISIE ADM|FRAIS ATD|OPPOSITION ADMINISTRATIVE)\b/
	],
	['judicial_seizure', /\b(SAISIE ATTRIBUTION|SAISIE CONSERVATOIRE|FRAIS SAISIE)\b/],
	['cheque_rejection', /\b(CHQ REJETE|CHEQUE IMPAYE|FORFAIT REJET CHEQUE|LETTRE INJONCTION|REJET CHEQUE)\b/],
	[
		'rejection_fee',
		/\b(FRAIS (DE )?REJ(ET)? (DE )?PRL?V\w*|FRAIS PRELEVEMENT IMPAYE|FRAIS REJET SDD|FRAIS REJET VIR\w*)\b/
	],
	[
		'intervention',
		/\b(COMMISSIONS? D ?INTERVENTION|COMMISSION INTERVENTION|COM INTERV\w*|COM\.? INT\.?|FRAIS FORCAGE|COM IRREG FONCT)\b/
	],
	['letter', /\b(LETTRE INFO\w* COMPTE DEBITEUR|LETTRE INFORMATION|FRAIS LETTRE)\b/],
	['standing_order', /\bFRAIS NON EXEC\w* VIR\w* PERM\w*/],
	['card_block', /\b(FRAIS OPPOSITION CARTE|FRAIS DECL\w* BDF)\b/],
	['agios', /\b(INTERETS DEBITEURS|INT\.? DEBITEURS|AGIOS|ARRETE DE COMPTE|MINIMUM FORFAITAIRE)\b/],
	['rejected_debit', /\b(REJET PRL?V\w*|IMPAYE PRL?V\w*|RETOUR PRL?V\w*)\b/]
];

/** Upper-case, strip accents and apostrophes so patterns match bank abbreviations. */
export function foldLabel(label: string): string {
	return label
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toUpperCase()
		.replace(/['’]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The family of a bank line, or null. A rejected debit is a credit; fees and seizures are debits. */
export function classifyBankLine(label: string, amount: number): BankLineFamily | null {
	const folded = foldLabel(label);
	for (const [family, re] of PATTERNS) {
		if (!re.test(folded)) continue;
		if (family === 'rejected_debit') return amount > 0 ? family : null;
		if (amount >= 0) return null;
		return family;
	}
	return null;
}

/** Consumer-credit, revolving and split-payment lenders (fragility.md §6.a F14). */
const LENDERS: readonly [string, RegExp, boolean][] = [
	['Cofidis', /\bCOFIDIS\b/, false],
	['Cetelem', /\bCETELEM\b/, false],
	['Sofinco', /\bSOFINCO\b/, false],
	['Franfinance', /\bFRANFINANCE\b/, false],
	['Younited', /\bYOUNITED\b/, false],
	['Carrefour Banque', /\bCARREFOUR BANQUE\b/, false],
	['Floa', /\bFLOA\b/, true],
	['Oney', /\bONEY\b/, true],
	['Alma', /\bALMA\b/, true],
	['Klarna', /\bKLARNA\b/, true],
	['Scalapay', /\bSCALAPAY\b/, true],
	['PayPal 4x', /\bPAYPAL (4X|PAY IN 4|PAIEMENT EN 4)\b/, true]
];

/** The lender of a debit line and whether it is a split-payment (BNPL) provider, or null. */
export function lenderOf(label: string): { lender: string; split: boolean } | null {
	const folded = foldLabel(label);
	for (const [lender, re, split] of LENDERS) if (re.test(folded)) return { lender, split };
	return null;
}
