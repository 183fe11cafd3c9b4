/** `bgv import` and `bgv transactions`: the same import service and queries as the web pages. */
import { basename } from 'node:path';
import { centsToString } from '$lib/money';
import { isIsoDate } from '$lib/dates';
import { InputError } from '../services/errors';
import { importFile, previewFile, type FileImportResult, type ImportTimings } from '../services/import-service';
import { transactionsBetween } from '../services/transactions';
import { ensureDerived } from '../services/derived-refresh';
import type { StatementFormat } from '../import';
import { output, householdOption, stringOption } from './helpers';
import type { CliIo, Command } from './types';

const FORMATS = ['auto', 'csv', 'ofx', 'qif', 'camt053'];

function describe(r: FileImportResult): string {
	if (r.status === 'rejected')
		return `✗ ${r.file} : refusé — ${r.error.message}${r.error.line ? ` (ligne ${r.error.line})` : ''}`;
	const lines = [
		`✓ ${r.file} : ${r.format}${r.layout ? ` (${r.layout})` : ''}, ${r.encoding}${r.status === 'dry-run' ? ' — essai, rien enregistré' : ''}`
	];
	for (const a of r.accounts) {
		lines.push(
			`  ${a.account} : ${a.imported} nouvelle(s) opération(s), ${a.duplicates} déjà connue(s)${a.dateFrom ? `, du ${a.dateFrom} au ${a.dateTo}` : ''}`
		);
		for (const g of a.reconciliation)
			lines.push(`    écart de solde au ${g.date} : relevé ${g.stated}, calculé ${g.computed}`);
		for (const p of a.probableDuplicates)
			lines.push(
				`    doublon probable : ${p.date} ${p.amount} « ${p.label} » ≈ ${p.existingDate} « ${p.existingLabel} »`
			);
	}
	for (const w of r.warnings) lines.push(`  ! ${w}`);
	return lines.join('\n');
}

/** Rows between two `rows N` stage lines. */
const TRACE_ROWS = 1000;

/**
 * With BGV_TRACE_STAGES=1, each stage of an import is announced on stderr as it ends (`bgv:stage parse`,
 * `bgv:stage rows 1000` every 1,000 rows written, `bgv:stage write` once committed…), through the service's
 * own stage timings: the import runs exactly as it would, and a test can stop or kill the process at known
 * points of it. Stderr is a pipe or a file, written synchronously: a line is out before the next stage begins.
 */
function stageTracer(io: CliIo): ImportTimings {
	let rows = 0;
	return new Proxy<ImportTimings>(
		{},
		{
			set(target, key, value) {
				Reflect.set(target, key, value);
				if (key !== 'writeRows') io.err(`bgv:stage ${String(key)}`);
				else if (++rows % TRACE_ROWS === 0) io.err(`bgv:stage rows ${rows}`);
				return true;
			}
		}
	);
}

