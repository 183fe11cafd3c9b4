// Plain HTTP as a browser without JavaScript, for scripts/two-processes.js: a cookie jar that can be
// carried from one process to the other (as behind a load balancer), form posts with the Origin header
// SvelteKit's CSRF check expects, and what the checks read in the pages.

export class Browser {
	/** @param {string} origin @param {Map<string, string>} [jar] */
	constructor(origin, jar = new Map()) {
		this.origin = origin;
		this.jar = jar;
	}

	/** The same browser (same cookies) talking to another process. @param {string} origin */
	at(origin) {
		return new Browser(origin, this.jar);
	}

	/** @param {Response} res */
	#store(res) {
		for (const line of res.headers.getSetCookie()) {
			const [pair, ...attributes] = line.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
			if (expired || value === '') this.jar.delete(name);
			else this.jar.set(name, value);
		}
	}

	/** @param {string} method @param {string} path @param {BodyInit} [body] */
	async #request(method, path, body) {
		/** @type {Record<string, string>} */
		const headers = { accept: 'text/html' };
		if (this.jar.size) headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
		if (method === 'POST') headers.origin = this.origin;
		const res = await fetch(this.origin + path, { method, body, headers, redirect: 'manual' });
		this.#store(res);
		return { status: res.status, location: res.headers.get('location'), text: await res.text() };
	}

	/** @param {string} path */
	get(path) {
		return this.#request('GET', path);
	}

	/** @param {string} path @param {URLSearchParams | FormData} body */
	post(path, body) {
		return this.#request('POST', path, body);
	}
}

/** @param {string} email @param {string} password */
export function loginForm(email, password) {
	return new URLSearchParams({ email, password });
}

/** The rule the admin's test box names in /admin/rules, or null. @param {string} html */
export function ruleOf(html) {
	const m = /<dt>Règle<\/dt>\s*<dd[^>]*>(?:<!--[^>]*-->)*\s*([^<(]+?)\s*(?:\(|<)/.exec(html);
	return m ? m[1] : null;
}

/** The tokens of the files waiting for their confirmation on the import page. @param {string} html */
export function tokensOf(html) {
	return [...new Set([...html.matchAll(/name="token" value="([^"]+)"/g)].map((m) => m[1]))];
}

const LABELS = ['CARTE CARREFOUR CITY', 'PRLV SEPA FREE MOBILE', 'CARTE BOULANGERIE', 'RETRAIT DAB', 'CARTE PHARMACIE'];

/**
 * A BoursoBank statement of `days` days from `newest` days before 2026-06-30, 8 rows a day; the rows of a
 * day are always the same, so two statements that share days share those rows.
 * @param {number} newest @param {number} days
 */
export function statement(newest, days) {
	const perDay = 8;
	const accountNumber = '00098765';
	const lines = [
		'dateOp;dateVal;label;category;categoryParent;supplierFound;amount;comment;accountNum;accountLabel;accountbalance'
	];
	for (let d = newest; d < newest + days; d++) {
		const date = new Date(Date.UTC(2026, 5, 30) - d * 86_400_000).toISOString().slice(0, 10);
		for (let k = 0; k < perDay; k++) {
			const cents = 100 + (d % 9) * 1000 + k * 100 + ((d * 7 + k * 13) % 97);
			const amount = `-${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
			const label = LABELS[(d + k) % LABELS.length];
			lines.push(
				`${date};${date};"${label}";"Divers";"Divers";"";${amount};;${accountNumber};"BOURSORAMA BANQUE";812.40`
			);
		}
	}
	return { csv: lines.join('\n') + '\n', rows: days * perDay, perDay, accountNumber };
}
