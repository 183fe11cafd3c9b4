/**
 * Vite plugin behind `virtual:bgv-parse-worker`: the statement parser's worker thread
 * (src/lib/server/import/parse-worker-entry.ts) bundled into one self-contained CommonJS script, its
 * dependencies included, and exported as a string that parse-worker.ts runs with `new Worker(code, {
 * eval: true })`. The worker then needs no file beside the bundle, so it runs the same way in the app's
 * server build (adapter-node re-bundles the server), in the CLI bundle, under `vite dev` and in vitest.
 * Registered in vite.config.ts and scripts/vite.cli.config.ts. (JavaScript, so that Vite's config loader
 * imports it as it is.)
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ID = 'virtual:bgv-parse-worker';
const RESOLVED = `\0${ID}`;

/**
 * Bundles the worker entry in memory and returns its code and the files it was made of.
 * @param {string} root the project's directory, ending with a slash
 * @returns {Promise<{ code: string, files: string[] }>}
 */
async function bundleWorker(root) {
	const result = await build({
		configFile: false,
		root,
		logLevel: 'warn',
		resolve: { alias: { $lib: `${root}src/lib` } },
		ssr: { noExternal: true, target: 'node' },
		build: {
			ssr: `${root}src/lib/server/import/parse-worker-entry.ts`,
			write: false,
			target: 'node20',
			minify: false,
			sourcemap: false,
			copyPublicDir: false,
			rollupOptions: { output: { format: 'cjs', codeSplitting: false } }
		}
	});
	const outputs =
		/** @type {{ output: { type: string, isEntry?: boolean, code?: string, moduleIds?: string[] }[] }[]} */ (
			Array.isArray(result) ? result : [result]
		);
	const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk' && o.isEntry);
	if (!chunk?.code) throw new Error('bgv-parse-worker: the worker bundle has no entry chunk');
	return { code: chunk.code, files: (chunk.moduleIds ?? []).filter((f) => !f.startsWith('\0')) };
}

/**
 * @param {URL} rootUrl the project's directory
 * @returns {import('vite').Plugin}
 */
export function parseWorkerPlugin(rootUrl) {
	const root = fileURLToPath(rootUrl);
	return {
		name: 'bgv-parse-worker',
		resolveId(source) {
			return source === ID ? RESOLVED : null;
		},
		async load(id) {
			if (id !== RESOLVED) return null;
			const { code, files } = await bundleWorker(root);
			// under `vite dev` and vitest, editing a parser file rebuilds the worker
			for (const f of files) this.addWatchFile(f);
			return `export default ${JSON.stringify(code)};`;
		}
	};
}
