/**
 * Body of the statement parser's worker thread (bundled by scripts/vite-parse-worker.ts, started by
 * parse-worker.ts): parses each file it is sent and replies with the statement or the error.
 */
import { parentPort } from 'node:worker_threads';
import { parseStatement } from './index';
import { serialiseError, type ParseReply, type ParseRequest } from './parse-worker-protocol';

const port = parentPort;
if (port) {
	port.on('message', (req: ParseRequest) => {
		let reply: ParseReply;
		try {
			reply = { id: req.id, ok: true, statement: parseStatement(req.bytes, req.options) };
		} catch (e) {
			reply = { id: req.id, ok: false, error: serialiseError(e) };
		}
		port.postMessage(reply);
	});
}
