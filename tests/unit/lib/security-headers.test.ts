import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../../scripts/security-headers.js';

describe('securityHeaders', () => {
	it('sends nosniff, referrer and permissions policies everywhere', () => {
		const names = securityHeaders(null).map(([name]) => name);
		expect(names).toEqual(['X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy']);
	});

	it('adds HSTS only when the public origin is https', () => {
		const hsts = (origin: string | null) =>
			securityHeaders(origin).find(([name]) => name === 'Strict-Transport-Security');
		expect(hsts('http://localhost:3000')).toBeUndefined();
		expect(hsts(null)).toBeUndefined();
		expect(hsts('https://bgv.example.org')?.[1]).toMatch(/^max-age=\d+/);
	});
});
