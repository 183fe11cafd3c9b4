import { describe, expect, test } from 'vitest';
import { NeedsMappingError, ImportError, parseStatement, reconcile } from '$lib/server/import';
import { bytes, caught, cp1252, parseFixture } from './helpers';

const amounts = (s: ReturnType<typeof parseFixture>, i = 0) => s.accounts[i].transactions.map((t) => t.amount);
const dates = (s: ReturnType<typeof parseFixture>, i = 0) => s.accounts[i].transactions.map((t) => t.bookingDate);

describe('BoursoBank', () => {
	test('2022 layout: a comment column after the amount, no supplierFound', () => {
		const text =
			'dateOp;dateVal;label;category;categoryParent;amount;comment;accountNum;accountLabel;accountbalance\n' +
			'2022-06-14;2022-06-14;"CARTE 12/06/22 MONOPRIX CB*1234";"Alimentation";"Vie quotidienne";-23,45;"courses de la semaine";00012345;"BOURSORAMA BANQUE";1376.05\n' +
			'2022-06-13;2022-06-13;"VIR SEPA CAF DE PARIS";"Allocations";"Revenus";1 250,00;;00012345;"BOURSORAMA BANQUE";1376.05\n';
		const s = parseStatement(bytes(text));
		expect(s).toMatchObject({ format: 'csv', layout: 'boursobank' });
		expect(s.accounts.map((a) => a.accountNumber)).toEqual(['00012345']);
		expect(amounts(s)).toEqual([-2345, 125000]);
		expect(s.accounts[0].transactions[0]).toMatchObject({
			rawLabel: 'CARTE 12/06/22 MONOPRIX CB*1234',
			memo: 'courses de la semaine',
			payee: null,
			operationDate: '2022-06-12',
			bankCategory: 'Alimentation'
		});
		expect(s.accounts[0].transactions[1].memo).toBeNull();
		expect(s.accounts[0].balances).toEqual([{ date: '2022-06-14', amount: 137605, kind: 'closing', line: 3 }]);
	});
	test('2019 layout: two accounts in one file, comma amounts, point balances', () => {
		const s = parseFixture('boursobank-2019.csv');
		expect(s).toMatchObject({ format: 'csv', layout: 'boursobank', encoding: 'utf-8', pendingSkipped: 0 });
		expect(s.accounts.map((a) => a.accountNumber)).toEqual(['00012345', '00067890']);
		expect(amounts(s, 0)).toEqual([-2345, -110050, 250000]);
		expect(amounts(s, 1)).toEqual([1000]);
		expect(s.accounts[0].label).toBe('BOURSORAMA BANQUE');
		expect(s.accounts[0].balances).toEqual([{ date: '2019-03-14', amount: 137605, kind: 'closing', line: 4 }]);
		expect(s.accounts[1].balances[0].amount).toBe(481000);
		expect(s.accounts[0].transactions[0]).toMatchObject({
			line: 2,
			bookingDate: '2019-03-14',
			operationDate: '2019-03-12'
		});
	});

	test('current layout: Payee | RAW LABEL split, NBSP thousands, comment as memo', () => {
		const s = parseFixture('boursobank-2026.csv');
		const t = s.accounts[0].transactions;
		expect(t).toHaveLength(5);
		expect(t[0]).toMatchObject({
			payee: 'TfL',
			rawLabel: 'CARTE 25/01/26 TFL TRAVEL CH CB*5935',
			amount: -280,
			operationDate: '2026-01-25'
		});
		expect(t[3]).toMatchObject({ amount: 123456, memo: 'Allocations janvier', payee: 'caf' });
		expect(t[4]).toMatchObject({ rawLabel: "*COMMISSION D'INTERVENTION", amount: -800, payee: null });
		expect(s.accounts[0].balances).toEqual([{ date: '2026-01-27', amount: 122668, kind: 'closing', line: 6 }]);
	});

	test('old exports with dd/mm/yy dates', () => {
		const s = parseStatement(
			bytes(
				'dateOp;dateVal;label;category;categoryParent;amount;accountNum;accountLabel;accountbalance\n31/12/18;01/01/19;"CB FNAC";"Loisirs";"Loisirs";-12,00;001;"BOURSORAMA";10.00\n'
			)
		);
		expect(s.accounts[0].transactions[0]).toMatchObject({ bookingDate: '2018-12-31', amount: -1200 });
	});
});

