import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// The only inline style allowed: the one SvelteKit puts on its route announcer (an aria-live region for
// screen readers). Its exact attribute is hashed from the installed SvelteKit, so an upgrade keeps it
// allowed and nothing else is ('unsafe-hashes' only admits the listed hashes).
/** @returns {('unsafe-hashes' | `sha256-${string}`)[]} */
function announcerStyleHash() {
	const kit = dirname(createRequire(import.meta.url).resolve('@sveltejs/kit/package.json'));
	const root = join(kit, 'src/core/sync/write_root.js');
	const style = readFileSync(root, 'utf8').match(/id="svelte-announcer"[^>]*style="([^"]+)"/)?.[1];
	if (!style) return [];
	return ['unsafe-hashes', `sha256-${createHash('sha256').update(style).digest('base64')}`];
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build' }),
		alias: { $db: 'db' },
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', ...announcerStyleHash()],
				'img-src': ['self', 'data:'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		}
	}
};

export default config;
