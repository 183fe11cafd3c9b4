/**
 * FROZEN REFERENCE — do not edit. The label normaliser as it was before its speed rewrite (commit 86b6326),
 * kept so that normalise-equivalence.test.ts can check that the optimised one gives the same output on a
 * large generated sample. Only the imports, the layout of its data lists and the dropped cache class differ.
 */
import type { Cents } from '$lib/money';
import type { IsoDate } from '$lib/dates';
import { foldText, isSingleCase, sanitiseText, titleCase } from './text-v1';
import type { NormaliseContext, NormalisedLabel, OperationType } from '$lib/server/rules/types';

export const MAX_LABEL_LENGTH = 1000;

// Operation type

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

const CARD_WORDS = new Set(['CB', 'CARTE', 'PAIEMENT', 'FACTURE', 'ACHAT']);
const DEBIT_WORDS = new Set(['PRLV', 'PRELEVEMENT', 'PRELEVT', 'PRLVT', 'PRELEV', 'PRELEVEMENTS']);
const TRANSFER_WORDS = new Set(['VIR', 'VIREMENT', 'VIRT', 'VRT', 'EVI', 'VIRSEPA']);

function firstWord(s: string): string {
	let end = 0;
	while (end < s.length) {
		const c = s.charCodeAt(end);
		if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) break;
		end++;
	}
	return s.slice(0, end);
}

function transferDirection(s: string, amount: Cents | undefined): OperationType {
	if (amount !== undefined && amount !== 0) return amount > 0 ? 'transfer_in' : 'transfer_out';
	return RE_TRANSFER_IN.test(s) && !RE_TRANSFER_OUT.test(s) ? 'transfer_in' : 'transfer_out';
}

function detectType(s: string, amount: Cents | undefined): OperationType {
	const w = firstWord(s);
	// Fast paths for the common prefixes; anything else goes through the full list below.
	if (CARD_WORDS.has(w) && !RE_CASH.test(s) && !RE_REFUND.test(s) && RE_CARD.test(s)) {
		return amount !== undefined && amount > 0 ? 'refund' : 'card';
	}
	if (DEBIT_WORDS.has(w)) return 'direct_debit';
	if (TRANSFER_WORDS.has(w)) return transferDirection(s, amount);
	return detectTypeSlow(s, amount);
}

function detectTypeSlow(s: string, amount: Cents | undefined): OperationType {
	if (RE_FEE.test(s)) return 'bank_fee';
	if (RE_REJECT.test(s)) return /PRLV|PRELEVEMENT|SDD/.test(s) ? 'direct_debit' : 'other';
	if (RE_CASH.test(s)) return 'cash_withdrawal';
	if (RE_REFUND.test(s)) return 'refund';
	if (RE_CARD.test(s)) return amount !== undefined && amount > 0 ? 'refund' : 'card';
	if (RE_DEBIT.test(s)) return 'direct_debit';
	if (RE_CHEQUE.test(s)) return 'cheque';
	if (RE_LOAN.test(s)) return 'loan_instalment';
	if (RE_TRANSFER.test(s)) return transferDirection(s, amount);
	return 'other';
}

// Card / operation date

function daysFromCivil(y: number, m: number, d: number): number {
	return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(y: number, m: number, d: number): boolean {
	if (!Number.isInteger(y) || m < 1 || m > 12 || d < 1) return false;
	const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
	return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]);
}

