// `npm start`: serves the production build (`npm run build`) with adapter-node's handler, adding the
// security headers to every response, static files under /_app included (adapter-node serves those
// before SvelteKit's hooks run). Listens on HOST:PORT (default 0.0.0.0:3000); stops on SIGTERM or SIGINT.
import { createServer } from 'node:http';
import { handler } from './build/handler.js';
import { securityHeaders } from './scripts/security-headers.js';

const headers = securityHeaders(process.env.ORIGIN);
const server = createServer((req, res) => {
	for (const [name, value] of headers) res.setHeader(name, value);
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

function stop() {
	server.close(() => process.exit(0));
	server.closeAllConnections?.();
	setTimeout(() => process.exit(0), 10_000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
