import { describe, expect, test } from 'vitest';
import { ImportError, NeedsDateOrderError, parseStatement, reconcile } from '$lib/server/import';
import { bytes, caught, cp1252, fixture, parseFixture } from './helpers';

describe('OFX 1.x SGML', () => {
	test('Banque Populaire style: CHARSET 1252 bytes, mixed closed tags, + amounts, two accounts', () => {
		const s = parseFixture('bp-multi.ofx');
		expect(s).toMatchObject({ format: 'ofx', layout: null, encoding: 'windows-1252' });
		expect(s.accounts.map((a) => [a.accountNumber, a.label, a.transactions.length])).toEqual([
			['12345678901', 'CHECKING', 3],
			['98765432100', 'SAVINGS', 1]
		]);
		const t = s.accounts[0].transactions;
		expect(t.map((x) => x.amount)).toEqual([-7892, 100000, -800]);
		expect(t[0]).toMatchObject({
			line: 39,
			bookingDate: '2026-03-16',
			operationDate: '2026-03-14',
			payee: '140326 CB****6516',
			memo: 'AUCHAN SUPER MA33MÉRIGNAC',
			bankId: '202600700026BD27'
		});
		expect(t[1].memo).toBe('Prestations février');
		expect(s.accounts[0].balances).toEqual([{ date: '2026-03-17', amount: 151881, kind: 'closing', line: 64 }]);
		expect(s.accounts[1].balances[0].amount).toBe(755642);
	});

	test('La Banque Postale style: one line, DIRECTDEP on debits, comma decimals', () => {
		const s = parseFixture('lbp-oneline.ofx');
		const t = s.accounts[0].transactions;
		expect(t.map((x) => x.amount)).toEqual([-4250, -4000, -15000, 61235]);
		expect(t[0]).toMatchObject({ line: 10, operationDate: '2011-11-01', bankId: 'PIXUWALLQ_' });
		expect(t[1].operationDate).toBe('2011-10-31');
		expect(s.accounts[0].balances[0]).toEqual({ date: '2011-11-04', amount: 123456, kind: 'closing', line: 10 });
	});

	test('empty statement with empty ACCTID and BALAMT is rejected as having no transaction', () => {
		expect(caught(() => parseFixture('bp-empty.ofx')).message).toBe('Aucune opération trouvée dans ce fichier.');
	});

	test('actual fixtures: Bank of America export, multi-decimal amounts, HTML entities, cp1252 and mislabelled UTF-8', () => {
		const boa = parseFixture('actual-data.ofx');
		expect(boa.accounts[0]).toMatchObject({
			accountNumber: '123456789123',
			bankName: 'Bank of America',
			currency: 'USD'
		});
		expect(boa.accounts[0].transactions).toHaveLength(10);
		expect(boa.accounts[0].transactions[1]).toMatchObject({ amount: -377, bookingDate: '2019-01-23' });
		expect(parseFixture('actual-data-multi-decimal.ofx').accounts[0].transactions.map((t) => t.amount)).toEqual([
			-3000, -377
		]);
		const html = parseFixture('actual-html-vals.qfx').accounts[0].transactions;
		expect(html[0].memo).toBe('PREAUTHORIZED DEBIT;B.C. HYDRO & POWER AUTHORITY;Electronic Funds Transfer');
		expect(html[1].payee).toBe('TPAY <DEFTPYMT>');
		const cp = parseFixture('actual-1252.qfx');
		expect(cp.encoding).toBe('windows-1252');
		expect(cp.accounts[0].transactions[0]).toMatchObject({ payee: 'Café Métro €uro', memo: 'Paiement 5€ — débit' });
		const latin = parseFixture('actual-8859-1.qfx');
		expect(latin.encoding).toBe('utf-8');
		expect(latin.accounts[0].transactions[0].payee).toBe('Paiement facture/Carte prépayée');
		expect(parseFixture('actual-credit-card.ofx').accounts[0]).toMatchObject({
			label: 'Carte •••• 14',
			kind: 'card',
			currency: 'USD'
		});
	});
});

describe('OFX 2.x XML', () => {
	test('ANZ credit card 2.0.3', () => {
		const s = parseFixture('anzcc.ofx');
		expect(s.accounts[0]).toMatchObject({ accountNumber: '1234123412341234', currency: 'AUD' });
		expect(s.accounts[0].transactions[0]).toMatchObject({
			amount: -550,
			bookingDate: '2017-05-08',
			rawLabel: 'SOME MEMO',
			bankId: '201705080001'
		});
		expect(s.accounts[0].balances[0]).toEqual({ date: '2017-05-10', amount: -12345, kind: 'closing', line: 38 });
	});
	test('Suncorp 2.0.0 us-ascii', () => {
		const s = parseFixture('suncorp.ofx');
		expect(s.accounts[0].transactions[0]).toMatchObject({
			amount: -1685,
			bookingDate: '2013-12-15',
			payee: 'EFTPOS WDL HANDYWAY ALDI STORE'
		});
	});
});

