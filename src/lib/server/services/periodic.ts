/**
 * The server's periodic tasks, at start and every 15 minutes: the refresh of households whose figures were
 * left stale (by a process stopped before it refreshed them), the audit purge, and from DIGEST_HOUR (Paris
 * time) the advisers' morning digest and the members' new alerts. Every task is idempotent and safe with several
 * processes (a purge by date; mails claimed in alert_sent before they go), so each process may run them.
 */
import type { Config } from '../config';
import type { Db } from '../db';
import { purgeAudit } from './audit-retention';
import { sendAdviserDigests, sendHouseholdAlerts } from './alert-mail';
import { refreshStaleHouseholds } from './derived-refresh';

const EVERY_MS = 15 * 60_000;

function parisHour(now: Date): number {
	return Number(
		new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(now)
	);
}

/** One round of the periodic tasks; errors are logged, never thrown (the next round tries again). */
export async function runPeriodicTasks(db: Db, config: Config, now = new Date()): Promise<void> {
	try {
		await refreshStaleHouseholds(db, now);
		await purgeAudit(db, config.auditRetentionMonths, now);
		if (parisHour(now) >= config.digestHour) {
			await sendAdviserDigests(db, config, now);
			await sendHouseholdAlerts(db, config, now);
		}
	} catch (e) {
		console.error('[bgv] periodic tasks failed', e);
	}
}

let timer: ReturnType<typeof setInterval> | null = null;

/** Starts the periodic tasks once per process (BGV_PERIODIC=0 turns them off). */
export function startPeriodicTasks(db: Db, config: Config): void {
	if (timer || !config.periodic) return;
	timer = setInterval(() => void runPeriodicTasks(db, config), EVERY_MS);
	timer.unref();
	// households a stopped process left stale, refreshed soon after the start (their readers would otherwise)
	setTimeout(
		() => void refreshStaleHouseholds(db).catch((e) => console.error('[bgv] stale households not refreshed', e)),
		1000
	).unref();
	process.once('sveltekit:shutdown', () => {
		if (timer) clearInterval(timer);
		timer = null;
	});
}
