/**
 * The caseload as it was computed before issue 20 (every household's entry built in memory, then filtered
 * and sorted in JavaScript), kept verbatim as the reference the SQL filtering and sorting must agree with.
 */
import { today } from '$lib/dates';
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/session';
import { householdScopes, may } from '$lib/server/auth/access';
import { nextAppointments, overdueSteps } from '$lib/server/services/case-notes';
import { NotFoundError } from '$lib/server/services/errors';
import type { StoredSignal } from '$lib/server/services/caseload-status';
import {
	caseloadEntry,
	LEVELS,
	type CaseloadEntry,
	type CaseloadFacts,
	type CaseloadFilters,
	type CaseloadLevel,
	type CaseloadSort
} from '$lib/server/services/caseload-view';

export interface ReferencePage {
	entries: CaseloadEntry[];
	total: number;
	needingAttention: number;
	signals: { id: string; title: string }[];
}

function fold(s: string): string {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase();
}

function rank(level: CaseloadLevel | null): number {
	return level === null ? -1 : LEVELS.indexOf(level);
}

const COMPARE: Record<CaseloadSort, (a: CaseloadEntry, b: CaseloadEntry) => number> = {
	priority: (a, b) =>
		Number(b.needsAttention) - Number(a.needsAttention) ||
		rank(b.level) - rank(a.level) ||
		(b.daysOverdrawn ?? -1) - (a.daysOverdrawn ?? -1) ||
		(a.firstOverdraft ?? '9999').localeCompare(b.firstOverdraft ?? '9999') ||
		b.feesMonthAmount - a.feesMonthAmount,
	level: (a, b) => rank(b.level) - rank(a.level),
	overdraft: (a, b) =>
		(b.daysOverdrawn ?? -1) - (a.daysOverdrawn ?? -1) ||
		(a.firstOverdraft ?? '9999').localeCompare(b.firstOverdraft ?? '9999'),
	fees: (a, b) => b.fees3m - a.fees3m || b.feesMonthAmount - a.feesMonthAmount,
	benefits: (a, b) => b.benefitsYearly - a.benefitsYearly || b.benefitsCount - a.benefitsCount,
	import: (a, b) => (b.daysSinceImport ?? 1e6) - (a.daysSinceImport ?? 1e6),
	appointment: (a, b) => (a.nextAppointment?.date ?? '9999').localeCompare(b.nextAppointment?.date ?? '9999'),
	name: () => 0
};

/** One collator for every comparison: `localeCompare(…, 'fr')` builds one per call (most of a 500-household sort). */
const byName = new Intl.Collator('fr');

/** The entries the filters keep, in the order asked (then by name). */
function filterCaseload(entries: CaseloadEntry[], f: CaseloadFilters): CaseloadEntry[] {
	const q = fold(f.q);
	const minRank = f.level ? rank(f.level) : null;
	const kept = entries.filter(
		(e) =>
			(f.view === 'all' || e.needsAttention) &&
			(q === '' || fold(e.name).includes(q)) &&
			(minRank === null || rank(e.level) >= minRank) &&
			(f.signal === null || e.signals.some((s) => s.id === f.signal)) &&
			(!f.overdraft || e.daysOverdrawn !== null || e.firstOverdraft !== null) &&
			(!f.fees || e.fees3m > 0) &&
			(!f.benefits || e.benefitsCount > 0) &&
			(f.staleDays === null || (e.consent && (e.daysSinceImport ?? Infinity) >= f.staleDays)) &&
			(f.adviser === null || e.adviser?.id === f.adviser)
	);
	return kept.sort((a, b) => COMPARE[f.sort](a, b) || byName.compare(a.name, b.name));
}

