import { describe, expect, it } from 'vitest';
import { isCardSettlement } from '$lib/server/import/cards';

describe('the monthly debit that pays a deferred card', () => {
	it('is recognised in the wordings of French banks', () => {
		for (const label of [
			'FACTURE CARTE DU 310326',
			'FACTURES CARTES DU 30/09/2026',
			'RELEVE CB 4533XXXXXXXX0060',
			'RELEVE DIFFERE CARTE 4974XXXXXXXX1234',
			'ARRETE DES DEPENSES CARTE X1234',
			'PRLV CARTE DEBIT DIFFERE',
			'TOTAL CB DIFFERE SEPTEMBRE',
			'DEPENSES CARTE DU MOIS'
		])
			expect(isCardSettlement(label), label).toBe(true);
	});
	it('is not a purchase, a withdrawal or the card’s yearly fee', () => {
		for (const label of [
			'CB CARREFOUR MARKET 12/03',
			'CARTE 03/01 LIDL 2652',
			'PAIEMENT PAR CARTE X4521 SNCF',
			'RETRAIT DAB CARTE 1234',
			'COTISATION CARTE VISA PREMIER',
			'FRAIS OPPOSITION CARTE'
		])
			expect(isCardSettlement(label), label).toBe(false);
	});
});
