/**
 * Synthetic statement files for the lead's benchmark (not used by tests): a BoursoBank-like CSV with
 * realistic French labels and exact amounts, deterministic for a given row count.
 */

const LABELS = [
	'CARTE 12/03/24 CARREFOUR MARKET CB*1234',
	'PRLV SEPA EDF CLIENTS PARTICULIERS',
	'VIR SEPA RECU /DE CAF DE PARIS /MOTIF PRESTATIONS',
	'CARTE 11/03/24 BOULANGERIE PAUL CB*1234',
	'RETRAIT DAB 10/03/24 PARIS 11 CB*1234',
	'PRLV SEPA FREE MOBILE',
	'COMMISSION D INTERVENTION',
	'CARTE 09/03/24 SNCF INTERNET CB*1234'
];

/**
 * A BoursoBank-layout CSV (UTF-8, `;`, decimal comma) with `rows` transactions, newest first.
 * Returns the bytes, as read from disk. The text is encoded 1,000 lines at a time into one growing buffer,
 * so that making the file does not leave the benchmark's process several times its size in garbage.
 */
export function generateLargeCsv(rows: number): Uint8Array {
	const encoder = new TextEncoder();
	let buffer = new Uint8Array(1 << 20);
	let length = 0;
	const append = (text: string) => {
		const bytes = encoder.encode(text);
		if (length + bytes.length > buffer.length) {
			const grown = new Uint8Array(Math.max(buffer.length * 2, length + bytes.length));
			grown.set(buffer.subarray(0, length));
			buffer = grown;
		}
		buffer.set(bytes, length);
		length += bytes.length;
	};
	append(
		'dateOp;dateVal;label;category;categoryParent;supplierFound;amount;comment;accountNum;accountLabel;accountbalance\n'
	);
	let seed = 42;
	const rand = () => {
		seed = (seed * 1103515245 + 12345) & 0x7fffffff;
		return seed;
	};
	const start = Date.UTC(2024, 11, 31);
	let lines: string[] = [];
	for (let i = 0; i < rows; i++) {
		const d = new Date(start - Math.floor(i / 20) * 86_400_000);
		const iso = d.toISOString().slice(0, 10);
		const label = LABELS[rand() % LABELS.length];
		const cents = (rand() % 20000) + 1;
		const credit = label.startsWith('VIR');
		const euros = Math.floor(cents / 100);
		const thousands =
			euros >= 1000 ? `${Math.floor(euros / 1000)} ${String(euros % 1000).padStart(3, '0')}` : String(euros);
		const amount = `${credit ? '' : '-'}${thousands},${String(cents % 100).padStart(2, '0')}`;
		lines.push(`${iso};${iso};"${label}";"Divers";"Divers";"";${amount};;00012345;"BOURSORAMA BANQUE";1234.56\n`);
		if (lines.length === 1000) {
			append(lines.join(''));
			lines = [];
		}
	}
	append(lines.join(''));
	return buffer.slice(0, length);
}