/** The caseload of an adviser, filtered and sorted. */
export async function referenceCaseloadPage(
	db: Db,
	actor: Actor,
	filters: CaseloadFilters,
	now = new Date()
): Promise<ReferencePage> {
	if (actor.role !== 'adviser') throw new NotFoundError();
	const rows = await db
		.selectFrom('adviser_assignment as a')
		.innerJoin('household as h', 'h.id', 'a.household_id')
		.innerJoin('app_user as u', 'u.id', 'a.adviser_id')
		.leftJoin('caseload_row as r', 'r.household_id', 'h.id')
		.select([
			'h.id',
			'h.name',
			'h.situation',
			'u.id as adviser_id',
			'u.name as adviser_name',
			'r.level',
			'r.regulatory_fragile',
			'r.signals',
			'r.balance',
			'r.overdrawn_since',
			'r.first_overdraft',
			'r.fees_month',
			'r.fees_month_amount',
			'r.fees_3m',
			'r.rejected_3m',
			'r.benefits_count',
			'r.benefits_yearly',
			'r.missing_income',
			'r.last_import_at',
			'r.plan_open',
			'r.plan_monthly',
			'r.plan_one_off'
		])
		.where('a.adviser_id', '=', actor.id)
		.where('a.organisation_id', '=', actor.organisationId)
		.where('h.organisation_id', '=', actor.organisationId)
		.where('h.archived_at', 'is', null)
		.execute();
	const ids = rows.map((r) => r.id);
	// The access module decides whose figures the adviser may read (consent given and not withdrawn).
	const scopes = await householdScopes(db, actor, ids);
	const members = ids.length
		? await db
				.selectFrom('household_member')
				.select(['household_id', (eb) => eb.fn.countAll<number>().as('n')])
				.where('organisation_id', '=', actor.organisationId)
				.where('household_id', 'in', ids)
				.groupBy('household_id')
				.execute()
		: [];
	const membersBy = new Map(members.map((m) => [m.household_id, Number(m.n)]));
	// The case file (appointments, next steps) only of households the adviser may keep it for.
	const withFile = ids.filter((id) => {
		const scope = scopes.get(id);
		return scope !== undefined && may(scope, 'casefile');
	});
	const fileKept = new Set(withFile);
	const [appointments, overdue] = await Promise.all([
		nextAppointments(db, actor.organisationId, withFile, now),
		overdueSteps(db, actor.organisationId, actor.id, now)
	]);
	const overdueBy = new Map<number, number>();
	for (const s of overdue) overdueBy.set(s.householdId, (overdueBy.get(s.householdId) ?? 0) + 1);
	const asOf = today(now);
	const signalTitles = new Map<string, string>();
	const entries = rows.map((r) => {
		const scope = scopes.get(r.id);
		const consent = scope !== undefined && may(scope, 'read');
		const known = consent && r.level !== null;
		const signals = known ? (JSON.parse(r.signals ?? '[]') as StoredSignal[]) : [];
		for (const s of signals) signalTitles.set(s.id, s.title);
		const facts: CaseloadFacts = {
			id: r.id,
			name: r.name,
			situation: r.situation,
			consent,
			members: membersBy.get(r.id) ?? 0,
			adviser: { id: r.adviser_id, name: r.adviser_name },
			level: known && (LEVELS as readonly string[]).includes(r.level ?? '') ? (r.level as CaseloadLevel) : null,
			regulatoryFragile: known && r.regulatory_fragile === 1,
			signals,
			balance: known ? r.balance : null,
			overdrawnSince: known ? r.overdrawn_since : null,
			firstOverdraft: known ? r.first_overdraft : null,
			feesMonth: known ? r.fees_month : null,
			feesMonthAmount: known ? Number(r.fees_month_amount ?? 0) : 0,
			fees3m: known ? Number(r.fees_3m ?? 0) : 0,
			rejected3m: known ? Number(r.rejected_3m ?? 0) : 0,
			benefitsCount: known ? Number(r.benefits_count ?? 0) : 0,
			benefitsYearly: known ? Number(r.benefits_yearly ?? 0) : 0,
			missingIncome: known && r.missing_income === 1,
			lastImportAt: known ? r.last_import_at : null,
			plan: {
				open: known ? Number(r.plan_open ?? 0) : 0,
				monthly: known ? Number(r.plan_monthly ?? 0) : 0,
				oneOff: known ? Number(r.plan_one_off ?? 0) : 0
			},
			nextAppointment: appointments.get(r.id) ?? null,
			overdueSteps: fileKept.has(r.id) ? (overdueBy.get(r.id) ?? 0) : 0
		};
		return caseloadEntry(facts, asOf);
	});
	return {
		entries: filterCaseload(entries, filters),
		total: entries.length,
		needingAttention: entries.filter((e) => e.needsAttention).length,
		signals: [...signalTitles].map(([id, title]) => ({ id, title })).sort((a, b) => a.title.localeCompare(b.title))
	};
}
