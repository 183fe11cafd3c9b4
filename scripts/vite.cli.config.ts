/**
 * Builds the `bgv` command line to build/cli/bgv.js with Vite's SSR build, so that it shares the app's
 * modules (`$lib`, `$db`) and its bundled migrations (import.meta.glob); dependencies stay external.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { parseWorkerPlugin } from './vite-parse-worker.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
	root,
	plugins: [parseWorkerPlugin(new URL('..', import.meta.url))],
	resolve: {
		alias: {
			$lib: `${root}src/lib`,
			$db: `${root}db`
		}
	},
	ssr: { noExternal: ['date-fns'] },
	build: {
		ssr: `${root}scripts/bgv.ts`,
		outDir: `${root}build/cli`,
		emptyOutDir: true,
		target: 'node20',
		sourcemap: true,
		rollupOptions: { output: { entryFileNames: 'bgv.js', format: 'es' } }
	},
	logLevel: 'warn'
});
