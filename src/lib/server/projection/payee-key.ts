/**
 * Grouping key of a transaction for recurring detection: the normalised payee, or failing that the label
 * stripped of what changes between two occurrences (dates, references, month names, operation words).
 */

const OPERATION_WORDS = new Set([
	'PRLV',
	'PRELEVEMENT',
	'PRELEV',
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

const MONTH_WORDS = new Set([
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
	'JANV',
	'FEV',
	'FEVR',
	'AVR',
	'JUIL',
	'SEPT',
	'OCT',
	'NOV',
	'DEC'
]);

function fold(s: string): string {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toUpperCase();
}

/** The grouping key of a payee or label ("EDF", "CAF DE LA GIRONDE", "CARREFOUR MARKET"). */
export function payeeKey(payee: string | null, normalisedLabel: string): string {
	if (payee && payee.trim() !== '') {
		return fold(payee)
			.replace(/[^A-Z0-9]+/g, ' ')
			.trim();
	}
	const tokens = fold(normalisedLabel)
		.split(/[^A-Z0-9]+/)
		.filter((t) => t.length > 1 && !/\d/.test(t) && !OPERATION_WORDS.has(t) && !MONTH_WORDS.has(t));
	const key = tokens.slice(0, 4).join(' ');
	return key === '' ? fold(normalisedLabel).trim() : key;
}
