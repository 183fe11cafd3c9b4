/**
 * Where a login may send the person next: only a path of this site. The target is parsed as a URL against
 * a placeholder origin and re-serialised, so that every spelling browsers read as another host (`//x`,
 * `/\x`, tabs and newlines inside, full-width dots) is refused, and nothing odd ever reaches a header.
 */
const BASE = 'http://bgv.invalid';

export function safeNext(next: string | null): string | null {
	if (!next || !next.startsWith('/') || next.length > 2000) return null;
	// Characters a URL parser drops or a header cannot carry: refuse rather than guess.
	// eslint-disable-next-line no-control-regex -- control characters are what is refused
	if (/[\u0000-\u001f\u007f\\]/.test(next)) return null;
	let url: URL;
	try {
		url = new URL(next, BASE);
	} catch {
		return null;
	}
	if (url.origin !== BASE) return null;
	const path = `${url.pathname}${url.search}${url.hash}`;
	return path.startsWith('//') ? null : path;
}