test('BNP Paribas legacy: account line, HTML escaped twice, latin-1', () => {
	const s = parseFixture('E1234567.csv');
	expect(s).toMatchObject({ layout: 'bnp-legacy', encoding: 'windows-1252' });
	const a = s.accounts[0];
	expect(a).toMatchObject({ accountNumber: '****4567', label: 'Compte de chèques', bankName: 'BNP Paribas' });
	expect(a.balances).toEqual([{ date: '2024-03-15', amount: 123456, kind: 'closing', line: 1 }]);
	expect(amounts(s)).toEqual([-4530, 100000, -2999]);
	expect(a.transactions[2]).toMatchObject({
		line: 4,
		rawLabel: 'PRLV SEPA ORANGE ÉCHÉANCE',
		bankCategory: 'Téléphone'
	});
	expect(a.transactions[0].operationDate).toBe('2024-03-12');
});

describe('Société Générale', () => {
	test('real layout (cantino/reckon): ="…" account line, EUR suffix balance, Détail as label', () => {
		const s = parseFixture('sg-reckon.csv');
		expect(s.layout).toBe('societe-generale');
		const a = s.accounts[0];
		expect(a.accountNumber).toBe('0234500012345678');
		expect(a.balances).toEqual([{ date: '2016-02-19', amount: 123437, kind: 'closing', line: 2 }]);
		expect(amounts(s)).toEqual([5000, -810]);
		expect(a.transactions[0]).toMatchObject({
			line: 5,
			rawLabel: 'VIR RECU 1234567834S DE: Francois REF: 123457891234567894561231 PROVENANCE: DE Allemagne',
			memo: 'VIR RECU 508160'
		});
		expect(a.transactions[1].rawLabel).toBe('COTISATION JAZZ');
	});

	test('Windows-1252 bytes as the bank writes them', () => {
		const text =
			"=\"0234500012345678\";01/03/2026;31/03/2026;2;31/03/2026;-1 234,37 EUR\n\nDate de l'opération;Libellé;Détail de l'écriture;Montant de l'opération;Devise\n" +
			'30/03/2026;CARTE X1234 28/03;CARTE X1234 28/03 PHARMACIE DES ÉCOLES ;-12,90;EUR\n02/03/2026;PRELEVEMENT EUROPEEN 123;PRELEVEMENT EUROPEEN 123 DE: EDF ID: FR00ZZZ123 ;-1 045,00;EUR\n';
		const s = parseStatement(cp1252(text));
		expect(s.encoding).toBe('windows-1252');
		expect(s.accounts[0].balances[0].amount).toBe(-123437);
		expect(amounts(s)).toEqual([-1290, -104500]);
		expect(s.accounts[0].transactions[0]).toMatchObject({
			rawLabel: 'CARTE X1234 28/03 PHARMACIE DES ÉCOLES',
			operationDate: '2026-03-28',
			line: 4
		});
	});
});

test('Crédit Agricole: preamble, positive debit column, multi-line labels, card trailer', () => {
	const s = parseFixture('credit-agricole.csv');
	expect(s).toMatchObject({ layout: 'credit-agricole', encoding: 'windows-1252' });
	const a = s.accounts[0];
	expect(a.accountNumber).toBe('62731234567');
	expect(a.balances).toEqual([{ date: '2019-12-18', amount: 101337, kind: 'closing', line: 5 }]);
	expect(amounts(s)).toEqual([-4520, 51200, -107800]);
	expect(a.transactions.map((t) => t.line)).toEqual([10, 13, 16]);
	expect(a.transactions[1].rawLabel).toBe('VIREMENT EN VOTRE FAVEUR CAF DE LA GIRONDE PRESTATIONS');
	expect(s.warnings.some((w) => w.includes('débit différé'))).toBe(true);
});

