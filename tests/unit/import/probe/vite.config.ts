/** Builds the memory probe (see memory-probe.ts) to build/probe with the app's aliases. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { parseWorkerPlugin } from '../../../../scripts/vite-parse-worker.js';

const root = fileURLToPath(new URL('../../../..', import.meta.url));

export default defineConfig({
	root,
	plugins: [parseWorkerPlugin(new URL('../../../..', import.meta.url))],
	resolve: { alias: { $lib: `${root}src/lib`, $db: `${root}db` } },
	build: {
		ssr: `${root}tests/unit/import/probe/memory-probe.ts`,
		outDir: `${root}build/probe`,
		emptyOutDir: true,
		target: 'node20',
		rollupOptions: { output: { entryFileNames: 'memory-probe.js', format: 'es' } }
	},
	logLevel: 'warn'
});
