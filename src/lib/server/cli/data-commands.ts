/** Personal data and backups: backup, restore, export, household erase, retention. */
import { writeFileSync } from 'node:fs';
import { backupSqlite, POSTGRES_BACKUP_MESSAGE, restoreSqlite } from '../services/backup';
import { InputError } from '../services/errors';
import { exportHousehold } from '../services/household-export';
import { eraseHousehold, householdActivity } from '../services/household-erasure';
import { plural } from '$lib/words';
import { householdOption, idOption, output, stringOption } from './helpers';
import type { CliContext, Command } from './types';

const json = { type: 'boolean', description: 'sortie JSON sur stdout' } as const;

function fileArgument(ctx: CliContext, what: string): string {
	const file = ctx.positionals[0];
	if (!file || ctx.positionals.length > 1) throw new InputError(`précisez un seul fichier ${what}`, 'file');
	return file;
}

function sqliteOnly(ctx: CliContext): string {
	if (ctx.config.database.dialect !== 'sqlite') throw new InputError(POSTGRES_BACKUP_MESSAGE);
	return ctx.config.database.path;
}

export const dataCommands: Command[] = [
	{
		words: ['backup'],
		summary: 'sauvegarde la base SQLite dans FILE, même pendant que BGV tourne (PostgreSQL : pg_dump)',
		usage: 'backup FILE [--json]',
		options: { json },
		async run(ctx) {
			sqliteOnly(ctx);
			const file = fileArgument(ctx, 'de sauvegarde');
			const r = await backupSqlite(ctx.handle.db, file);
			output(ctx, { file: r.file, pages: r.pages }, () => `Sauvegarde écrite : ${r.file}`);
		}
	},
	{
		words: ['restore'],
		summary: 'remplace la base SQLite par la sauvegarde FILE (refuse un fichier qui n’est pas une base de BGV)',
		usage: 'restore FILE [--json]',
		options: { json },
		async run(ctx) {
			const path = sqliteOnly(ctx);
			const file = fileArgument(ctx, 'à restaurer');
			const r = await restoreSqlite(ctx.handle.db, path, file);
			output(ctx, { file: r.file, pages: r.pages, migrated: r.migrated, integrity: r.integrity }, () =>
				[`Base restaurée depuis ${r.file} (contrôle d'intégrité : ${r.integrity}).`]
					.concat(r.migrated.length ? [`Migrations appliquées ensuite : ${r.migrated.join(', ')}`] : [])
					.join('\n')
			);
			return r.integrity === 'ok' ? 0 : 1;
		}
	},
	{
		words: ['export'],
		summary: 'écrit les données d’un ménage (JSON et CSV) dans un zip',
		usage: 'export --household ID --out FILE.zip [--json]',
		options: {
			household: { type: 'string', description: 'identifiant du ménage' },
			out: { type: 'string', description: 'le fichier zip à écrire' },
			json
		},
		async run(ctx) {
			const scope = await householdOption(ctx);
			const out = stringOption(ctx, 'out', true);
			const r = await exportHousehold(ctx.handle.db, scope, new Date());
			writeFileSync(out, r.zip);
			output(ctx, { file: out, files: r.files, bytes: r.zip.byteLength }, () => `Données du ménage écrites : ${out}`);
		}
	},
	{
		words: ['household', 'erase'],
		summary: 'efface un ménage, toutes ses données et les comptes de ses membres (irréversible)',
		usage: 'household erase --household ID --yes [--json]',
		options: {
			household: { type: 'string', description: 'identifiant du ménage' },
			yes: { type: 'boolean', description: 'confirme l’effacement' },
			json
		},
		async run(ctx) {
			const id = idOption(ctx, 'household');
			if (ctx.options.yes !== true)
				throw new InputError('l’effacement est irréversible : ajoutez --yes pour le confirmer', 'yes');
			const r = await eraseHousehold(ctx.handle.db, { operator: true }, id);
			const rows = Object.values(r.rows).reduce((a, b) => a + b, 0);
			output(
				ctx,
				{ household: String(r.householdId), rows: r.rows, users: r.users },
				() => `Ménage ${r.householdId} effacé (${plural(rows, 'ligne')}, ${plural(r.users, 'compte')} de membre).`
			);
		}
	},
	{
		words: ['retention'],
		summary: 'liste les ménages inactifs depuis RETENTION_MONTHS mois (défaut 24), à effacer ; n’efface rien',
		usage: 'retention [--json]',
		options: { json },
		async run(ctx) {
			const months = ctx.config.retentionMonths;
			const all = await householdActivity(ctx.handle.db, months, new Date(), null);
			const flagged = all.filter((h) => h.flagged);
			output(
				ctx,
				{
					retentionMonths: months,
					households: flagged.map((h) => ({
						id: String(h.id),
						organisation: String(h.organisationId),
						lastActivity: h.lastActivity.slice(0, 10),
						inactiveMonths: h.inactiveMonths
					}))
				},
				() =>
					flagged.length === 0
						? `Aucun ménage inactif depuis ${months} mois.`
						: flagged.map((h) => `${h.id}\tinactif depuis ${h.inactiveMonths} mois`).join('\n')
			);
		}
	}
];
