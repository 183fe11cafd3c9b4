/**
 * Issue 14, "keep what the bank says", parser side: the file's own payee, labels built the way the bank
 * prints them, deferred debit cards read as card accounts, QIF without `!Type`, the command line's
 * mapping spec, and accounts the file does not identify.
 */
import { describe, expect, test } from 'vitest';
import { ImportError, parseMappingSpec, parseStatement, previewCsv, reconcile } from '$lib/server/import';
import { bytes, caught, cp1252, fixture, parseFixture } from './helpers';

const rows = (name: string, account = 0) =>
	parseFixture(name).accounts[account].transactions.map((t) => [t.amount, t.rawLabel, t.payee, t.memo]);

describe('camt.053: payee and label as the bank prints them', () => {
	const a = parseFixture('camt053-fr-payees.xml').accounts[0];
	test('the counterparty is the payee, never the account holder; the label starts with AddtlNtryInf', () => {
		expect(rows('camt053-fr-payees.xml')).toEqual([
			[141250, 'VIR SEPA RECU /DE SAS BOULANGERIES DU VAL SALAIRE FEVRIER 2026', 'SAS BOULANGERIES DU VAL', null],
			[-18734, 'COFIDIS Echéance 03/2026', 'COFIDIS', null],
			[18734, 'REJET PRLV SEPA COFIDIS MOTIF AM04 PROVISION INSUFFISANTE Echéance 03/2026', 'COFIDIS', null],
			[-800, 'FRAIS REJET PRLV', null, null],
			[-6352, 'CARTE X4417 14/03 LECLERC MARMANDE', null, null],
			[32200, 'CAF DE LOT ET GARONNE PRESTATIONS FAMILIALES 0123456 MARTIN', 'CAF DE LOT ET GARONNE', null],
			[-45000, 'VIR SEPA EMIS HABITALYS LOYER AVRIL', 'HABITALYS', null]
		]);
	});
	test('SEPA references are kept and the statement reconciles', () => {
		expect(a.transactions[1]).toMatchObject({ mandateId: 'COF-000777123', creditorId: 'FR25ZZZ003211' });
		expect(a.transactions[2].mandateId).toBe('COF-000777123');
		expect(reconcile(a.transactions, a.balances)).toEqual([]);
		expect(a).toMatchObject({ kind: 'bank', identified: true, iban: 'FR7613606000120012345678901' });
	});
	test('AddtlTxInf not already in the label is the memo', () => {
		const text = new TextDecoder()
			.decode(fixture('camt053-fr-payees.xml'))
			.replace('<RmtInf><Ustrd>SALAIRE FEVRIER 2026</Ustrd></RmtInf>', '<AddtlTxInf>REF PAIE 0042</AddtlTxInf>');
		const t = parseStatement(bytes(text)).accounts[0].transactions[0];
		expect([t.rawLabel, t.memo]).toEqual(['VIR SEPA RECU /DE SAS BOULANGERIES DU VAL', 'REF PAIE 0042']);
	});
});

describe('payee columns of the CSV layouts and OFX', () => {
	test('Qonto counterparty, N26 partner, Revolut description, OFX NAME', () => {
		expect(parseFixture('qonto.csv').accounts[0].transactions.every((t) => t.payee !== null)).toBe(true);
		expect(parseFixture('n26.csv').accounts[0].transactions.map((t) => t.payee)).not.toContain(null);
		expect(parseFixture('revolut-en.csv').accounts[0].transactions[1].payee).toBe('Franprix');
		expect(rows('sg-carte-differee.ofx')[2]).toEqual([
			-31245,
			'FACTURE CARTE DU 310326 CARTE 4974XXXXXXXX1234',
			'FACTURE CARTE DU 310326',
			'CARTE 4974XXXXXXXX1234'
		]);
	});
});

