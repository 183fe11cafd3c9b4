/**
 * Hostile inputs of issue 13, shared by the probe (peak memory, measured outside the suite) and the tests.
 * Every builder is deterministic.
 */
const enc = new TextEncoder();

const BOURSO_HEADER =
	'dateOp;dateVal;label;category;categoryParent;supplierFound;amount;comment;accountNum;accountLabel;accountbalance\n';

/** A BoursoBank header, one row, then `mb` megabytes of newlines (finding 1). */
export function blankFlood(mb = 19): Uint8Array {
	const head = enc.encode(
		BOURSO_HEADER +
			'2026-01-27;2026-01-27;"CARTE 25/01/26 TFL";"Transports";"Transports";"tfl";-2,80;;00040123456;"BoursoBank";"1226.68"\n'
	);
	const out = new Uint8Array(head.length + mb * 1024 * 1024);
	out.set(head);
	out.fill(0x0a, head.length);
	return out;
}

/** A CSV of `rows` lines of `columns` cells each, the first a date and the third an amount. */
export function wideCsv(columns = 100_000, rows = 10): Uint8Array {
	const header = Array.from({ length: columns }, (_, i) => `c${i}`).join(';');
	const row = ['01/03/2026', 'CB TEST', '-1,00', ...Array.from({ length: columns - 3 }, () => 'x')].join(';');
	return enc.encode([header, ...Array.from({ length: rows }, () => row)].join('\n') + '\n');
}

/** `<A>`×n then `</B>`×n in an OFX body (finding 2). */
export function unmatchedCloses(n = 25_000): Uint8Array {
	return enc.encode('OFXHEADER:100\nDATA:OFXSGML\n\n<OFX>' + '<A>'.repeat(n) + '</B>'.repeat(n) + '</OFX>\n');
}

/** A Crédit Mutuel–style CSV with two 9×10¹³ € rows (finding 7). */
export function absurdAmounts(): Uint8Array {
	return enc.encode(
		'Date;Date de valeur;Montant;Libellé;Solde\n' +
			'02/03/2026;02/03/2026;90000000000000,00;VIR RECU X;1,00\n' +
			'03/03/2026;03/03/2026;90000000000000,00;VIR RECU Y;2,00\n'
	);
}

/** A BoursoBank header then `columns` − 1 separators on each of `rows` lines: many empty cells, short lines. */
export function emptyColumns(columns = 100_000, rows = 10): Uint8Array {
	const line = ';'.repeat(columns - 1);
	return enc.encode(BOURSO_HEADER + Array.from({ length: rows }, () => line).join('\n') + '\n');
}

/** `<A>` opened `n` times (each inside the previous) in an OFX body. */
export function deepNesting(n = 50_000): Uint8Array {
	return enc.encode('OFXHEADER:100\nDATA:OFXSGML\n\n<OFX>' + '<A>'.repeat(n) + '</OFX>\n');
}
