/** The shape of a `bgv` command: the CLI calls the same services as the web routes. */
import type { Config } from '../config';
import type { DbHandle } from '../db';

export interface CliIo {
	/** stdout: with --json, exactly one JSON document (or JSON Lines where the contract says so) */
	out(text: string): void;
	/** stderr: progress, logs, readable messages */
	err(text: string): void;
	/** standard input as lines (for JSON Lines commands) */
	readLines(): AsyncIterable<string>;
	/** reads a file given on the command line */
	readFile(path: string): Promise<Uint8Array>;
}

export interface CliContext {
	handle: DbHandle;
	config: Config;
	io: CliIo;
	json: boolean;
	/** options after the command words; values are strings, flags true */
	options: Record<string, string | boolean | string[]>;
	/** positional arguments after the command words */
	positionals: string[];
}

export interface OptionSpec {
	type: 'string' | 'boolean';
	multiple?: boolean;
	description: string;
}

export interface Command {
	/** command words, e.g. ['household', 'create'] */
	words: string[];
	summary: string;
	usage: string;
	options: Record<string, OptionSpec>;
	/** commands that do not need the database set this to false */
	needsDb?: boolean;
	/** resolves to the exit status when it is not 0 (e.g. 2 when a file of several was rejected) */
	run(ctx: CliContext): Promise<void | number>;
}