describe('deferred debit cards', () => {
	test('OFX card statement with positive purchases: read as spending on a card account', () => {
		const s = parseFixture('sg-carte-differee.ofx');
		const [current, card] = s.accounts;
		expect(current).toMatchObject({ kind: 'bank', label: 'CHECKING', accountNumber: '00050123456' });
		expect(card).toMatchObject({
			kind: 'card',
			label: 'Carte •••• 1234',
			accountNumber: '4974XXXXXXXX1234',
			identified: true
		});
		expect(card.transactions.map((t) => [t.bookingDate, t.operationDate, t.amount])).toEqual([
			['2026-03-04', '2026-03-03', -4520],
			['2026-03-08', '2026-03-07', -1290],
			['2026-03-13', '2026-03-12', -6000],
			['2026-03-16', '2026-03-15', 1999],
			['2026-03-23', '2026-03-22', -8934],
			['2026-03-29', '2026-03-28', -12500]
		]);
		// the month's purchases are the settlement debited from the current account, and the card's balance
		const total = card.transactions.reduce((n, t) => n + t.amount, 0);
		expect(total).toBe(current.transactions[2].amount);
		expect(card.balances).toEqual([{ date: '2026-03-31', amount: total, kind: 'closing', line: 142 }]);
		expect(s.warnings.join(' ')).toContain('Carte •••• 1234');
	});
	test('a card statement already signed the usual way is left as it is', () => {
		const text = new TextDecoder('latin1').decode(fixture('sg-carte-differee.ofx'));
		const usual = text.replace(/<TRNAMT>(-?)([\d.]+)/g, (_, minus: string, v: string, at: number) =>
			at > text.indexOf('<CCSTMTRS>') ? `<TRNAMT>${minus ? '' : '-'}${v}` : `<TRNAMT>${minus}${v}`
		);
		const card = parseStatement(cp1252(usual)).accounts[1];
		expect(card.transactions.map((t) => t.amount)).toEqual([-4520, -1290, -6000, 1999, -8934, -12500]);
		expect(card.balances[0].amount).toBe(31245);
	});
	test('Crédit Agricole CSV: each deferred-card section is its own card account', () => {
		const s = parseFixture('credit-agricole.csv');
		expect(s.accounts.map((a) => [a.kind, a.label, a.accountNumber])).toEqual([
			['bank', 'CCHQ', '62731234567'],
			['card', 'Carte VISA PREMIER •••• 60', '453307xxxxxxxx60']
		]);
		expect(s.accounts[1].transactions.map((t) => [t.line, t.bookingDate, t.amount, t.rawLabel])).toEqual([
			[20, '2019-12-12', -1599, 'AMAZON EU']
		]);
		// the empty MASTERCARD section leaves no account and no "ignored line" warning
		expect(s.warnings.join(' ')).not.toContain('Ligne ignorée');
	});
});