function iso(y: number, m: number, d: number): IsoDate {
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const RE_BOOKING = /^(\d{4})-(\d{2})-(\d{2})$/;

function buildDate(dd: string, mm: string, yy: string | undefined, bookingDate: IsoDate | undefined): IsoDate | null {
	const d = Number(dd);
	const m = Number(mm);
	if (yy !== undefined) {
		const y = yy.length === 4 ? Number(yy) : 2000 + Number(yy);
		return validDay(y, m, d) ? iso(y, m, d) : null;
	}
	if (bookingDate === undefined) return null;
	const b = RE_BOOKING.exec(bookingDate);
	if (!b) return null;
	const by = Number(b[1]);
	const bDays = daysFromCivil(by, Number(b[2]), Number(b[3]));
	for (const y of [by, by - 1]) {
		if (!validDay(y, m, d)) continue;
		const gap = bDays - daysFromCivil(y, m, d);
		if (gap >= 0 && gap < 60) return iso(y, m, d);
	}
	return null;
}

interface DatePattern {
	re: RegExp;
	cardOnly: boolean;
	may: (s: string) => boolean;
}

const DATE_PATTERNS: readonly DatePattern[] = [
	{
		re: /\b(?:FACTURE CARTE|REMBOURST CB) DU (\d{2})(\d{2})(\d{2})\b/,
		cardOnly: false,
		may: (s) => s.includes(' DU ')
	},
	{ re: /\bFACT (\d{2})(\d{2})(\d{2})\b/, cardOnly: false, may: (s) => s.includes('FACT ') },
	{
		re: /^(\d{2})(\d{2})(\d{2}) CB\*+\d{4}/,
		cardOnly: false,
		may: (s) => s.charCodeAt(0) >= 48 && s.charCodeAt(0) <= 57
	},
	{ re: /(?:^|\s)(\d{2})\/(\d{2})(?:\/(\d{4}|\d{2}))?(?=\s|$)/, cardOnly: true, may: (s) => s.includes('/') },
	{ re: /(?:^|\s)(\d{2})\.(\d{2})\.(\d{2})(?=\s|$)/, cardOnly: true, may: (s) => s.includes('.') },
	{
		re: /^(?:PAIEMENT (?:CB|PSC)|RETRAIT DAB) (\d{2})(\d{2})\b/,
		cardOnly: true,
		may: (s) => s.startsWith('PAIEMENT') || s.startsWith('RETRAIT')
	},
	{ re: /\bECH\/(\d{2})(\d{2})(\d{2})\b/, cardOnly: false, may: (s) => s.includes('ECH/') }
];

type DateParts = readonly [string, string, string | undefined];

function dateCandidates(s: string, type: OperationType): DateParts[] {
	const cardLike = type === 'card' || type === 'cash_withdrawal' || type === 'refund';
	const out: DateParts[] = [];
	for (const { re, cardOnly, may } of DATE_PATTERNS) {
		if (cardOnly && !cardLike) continue;
		if (!may(s)) continue;
		const m = re.exec(s);
		if (m) out.push([m[1], m[2], m[3]]);
	}
	return out;
}

function dateFromCandidates(candidates: readonly DateParts[], bookingDate: IsoDate | undefined): IsoDate | null {
	for (const [dd, mm, yy] of candidates) {
		const date = buildDate(dd, mm, yy, bookingDate);
		if (date) return date;
	}
	return null;
}

// SEPA identifiers

const RE_ICS = /(?:^|[^A-Z0-9])(FR\d{2}[A-Z0-9]{3}\d{6})(?![A-Z0-9])/;
const RE_RUM =
	/(?:\bMDT\/|\bMANDAT\s?(?:NO|N\.|N°)?\s?:?\s?|\bRUM\s?:?\s?|\bREF(?:ERENCE)?\.? (?:DU )?MANDAT\s?:?\s?)([A-Z0-9+][A-Z0-9+\-_.]{2,34})/;

// Payee

const RE_SG_DE =
	/\bDE: ?(.+?)(?= (?:ID|REF|MOTIF|PROVENANCE|MANDAT|DATE|IBAN|BIC|POUR|LIB|NOTRE REF|VOTRE REF|ICS|RUM) ?:|$)/;
const RE_SG_POUR =
	/\bPOUR: ?(.+?)(?= (?:ID|REF|MOTIF|PROVENANCE|MANDAT|DATE|IBAN|BIC|DE|LIB|NOTRE REF|VOTRE REF) ?:|$)/;
const RE_BNP_DE = /\/DE ([^/]+?)(?: \/|$)/;
const RE_BNP_BEN = /\/(?:BEN|POUR) ([^/]+?)(?: \/|$)/;

// prettier-ignore
const RE_PREFIX = new RegExp(
	'^(?:' +
		[
			'PAIEMENT PAR CARTE', 'PAIEMENT CB', 'PAIEMENT PSC', 'FACTURE CARTE(?: DU \\d{6})?',
			'REMBOURST CB(?: DU \\d{6})?', 'REMB(?:OURSEMENT)? CB', 'ACHAT CB', 'ACHAT CARTE', 'ACHAT TPE',
			'AVOIR(?: CARTE)?', 'CARTE(?: X\\d{4})?(?: REMBT)?', 'CB', 'PRLV SEPA', 'PRLV EUROPEEN',
			'PRELEVEMENT EUROPEEN', 'PRELEVEMENT SEPA', 'PRELEVEMENT DE', 'PRELEVEMENT', 'PRELEVT', 'PRLVT', 'PRLV',
			'VIR SEPA INST RECU', 'VIR SEPA RECU', 'VIR SEPA EMIS', 'VIR INST RECU', 'VIR INST EMIS', 'VIR INST',
			'VIR SEPA', 'VIR EUROPEEN EMIS', 'VIR EUROPEEN RECU', 'VIR RECU', 'VIR EMIS',
			'VIR CPTE A CPTE (?:EMIS|RECU)', 'VIR\\.? ?PERMANENT', 'VIREMENT EN VOTRE FAVEUR(?: DE)?',
			'VIREMENT EMIS(?: WEB)?', 'VIREMENT RECU(?: DE)?', 'VIREMENT SEPA(?: RECU| EMIS)?',
			'VIREMENT INSTANTANE(?: RECU| EMIS)?', 'VIREMENT DE', 'VIREMENT POUR', 'VIREMENT', 'VIR', 'EVI',
			'REJET (?:DE )?PRLV(?: SEPA)?', 'RETOUR PRLV(?: SEPA)?', 'IMPAYE PRLV(?: SEPA)?'
		].join('|') +
		')(?![A-Z0-9])[.:]?\\s*'
);

// Cities that card labels append after the merchant (biggest French cities; kept short on purpose).
// prettier-ignore
const CITIES = new Set([
	'PARIS', 'MARSEILLE', 'LYON', 'TOULOUSE', 'NICE', 'NANTES', 'STRASBOURG', 'MONTPELLIER', 'BORDEAUX', 'LILLE',
	'RENNES', 'REIMS', 'TOULON', 'GRENOBLE', 'DIJON', 'ANGERS', 'NIMES', 'VILLEURBANNE', 'CLERMONT FERRAND',
	'LE MANS', 'AIX EN PROVENCE', 'BREST', 'TOURS', 'AMIENS', 'LIMOGES', 'ANNECY', 'PERPIGNAN', 'METZ',
	'BESANCON', 'ORLEANS', 'ROUEN', 'MULHOUSE', 'CAEN', 'NANCY', 'ARGENTEUIL', 'MONTREUIL', 'ROUBAIX',
	'TOURCOING', 'AVIGNON', 'POITIERS', 'PAU', 'LA ROCHELLE', 'CALAIS', 'CANNES', 'BEZIERS', 'COLMAR', 'BOURGES',
	'VALENCE', 'QUIMPER', 'TROYES', 'LORIENT', 'NIORT', 'CHAMBERY', 'SAINT DENIS', 'ST DENIS', 'SAINT ETIENNE',
	'ST ETIENNE', 'CRETEIL', 'NANTERRE', 'VERSAILLES', 'BOBIGNY', 'EVRY', 'CERGY', 'MARLY', 'BIARRITZ', 'BAYONNE',
	'AJACCIO', 'BASTIA', 'DUNKERQUE', 'LE HAVRE', 'VANNES', 'SAINT MALO', 'LAVAL', 'CHARTRES', 'BLOIS',
	'ANGOULEME', 'CHOLET', 'ARRAS'
]);

const RE_COUNTRY = /^(?:IE|LU|NL|GB|DE|ES|IT|BE|US|PT|CH|SE|IRL|LUX|NLD|GBR|DEU|ESP|ITA|BEL|USA)$/;
const RE_GLUED_CITY = /^([A-Z&'.]*[A-Z&'.)])?\d{2,5}[A-Z]/;
const RE_GLUED_DIGITS = /([A-Z&])\d{2,}$/;
const LEGAL_FORMS = new Set(['SAS', 'SARL', 'SA', 'EURL', 'SNC', 'SASU']);
const RE_EDGE_PUNCT = /^[-.:/*,;_#+|]+|[-.:/*,;_#+|]+$/g;
const RE_LETTER = /[A-Za-z\u00c0-\u024f]/;

// prettier-ignore
const CUT_WORDS = new Set([
	'ID', 'REF', 'REF:', 'REF.', 'REFERENCE', 'REFERENCE:', 'MOTIF', 'MOTIF:', 'ICS', 'RUM', 'FACT', 'FACTURE',
	'DONT', 'MANDAT', 'ECHEANCE', 'CONTRAT', 'DOSSIER', 'NUMERO', 'PROVENANCE', 'PROVENANCE:', 'N.EMETTEUR',
	'N.EMETTEUR:', 'EMETTEUR', 'EMETTEUR:', '/MOTIF', '/REF', '/DE', '/LIB', 'ID:', 'LIB:', 'DATE:', 'IBAN',
	'IBAN:', 'BIC', 'BIC:', 'NO', 'N°', 'CLIENT', 'ABONNE', 'ADHERENT', 'PERIODE', 'PRLV', 'ECHEANCIER', 'CB',
	'CARTE'
]);
const CUT_PREFIXES = ['ECH/', 'MDT/', 'REF/', 'LIB/', 'ID/', 'REF:', 'ID:', 'RUM:', 'ICS:', 'NO:', 'N°'];

function digitCount(t: string): number {
	let n = 0;
	for (let i = 0; i < t.length; i++) {
		const c = t.charCodeAt(i);
		if (c >= 48 && c <= 57) n++;
	}
	return n;
}

function isNoiseToken(t: string, d: number): boolean {
	if (d === 0) return false;
	const c0 = t.charCodeAt(0);
	if (t.startsWith('CB*') || t.startsWith('CB:') || c0 === 42 /* * */) return true;
	if (c0 === 88 /* X */ && /^X+\d{4}$/.test(t)) return true;
	if (/^\d{4,6}X{4,}\d{0,6}$/.test(t)) return true;
	if (/^\d{2}[/.]\d{2}(?:[/.]\d{2,4})?$/.test(t)) return true;
	if (/^\d{2}H\d{2}$/.test(t)) return true;
	return false;
}

