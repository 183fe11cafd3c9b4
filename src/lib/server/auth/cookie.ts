/** Session cookie attributes: httpOnly, SameSite=Lax, Secure except on plain-HTTP localhost. */
export interface SessionCookieOptions {
	path: string;
	httpOnly: boolean;
	sameSite: 'lax';
	secure: boolean;
	expires: Date;
}

export function sessionCookieOptions(url: URL, expiresAt: string): SessionCookieOptions {
	const local = url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1');
	return { path: '/', httpOnly: true, sameSite: 'lax', secure: !local, expires: new Date(expiresAt) };
}
