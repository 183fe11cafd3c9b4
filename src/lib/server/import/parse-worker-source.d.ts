/** The worker thread's bundled code (see scripts/vite-parse-worker.ts). */
declare module 'virtual:bgv-parse-worker' {
	const code: string;
	export default code;
}
