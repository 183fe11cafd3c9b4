import { describe, expect, it } from 'vitest';
import { normaliseLabel, type OperationType } from '$lib/server/rules';

type Case = [
	bank: string,
	raw: string,
	amount: number,
	booking: string | undefined,
	type: OperationType,
	payee: string | null,
	cardDate: string | null
];

const cases: Case[] = [
	[
		'BoursoBank 2025+ "Payee |"',
		'TfL | CARTE 25/01/26 TFL TRAVEL CH CB*5935',
		-280,
		'2026-01-27',
		'card',
		'TfL',
		'2026-01-25'
	],
	[
		'BoursoBank département code',
		'CARTE 06/04/19 79 LA LIBRAIRIE CB*1234',
		-1800,
		'2019-04-08',
		'card',
		'La Librairie',
		'2019-04-06'
	],
	[
		'BoursoBank country code',
		'CARTE 23/04/19 IE ITUNES.COM/BIL CB*1234',
		-99,
		undefined,
		'card',
		'Itunes.com/Bil',
		'2019-04-23'
	],
	['BoursoBank fee with *', "*COMMISSION D'INTERVENTION", -800, undefined, 'bank_fee', null, null],
	['BoursoBank avoir', 'AVOIR 14/01/26 DECATHLON CB*5935', 2999, undefined, 'refund', 'Decathlon', '2026-01-14'],
	[
		'SG card, year from booking',
		'CARTE X4321 13/03 CARREFOUR CITY',
		-1562,
		'2026-03-15',
		'card',
		'Carrefour City',
		'2026-03-13'
	],
	['SG card across new year', 'CARTE X4321 30/12 MONOPRIX', -3210, '2026-01-02', 'card', 'Monoprix', '2025-12-30'],
	[
		'SG direct debit with keys',
		'PRELEVEMENT EUROPEEN 3195684576 DE: APPLE.COM/BILL ID: FR00ZZZ123456 REF: 123 MANDAT 00012345',
		-299,
		undefined,
		'direct_debit',
		'Apple.com/Bill',
		null
	],
	[
		'SG transfer in',
		'VIR RECU 1234567834S DE: Francois REF: 123457891234567894561231 PROVENANCE: DE Allemagne',
		5000,
		undefined,
		'transfer_in',
		'Francois',
		null
	],
	[
		'CA card',
		'PAIEMENT PAR CARTE X1234 INTERMARCHE SUPER 13/01',
		-5430,
		'2026-01-15',
		'card',
		'Intermarche Super',
		'2026-01-13'
	],
	[
		'CA transfer in',
		'VIREMENT EN VOTRE FAVEUR CAF DE LA GIRONDE ALF 012026',
		24500,
		undefined,
		'transfer_in',
		'CAF de la Gironde Alf',
		null
	],
	[
		'CA multi-line label',
		'PRELEVEMENT\nEDF CLIENTS PARTICULIERS\n123456789',
		-7500,
		undefined,
		'direct_debit',
		'EDF Clients Particuliers',
		null
	],
	['LBP card', 'ACHAT CB SUPER U        01.11.11', -2740, undefined, 'card', 'Super U', '2011-11-01'],
	['LBP cash', 'CARTE MASTERCA 31/10/11 A 12H38', -4000, undefined, 'cash_withdrawal', null, '2011-10-31'],
	['LBP direct debit', 'PRELEVEMENT DE BOUYGUES TELECO', -2499, undefined, 'direct_debit', 'Bouygues Teleco', null],
	[
		'LBP transfer in',
		"VIREMENT DE CAF DU VAL D'OISE REFERENCE : 12345 ALF",
		21000,
		undefined,
		'transfer_in',
		"CAF du Val d'Oise",
		null
	],
	['LCL card', 'CB  CARREFOUR MARKET 28/10/24', -5630, undefined, 'card', 'Carrefour Market', '2024-10-28'],
	[
		'BNP card',
		'FACTURE CARTE DU 010826 FRANPRIX 5333 PARIS CARTE 4974XXXXXXXX1111',
		-410,
		undefined,
		'card',
		'Franprix',
		'2026-08-01'
	],
	[
		'BNP direct debit',
		'PRLV SEPA EDF CLIENTS PARTICULIERS ECH/080124 ID EMETTEUR/FR19ZZZ000001 MDT/++123456ABC REF/XYZ LIB/FACTURE',
		-5000,
		undefined,
		'direct_debit',
		'EDF Clients Particuliers',
		'2024-01-08'
	],
	[
		'BNP transfer in',
		'VIR SEPA RECU /DE CAF DE PARIS /MOTIF 751234567 APL 012026 /REF 123',
		28600,
		undefined,
		'transfer_in',
		'CAF de Paris',
		null
	],
	[
		'BNP transfer out',
		'VIR SEPA EMIS /MOTIF LOYER JANVIER /BEN M MARTIN PIERRE /REFDO 123',
		-60000,
		undefined,
		'transfer_out',
		'M Martin Pierre',
		null
	],
	['BNP loan', 'AMORTISSEMENT PRET 1234', -7093, undefined, 'loan_instalment', null, null],
	['BPCE card', 'CB PHARMACIE DURAND FACT 111124', -1230, undefined, 'card', 'Pharmacie Durand', '2024-11-11'],
	[
		'BP OFX name and memo',
		'130722 CB****6516 AUCHAN SUPER MA30BORDEAUX',
		-6420,
		undefined,
		'card',
		'Auchan Super Ma',
		'2022-07-13'
	],
	[
		'CM card, city first',
		'PAIEMENT CB 0703 ARCUEIL FRANPRIX CARTE 06785172',
		-1120,
		'2026-03-09',
		'card',
		'Franprix',
		'2026-03-07'
	],
	[
		'CM card with fee',
		'CB MEETUP ORG SUB FACT 190323 DONT FRAIS DE COMM. 1,89 EUR ',
		-6973,
		undefined,
		'card',
		'Meetup Org Sub',
		'2023-03-19'
	],
	['CM direct debit', 'PRLV SEPA ACME FACTURE 1234-0028641', -1260, undefined, 'direct_debit', 'Acme', null],
	['Fortuneo card with city', 'CARTE 12/12 FNAC METZ', -640, '2019-12-13', 'card', 'Fnac', '2019-12-12'],
	['store number glued', 'CARTE 12/12 H&M238 LYON', -3999, '2026-01-05', 'card', 'H&M', '2025-12-12'],
	['cheque', 'CHEQUE 8123456', -4500, undefined, 'cheque', null, null],
	['withdrawal', 'RETRAIT DAB 12/01/26 PARIS 15', -2000, undefined, 'cash_withdrawal', null, '2026-01-12'],
	['rejected debit', 'REJET PRLV SEPA ORANGE SA', 3999, undefined, 'direct_debit', 'Orange', null]
];