describe('QIF', () => {
	test('French Bourso style: dd/mm from the whole file, T-2,152.09, T+1,500.00, T-.01', () => {
		const s = parseFixture('boursobank-fr.qif');
		expect(s).toMatchObject({ format: 'qif', encoding: 'windows-1252' });
		const t = s.accounts[0].transactions;
		expect(t.map((x) => [x.line, x.bookingDate, x.amount])).toEqual([
			[2, '2024-03-15', -215209],
			[6, '2024-03-14', 150000],
			[11, '2024-03-13', -1]
		]);
		expect(t[1].bankCategory).toBe('Virements reçus');
		expect(s.warnings.join(' ')).toContain('Relev{');
	});
	test('US card export (Actual): MM/dd/yy decided from the whole file', () => {
		const t = parseFixture('actual-data.qif').accounts[0].transactions;
		expect(t).toHaveLength(18);
		expect(t[0]).toMatchObject({ bookingDate: '2018-12-19', amount: -2500 });
	});
	test("quiffen: comments, M/D'YYYY dates, opening balance, non-bank sections ignored", () => {
		const s = parseFixture('quiffen-test.qif');
		const a = s.accounts[0];
		expect(a.balances).toEqual([{ date: '2020-02-10', amount: 0, kind: 'opening', line: 29 }]);
		expect(a.transactions.map((t) => [t.bookingDate, t.amount, t.rawLabel])).toEqual([
			['2020-02-14', 6750, 'T-Mobile'],
			['2020-02-14', 3200, 'US Post Office'],
			['2020-02-12', -1000, 'Target'],
			['2020-02-11', -2500, 'Walmart'],
			['2020-02-10', -10000, 'Amazon.com']
		]);
	});
	test('ambiguous dates ask for the order, and the answer is used', () => {
		const text = '!Type:Banque\nD03/04/2024\nT-10.00\nPA\n^\nD05/04/2024\nT-2.00\nPB\n^\n';
		const e = caught(() => parseStatement(bytes(text)));
		expect(e).toBeInstanceOf(NeedsDateOrderError);
		const s = parseStatement(bytes(text), { dateOrder: 'dmy' });
		expect(s.accounts[0].transactions.map((t) => t.bookingDate)).toEqual(['2024-04-03', '2024-04-05']);
	});
});

describe('camt.053', () => {
	for (const v of ['v02', 'v08']) {
		test(`${v}: booked only, sign from CdtDbtInd, AcctSvcrRef, OPBD/CLBD reconcile`, () => {
			const s = parseFixture(`camt053-${v}.xml`);
			expect(s).toMatchObject({ format: 'camt053', pendingSkipped: 1 });
			const a = s.accounts[0];
			expect(a).toMatchObject({
				iban: 'FR7630006000011234567890189',
				bankName: 'Banque Exemple',
				label: 'Compte courant association'
			});
			expect(a.transactions.map((t) => [t.line, t.bookingDate, t.amount, t.bankId, t.payee])).toEqual([
				[25, '2026-03-05', 61240, 'REF-0001', 'CAF DE LA GIRONDE'],
				[38, '2026-03-12', -15030, 'REF-0002', 'EDF']
			]);
			expect(a.transactions[0].rawLabel).toBe('CAF DE LA GIRONDE PRESTATIONS FAMILIALES MARS 2026');
			expect(a.transactions[1].rawLabel).toBe('PRLV SEPA EDF FACTURE 123');
			expect(a.balances).toEqual([
				{ date: '2026-03-01', amount: 100000, kind: 'opening', line: 13 },
				{ date: '2026-03-31', amount: 146210, kind: 'closing', line: 19 }
			]);
			expect(reconcile(a.transactions, a.balances)).toEqual([]);
		});
	}
	test('every version from 001.02 to 001.08 is read the same (the namespace names the version)', () => {
		const v08 = new TextDecoder().decode(fixture('camt053-v08.xml'));
		const expected = parseFixture('camt053-v08.xml').accounts;
		for (const v of ['02', '03', '04', '05', '06', '07']) {
			const text = v08.replaceAll('camt.053.001.08', `camt.053.001.${v}`);
			expect(text).toContain(`camt.053.001.${v}`);
			const s = parseStatement(bytes(text));
			expect(s.format).toBe('camt053');
			expect(s.accounts).toEqual(expected);
		}
	});
	test('camt.053.001.04 from Actual (German test account) reconciles', () => {
		const a = parseFixture('actual-camt.053.xml').accounts[0];
		expect(a.iban).toBe('DE14740618130000033626');
		expect(a.transactions).toHaveLength(6);
		expect(reconcile(a.transactions, a.balances)).toEqual([]);
	});
	test('ISO-8859-1 camt.052 with umlauts', () => {
		const s = parseFixture('actual-camt.latin1.xml');
		expect(s.encoding).toBe('windows-1252');
		expect(s.accounts[0].transactions[1]).toMatchObject({ amount: -500, payee: 'Grüße aus München' });
	});
});