function isReferenceToken(t: string): boolean {
	const digits = digitCount(t);
	if (digits >= 4) return true;
	if (digits < 2 || t.length < 6 || digits === t.length) return false;
	return /\d[A-Z]|[A-Z]\d/.test(t) && !/^[A-Z&]+\d{2,3}$/.test(t);
}

function isNumeric(t: string): boolean {
	return t.length > 0 && digitCount(t) === t.length;
}

function cutsHere(t: string): boolean {
	if (CUT_WORDS.has(t)) return true;
	if (!t.includes('/') && !t.includes(':') && !t.includes('°')) return false;
	for (const p of CUT_PREFIXES) if (t.startsWith(p)) return true;
	return false;
}

function stripTrailingCity(tokens: string[]): string[] {
	for (const take of [3, 2, 1]) {
		if (tokens.length <= take) continue;
		const tail = tokens
			.slice(tokens.length - take)
			.join(' ')
			.replace(/-/g, ' ');
		if (CITIES.has(tail)) return tokens.slice(0, tokens.length - take);
	}
	return tokens;
}

function finish(tokens: string[]): string | null {
	const out: string[] = [];
	for (const t of tokens) {
		const clean = t.replace(RE_EDGE_PUNCT, '');
		if (clean.length > 0) out.push(clean);
	}
	while (out.length > 1 && LEGAL_FORMS.has(out[out.length - 1])) out.pop();
	while (out.length > 1 && (out[0] === 'DE' || out[0] === 'POUR' || out[0] === 'A')) out.shift();
	let text = out.join(' ');
	if (text.length === 0 || !RE_LETTER.test(text)) return null;
	if (text.length > 80) text = text.slice(0, 80).trim();
	return titleCase(text);
}

