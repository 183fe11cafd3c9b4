/** Session cookie attributes: httpOnly, SameSite=Lax, Secure except on plain-HTTP localhost. */
export interface SessionCookieOptions {
	path: string;
	httpOnly: boolean;
	sameSite: 'lax';
	secure: boolean;
	expires: Date;
	/** seconds: the browser counts the lifetime from its own clock (Max-Age wins over Expires) */
	maxAge: number;
}

export function sessionCookieOptions(url: URL, expiresAt: string, now = new Date()): SessionCookieOptions {
	const local = url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1');
	const expires = new Date(expiresAt);
	const maxAge = Math.max(0, Math.floor((expires.getTime() - now.getTime()) / 1000));
	return { path: '/', httpOnly: true, sameSite: 'lax', secure: !local, expires, maxAge };
}
