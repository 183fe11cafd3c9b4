/** Append-only audit trail of sensitive actions (logins, access changes, imports). Never stores secrets. */
import type { Db } from '../db';
import type { HouseholdScope } from '../auth/access';

export interface AuditEntry {
	organisationId: number | null;
	actorId: number | null;
	action: string;
	householdId?: number | null;
	targetType?: string | null;
	targetId?: string | number | null;
	details?: Record<string, unknown> | null;
	ip?: string | null;
}

export async function audit(db: Db, entry: AuditEntry, now = new Date()): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			organisation_id: entry.organisationId,
			household_id: entry.householdId ?? null,
			actor_id: entry.actorId,
			action: entry.action,
			target_type: entry.targetType ?? null,
			target_id: entry.targetId == null ? null : String(entry.targetId),
			details: entry.details ? JSON.stringify(entry.details) : null,
			ip: entry.ip ?? null,
			at: now.toISOString()
		})
		.execute();
}

/** An entry about a household, written for whoever acts through the scope. */
export async function auditScope(
	db: Db,
	scope: HouseholdScope,
	entry: Omit<AuditEntry, 'organisationId' | 'actorId' | 'householdId'>,
	now = new Date()
): Promise<void> {
	await audit(
		db,
		{ ...entry, organisationId: scope.organisationId, actorId: scope.actor.id, householdId: scope.householdId },
		now
	);
}
