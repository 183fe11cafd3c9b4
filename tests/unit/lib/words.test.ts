import { describe, expect, it } from 'vitest';
import { frenchList, plural, pluralWord, typeset } from '$lib/words';

describe('French words', () => {
	it('agrees with the number as French does (0 and 1 singular)', () => {
		expect(plural(0, 'opération')).toBe('0 opération');
		expect(plural(1, 'conseiller')).toBe('1 conseiller');
		expect(plural(2, 'conseiller')).toBe('2 conseillers');
		expect(plural(1234, 'opération')).toBe('1\u202f234 opérations');
		expect(plural(3, 'travail', 'travaux')).toBe('3 travaux');
		expect(pluralWord(2, 'importée')).toBe('importées');
		expect(pluralWord(1, 'importée')).toBe('importée');
	});
	it('joins lists with « et »', () => {
		expect(frenchList([])).toBe('');
		expect(frenchList(['RSA'])).toBe('RSA');
		expect(frenchList(['RSA', 'AF', 'APL'])).toBe('RSA, AF et APL');
	});
	it('keeps « ; : ! ? » and guillemets on the line of the word before them', () => {
		expect(typeset('Demande sur caf.fr ; la CAF (« Mes démarches ») : oui ? Non !')).toBe(
			'Demande sur caf.fr\u00a0; la CAF («\u00a0Mes démarches\u00a0»)\u00a0: oui\u00a0? Non\u00a0!'
		);
		expect(typeset('https://caf.fr à 21:45')).toBe('https://caf.fr à 21:45');
	});
});
