import { describe, expect, it } from 'vitest';
import { sessionCookieOptions } from '$lib/server/auth/cookie';

describe('session cookie', () => {
	it('gives the lifetime as Max-Age, so that the browser counts it from its own clock', () => {
		const o = sessionCookieOptions(
			new URL('https://bgv.exemple.fr/login'),
			'2026-12-20T10:00:00.000Z',
			new Date('2026-12-06T10:00:00.000Z')
		);
		expect(o.maxAge).toBe(14 * 24 * 3600);
		expect(o.expires.toISOString()).toBe('2026-12-20T10:00:00.000Z');
		expect(o.secure).toBe(true);
	});
	it('is not Secure on plain-HTTP localhost only, and never negative', () => {
		const o = sessionCookieOptions(
			new URL('http://localhost:4173/'),
			'2026-12-01T00:00:00.000Z',
			new Date('2026-12-06T00:00:00.000Z')
		);
		expect(o.secure).toBe(false);
		expect(o.maxAge).toBe(0);
	});
});
