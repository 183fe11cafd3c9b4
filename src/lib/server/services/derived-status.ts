/**
 * The figures kept about a household so that pages read them instead of recomputing them (benefit alerts,
 * the forecast status the caseload shows), refreshed after a change to the household's data. A refresh runs
 * after the change is committed, in its own transactions, retried when the database is briefly busy; its
 * failure is logged and never reported as a failure of the change itself (the data is already safe).
 */
import type { Db } from '../db';
import type { HouseholdScope } from '../auth/access';
import { refreshBenefitAlerts } from './benefits-service';
import { refreshHouseholdStatus, type HouseholdForecast } from './forecast-service';
import { refreshCaseloadRow } from './caseload-status';
import { refreshPlan } from './plan';
import type { HouseholdFragility } from './household-fragility';

/** Stages timed by the bench. */
interface DerivedTimings {
	benefitAlerts?: number;
	householdStatus?: number;
	caseloadRow?: number;
	actionPlan?: number;
}

function busy(e: unknown): boolean {
	const code = (e as { code?: string } | null)?.code;
	return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === '40001' || code === '40P01';
}

/** Runs `work`, again up to `attempts` times while the database answers "busy" (a concurrent writer). */
export async function retryBusy<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
	for (let i = 1; ; i++) {
		try {
			return await work();
		} catch (e) {
			if (!busy(e) || i >= attempts) throw e;
			await new Promise((r) => setTimeout(r, 50 * 2 ** i));
		}
	}
}

/** Refreshes the household's benefit alerts, forecast status, caseload row and plan; false when one could not be. */
export async function refreshDerived(
	db: Db,
	scope: HouseholdScope,
	now = new Date(),
	timings?: DerivedTimings
): Promise<boolean> {
	let ok = true;
	// the forecast the status refresh computes, reused by the plan's (it reads the same history again
	// otherwise: a third of the refresh of a household of 100,000 rows); computed again if that one failed
	let forecast: HouseholdForecast | undefined;
	// the same for the fragility signals the caseload row reads
	let fragility: HouseholdFragility | undefined;
	const steps: [keyof DerivedTimings, () => Promise<void>][] = [
		['benefitAlerts', () => refreshBenefitAlerts(db, scope, now)],
		[
			'householdStatus',
			async () => {
				forecast = await refreshHouseholdStatus(db, scope, now);
			}
		],
		[
			'caseloadRow',
			async () => {
				fragility = await refreshCaseloadRow(db, scope, now);
			}
		],
		// after the caseload row: the plan's counts are written into it
		['actionPlan', () => refreshPlan(db, scope, now, { forecast, fragility })]
	];
	for (const [stage, step] of steps) {
		const started = timings ? performance.now() : 0;
		try {
			await retryBusy(step);
		} catch (e) {
			ok = false;
			console.error(`[bgv] household ${scope.householdId}: ${stage} not refreshed after a change`, e);
		}
		if (timings) timings[stage] = (timings[stage] ?? 0) + performance.now() - started;
	}
	return ok;
}