describe('truncated files are refused as a whole', () => {
	/** The first `cut` bytes of a fixture: a fraction of its length, or everything before a marker. */
	function cutAt(name: string, cut: number | string): Uint8Array {
		const b = fixture(name);
		if (typeof cut === 'number') return b.slice(0, Math.floor(b.length * cut));
		const at = new TextDecoder('latin1').decode(b).lastIndexOf(cut);
		expect(at).toBeGreaterThan(0);
		return b.slice(0, at);
	}
	function expectIncomplete(input: Uint8Array, format: string): ImportError {
		const e = caught(() => parseStatement(input));
		expect(e).toBeInstanceOf(ImportError);
		expect(e.message).toMatch(
			new RegExp(
				`^Ce fichier ${format.replace('.', '\\.')} est incomplet \\(coupé avant la fin, ligne \\d+\\) : téléchargez-le à nouveau\\.$`
			)
		);
		expect(e.line).toBeGreaterThan(0);
		return e as ImportError;
	}

	test('OFX 1.x SGML (bp-multi.ofx) cut at 30%, 50%, 90%, before </BANKTRANLIST> and just before </OFX>', () => {
		for (const cut of [0.3, 0.5, 0.9, '</BANKTRANLIST>', '</OFX>']) expectIncomplete(cutAt('bp-multi.ofx', cut), 'OFX');
		// the line is where the file stops: cut after line 59 (the first account's </STMTRS>)
		const text = new TextDecoder('latin1').decode(fixture('bp-multi.ofx'));
		const upTo59 = text.split('\r\n').slice(0, 59).join('\r\n') + '\r\n';
		expect(expectIncomplete(bytes(upTo59), 'OFX').line).toBe(59);
	});

	test('OFX 1.x on one line and OFX 2.x (SGML leaves and strict XML) cut short', () => {
		for (const cut of [0.5, 0.9, '</OFX>']) {
			expectIncomplete(cutAt('lbp-oneline.ofx', cut), 'OFX');
			expectIncomplete(cutAt('anzcc.ofx', cut), 'OFX');
			expectIncomplete(cutAt('suncorp.ofx', cut), 'OFX');
		}
		expect(expectIncomplete(cutAt('lbp-oneline.ofx', 0.5), 'OFX').line).toBe(10); // the one-line body
		// cut inside a tag name or an attribute
		expectIncomplete(cutAt('suncorp.ofx', '/OFX>'), 'OFX');
	});

	test('a last STMTTRN cut after DTPOSTED is not dropped: the file is refused', () => {
		const head = `OFXHEADER:100\nDATA:OFXSGML\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR<BANKACCTFROM><ACCTID>1</BANKACCTFROM><BANKTRANLIST>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260304<TRNAMT>-1.00<FITID>A1</STMTTRN>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260305`;
		expect(expectIncomplete(bytes(head), 'OFX').line).toBe(6);
		expectIncomplete(bytes(head + '\n<TRNAMT>-2.'), 'OFX');
	});

	test('a STMTTRN left open (next one nested in it) is refused, not skipped', () => {
		const ofx = `<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR<BANKACCTFROM><ACCTID>1</BANKACCTFROM><BANKTRANLIST>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260304<TRNAMT>-1.00<FITID>A1
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260305<TRNAMT>-2.00<FITID>A2</STMTTRN>
</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`;
		const e = caught(() => parseStatement(bytes(ofx)));
		expect(e).toBeInstanceOf(ImportError);
		expect(e.message).toContain('</STMTTRN>');
		expect(e.line).toBe(3);
	});

	test('camt.053 v08 cut at 60%, inside an entry and just before </Document>', () => {
		for (const cut of [0.6, 0.3, 0.95, '</Ntry>', '</Stmt>', '</Document>'])
			expectIncomplete(cutAt('camt053-v08.xml', cut), 'camt.053');
		expectIncomplete(cutAt('camt053-v02.xml', 0.6), 'camt.053');
		expectIncomplete(cutAt('actual-camt.latin1.xml', 0.6), 'camt.052');
	});

	test('complete files still parse the same with CRLF, trailing blanks or NUL padding after the root', () => {
		for (const name of ['bp-multi.ofx', 'lbp-oneline.ofx', 'anzcc.ofx', 'suncorp.ofx', 'camt053-v08.xml']) {
			const b = fixture(name);
			const expected = parseStatement(b).accounts;
			const padded = new Uint8Array([...b, ...bytes(' \r\n\t\n'), 0, 0, 0]);
			expect(parseStatement(padded).accounts).toEqual(expected);
			const text = new TextDecoder('latin1').decode(b);
			if (text.includes('\r\n')) continue;
			const crlf = parseStatement(cp1252(text.replace(/\n/g, '\r\n'))).accounts;
			expect(crlf.map((a) => a.transactions.map((t) => [t.bookingDate, t.amount, t.bankId]))).toEqual(
				expected.map((a) => a.transactions.map((t) => [t.bookingDate, t.amount, t.bankId]))
			);
		}
	});
});

