// Security headers sent with every response, static files included (server.js) and pages (hooks.server.ts).
// HSTS only when the public URL (ORIGIN) is https: over plain http it would be ignored or, behind a
// misconfigured proxy, lock people out.

/** @param {string | null | undefined} origin @returns {[string, string][]} */
export function securityHeaders(origin) {
	/** @type {[string, string][]} */
	const headers = [
		['X-Content-Type-Options', 'nosniff'],
		['Referrer-Policy', 'same-origin'],
		['Permissions-Policy', 'camera=(), microphone=(), geolocation=()']
	];
	if (origin?.startsWith('https://'))
		headers.push(['Strict-Transport-Security', 'max-age=63072000; includeSubDomains']);
	return headers;
}
