/** Typo and truncation repair: when no rule matches, a misspelt or cut brand name is recognised. */
import { describe, expect, it } from 'vitest';
import { categorise, compileRules, DEFAULT_RULES } from '$lib/server/rules';
import { TypoIndex, truncatedCompletions, withinOneEdit } from '$lib/server/rules/typos';

describe('one edit', () => {
	it.each([
		['INTERMARCHE', 'INTERMACHE', true],
		['PHARMACIE', 'PHARAMCIE', true],
		['CARREFOUR', 'CARREFOR', true],
		['CARREFOUR', 'CARREFOU', true],
		['CARREFOUR', 'CARREFOURS', true],
		['CARREFOUR', 'KARREFOUR', false],
		['CREPERIE', 'CREMERIE', false],
		['CARREFOUR', 'CAREFOR', false],
		['LECLERC', 'LECLAIR', false],
		['ABC', 'ABC', true]
	])('%s / %s', (a, b, want) => {
		expect(withinOneEdit(a, b)).toBe(want);
		expect(withinOneEdit(b, a)).toBe(want);
	});
});

describe('TypoIndex', () => {
	const index = new TypoIndex(['INTERMARCHE SUPER', 'CARREFOUR MARKET', 'MARCHES', 'MARCHER', 'PHARMACIE']);
	it('corrects a word one edit from exactly one known word', () => {
		expect(index.correct('INTERMACHE')).toBe('INTERMARCHE');
		expect(index.correct('CARREFOR')).toBe('CARREFOUR');
		expect(index.correctLabel('CB CARREFOR MARKET 14/05', 'CARREFOR MARKET')).toBe('CB CARREFOUR MARKET 14/05');
	});
	it('leaves known, short, unknown and ambiguous words alone', () => {
		expect(index.correct('PHARMACIE')).toBeNull();
		expect(index.correct('SUPR')).toBeNull();
		expect(index.correct('DUPONTEL')).toBeNull();
		expect(index.correct('MARCHEZ')).toBeNull(); // MARCHES and MARCHER
		expect(index.correctLabel('CB LIDL 12/03', 'LIDL')).toBeNull();
	});
	it('completes the last word of a label cut at 32 characters', () => {
		const cut = new TypoIndex(['TOULOUSE METROPOLE HABITAT', 'HABILLEMENT']);
		const label = 'PRLV SEPA TOULOUSE METROPOLE HAB';
		expect(label).toHaveLength(32);
		expect(truncatedCompletions(label, cut).map(([, w]) => w)).toEqual(['HABILLEMENT', 'HABITAT']);
		expect(truncatedCompletions('PRLV SEPA TOULOUSE HAB', cut)).toEqual([]);
	});
});

describe('repair in the engine', () => {
	const set = compileRules(DEFAULT_RULES);
	const c = (rawLabel: string, amount: number) => categorise(set, { rawLabel, amount }).category;
	it('recognises misspelt or cut merchants of card payments and direct debits', () => {
		expect(c('CB INTERMACHE 15/05', -3145)).toBe('daily.groceries');
		expect(c('CB PHARAMCIE DU CENTRE 16/05', -630)).toBe('daily.health');
		expect(c('FACTURE CARTE DU 140526 CARREFOU', -3612)).toBe('daily.groceries');
		expect(c('PRLV SEPA BOUYGUES TELCOM', -2499)).toBe('fixed.telecom');
		expect(c('CB CREMERIE 12/03', -900)).toBe('daily.groceries'); // not read as CREPERIE
	});
	it('completes a cut word when a rule of several words, or the long-cut word alone, ends with it', () => {
		expect(c('PRLV SEPA TOULOUSE METROPOLE HAB', -39970)).toBe('housing.rent');
		expect(c('PRLV SEPA DIRECTION GENERALE DES', -9000)).toBe('uncategorised');
		expect(c('FACTURE CARTE DU 140526 INTERMAR', -3612)).toBe('daily.groceries');
		expect(c('FACTURE CARTE DU 140526 CARRE XY', -3612)).toBe('uncategorised');
	});
	it('never reads a transfer’s names as typos', () => {
		expect(c('VIR SEPA RECU /DE M INTERMACHE PAUL', 5000)).toBe('uncategorised');
	});
});
