/**
 * Reads back the text of a PDF written by pdfkit with its standard fonts (tests only): the content streams,
 * inflated when compressed, and their `[<hex> kern …] TJ` text operators decoded from WinAnsi.
 */
import { inflateSync } from 'node:zlib';

/** WinAnsi bytes 0x80–0x9F that differ from Latin-1. */
const WIN_ANSI_HIGH: Record<number, string> = {
	0x80: '€',
	0x85: '…',
	0x91: '‘',
	0x92: '’',
	0x93: '“',
	0x94: '”',
	0x95: '•',
	0x96: '–',
	0x97: '—',
	0x9c: 'œ',
	0x8c: 'Œ'
};

/** The PDF's streams, inflated when compressed. */
function streams(pdf: Buffer): Buffer[] {
	const s = pdf.toString('latin1');
	const out: Buffer[] = [];
	const re = /<<((?:[^<>]|<<[^]*?>>)*?)>>\s*stream\r?\n/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(s))) {
		const start = m.index + m[0].length;
		const end = s.indexOf('endstream', start);
		const body = pdf.subarray(start, end);
		out.push(/\/FlateDecode/.test(m[1]) ? inflateSync(body) : body);
		re.lastIndex = end;
	}
	return out;
}

/** The text shown by the content streams, one line per text operator. */
export function pdfTextLines(pdf: Buffer): string[] {
	const lines: string[] = [];
	for (const stream of streams(pdf)) {
		for (const tj of stream.toString('latin1').matchAll(/\[([^\]]*)\] TJ/g)) {
			let line = '';
			for (const hex of tj[1].matchAll(/<([0-9a-f]*)>/gi)) {
				for (let i = 0; i < hex[1].length; i += 2) {
					const b = parseInt(hex[1].slice(i, i + 2), 16);
					line += WIN_ANSI_HIGH[b] ?? String.fromCharCode(b);
				}
			}
			lines.push(line);
		}
	}
	return lines;
}

/** All the text, lines joined by spaces, no-break spaces made plain. */
export function pdfAllText(pdf: Buffer): string {
	return pdfTextLines(pdf)
		.join(' ')
		.replace(/\u00a0/g, ' ')
		.replace(/\s+/g, ' ');
}
