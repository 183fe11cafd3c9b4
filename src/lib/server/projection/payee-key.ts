/**
 * Grouping key of a transaction for recurring detection: the payee, or failing that the label, stripped
 * of what changes between two occurrences — month names (French, English, abbreviated), years, dates,
 * "ECHEANCE 09/2026", references and counters — so that "VIREMENT DE SAS X SALAIRE AOUT 2026" and
 * "… SEPTEMBRE 2026" are one monthly salary. The label itself keeps them; only the key drops them.
 */

const OPERATION_WORDS = new Set([
	'PRLV',
	'PRELEVEMENT',
	'PRELEV',
	'EUROPEEN',
	'SEPA',
	'SDD',
	'VIR',
	'VIREMENT',
	'VIRT',
	'INST',
	'CB',
	'CARTE',
	'PAIEMENT',
	'RECU',
	'EMIS',
	'DE',
	'DU',
	'DES',
	'LA',
	'LE',
	'ECH',
	'ECHEANCE',
	'REF',
	'MANDAT',
	'MOTIF',
	'FACTURE',
	'FACT',
	'NUM',
	'NO',
	'CLIENT',
	'PERMANENT',
	'PAR',
	'POUR',
	'ORDRE',
	'DATE',
	'RUM',
	'ICS'
]);

/** Words after which the next word is a reference or a number that changes every time. */
const REFERENCE_MARKERS = new Set([
	'REF',
	'REFERENCE',
	'RUM',
	'ICS',
	'MANDAT',
	'NUM',
	'NO',
	'ID',
	'TRANSACTION',
	'DOSSIER'
]);

const MONTH_NAMES = [
	'JANVIER',
	'FEVRIER',
	'MARS',
	'AVRIL',
	'MAI',
	'JUIN',
	'JUILLET',
	'AOUT',
	'SEPTEMBRE',
	'OCTOBRE',
	'NOVEMBRE',
	'DECEMBRE',
	'JANUARY',
	'FEBRUARY',
	'MARCH',
	'APRIL',
	'MAY',
	'JUNE',
	'JULY',
	'AUGUST',
	'SEPTEMBER',
	'OCTOBER',
	'NOVEMBER',
	'DECEMBER'
];

/**
 * Every month name and every abbreviation of one (its first three letters or more: JANV, SEPT, NOVE, AUG),
 * except "MARC", a first name more often than a month.
 */
const MONTH_WORDS: ReadonlySet<string> = new Set(
	MONTH_NAMES.flatMap((name) => Array.from({ length: name.length - 2 }, (_, i) => name.slice(0, i + 3))).filter(
		(w) => w !== 'MARC'
	)
);

/** Other words that name a period rather than a payee. */
const PERIOD_WORDS = new Set(['TRIMESTRE', 'TRIM', 'SEMESTRE', 'ANNEE', 'MOIS', 'PERIODE']);

function fold(s: string): string {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toUpperCase();
}

/** True for a word that changes between two occurrences of one payment. */
export function isVaryingWord(folded: string): boolean {
	return /\d/.test(folded) || MONTH_WORDS.has(folded) || PERIOD_WORDS.has(folded);
}

/** Folded words of a text without the varying ones, nor the reference that follows a marker. */
function stableWords(text: string): string[] {
	const words = fold(text)
		.split(/[^A-Z0-9]+/)
		.filter((t) => t !== '');
	const out: string[] = [];
	for (let i = 0; i < words.length; i++) {
		const w = words[i];
		if (REFERENCE_MARKERS.has(w) && i + 1 < words.length && !OPERATION_WORDS.has(words[i + 1])) {
			out.push(w);
			i++;
		} else if (!isVaryingWord(w)) out.push(w);
	}
	return out;
}

/** The grouping key of a payee or label ("EDF", "CAF DE LA GIRONDE", "SAS X SALAIRE", "CARREFOUR MARKET"). */
export function payeeKey(payee: string | null, normalisedLabel: string): string {
	if (payee && payee.trim() !== '') {
		const words = stableWords(payee);
		if (words.length > 0) return words.join(' ');
	}
	const all = stableWords(normalisedLabel).filter((t) => t.length > 1);
	const words = all.filter((t) => !OPERATION_WORDS.has(t));
	if (words.length > 0) return words.slice(0, 4).join(' ');
	// only operation words are left ("FACTURE CARTE DU 300926 CARTE 4974…"): they are the key
	if (all.length > 0) return all.join(' ');
	return fold(normalisedLabel).trim();
}

/**
 * The payee as shown to the person, without the words that change every month (the case of the rest is
 * kept): "SAS X Salaire Août 2026" → "SAS X Salaire".
 */
export function displayPayee(payee: string): string {
	const words = payee.trim().split(/\s+/);
	const kept: string[] = [];
	for (let i = 0; i < words.length; i++) {
		const f = fold(words[i]).replace(/[^A-Z0-9]+/g, '');
		if (REFERENCE_MARKERS.has(f) && i + 1 < words.length) {
			i++;
			continue;
		}
		if (f !== '' && isVaryingWord(f)) continue;
		kept.push(words[i]);
	}
	return kept.length > 0 ? kept.join(' ').replace(/[\s/,;:-]+$/, '') : payee.trim();
}
