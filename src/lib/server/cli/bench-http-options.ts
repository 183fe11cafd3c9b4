/** The HTTP bench's options on the command line (`bgv bench --only http --households N …`). */
import { fileURLToPath } from 'node:url';
import { InputError } from '../services/errors';
import { benchHttp } from './bench-http';
import { stringOption } from './helpers';
import type { CliContext } from './types';

function count(ctx: CliContext, name: string, fallback: number, max: number): number {
	const raw = stringOption(ctx, name);
	const n = raw === undefined ? fallback : Number(raw);
	if (!Number.isInteger(n) || n < 1 || n > max)
		throw new InputError(`--${name} : un nombre entier de 1 à ${max}`, name);
	return n;
}

/**
 * The HTTP bench's report; inside the whole suite (`required` false) a missing build is reported in the JSON
 * (`{"skipped": "…"}`) instead of failing the other figures.
 */
export async function httpBenchReport(ctx: CliContext, quick: boolean, required: boolean): Promise<unknown> {
	const options = {
		households: count(ctx, 'households', quick ? 100 : 1000, 100_000),
		months: count(ctx, 'months', quick ? 12 : 24, 120),
		duration: count(ctx, 'duration', quick ? 5 : 20, 600),
		connections: count(ctx, 'connections', 20, 1000),
		// build/cli/bgv.js → the repository
		root: fileURLToPath(new URL('../..', import.meta.url)),
		log: (line: string) => ctx.io.err(line)
	};
	try {
		return await benchHttp(options);
	} catch (e) {
		if (required) throw e;
		return { skipped: e instanceof Error ? e.message : String(e) };
	}
}