function payeeTokens(p: string, cardLike: boolean): string[] {
	const tokens = p.split(' ');
	const kept: string[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		if (t.length === 0) continue;
		if (t === 'DU' && i + 1 < tokens.length && /^\d{6}$/.test(tokens[i + 1])) {
			i++;
			continue;
		}
		if (t === 'A' && i + 1 < tokens.length && /^\d{2}H\d{2}$/.test(tokens[i + 1])) {
			i++;
			continue;
		}
		const digits = digitCount(t);
		if (isNoiseToken(t, digits)) continue;
		if (kept.length > 0 && cutsHere(t)) break;
		if (kept.length === 0 && (t === 'CB' || t === 'CARTE')) continue;
		if (cardLike) {
			if (kept.length === 0 && isNumeric(t) && t.length <= 3) continue; // BoursoBank département code
			if (kept.length === 0 && RE_COUNTRY.test(t) && i + 1 < tokens.length) continue;
			if (kept.length > 0 && isNumeric(t) && t.length >= 2) break; // store number, then city
			if (kept.length > 0 && digits >= 3 && isReferenceToken(t)) break;
			const glued = digits >= 2 ? RE_GLUED_CITY.exec(t) : null;
			if (glued) {
				if (glued[1] && glued[1].length >= 2) kept.push(glued[1]);
				if (kept.length > 0) break;
				continue;
			}
		} else if (kept.length > 0 && isReferenceToken(t)) {
			break;
		} else if (kept.length === 0 && (isNumeric(t) || isReferenceToken(t))) {
			continue;
		}
		kept.push(t);
	}
	if (cardLike && kept.length > 0) {
		const stripped = stripTrailingCity(kept);
		const last = stripped.length - 1;
		stripped[last] = stripped[last].replace(RE_GLUED_DIGITS, '$1');
		return stripped;
	}
	return kept;
}

