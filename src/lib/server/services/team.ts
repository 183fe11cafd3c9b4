/**
 * The team lead's view (the organisation's admin): each adviser's workload in counts — households followed,
 * how many share their data, how many are on the adviser's « Cette semaine », appointments of the coming
 * week, agreed steps overdue, households without a recent import. No household's figures: the household
 * shares its data with its adviser, not with the team; the counts come from each adviser's own caseload,
 * read through that adviser's scopes, so they are exactly what the adviser sees.
 */
import { addDaysIso, today } from '$lib/dates';
import type { Db } from '../db';
import type { Actor } from '../auth/session';
import { caseloadPage } from './caseload';
import { parseCaseloadQuery, STALE_IMPORT_DAYS, APPOINTMENT_SOON_DAYS } from './caseload-view';
import { NotFoundError } from './errors';

export interface AdviserLoad {
	adviserId: number;
	name: string;
	households: number;
	shared: number;
	thisWeek: number;
	appointmentsSoon: number;
	lateSteps: number;
	/** households sharing their data with no import for STALE_IMPORT_DAYS days or never */
	stale: number;
}

/** Every active adviser of the admin's organisation with their workload, the busiest first. */
export async function teamWorkload(db: Db, admin: Actor, now = new Date()): Promise<AdviserLoad[]> {
	if (admin.role !== 'admin') throw new NotFoundError();
	const advisers = await db
		.selectFrom('app_user')
		.select(['id', 'organisation_id', 'email', 'name', 'role'])
		.where('organisation_id', '=', admin.organisationId)
		.where('role', '=', 'adviser')
		.where('active', '=', 1)
		.orderBy('name')
		.execute();
	const all = parseCaseloadQuery(new URLSearchParams('vue=tous'));
	const soon = addDaysIso(today(now), APPOINTMENT_SOON_DAYS);
	// One caseload per adviser (a fixed number of queries each): a team has a handful of advisers.
	const loads = await Promise.all(
		advisers.map(async (a) => {
			const actor: Actor = {
				id: a.id,
				organisationId: a.organisation_id,
				email: a.email,
				name: a.name,
				role: 'adviser'
			};
			const page = await caseloadPage(db, actor, all, now);
			const shared = page.entries.filter((e) => e.consent);
			return {
				adviserId: a.id,
				name: a.name,
				households: page.total,
				shared: shared.length,
				thisWeek: page.needingAttention,
				appointmentsSoon: page.entries.filter((e) => e.nextAppointment && e.nextAppointment.date <= soon).length,
				lateSteps: page.entries.reduce((s, e) => s + e.overdueSteps, 0),
				stale: shared.filter((e) => e.daysSinceImport === null || e.daysSinceImport >= STALE_IMPORT_DAYS).length
			};
		})
	);
	return loads.sort((x, y) => y.thisWeek - x.thisWeek || y.households - x.households);
}
