/**
 * Recognises the container from the bytes and the text, never from the file name or the bank picked:
 * rejects PDF, spreadsheets and binaries with a French explanation, then tells OFX, camt, QIF and CSV apart.
 */
import { ImportError } from './errors';
import type { StatementFormat } from './types';

export const MAX_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 200_000;

const ASK_CSV = 'téléchargez plutôt le relevé au format CSV, OFX ou QIF depuis votre banque en ligne.';

function startsWith(bytes: Uint8Array, sig: number[], offset = 0): boolean {
	if (bytes.length < offset + sig.length) return false;
	return sig.every((b, i) => bytes[offset + i] === b);
}

/** Throws an ImportError for files that cannot be a statement export (size, empty, PDF, XLS/XLSX, binary). */
export function rejectUnreadable(bytes: Uint8Array, maxBytes: number = MAX_BYTES): void {
	if (bytes.length > maxBytes) {
		throw new ImportError(
			`Ce fichier est trop gros (${Math.ceil(bytes.length / 1024 / 1024)} Mo) : la limite est de ${Math.floor(maxBytes / 1024 / 1024)} Mo. Exportez une période plus courte.`
		);
	}
	let nonBlank = false;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		if (
			b !== 0x20 &&
			b !== 0x09 &&
			b !== 0x0a &&
			b !== 0x0d &&
			b !== 0 &&
			b !== 0xef &&
			b !== 0xbb &&
			b !== 0xbf &&
			b !== 0xff &&
			b !== 0xfe
		) {
			nonBlank = true;
			break;
		}
	}
	if (!nonBlank) throw new ImportError('Ce fichier est vide.');
	let start = 0;
	while (
		start < bytes.length &&
		start < 1024 &&
		(bytes[start] === 0x20 || bytes[start] === 0x0a || bytes[start] === 0x0d || bytes[start] === 0x09)
	)
		start++;
	if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46], start)) {
		throw new ImportError(`Ce fichier est un PDF : ${ASK_CSV}`);
	}
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
		throw new ImportError(
			`Ce fichier est un classeur Excel (XLSX) ou une archive ZIP, que BGV ne lit pas encore : ouvrez-le dans un tableur et enregistrez-le au format CSV, ou ${ASK_CSV}`
		);
	}
	if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
		throw new ImportError(
			`Ce fichier est un classeur Excel (XLS), que BGV ne lit pas encore : enregistrez-le au format CSV dans votre tableur, ou ${ASK_CSV}`
		);
	}
	for (const sig of [
		[0x89, 0x50, 0x4e, 0x47],
		[0xff, 0xd8, 0xff],
		[0x47, 0x49, 0x46, 0x38],
		[0x1f, 0x8b]
	]) {
		if (startsWith(bytes, sig))
			throw new ImportError(`Ce fichier est une image ou une archive, pas un relevé : ${ASK_CSV}`);
	}
}

/** Rejects decoded text that is really binary (control characters) or an HTML page saved as .xls. */
export function rejectBinaryText(text: string): void {
	const sample = text.slice(0, 8192);
	let control = 0;
	for (let i = 0; i < sample.length; i++) {
		const c = sample.charCodeAt(i);
		if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) control++;
	}
	if (control > 0 && control > sample.length * 0.01) {
		throw new ImportError(`Ce fichier n'est pas un relevé lisible (contenu binaire) : ${ASK_CSV}`);
	}
	if (/^\s*(<!doctype html|<html|<table)/i.test(sample)) {
		throw new ImportError(
			`Ce fichier est une page web (HTML) enregistrée sous un autre nom : ouvrez-la dans un tableur et enregistrez-la en CSV, ou ${ASK_CSV}`
		);
	}
}

/** Detects the statement format from the decoded text. */
export function detectFormat(text: string): StatementFormat {
	const head = text.slice(0, 4096);
	if (/^\s*OFXHEADER\s*:/i.test(head) || /<\?OFX\b/i.test(head) || /<OFX>/i.test(head)) return 'ofx';
	if (
		/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<([A-Za-z0-9_]+:)?Document\b/.test(head) &&
		/camt\.05[234]/.test(head)
	) {
		return 'camt053';
	}
	if (/^\s*!(Type|Account|Option)\b/im.test(head) || looksLikeQifRecords(head)) return 'qif';
	if (/^\s*<\?xml/.test(head) && /<OFX>/i.test(text.slice(0, 65536))) return 'ofx';
	return 'csv';
}

const QIF_CODES = /^[DTUPMNLCASE$%^]/;

/**
 * QIF without a `!Type` line (older BNP and Microsoft Money exports start with their records): the first
 * lines are all QIF fields (a code letter then its value), with a `D` date, a `T` amount and a `^` that
 * ends a record.
 */
function looksLikeQifRecords(head: string): boolean {
	const lines = head
		.split(/\r\n|\r|\n/)
		.slice(0, 40)
		.map((l) => l.trim())
		.filter((l) => l !== '');
	// the last line of the sample may be cut
	if (head.length >= 4096) lines.pop();
	if (lines.length < 3 || !lines.every((l) => QIF_CODES.test(l))) return false;
	return (
		lines.some((l) => l === '^') &&
		lines.some((l) => /^D\s*\d{1,4}\s*[/.\-']\s*\d{1,2}\s*[/.\-']\s*\d{2,4}$/.test(l)) &&
		lines.some((l) => /^[TU]\s*[+-]?\s*[\d.,' ]*\d[\d.,' ]*$/.test(l))
	);
}
