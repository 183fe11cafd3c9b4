/** `bgv purge-audit` and `bgv digest`: the tasks the server also runs periodically, for a cron line. */
import { purgeAudit } from '../services/audit-retention';
import { sendAdviserDigests, sendHouseholdAlerts } from '../services/alert-mail';
import { intOption, output } from './helpers';
import type { Command } from './types';

const json = { type: 'boolean', description: 'sortie JSON' } as const;

export const caseloadCommands: Command[] = [
	{
		words: ['purge-audit'],
		summary: "supprime les entrées du journal d'audit plus anciennes que la durée de conservation (idempotent)",
		usage: 'purge-audit [--months N] [--json]',
		options: { months: { type: 'string', description: 'mois gardés (défaut AUDIT_RETENTION_MONTHS, 12)' }, json },
		async run(ctx) {
			const months = intOption(ctx, 'months', ctx.config.auditRetentionMonths, 1, 1200);
			const r = await purgeAudit(ctx.handle.db, months);
			output(
				ctx,
				{ deleted: r.deleted, before: r.before, months },
				() =>
					`${r.deleted} entrée${r.deleted > 1 ? 's' : ''} du journal supprimée${r.deleted > 1 ? 's' : ''} (antérieures au ${r.before.slice(0, 10)}).`
			);
		}
	},
	{
		words: ['digest'],
		summary:
			'envoie aux conseillers leur liste « Cette semaine » et aux ménages inscrits leurs nouvelles alertes (une fois par jour et par alerte)',
		usage: 'digest [--json]',
		options: { json },
		async run(ctx) {
			const digests = await sendAdviserDigests(ctx.handle.db, ctx.config);
			const alerts = await sendHouseholdAlerts(ctx.handle.db, ctx.config);
			output(ctx, { digests, alerts }, () => `Résumés envoyés : ${digests}. Alertes envoyées : ${alerts}.`);
		}
	}
];
