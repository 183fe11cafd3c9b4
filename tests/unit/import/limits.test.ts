/**
 * Bounded parsing (issue 13, findings 1, 2 and 7): every bound is checked while reading and refuses the
 * file with a French message and the line at fault. Memory is checked by parsing in a worker whose heap
 * is capped (the old reader needed gigabytes for the blank-line flood), markup closing by the number of
 * open elements a close tag visits, never by wall time.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { centsToString } from '$lib/money';
import { ImportError, parseStatement, reconcile } from '$lib/server/import';
import { parseMarkupDocument } from '$lib/server/import/markup';
import { closeParseWorkers, parseStatementOffThread } from '$lib/server/import/parse-worker';
import { bytes, caught } from './helpers';
import { absurdAmounts, blankFlood, deepNesting, emptyColumns, unmatchedCloses, wideCsv } from './probe/cases';

afterAll(() => closeParseWorkers());

const CM_HEADER = 'Date;Date de valeur;Montant;Libellé;Solde\n';

async function refusal(input: Uint8Array, maxMemoryMb = 128): Promise<ImportError> {
	const e = await parseStatementOffThread(input, {}, { maxMemoryMb }).catch((x: unknown) => x);
	expect(e).toBeInstanceOf(ImportError);
	return e as ImportError;
}

describe('finding 1: blank lines, long lines, columns and cells', () => {
	test('a BoursoBank header then 19 MB of newlines is refused at its line within a 128 MB heap', async () => {
		const e = await refusal(blankFlood(19));
		expect(e.message).toBe(
			"Ligne 1005 : 1\u202f003 lignes vides pour 2 lignes écrites : ce fichier n'est pas un relevé lisible (téléchargez-le à nouveau)."
		);
		expect(e.line).toBe(1005);
	});
	test('the same with 2 MB of newlines, in this thread', () => {
		const e = caught(() => parseStatement(blankFlood(2)));
		expect(e).toBeInstanceOf(ImportError);
		expect(e.line).toBe(1005);
	});
	test('one blank line after every row (files saved with \\r\\r\\n) still parses', () => {
		const rows = Array.from(
			{ length: 1_500 },
			(_, i) => `0${1 + (i % 9)}/03/2026;0${1 + (i % 9)}/03/2026;-1,00;CB X;1,00`
		);
		const s = parseStatement(bytes(CM_HEADER.replace('\n', '\r\r\n') + rows.join('\r\r\n') + '\r\r\n'));
		expect(s.accounts[0].transactions).toHaveLength(1_500);
		expect(s.accounts[0].transactions[1].line).toBe(5);
	});
	test('lines ended by a lone \\r (old Mac files) are lines too', () => {
		const text = (
			CM_HEADER + '02/03/2026;02/03/2026;-1,00;CB X;1,00\n03/03/2026;03/03/2026;-2,00;CB Y;-1,00\n'
		).replace(/\n/g, '\r');
		const s = parseStatement(bytes(text));
		expect(s.accounts[0].transactions.map((t) => [t.line, t.amount])).toEqual([
			[2, -100],
			[3, -200]
		]);
		expect(caught(() => parseStatement(bytes(CM_HEADER.replace('\n', '\r') + '\r'.repeat(2_000)))).line).toBe(1_003);
	});
	test('100,000 columns: refused on the line length, or on the column count when cells are empty', async () => {
		expect((await refusal(wideCsv(100_000, 10))).message).toBe(
			"Ligne 1 : plus de 100\u202f000 caractères sur une seule ligne : ce fichier n'est pas un relevé lisible."
		);
		const e = await refusal(emptyColumns(100_000, 10));
		expect(e.message).toBe(
			"Ligne 2 : 100\u202f000 colonnes, au-delà des 1\u202f000 qu'un relevé peut avoir : ce fichier n'est pas un relevé lisible."
		);
		expect(e.line).toBe(2);
	});
	test('rows of separators only, and more than 4,000,000 cells, are refused with their line', () => {
		const empty = caught(() => parseStatement(bytes(CM_HEADER + ';;;;\n'.repeat(5_000))));
		expect(empty.message).toContain('lignes sans aucune valeur');
		expect(empty.line).toBe(1_003);
		const wide = `01/03/2026;01/03/2026;-1,00;CB X;1,00${';x'.repeat(995)}\n`;
		const cells = caught(() => parseStatement(bytes(wide.repeat(4_001))));
		expect(cells.message).toBe(
			'Ligne 4001 : ce fichier a plus de 4\u202f000\u202f000 cellules : exportez une période plus courte.'
		);
	});
	test('an unclosed quote that swallows the file into one cell is refused at the line it opens', () => {
		const e = caught(() =>
			parseStatement(
				bytes(
					CM_HEADER +
						'01/03/2026;01/03/2026;"-1,00\n' +
						'x'.repeat(900) +
						'\n'.repeat(1) +
						('y'.repeat(999) + '\n').repeat(120)
				)
			)
		);
		expect(e.message).toContain("un guillemet n'est pas fermé");
		expect(e.line).toBe(2);
	});
	test('QIF lines are bounded the same way', () => {
		const e = caught(() => parseStatement(bytes('!Type:Bank\nD01/03/2026\nT-1.00\nPX\n^\n' + '\n'.repeat(3_000))));
		// 5 written lines, then the 1,006th blank one passes 1,000 + 5
		expect(e.line).toBe(1_011);
		expect(caught(() => parseStatement(bytes('!Type:Bank\nD01/03/2026\nP' + 'x'.repeat(100_001)))).line).toBe(3);
	});
});

describe('finding 2: markup closing and nesting', () => {
	test('<A>×25,000 then </B>×25,000 is refused at the line where nesting passes 100 levels', () => {
		const e = caught(() => parseStatement(unmatchedCloses(25_000)));
		expect(e.message).toBe('Ligne 4 : balises imbriquées sur plus de 100 niveaux (<A>) : ce fichier est mal formé.');
		expect(e.line).toBe(4);
		expect(caught(() => parseStatement(deepNesting(50_000))).line).toBe(4);
	});
	test('a close tag costs one step when nothing of its name is open, whatever the depth', () => {
		const stats = { closeSteps: 0 };
		const text = '<OFX>' + '<A>'.repeat(99) + '</B>'.repeat(100_000) + '</OFX>';
		const { root } = parseMarkupDocument(text, { upperCase: true, stats });
		// 100,000 unmatched closes, then </OFX> closing 100 elements: the old walk visited 99 per close
		expect(stats.closeSteps).toBe(100_000 + 100);
		expect(root.children[0].name).toBe('OFX');
	});
	test('closing an outer element closes everything inside it, each element once', () => {
		const stats = { closeSteps: 0 };
		const text = ('<S>' + '<A><B><C>'.repeat(30) + '</S>').repeat(1_000);
		const { root, truncated } = parseMarkupDocument(text, { stats });
		expect(truncated).toBe(false);
		expect(root.children).toHaveLength(1_000);
		expect(stats.closeSteps).toBe(1_000 * 91);
	});
	test('nodes keep their line; a tag longer than 10,000 characters is refused with its line', () => {
		const { root } = parseMarkupDocument('<a>\n<b>x</b>\n\n<c/></a>');
		expect(root.children[0].children.map((n) => [n.name, n.line])).toEqual([
			['b', 2],
			['c', 4]
		]);
		const e = caught(() => parseMarkupDocument(`<a>\n<b ${'x="1" '.repeat(2_000)}>`));
		expect(e.message).toContain('balise de plus de 10\u202f000 caractères');
		expect((e as ImportError).line).toBe(2);
	});
});

describe('finding 7: implausible amounts', () => {
	test('two 9×10¹³ € rows are refused at the first one, not summed into a RangeError', () => {
		const e = caught(() => parseStatement(absurdAmounts()));
		expect(e).toBeInstanceOf(ImportError);
		expect(e.message).toBe(
			'Ligne 2 : montant invraisemblable « 90000000000000,00 » dans la colonne « Montant » (plus de 10\u202f000\u202f000 €) : vérifiez le fichier.'
		);
		expect(e.line).toBe(2);
	});
	test('10 million euros is the largest amount read, in every format', () => {
		const csv = (a: string) => bytes(`${CM_HEADER}02/03/2026;02/03/2026;${a};VIR X;1,00\n`);
		expect(parseStatement(csv('-10 000 000,00')).accounts[0].transactions[0].amount).toBe(-1_000_000_000);
		expect(caught(() => parseStatement(csv('10000000,01'))).line).toBe(2);
		const ofx = (a: string) =>
			bytes(
				`OFXHEADER:100\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR<BANKACCTFROM><ACCTID>123</BANKACCTFROM><BANKTRANLIST>\n<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260302<TRNAMT>${a}<FITID>1<NAME>X</STMTTRN></BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`
			);
		expect(parseStatement(ofx('10000000.00')).accounts[0].transactions[0].amount).toBe(1_000_000_000);
		expect(caught(() => parseStatement(ofx('90000000000000.00'))).line).toBe(4);
		expect(caught(() => parseStatement(bytes('!Type:Bank\nD13/03/2026\nT-90000000000000.00\nPX\n^\n'))).line).toBe(3);
	});
	test('sums of the largest amounts over the largest statement stay exact', () => {
		const txs = Array.from({ length: 200_000 }, (_, i) => ({
			line: i + 2,
			bookingDate: '2026-03-02',
			operationDate: null,
			amount: 1_000_000_000,
			rawLabel: 'X',
			payee: null,
			memo: null,
			bankId: null
		}));
		const gaps = reconcile(txs, [
			{ date: '2026-03-01', amount: 0, kind: 'opening' },
			{ date: '2026-03-02', amount: 1_000_000_000 * 200_000, kind: 'closing' }
		]);
		expect(gaps).toEqual([]);
		expect(centsToString(1_000_000_000 * 200_000)).toBe('2000000000000.00');
	});
});
