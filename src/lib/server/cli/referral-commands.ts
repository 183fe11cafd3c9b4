/** Referrals: the erasure of requests closed or not taken up (for a periodic task, e.g. a daily cron). */
import { purgeReferrals } from '../services/referrals';
import { output } from './helpers';
import type { Command } from './types';

export const referralCommands: Command[] = [
	{
		words: ['purge-referrals'],
		summary: 'efface les orientations closes ou non prises en charge depuis REFERRAL_KEEP_DAYS jours',
		usage: 'purge-referrals [--json]',
		options: { json: { type: 'boolean', description: 'sortie JSON sur stdout' } },
		async run(ctx) {
			const r = await purgeReferrals(ctx.handle.db, ctx.config);
			output(ctx, { purged: r.purged, before: r.before, keepDays: ctx.config.referralKeepDays }, () =>
				r.purged === 0
					? `Aucune orientation à effacer (avant le ${r.before}).`
					: `${r.purged} ${r.purged >= 2 ? 'orientations effacées' : 'orientation effacée'} (avant le ${r.before}).`
			);
		}
	}
];
