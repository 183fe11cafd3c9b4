/**
 * The audit log keeps one year by default (AUDIT_RETENTION_MONTHS): older entries are deleted by
 * `bgv purge-audit` and by the server's periodic task. Deleting by date is idempotent, so several processes
 * (or a cron line and the server) may run it at the same time.
 */
import type { Db } from '../db';

/** The first instant still kept: `months` before `now`. */
export function auditCutoff(months: number, now = new Date()): string {
	const d = new Date(now.getTime());
	d.setUTCMonth(d.getUTCMonth() - months);
	return d.toISOString();
}

/** Deletes the audit entries older than the retention period; returns how many went. */
export async function purgeAudit(
	db: Db,
	months: number,
	now = new Date()
): Promise<{ deleted: number; before: string }> {
	if (!Number.isInteger(months) || months <= 0) throw new Error('the retention is a positive number of months');
	const before = auditCutoff(months, now);
	const res = await db.deleteFrom('audit_log').where('at', '<', before).executeTakeFirst();
	return { deleted: Number(res.numDeletedRows ?? 0), before };
}
