import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { parseWorkerPlugin } from './scripts/vite-parse-worker.js';

export default defineConfig({
	plugins: [sveltekit(), parseWorkerPlugin(new URL('.', import.meta.url))],
	server: { port: 5173 },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		globalSetup: ['tests/helpers/global-setup.ts'],
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: 'forks'
	}
});
