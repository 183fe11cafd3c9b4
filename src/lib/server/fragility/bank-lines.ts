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

/** Upper-case, strip accents and apostrophes (no cache). */
function fold(label: string): string {
	return label
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toUpperCase()
		.replace(/['’]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Distinct labels remembered: bank labels repeat a lot, and the fees and fragility checks fold each
 * label of the history several times (100,000 rows of 13 years were folded four times after an import). */
const FOLD_CACHE_SIZE = 20_000;
const folded = new Map<string, string>();
/** The pattern family of each folded label, before the amount's sign is looked at (null: none). */
const families = new Map<string, BankLineFamily | null>();

/** Upper-case, strip accents and apostrophes so patterns match bank abbreviations. */
export function foldLabel(label: string): string {
	let f = folded.get(label);
	if (f === undefined) {
		f = fold(label);
		if (folded.size >= FOLD_CACHE_SIZE) folded.clear();
		folded.set(label, f);
	}
	return f;
}

function patternFamily(foldedLabel: string): BankLineFamily | null {
	let family = families.get(foldedLabel);
	if (family === undefined) {
		family = null;
		for (const [name, re] of PATTERNS) {
			if (re.test(foldedLabel)) {
				family = name;
				break;
			}
		}
		if (families.size >= FOLD_CACHE_SIZE) families.clear();
		families.set(foldedLabel, family);
	}
	return family;
}

/** The family of a bank line, or null. A rejected debit is a credit; fees and seizures are debits. */
export function classifyBankLine(label: string, amount: number): BankLineFamily | null {
	const family = patternFamily(foldLabel(label));
	if (family === null) return null;
	if (family === 'rejected_debit') return amount > 0 ? family : null;
	if (amount >= 0) return null;
	return family;
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