describe('encoding and container sniffing', () => {
	test('UTF-8 BOM, UTF-16LE with BOM', () => {
		const csv = 'Date opération;Date valeur;libellé;Débit;Crédit;\n01/02/2026;01/02/2026;Café;-1,50;\n';
		const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(csv)]);
		expect(parseStatement(bom)).toMatchObject({ encoding: 'utf-8', layout: 'fortuneo' });
		const u16 = new Uint8Array(2 + csv.length * 2);
		u16[0] = 0xff;
		u16[1] = 0xfe;
		for (let i = 0; i < csv.length; i++) u16[2 + 2 * i] = csv.charCodeAt(i);
		const s = parseStatement(u16);
		expect(s.encoding).toBe('utf-16le');
		expect(s.accounts[0].transactions[0]).toMatchObject({ rawLabel: 'Café', amount: -150 });
	});
	test('invalid UTF-8 falls back to Windows-1252 (€ at 0x80)', () => {
		const s = parseStatement(
			cp1252('Date opération;Date valeur;libellé;Débit;Crédit;\n01/02/2026;01/02/2026;Frais 2€ dépassé;-2,00;\n')
		);
		expect(s.encoding).toBe('windows-1252');
		expect(s.accounts[0].transactions[0].rawLabel).toBe('Frais 2€ dépassé');
	});
	test('files that are not statements are refused in French', () => {
		expect(caught(() => parseStatement(bytes('%PDF-1.7\n...'))).message).toBe(
			'Ce fichier est un PDF : téléchargez plutôt le relevé au format CSV, OFX ou QIF depuis votre banque en ligne.'
		);
		expect(caught(() => parseStatement(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2]))).message).toContain('Excel (XLSX)');
		expect(
			caught(() => parseStatement(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).message
		).toContain('Excel (XLS)');
		expect(caught(() => parseStatement(new Uint8Array(0))).message).toBe('Ce fichier est vide.');
		expect(caught(() => parseStatement(bytes(' \r\n\n'))).message).toBe('Ce fichier est vide.');
		expect(caught(() => parseStatement(bytes('<html><body><table><tr><td>1</td></tr></table>'))).message).toContain(
			'HTML'
		);
		expect(caught(() => parseStatement(new Uint8Array(21 * 1024 * 1024))).message).toContain('20 Mo');
		const binary = new Uint8Array(4096).map((_, i) => (i * 37) % 256);
		expect(caught(() => parseStatement(binary))).toBeInstanceOf(ImportError);
	});
	test('a CSV with a header and no transaction is rejected', () => {
		expect(caught(() => parseStatement(bytes('Date opération;Date valeur;libellé;Débit;Crédit;\n'))).message).toBe(
			'Aucune opération trouvée dans ce fichier.'
		);
	});
	test('a file with only pending rows says so', () => {
		const text =
			'Type,Product,Started Date,Completed Date,Description,Amount,Fee,Currency,State,Balance\nCARD_PAYMENT,Current,2026-03-05 18:45:10,,Uber Eats,-22.90,0.00,EUR,PENDING,\n';
		expect(caught(() => parseStatement(bytes(text))).message).toContain('en attente');
	});
	test('the format can be forced', () => {
		expect(parseStatement(fixture('boursobank-fr.qif'), { format: 'qif' }).format).toBe('qif');
		expect(caught(() => parseStatement(fixture('boursobank-fr.qif'), { format: 'ofx' }))).toBeInstanceOf(ImportError);
	});
});