function payeeFrom(s: string, type: OperationType): string | null {
	if (type === 'bank_fee' || type === 'cash_withdrawal' || type === 'cheque' || type === 'loan_instalment') {
		return null;
	}
	// Keyed formats first (SG "DE: … ID: …", BNP "/DE … /MOTIF …").
	if (s.includes(': ') || s.includes(':') || s.includes('/')) {
		const keyed =
			RE_SG_DE.exec(s) ??
			(type === 'transfer_out' ? (RE_SG_POUR.exec(s) ?? RE_BNP_BEN.exec(s)) : null) ??
			RE_BNP_DE.exec(s);
		if (keyed) {
			const v = finish(payeeTokens(keyed[1], false));
			if (v) return v;
		}
	}
	const cardLike = type === 'card' || type === 'refund';
	let p = s.replace(RE_PREFIX, '');
	if (/^\d{6} CB\*+\d{4}/.test(s)) p = s.slice(7);
	const cm = /^PAIEMENT (?:CB|PSC) \d{4} /.exec(s);
	if (cm) {
		// Crédit Mutuel / CIC: "PAIEMENT CB 0703 ARCUEIL FRANPRIX CARTE …": the city comes first.
		const rest = s.slice(cm[0].length).split(' ');
		if (rest.length >= 2) p = rest.slice(1).join(' ');
	}
	return finish(payeeTokens(p, cardLike));
}

export type SignClass = 'none' | 'debit' | 'zero' | 'credit';

export function signClass(amount: Cents | undefined): SignClass {
	if (amount === undefined) return 'none';
	return amount > 0 ? 'credit' : amount === 0 ? 'zero' : 'debit';
}

const CLASS_AMOUNT: Record<SignClass, Cents | undefined> = { none: undefined, debit: -1, zero: 0, credit: 1 };

export interface LabelAnalysis {
	operationType: OperationType;
	payee: string | null;
	ics: string | null;
	rum: string | null;
	search: string;
	dates: readonly DateParts[];
}

export function analyseLabel(raw: string, sign: SignClass): LabelAnalysis {
	const amount = CLASS_AMOUNT[sign];
	let clean = sanitiseText(typeof raw === 'string' ? raw : String(raw));
	if (clean.length > MAX_LABEL_LENGTH) clean = clean.slice(0, MAX_LABEL_LENGTH);
	let hint: string | null = null;
	let body = clean;
	const bar = clean.indexOf(' | ');
	if (bar > 0) {
		hint = clean.slice(0, bar).replace(/\s+/g, ' ').trim();
		body = clean.slice(bar + 3);
	}
	const search = foldText(clean);
	let s = bar > 0 ? foldText(body) : search;
	if (s.startsWith('*')) s = s.replace(/^\*+\s*/, '');
	const operationType = detectType(s, amount);
	const dates = dateCandidates(s, operationType);
	const icsMatch = RE_ICS.exec(s);
	const rumMatch = RE_RUM.exec(s);
	let payee: string | null;
	if (hint !== null && hint.length > 0 && RE_LETTER.test(hint)) {
		payee = isSingleCase(hint) ? titleCase(hint) : hint;
	} else {
		payee = payeeFrom(s, operationType);
	}
	return {
		operationType,
		payee,
		ics: icsMatch ? icsMatch[1] : null,
		rum: rumMatch ? rumMatch[1] : null,
		search,
		dates
	};
}

export function completeLabel(a: LabelAnalysis, bookingDate: IsoDate | undefined): NormalisedLabel {
	return {
		operationType: a.operationType,
		payee: a.payee,
		cardDate: a.dates.length === 0 ? null : dateFromCandidates(a.dates, bookingDate),
		ics: a.ics,
		rum: a.rum,
		search: a.search
	};
}

export function normaliseLabel(raw: string, context: NormaliseContext = {}): NormalisedLabel {
	return completeLabel(analyseLabel(raw, signClass(context.amount)), context.bookingDate);
}