describe('QIF without a !Type line', () => {
	test('older BNP/Money exports are recognised from their records', () => {
		const s = parseFixture('bnp-money-notype.qif');
		expect(s).toMatchObject({ format: 'qif', encoding: 'utf-8' });
		expect(s.accounts[0].transactions.map((t) => [t.line, t.bookingDate, t.amount, t.rawLabel, t.memo])).toEqual([
			[1, '2026-02-03', -4520, 'CARTE 02/02 CARREFOUR MARKET', null],
			[5, '2026-02-05', 141250, 'VIR SEPA SAS BOULANGERIES DU VAL', 'SALAIRE JANVIER'],
			[10, '2026-02-10', -5430, 'PRLV SEPA EDF', null],
			[15, '2026-02-14', -1200, 'COMMISSION INTERVENTION', null]
		]);
		expect(s.accounts[0]).toMatchObject({ identified: false, accountNumber: null, iban: null });
	});
	test('every refusal names its line', () => {
		const head = 'D13/02/2026\nT-4,50\nPCARTE X\n^\n';
		const cases: [string, number, RegExp][] = [
			[head + 'D14/02/2026\nTdix euros\nPY\n^\n', 6, /montant illisible/],
			[head + 'D31/02/2026\nT-1,00\n^\n', 5, /date illisible/],
			[head + 'T-1,00\nPZ\n^\n', 5, /sans date/],
			[head + 'D15/02/2026\nPZ\n^\n', 5, /sans montant/],
			[head + 'D15/02/2026\nT-1,00\n<html>\n^\n', 7, /n'est pas une ligne de relevé QIF/]
		];
		for (const [text, line, message] of cases) {
			const e = caught(() => parseStatement(bytes(text), { format: 'qif' }));
			expect(e, text).toBeInstanceOf(ImportError);
			expect(e.message, text).toMatch(message);
			expect(e.line, text).toBe(line);
		}
		// detected without being told, too
		expect(caught(() => parseStatement(bytes(head + 'D14/02/2026\nTdix\n^\n'))).line).toBe(6);
	});
	test('a card section is a card account', () => {
		const s = parseStatement(bytes('!Type:CCard\nD13/02/2026\nT-4.50\nPCB X\n^\n'));
		expect(s.accounts[0]).toMatchObject({ kind: 'card', identified: false });
	});
});

describe('parseMappingSpec', () => {
	const swiss = fixture('postfinance-eur.csv');
	const expected = [
		[7, '2026-03-31', -3865],
		[8, '2026-03-28', -145000],
		[9, '2026-03-25', 521240],
		[10, '2026-03-14', -20000],
		[11, '2026-03-05', -41280],
		[12, '2026-03-02', -500]
	];
	const read = (spec: string, preview = true) => {
		const s = parseStatement(swiss, { mapping: parseMappingSpec(spec, preview ? previewCsv(swiss) : null) });
		return s.accounts[0];
	};
	test('a Swiss-style file (dd.mm.yyyy, apostrophe thousands, separate debit and credit) imports exactly', () => {
		const byNumber = read("date=1,label=2,credit=3,debit=4,balance=6,dateFormat=dd.mm.yyyy,decimal=.,thousands='");
		expect(byNumber.transactions.map((t) => [t.line, t.bookingDate, t.amount])).toEqual(expected);
		expect(byNumber.balances.map((b) => b.amount)).toEqual([319610, 323475, 468475, -52765, -32765, 8515]);
		expect(reconcile(byNumber.transactions, byNumber.balances)).toEqual([]);
		expect(byNumber).toMatchObject({ identified: false, kind: 'bank' });
		const byName = read(
			"date=Date,libellé=Texte de notification,crédit=Crédit en EUR,débit=Débit en EUR,solde=solde en eur,format=dd.mm.yyyy,decimal=.,milliers='"
		);
		expect(byName.transactions).toEqual(byNumber.transactions);
		// without the preview, the header is found before the first date
		expect(
			read("date=1,label=2,credit=3,debit=4,dateFormat=dd.mm.yyyy,decimal=.,thousands='", false).transactions
		).toEqual(byNumber.transactions);
	});
	test('the values of decimal and thousands may be a comma; labels join with +', () => {
		expect(parseMappingSpec("date=1,label=3+4,amount=5,decimal=,,thousands='")).toEqual({
			dateColumn: 0,
			labelColumns: [2, 3],
			amountColumn: 4,
			hasHeader: true,
			decimal: ',',
			thousands: "'"
		});
		expect(
			parseMappingSpec('date=2,label=1,debit=3,credit=4,thousands=.,decimal=,,header=no,skip=2,sep=tab')
		).toMatchObject({
			thousands: '.',
			decimal: ',',
			hasHeader: false,
			skipRows: 2,
			delimiter: '\t'
		});
	});
	test('mistakes are refused in French, naming the key', () => {
		const preview = previewCsv(swiss);
		const cases: [string, RegExp][] = [
			['label=2,amount=3', /colonne de la date/],
			['date=1,amount=3', /colonne du libellé/],
			['date=1,label=2', /colonne du montant/],
			['date=1,label=2,amount=3,debit=4,credit=5', /soit amount, soit debit et credit/],
			['date=0,label=2,amount=3', /à partir de 1/],
			['date=1,label=2,amount=Montant', /aucune colonne de ce nom/],
			['date=1,label=2,amount=3,dateFormat=jj/mm/aaaa', /format de date inconnu/],
			['date=1,label=2,amount=3,decimal=;', /decimal=; : valeurs possibles/],
			['date=1,date=2,label=2,amount=3', /date est donné deux fois/],
			['colonnes 1 2 3', /écrivez par exemple/],
			['date=1,label=2,amount=3,decimal=.,thousands=.', /doivent être différents/]
		];
		for (const [spec, message] of cases) {
			const e = caught(() => parseMappingSpec(spec, preview));
			expect(e, spec).toBeInstanceOf(ImportError);
			expect(e.message, spec).toMatch(/^Correspondance de colonnes invalide : /);
			expect(e.message, spec).toMatch(message);
		}
		expect(caught(() => parseMappingSpec('date=Date,label=2,amount=3')).message).toContain('donnez le numéro');
	});
	test('a date written otherwise than dateFormat, and a thousands separator out of place, are refused with the line', () => {
		const mapping = parseMappingSpec(
			"date=1,label=2,credit=3,debit=4,dateFormat=dd/mm/yyyy,decimal=.,thousands='",
			previewCsv(swiss)
		);
		const e = caught(() => parseStatement(swiss, { mapping }));
		expect(e.message).toBe('Ligne 7 : la date « 31.03.2026 » ne suit pas le format dd/mm/yyyy.');
		const text = new TextDecoder('latin1').decode(swiss).replace("1'450.00", "14'50.00");
		const m2 = parseMappingSpec("date=1,label=2,credit=3,debit=4,decimal=.,thousands='", previewCsv(cp1252(text)));
		const e2 = caught(() => parseStatement(cp1252(text), { mapping: m2 }));
		expect(e2.message).toBe("Ligne 8 : montant illisible « 14'50.00 » dans la colonne « Débit en EUR ».");
		expect(e2.line).toBe(8);
	});
});

describe('accounts the file does not identify', () => {
	test('QIF, generic CSV, N26 and Revolut say so; IBANs and account numbers identify', () => {
		const identified = (name: string) => parseFixture(name).accounts.map((a) => a.identified);
		expect(identified('boursobank-fr.qif')).toEqual([false]);
		expect(identified('quiffen-test.qif')).toEqual([false]);
		expect(identified('n26.csv')).toEqual([false]);
		expect(identified('revolut-en.csv')).toEqual([false]);
		expect(identified('qonto.csv')).toEqual([true]);
		expect(identified('boursobank-2019.csv')).toEqual([true, true]);
		expect(identified('bp-multi.ofx')).toEqual([true, true]);
		const generic = parseStatement(fixture('unidentified-fr.csv'), {
			mapping: previewCsv(fixture('unidentified-fr.csv')).suggestedMapping ?? undefined
		});
		expect(generic.accounts[0]).toMatchObject({ identified: false, accountNumber: null, iban: null });
	});
});
