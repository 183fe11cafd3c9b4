/**
 * The `bgv` command line: finds the command, parses its options, opens and migrates the database, runs
 * it, and maps errors to the contract's exit status (0 done, 2 input rejected, 1 unexpected failure).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from '../services/reference-data';
import { InputError, NotFoundError } from '../services/errors';
import { coreCommands } from './core-commands';
import { importCommands } from './import-commands';
import { engineCommands } from './engine-commands';
import { forecastCommands } from './forecast-commands';
import { benchCommand } from './bench-command';
import { feesCommand } from './fees-commands';
import { referralCommands } from './referral-commands';
import { dataCommands } from './data-commands';
import { caseloadCommands } from './caseload-commands';
import { statementCommand } from './statement-commands';
import { planCommand } from './plan-commands';
import type { CliIo, Command } from './types';

/** Every command; later engines add theirs to this list. */
export const COMMANDS: Command[] = [
	...coreCommands,
	...importCommands,
	...engineCommands,
	...forecastCommands,
	feesCommand,
	...referralCommands,
	...dataCommands,
	...caseloadCommands,
	statementCommand,
	planCommand,
	benchCommand
];

function findCommand(args: string[]): { command: Command; rest: string[] } | null {
	let best: Command | null = null;
	for (const c of COMMANDS) {
		if (c.words.every((w, i) => args[i] === w) && (!best || c.words.length > best.words.length)) best = c;
	}
	return best ? { command: best, rest: args.slice(best.words.length) } : null;
}

function help(): string {
	return [
		'Usage : npm run --silent bgv -- <commande> [options]',
		'',
		'Commandes :',
		...COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`),
		'',
		'Base de données : DATABASE_URL (postgres://… ou chemin SQLite ; défaut data/bgv.sqlite).'
	].join('\n');
}

export async function runCli(
	argv: string[],
	io: CliIo,
	env: Record<string, string | undefined> = process.env
): Promise<number> {
	const wantsJson = argv.includes('--json');
	const fail = (message: string, line: number | null = null): number => {
		if (wantsJson) io.out(JSON.stringify({ error: line === null ? { message } : { message, line } }));
		io.err(`Erreur : ${message}${line !== null ? ` (ligne ${line})` : ''}`);
		return 2;
	};
	if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
		io.err(help());
		return argv.length === 0 ? 2 : 0;
	}
	const found = findCommand(argv);
	if (!found) return fail(`commande inconnue « ${argv.filter((a) => !a.startsWith('-')).join(' ')} ». Voir : bgv help`);
	const { command, rest } = found;
	let parsed: ReturnType<typeof parseArgs>;
	try {
		parsed = parseArgs({
			args: rest,
			options: Object.fromEntries(
				Object.entries(command.options).map(([name, spec]) => [
					name,
					{ type: spec.type, multiple: spec.multiple ?? false }
				])
			),
			allowPositionals: true,
			strict: true
		});
	} catch (e) {
		return fail(`${e instanceof Error ? e.message : String(e)}. Usage : ${command.usage}`);
	}
	let handle;
	try {
		const config = loadConfig(env);
		handle = await openDatabase(config.database);
		const status = await command.run({
			handle,
			config,
			io,
			json: parsed.values.json === true,
			options: parsed.values as Record<string, string | boolean | string[]>,
			positionals: parsed.positionals
		});
		return status ?? 0;
	} catch (e) {
		if (e instanceof InputError) return fail(e.message, e.line);
		if (e instanceof NotFoundError) return fail(e.message);
		io.err(`Échec inattendu : ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
		return 1;
	} finally {
		await handle?.close();
	}
}