export const importCommands: Command[] = [
	{
		words: ['import'],
		summary: 'importe des relevés (CSV de banques françaises, OFX, QIF, CAMT.053), chaque fichier tout ou rien',
		usage: 'import --household ID [--account NOM] [--format auto|csv|ofx|qif|camt053] [--dry-run] FICHIER... [--json]',
		options: {
			household: { type: 'string', description: 'identifiant du ménage' },
			account: { type: 'string', description: 'nom du compte à remplir quand le fichier ne le précise pas' },
			format: { type: 'string', description: 'format (auto par défaut)' },
			'dry-run': { type: 'boolean', description: 'analyse sans rien enregistrer' },
			json: { type: 'boolean', description: 'sortie JSON' }
		},
		async run(ctx) {
			const scope = await householdOption(ctx);
			const format = stringOption(ctx, 'format') ?? 'auto';
			if (!FORMATS.includes(format)) throw new InputError(`--format : ${FORMATS.join(', ')}`, 'format');
			if (ctx.positionals.length === 0) throw new InputError('donnez au moins un fichier à importer', 'file');
			const trace = ctx.config.traceStages ? (stage: string) => ctx.io.err(`bgv:stage ${stage}`) : null;
			trace?.('opened');
			const files: FileImportResult[] = [];
			for (const path of ctx.positionals) {
				let bytes: Uint8Array;
				try {
					bytes = await ctx.io.readFile(path);
				} catch {
					files.push({ file: basename(path), status: 'rejected', error: { message: `fichier illisible : ${path}` } });
					continue;
				}
				trace?.('read');
				const request = {
					fileName: basename(path),
					bytes,
					accountName: stringOption(ctx, 'account') ?? null,
					format: format as 'auto' | StatementFormat,
					maxBytes: ctx.config.importMaxBytes
				};
				const options = { timings: trace ? stageTracer(ctx.io) : undefined };
				const r =
					ctx.options['dry-run'] === true
						? await previewFile(ctx.handle.db, scope, request, options)
						: await importFile(ctx.handle.db, scope, request, options);
				files.push(r);
				if (!ctx.json) ctx.io.err(describe(r));
			}
			// the refresh each import asked for after its answer, done before the command ends (one for all files)
			if (files.some((r) => r.status === 'imported'))
				await ensureDerived(ctx.handle.db, scope, new Date(), trace ? stageTracer(ctx.io) : undefined);
			trace?.('done');
			const json = {
				files: files.map((r) =>
					r.status === 'rejected'
						? { file: r.file, status: r.status, error: r.error }
						: {
								file: r.file,
								status: r.status,
								format: r.format,
								layout: r.layout,
								encoding: r.encoding,
								accounts: r.accounts.map((a) => ({
									account: a.account,
									imported: a.imported,
									duplicates: a.duplicates,
									dateFrom: a.dateFrom,
									dateTo: a.dateTo,
									sum: a.sum,
									closingBalance: a.closingBalance,
									reconciliation: a.reconciliation,
									probableDuplicates: a.probableDuplicates
								})),
								warnings: r.warnings,
								pendingSkipped: r.pendingSkipped
							}
				)
			};
			if (ctx.json) ctx.io.out(JSON.stringify(json));
			else ctx.io.out(`${files.filter((f) => f.status !== 'rejected').length}/${files.length} fichier(s) importé(s).`);
			return files.some((f) => f.status === 'rejected') ? 2 : 0;
		}
	},
	{
		words: ['transactions'],
		summary: "les opérations d'un ménage",
		usage: 'transactions --household ID [--from AAAA-MM-JJ] [--to AAAA-MM-JJ] --json',
		options: {
			household: { type: 'string', description: 'identifiant du ménage' },
			from: { type: 'string', description: 'date de début incluse' },
			to: { type: 'string', description: 'date de fin incluse' },
			json: { type: 'boolean', description: 'sortie JSON' }
		},
		async run(ctx) {
			const scope = await householdOption(ctx);
			const from = stringOption(ctx, 'from');
			const to = stringOption(ctx, 'to');
			for (const [name, v] of [
				['from', from],
				['to', to]
			] as const) {
				if (v !== undefined && !isIsoDate(v))
					throw new InputError(`--${name} attend une date AAAA-MM-JJ, reçu « ${v} »`, name);
			}
			const rows = await transactionsBetween(ctx.handle.db, scope, from, to);
			output(
				ctx,
				{
					transactions: rows.map((r) => ({
						id: String(r.id),
						account: r.account,
						date: r.date,
						amount: centsToString(r.amount),
						label: r.rawLabel,
						payee: r.payee,
						category: r.category,
						categorySource: r.categorySource,
						ruleId: r.ruleId
					}))
				},
				() =>
					rows
						.map((r) => `${r.date}\t${centsToString(r.amount).padStart(10)}\t${r.category}\t${r.rawLabel}`)
						.join('\n') || 'Aucune opération.'
			);
		}
	}
];