test('La Banque Postale: preamble with account and signed balance, + amounts', () => {
	const s = parseFixture('banque-postale.csv');
	expect(s).toMatchObject({ layout: 'banque-postale', encoding: 'windows-1252' });
	const a = s.accounts[0];
	expect(a).toMatchObject({ accountNumber: '0123456A012', label: 'CCP' });
	expect(a.balances).toEqual([{ date: '2026-03-31', amount: 123456, kind: 'closing', line: 5 }]);
	expect(amounts(s)).toEqual([-5430, 51200, -1999]);
	expect(a.transactions[0]).toMatchObject({
		line: 9,
		operationDate: '2026-03-28',
		rawLabel: 'ACHAT CB SUPER U 28.03.26'
	});
});

test('LCL: headerless, balance rows first and last, label in column 5 or 6', () => {
	const s = parseFixture('lcl.csv');
	expect(s.layout).toBe('lcl');
	const a = s.accounts[0];
	expect(a.accountNumber).toBe('00451 098285A');
	expect(amounts(s)).toEqual([-4520, 150000, -6000]);
	expect(a.transactions.map((t) => t.rawLabel)).toEqual([
		'CB CARREFOUR MARKET 01/03/26',
		'VIR SALAIRE ACME SAS',
		'Chèque 1234567'
	]);
	expect(a.transactions[0].operationDate).toBe('2026-03-01');
	expect(a.balances.map((b) => [b.kind, b.date, b.amount])).toEqual([
		['opening', '2026-03-01', 81240],
		['closing', '2026-03-31', 220720]
	]);
	expect(reconcile(a.transactions, a.balances)).toEqual([]);
});

describe('BPCE', () => {
	test('current layout: negative Debit, +Credit, card date, clean payee', () => {
		const s = parseFixture('bpce-12345678_01032026_31032026.csv');
		expect(s.layout).toBe('bpce');
		expect(amounts(s)).toEqual([-3215, 61240, -800, -125000]);
		expect(s.accounts[0].transactions[0]).toMatchObject({
			bookingDate: '2026-03-31',
			operationDate: '2026-03-29',
			payee: 'LIDL',
			rawLabel: 'CB LIDL 2652 FACT 290326'
		});
		expect(s.accounts[0].transactions[1].memo).toBe('Prestations familiales mars PRESTA0326');
	});

	test("old Caisse d'Épargne layout (afup/web): preamble, balances, operation numbers, lossy accents", () => {
		const s = parseFixture('ce-old.csv');
		expect(s.layout).toBe('caisse-epargne-old');
		const a = s.accounts[0];
		expect(a).toMatchObject({ accountNumber: '08045168680', label: 'CPT DEPOT PROF.', currency: 'EUR' });
		expect(amounts(s)).toEqual([-39, 3000, -7601]);
		expect(dates(s)).toEqual(['2020-11-30', '2020-11-30', '2020-11-28']);
		expect(a.transactions[0].bankId).toBe('3011202020201130-08.38.07.588296 -');
		expect(a.balances).toEqual([
			{ date: '2020-11-30', amount: 3212723, kind: 'closing', line: 4 },
			{ date: '2020-11-28', amount: 3991624, kind: 'opening', line: 9 }
		]);
		expect(s.warnings[0]).toContain('illisibles');
		// the upstream sample is an excerpt: the stated balances do not follow from its three rows
		expect(reconcile(a.transactions, a.balances)).toEqual([
			{ date: '2020-11-30', kind: 'closing', stated: 3212723, computed: 3986984, difference: -774261, line: 4 }
		]);
	});
});

