/**
 * Words for the household: the phrases the rules use to say, in one plain French sentence built from the
 * profile, why a benefit is found or not ("vous élevez deux enfants sans autre parent au foyer et l'autre parent ne verse
 * pas de pension"). No engine id, no formula: amounts are written "1 234,56 €".
 */
import Decimal from 'decimal.js';
import { eur, type Draft, type Facts } from './context';

const NUMBERS = ['aucun', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix'];

/** "un", "deux", "12". */
export function numberWord(n: number): string {
	return n < NUMBERS.length ? NUMBERS[n] : String(n);
}

/** "un enfant", "deux enfants", "12 enfants". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
	const word = n < NUMBERS.length ? NUMBERS[n] : String(n);
	return `${word} ${n === 1 ? singular : plural}`;
}

/**
 * The household in a few words, the same for a woman and a man (no "seul(e)"): "vous vivez sans conjoint",
 * "vous élevez deux enfants sans autre parent au foyer", "vous vivez en couple avec un enfant".
 */
export function household(f: Facts): string {
	const kids = f.children.length;
	if (f.couple) return kids === 0 ? 'vous vivez en couple' : `vous vivez en couple avec ${count(kids, 'enfant')}`;
	return kids === 0 ? 'vous vivez sans conjoint' : `vous élevez ${count(kids, 'enfant')} sans autre parent au foyer`;
}

/** "un foyer de 3 personnes" / "une personne seule". */
export function persons(f: Facts): string {
	return f.size === 1 ? 'une personne seule' : `un foyer de ${f.size} personnes`;
}

/** "sans revenu" or "avec 1 200,00 € de revenus par mois". */
export function incomeWords(monthly: Decimal): string {
	return monthly.lte(0) ? 'sans revenu' : `avec ${eur(monthly)} de revenus par mois`;
}

/** "environ 573,49 € par mois". */
export function perMonth(amount: Decimal): string {
	return `environ ${eur(amount)} par mois`;
}

/** Capital first letter and a final full stop. */
export function sentence(s: string): string {
	const t = s.trim();
	const cap = t.charAt(0).toUpperCase() + t.slice(1);
	return /[.!?…]$/.test(cap) ? cap : `${cap}.`;
}

/** Sets the household sentence of a draft (capitalised, with its full stop) and returns the draft. */
export function say(d: Draft, text: string): Draft {
	d.plain = sentence(text);
	return d;
}

/** "3 214": an integer with the French thousands separator (narrow no-break space). */
export function whole(n: number): string {
	return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}
