/**
 * Small text helpers for cells and headers: accent-free keys for matching header names (tolerant of
 * U+FFFD left by lossy re-encodings), HTML entity decoding (BNP, OFX) and label tidying.
 */

/** Lower case, accents stripped, punctuation collapsed to single spaces. */
export function headerKey(s: string): string {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

/** Consonant skeleton of a header: survives accented letters replaced by U+FFFD or garbage (`Cr3�dit`). */
export function headerSkeleton(s: string): string {
	return headerKey(s)
		.replace(/[^a-z]/g, '')
		.replace(/[aeiouy]/g, '');
}

/** True when a header cell names the expected column (exact key, or same skeleton as a fallback). */
export function headerMatches(cell: string, expected: string): boolean {
	const k = headerKey(cell);
	const e = headerKey(expected);
	if (k === e) return true;
	return cell.includes('\ufffd') || /[^\x20-\x7e]/.test(cell)
		? headerSkeleton(cell) === headerSkeleton(expected)
		: false;
}

const NAMED: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
	eacute: 'é',
	egrave: 'è',
	ecirc: 'ê',
	euml: 'ë',
	agrave: 'à',
	acirc: 'â',
	auml: 'ä',
	ccedil: 'ç',
	icirc: 'î',
	iuml: 'ï',
	ocirc: 'ô',
	ouml: 'ö',
	ugrave: 'ù',
	ucirc: 'û',
	uuml: 'ü',
	Eacute: 'É',
	Egrave: 'È',
	Ecirc: 'Ê',
	Agrave: 'À',
	Ccedil: 'Ç',
	euro: '€',
	deg: '°',
	laquo: '«',
	raquo: '»',
	rsquo: '’',
	lsquo: '‘',
	oelig: 'œ',
	OElig: 'Œ'
};

/** Decodes HTML/XML entities once (`&eacute;`, `&#233;`, `&#xE9;`); unknown entities are left as they are. */
export function decodeEntities(s: string): string {
	if (!s.includes('&')) return s;
	return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z]{2,8});/g, (whole, body: string) => {
		if (body[0] === '#') {
			const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
			return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
		}
		return NAMED[body] ?? whole;
	});
}

/** Decodes entities twice: BNP (and some OFX) escape `&` again (`Cr&amp;eacute;dit`). */
export function decodeEntitiesTwice(s: string): string {
	return decodeEntities(decodeEntities(s));
}

/** Trims a label and collapses inner runs of whitespace (including newlines of multi-line CSV cells). */
const MESSY = /\s\s|[\t\n\r\u00a0\f\v]/;

export function tidy(s: string | undefined | null): string {
	if (!s) return '';
	return MESSY.test(s) ? s.replace(/[\s\u00a0]+/g, ' ').trim() : s.trim();
}

/** tidy() or null when empty. */
export function tidyOrNull(s: string | undefined | null): string | null {
	const t = tidy(s);
	return t === '' ? null : t;
}