describe('Crédit Mutuel / CIC', () => {
	test('lossy header (Cr3�dit), negative Débit, running balance reconciles', () => {
		const s = parseFixture('cmut.csv');
		expect(s.layout).toBe('credit-mutuel');
		expect(amounts(s)).toEqual([-479, 6403, -459200]);
		expect(s.accounts[0].balances).toHaveLength(3);
		// rows are an excerpt: only consecutive rows can agree
		const gaps = reconcile(s.accounts[0].transactions, s.accounts[0].balances);
		expect(gaps.map((g) => g.date)).toEqual(['2022-02-22', '2022-03-03']);
	});

	test('Dec 2025 columns: Motif, RUM, ICS; Windows-1252; running balance consistent', () => {
		const s = parseFixture('cmut_extra_columns.csv');
		expect(s).toMatchObject({ layout: 'credit-mutuel', encoding: 'windows-1252' });
		const t = s.accounts[0].transactions;
		expect(t).toHaveLength(11);
		expect(t[2]).toMatchObject({
			amount: -1260,
			mandateId: 'ABCD123456789',
			creditorId: 'FR00ABC543205',
			memo: 'Facture Acme 4567-003741052'
		});
		expect(t[10]).toMatchObject({ amount: 416100, line: 12 });
		expect(reconcile(t, s.accounts[0].balances)).toEqual([]);
	});

	test('CIC comma variant with decimal points', () => {
		const s = parseStatement(
			bytes(
				"Date d'opération,Date de valeur,Montant,Libellé,Solde\n04/10/2017,04/10/2017,1584.00,VIR SEPA ACME,2584.00\n05/10/2017,05/10/2017,-12.5,PAIEMENT CB 0410 PARIS,2571.50\n"
			)
		);
		expect(s.layout).toBe('credit-mutuel');
		expect(amounts(s)).toEqual([158400, -1250]);
		expect(reconcile(s.accounts[0].transactions, s.accounts[0].balances)).toEqual([]);
	});
});

test('Fortuneo: latin-1, CRLF, trailing ;, -6,4 and " 45"', () => {
	const s = parseFixture('HistoriqueOperations_12345_du_01_03_2026_au_13_03_2026.csv');
	expect(s).toMatchObject({ layout: 'fortuneo', encoding: 'windows-1252' });
	expect(amounts(s)).toEqual([-640, -1999, 4500]);
	expect(s.accounts[0].transactions[0].operationDate).toBe('2026-03-12');
	expect(s.accounts[0].transactions[2].rawLabel).toBe('VIR MALAKOFF HUMANIS PRÉVOYANCE');
});

describe('N26', () => {
	test('current English header', () => {
		const s = parseFixture('n26.csv');
		expect(s.layout).toBe('n26');
		expect(amounts(s)).toEqual([65000, -1250, -123456]);
		expect(s.accounts[0].transactions[0]).toMatchObject({
			payee: 'Jean Dupont',
			rawLabel: 'Jean Dupont Loyer mars',
			bookingDate: '2026-03-01'
		});
	});
	test('legacy French header', () => {
		const s = parseFixture('n26-legacy.csv');
		expect(s.layout).toBe('n26');
		expect(amounts(s)).toEqual([-2340, 1500]);
		expect(s.accounts[0].transactions[1].rawLabel).toBe('Jean Martin Remboursement resto');
	});
});

describe('Revolut', () => {
	test('English: pending skipped, fee taken off, reverted warned, balances reconcile', () => {
		const s = parseFixture('revolut-en.csv');
		expect(s).toMatchObject({ layout: 'revolut', pendingSkipped: 1 });
		const a = s.accounts[0];
		expect(a.label).toBe('Current');
		expect(amounts(s)).toEqual([20000, -1540, -5050]);
		expect(a.transactions[1]).toMatchObject({ bookingDate: '2026-03-03', operationDate: '2026-03-02' });
		expect(s.warnings).toContain('Ligne 6 ignorée : opération annulée ou refusée.');
		expect(reconcile(a.transactions, a.balances)).toEqual([]);
	});
	test('French header and TERMINÉ / EN ATTENTE states', () => {
		const s = parseFixture('revolut-fr.csv');
		expect(s).toMatchObject({ layout: 'revolut', pendingSkipped: 1 });
		expect(amounts(s)).toEqual([10000, -420]);
	});
});