describe('normaliseLabel per bank', () => {
	it.each(cases)('%s', (_bank, raw, amount, booking, type, payee, cardDate) => {
		const n = normaliseLabel(raw, { amount, bookingDate: booking });
		expect(n.operationType).toBe(type);
		expect(n.payee).toBe(payee);
		expect(n.cardDate).toBe(cardDate);
	});

	it('reads the ICS and the RUM', () => {
		const bnp = normaliseLabel('PRLV SEPA EDF ECH/080124 ID EMETTEUR/FR19ZZZ000001 MDT/++123456ABC REF/XYZ');
		expect(bnp.ics).toBe('FR19ZZZ000001');
		expect(bnp.rum).toBe('++123456ABC');
		const sg = normaliseLabel(
			'PRELEVEMENT EUROPEEN 3195684576 DE: SFR ID: FR43ZZZ424242 MOTIF: FACTURE REF: 0601 MANDAT: SFR-778899'
		);
		expect(sg.ics).toBe('FR43ZZZ424242');
		expect(sg.rum).toBe('SFR-778899');
		expect(normaliseLabel('CARTE 12/01 LIDL').ics).toBeNull();
	});

	it('folds the search text: upper case, no accents, collapsed spaces', () => {
		expect(normaliseLabel('  Prélèvement   Électricité\tœuvre  ').search).toBe('PRELEVEMENT ELECTRICITE OEUVRE');
	});

	it('uses the sign to tell transfers in from out', () => {
		expect(normaliseLabel('VIR SEPA DUPONT', { amount: 100 }).operationType).toBe('transfer_in');
		expect(normaliseLabel('VIR SEPA DUPONT', { amount: -100 }).operationType).toBe('transfer_out');
		expect(normaliseLabel('VIR SEPA RECU DUPONT').operationType).toBe('transfer_in');
		expect(normaliseLabel('CARTE 12/01 FNAC', { amount: 500 }).operationType).toBe('refund');
	});

	it('gives no card date without a year or a booking date, nor an impossible one', () => {
		expect(normaliseLabel('CARTE 12/01 FNAC').cardDate).toBeNull();
		expect(normaliseLabel('CARTE 31/02/26 FNAC').cardDate).toBeNull();
		expect(normaliseLabel('CARTE 12/01 FNAC', { bookingDate: '2026-06-01' }).cardDate).toBeNull();
		expect(normaliseLabel('CARTE 29/02 FNAC', { bookingDate: '2024-03-02' }).cardDate).toBe('2024-02-29');
	});
});
