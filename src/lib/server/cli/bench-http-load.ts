/**
 * The load half of the HTTP bench: logging in through the real login form (a session cookie, as a browser
 * without JavaScript), then autocannon against one page with that cookie, latencies taken from every
 * response (autocannon's own summary has no 95th percentile).
 */
import type autocannon from 'autocannon';

export interface LoadOptions {
	connections: number;
	/** seconds */
	duration: number;
}

export interface LoadResult {
	path: string;
	requests: number;
	reqPerSec: number;
	/** milliseconds */
	p50: number;
	p95: number;
	p99: number;
	max: number;
	errors: number;
	timeouts: number;
	non2xx: number;
}

/** The cookie header of a session opened through the login form; throws when the login is refused. */
export async function loginCookie(origin: string, email: string, password: string): Promise<string> {
	const res = await fetch(`${origin}/login`, {
		method: 'POST',
		body: new URLSearchParams({ email, password }),
		headers: { origin, accept: 'text/html' },
		redirect: 'manual'
	});
	const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
	if (res.status !== 303 || cookies.length === 0)
		throw new Error(`login of ${email} refused (${res.status}): ${(await res.text()).slice(0, 200)}`);
	return cookies.join('; ');
}

/** Where a GET with the cookie lands (the Location of its redirect), to find a member's household. */
export async function landing(origin: string, path: string, cookie: string): Promise<string> {
	const res = await fetch(origin + path, { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
	await res.arrayBuffer();
	return res.headers.get('location') ?? path;
}

/** Fails unless the page answers 200 with the cookie (a redirect to the login page would measure nothing). */
export async function expectPage(origin: string, path: string, cookie?: string): Promise<void> {
	const res = await fetch(origin + path, {
		headers: { cookie: cookie ?? '', accept: 'text/html' },
		redirect: 'manual'
	});
	await res.arrayBuffer();
	if (res.status !== 200) throw new Error(`${path} answers ${res.status}, not 200`);
}

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return 0;
	const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
	return Math.round(sorted[Math.max(0, i)] * 10) / 10;
}

/** autocannon against `origin + path`: `connections` connections for `duration` seconds. */
export async function load(
	origin: string,
	path: string,
	cookie: string | undefined,
	o: LoadOptions
): Promise<LoadResult> {
	const times: number[] = [];
	// loaded here: every command of the CLI (an import too) would otherwise carry the load tester in memory
	const { default: run } = await import('autocannon');
	const result = await new Promise<autocannon.Result>((resolve, reject) => {
		const instance = run(
			{
				url: origin + path,
				connections: o.connections,
				duration: o.duration,
				headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) }
			},
			(err: unknown, res: autocannon.Result) => (err ? reject(err) : resolve(res))
		);
		instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
			times.push(responseTime);
		});
	});
	times.sort((a, b) => a - b);
	return {
		path,
		requests: result.requests.total,
		reqPerSec: Math.round(result.requests.average * 10) / 10,
		p50: percentile(times, 50),
		p95: percentile(times, 95),
		p99: percentile(times, 99),
		max: percentile(times, 100),
		errors: result.errors,
		timeouts: result.timeouts,
		non2xx: result.non2xx
	};
}