test('Shine: Windows-1252, transaction ids, debit written positive', () => {
	const s = parseFixture('BQ_2026-03-01_2026-03-31.csv');
	expect(s).toMatchObject({ layout: 'shine', encoding: 'windows-1252' });
	expect(s.accounts[0].transactions.map((t) => [t.bankId, t.amount, t.bookingDate, t.payee])).toEqual([
		['tx_8f2a1c', 120000, '2026-03-02', 'SARL Dupré & Fils'],
		['tx_8f2a1d', -4590, '2026-03-03', 'Bureau Vallée']
	]);
});

test('Qonto: settled only, UTC instants read as Paris dates, ids, IBAN', () => {
	const s = parseFixture('qonto.csv');
	expect(s).toMatchObject({ layout: 'qonto', pendingSkipped: 1 });
	const a = s.accounts[0];
	expect(a.iban).toBe('FR7616958000011234567890123');
	expect(a.transactions.map((t) => [t.bookingDate, t.amount, t.bankId])).toEqual([
		['2026-04-01', -4999, 'a1b2c3d4-0001'],
		['2026-03-15', 150000, 'a1b2c3d4-0002']
	]);
	expect(a.transactions[1]).toMatchObject({ rawLabel: 'Client SA Facture 12', memo: 'Acompte' });
});

describe('unknown layouts', () => {
	test('NeedsMappingError with a preview, then parsing with the mapping', () => {
		const e = caught(() => parseFixture('unidentified-fr.csv'));
		expect(e).toBeInstanceOf(NeedsMappingError);
		const preview = (e as NeedsMappingError).preview;
		expect(preview).toMatchObject({ delimiter: ';', hasHeader: false, skipRows: 0 });
		expect(preview.rows).toHaveLength(9);
		expect(preview.rows[0][1]).toBe('22/01/2014');
		expect(preview.suggestedMapping).toMatchObject({ dateColumn: 1, amountColumn: 4, labelColumns: [2] });
		const s = parseFixture('unidentified-fr.csv', { mapping: preview.suggestedMapping! });
		expect(s.layout).toBe('generic');
		const t = s.accounts[0].transactions;
		expect(t[0]).toMatchObject({ line: 1, bookingDate: '2014-01-22', amount: -1000 });
		expect(t[2].amount).toBe(-10590);
		expect(t).toHaveLength(9);
	});

	test('mapping with debit/credit, preamble and header', () => {
		const text =
			'Mon relevé\nExporté le 01/04/2026\nJour;Opération;Sortie;Entrée\n03/31/2026;Loyer;650,00;\n03/15/2026;Salaire;;1 800,00\n';
		const e = caught(() => parseStatement(bytes(text)));
		expect(e).toBeInstanceOf(NeedsMappingError);
		expect((e as NeedsMappingError).preview).toMatchObject({
			hasHeader: true,
			skipRows: 2,
			columns: ['Jour', 'Opération', 'Sortie', 'Entrée']
		});
		const s = parseStatement(bytes(text), {
			mapping: { dateColumn: 0, labelColumns: [1], debitColumn: 2, creditColumn: 3, hasHeader: true, skipRows: 2 }
		});
		// 31 decides month-first for the whole column
		expect(s.accounts[0].transactions.map((t) => [t.line, t.bookingDate, t.amount])).toEqual([
			[4, '2026-03-31', -65000],
			[5, '2026-03-15', 180000]
		]);
	});

	test('an ambiguous date column asks for the order', () => {
		const text = 'Date;Libellé;Montant\n03/04/2026;A;-1,00\n05/04/2026;B;-2,00\n';
		const mapping = { dateColumn: 0, labelColumns: [1], amountColumn: 2, hasHeader: true };
		const e = caught(() => parseStatement(bytes(text), { mapping }));
		expect(e.name).toBe('NeedsDateOrderError');
		expect(e).toBeInstanceOf(ImportError);
		const s = parseStatement(bytes(text), { mapping, dateOrder: 'mdy' });
		expect(dates(s)).toEqual(['2026-03-04', '2026-05-04']);
	});

	test('a mapping naming a missing column is rejected in French', () => {
		const e = caught(() =>
			parseStatement(bytes('a;b\n01/01/2026;1,00\n'), {
				mapping: { dateColumn: 0, labelColumns: [5], amountColumn: 1, hasHeader: false }
			})
		);
		expect(e).toBeInstanceOf(ImportError);
		expect(e.message).toContain("n'existe pas");
	});
});

