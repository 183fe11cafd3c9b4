/**
 * Turns the file's bytes into text. French banks write Windows-1252 while declaring anything, so the
 * bytes decide: BOM first, then strict UTF-8, then Windows-1252 (ISO-8859-1/-15 are read as 1252).
 */

export interface DecodedText {
	text: string;
	encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
	warnings: string[];
}

// Windows-1252 0x80–0x9F (Node's decoder maps them to C1 controls instead); 0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Decodes Windows-1252 bytes (ISO-8859-1/-15 files are read the same way). */
export function decodeWindows1252(bytes: Uint8Array): string {
	const latin1 = new TextDecoder('latin1').decode(bytes);
	return /[\x80-\x9f]/.test(latin1)
		? latin1.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80])
		: latin1;
}

/** True when the bytes look like UTF-16 without a BOM (every other byte NUL in ASCII text). */
function utf16Without(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	const n = Math.min(bytes.length, 512) & ~1;
	if (n < 4) return null;
	let evenNul = 0;
	let oddNul = 0;
	for (let i = 0; i < n; i += 2) {
		if (bytes[i] === 0) evenNul++;
		if (bytes[i + 1] === 0) oddNul++;
	}
	const pairs = n / 2;
	if (oddNul > pairs * 0.6 && evenNul < pairs * 0.1) return 'utf-16le';
	if (evenNul > pairs * 0.6 && oddNul < pairs * 0.1) return 'utf-16be';
	return null;
}

/** Decodes a statement file; warns (in French) when the text already holds U+FFFD replacement characters. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
	const warnings: string[] = [];
	let text: string;
	let encoding: DecodedText['encoding'];
	if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		encoding = 'utf-8';
		text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(3));
	} else if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
		encoding = 'utf-16le';
		text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
	} else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
		encoding = 'utf-16be';
		text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
	} else {
		const utf16 = utf16Without(bytes);
		if (utf16) {
			encoding = utf16;
			text = new TextDecoder(utf16).decode(bytes);
		} else {
			try {
				text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
				encoding = 'utf-8';
			} catch {
				text = decodeWindows1252(bytes);
				encoding = 'windows-1252';
			}
		}
	}
	if (text.includes('\ufffd')) {
		warnings.push(
			'Le fichier contient déjà des caractères illisibles (« \ufffd ») : il a probablement été réenregistré avec un mauvais encodage ; les accents de certains libellés sont perdus.'
		);
	}
	return { text, encoding, warnings };
}
