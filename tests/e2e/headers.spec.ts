import { expect, test } from '@playwright/test';
import { login, USERS } from './helpers';

// Security headers on pages and on the static files adapter-node serves before the hooks run (server.js).

function expectSecurityHeaders(headers: Record<string, string>) {
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('same-origin');
	expect(headers['permissions-policy']).toContain('camera=()');
}

test('a page sends the security headers and a CSP without inline styles or scripts', async ({ page }) => {
	const response = await page.goto('/login');
	const headers = response!.headers();
	expectSecurityHeaders(headers);
	const csp = headers['content-security-policy'];
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).toContain("style-src 'self'");
	expect(csp).not.toContain('unsafe-inline');
	expect(csp).not.toContain('unsafe-eval');
});

test('static files under /_app carry the security headers too', async ({ page, request }) => {
	const scripts: string[] = [];
	page.on('request', (r) => {
		if (new URL(r.url()).pathname.startsWith('/_app/')) scripts.push(new URL(r.url()).pathname);
	});
	await page.goto('/login');
	await page.waitForLoadState('networkidle');
	expect(scripts.length).toBeGreaterThan(0);
	const response = await request.get(scripts[0]);
	expect(response.status()).toBe(200);
	expectSecurityHeaders(response.headers());
});

test('a signed-in page is never cached and styles still apply without inline styles', async ({ page }) => {
	const violations: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
	});
	await login(page, USERS.household);
	const response = await page.reload();
	expect(response!.headers()['cache-control']).toContain('no-store');
	await page
		.getByRole('link', { name: /Budget/ })
		.first()
		.click();
	await page.waitForLoadState('networkidle');
	expect(violations).toEqual([]);
});