describe('errors with line numbers', () => {
	test('an unreadable amount rejects the whole file', () => {
		const text =
			'Date;Date de valeur;Débit;Crédit;Libellé;Solde\n01/02/2026;01/02/2026;-4,79;;A;100,00\n02/02/2026;02/02/2026;-4,7,9;;B;95,21\n';
		const e = caught(() => parseStatement(bytes(text)));
		expect(e).toBeInstanceOf(ImportError);
		expect(e.line).toBe(3);
		expect(e.message).toBe('Ligne 3 : montant illisible « -4,7,9 » dans la colonne « Débit ».');
	});
	test('rows whose column count differs from the header are refused with their line', () => {
		const header = 'Date opération;Date valeur;libellé;Débit;Crédit\n';
		const good = '01/02/2026;01/02/2026;CARTE 31/01 BOULANGERIE;-4,79;\n';
		// a separator inside an unquoted label: the amount would be read from the wrong column
		const extra = caught(() => parseStatement(bytes(header + good + '02/02/2026;02/02/2026;VIR M;ME DUPONT;;12,00\n')));
		expect(extra).toBeInstanceOf(ImportError);
		expect(extra).toMatchObject({
			line: 3,
			message:
				'Ligne 3 : 6 colonnes au lieu de 5. Un séparateur en trop (dans un libellé sans guillemets ?) décale les colonnes.'
		});
		// a separator missing: the row would otherwise be read with its columns shifted, or lost
		const missing = caught(() => parseStatement(bytes(header + good + '02/02/2026;02/02/2026;PRLV EDF-45,99;\n')));
		expect(missing).toMatchObject({
			line: 3,
			message: 'Ligne 3 : 4 colonnes au lieu de 5. Un séparateur manque dans cette ligne : les colonnes sont décalées.'
		});
		// empty cells after the last column (trailing separators, as many as the bank likes) are not a shift
		const trailing = parseStatement(bytes(header + good + '02/02/2026;02/02/2026;VIR CAF;;12,00;;\n'));
		expect(amounts(trailing)).toEqual([-479, 1200]);
		// nor is a header ending with a separator that the rows do not repeat
		const headerTrailing = parseStatement(bytes('Date opération;Date valeur;libellé;Débit;Crédit;\n' + good));
		expect(amounts(headerTrailing)).toEqual([-479]);
	});
	test('an impossible date rejects the file', () => {
		const text = 'Date opération;Date valeur;libellé;Débit;Crédit;\n31/02/2026;31/02/2026;X;-1,00;\n';
		const e = caught(() => parseStatement(bytes(text)));
		expect(e).toMatchObject({ line: 2, message: 'Ligne 2 : date impossible « 31/02/2026 ».' });
	});
	test('debit and credit both filled', () => {
		const text = 'Date opération;Date valeur;libellé;Débit;Crédit;\n01/02/2026;01/02/2026;X;-1,00;2,00\n';
		expect(caught(() => parseStatement(bytes(text)))).toMatchObject({ line: 2 });
	});
	test('three decimals are not an amount', () => {
		const text = 'Date opération;Date valeur;libellé;Débit;Crédit;\n01/02/2026;01/02/2026;X;-1,005;\n';
		expect(caught(() => parseStatement(bytes(text)))).toMatchObject({ line: 2 });
	});
});
