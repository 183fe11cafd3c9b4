/**
 * The adviser's caseload read from the stored rows (caseload_row, written after each change), in a fixed
 * number of queries whatever the number of households; and the reassignment of a household to another
 * adviser of the organisation by its admin. Figures are shown only for households that gave consent.
 */
import { today } from '$lib/dates';
import type { Db } from '../db';
import type { Actor } from '../auth/session';
import { householdScopes, may } from '../auth/access';
import { audit } from './audit';
import { nextAppointments, overdueSteps } from './case-notes';
import { InputError, NotFoundError } from './errors';
import type { StoredSignal } from './caseload-status';
import {
	caseloadEntry,
	filterCaseload,
	LEVELS,
	type CaseloadEntry,
	type CaseloadFacts,
	type CaseloadFilters,
	type CaseloadLevel
} from './caseload-view';

export interface CaseloadPage {
	entries: CaseloadEntry[];
	/** households followed, and those on "Cette semaine" */
	total: number;
	needingAttention: number;
	/** the signals present in the caseload, for the filter */
	signals: { id: string; title: string }[];
}

/** The caseload of an adviser, filtered and sorted. */
export async function caseloadPage(
	db: Db,
	actor: Actor,
	filters: CaseloadFilters,
	now = new Date()
): Promise<CaseloadPage> {
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

export interface AssignmentRow {
	householdId: number;
	name: string;
	adviserIds: number[];
}

function requireOrgAdmin(actor: Actor): void {
	if (actor.role !== 'admin') throw new NotFoundError();
}

/** The organisation's households and their advisers, for its admin (names only, no financial data). */
export async function organisationAssignments(
	db: Db,
	actor: Actor
): Promise<{ households: AssignmentRow[]; advisers: { id: number; name: string }[] }> {
	requireOrgAdmin(actor);
	const [households, assignments, advisers] = await Promise.all([
		db
			.selectFrom('household')
			.select(['id', 'name'])
			.where('organisation_id', '=', actor.organisationId)
			.where('archived_at', 'is', null)
			.orderBy('name')
			.execute(),
		db
			.selectFrom('adviser_assignment')
			.select(['household_id', 'adviser_id'])
			.where('organisation_id', '=', actor.organisationId)
			.execute(),
		db
			.selectFrom('app_user')
			.select(['id', 'name'])
			.where('organisation_id', '=', actor.organisationId)
			.where('role', '=', 'adviser')
			.where('active', '=', 1)
			.orderBy('name')
			.execute()
	]);
	return {
		households: households.map((h) => ({
			householdId: h.id,
			name: h.name,
			adviserIds: assignments.filter((a) => a.household_id === h.id).map((a) => a.adviser_id)
		})),
		advisers
	};
}

/** Gives a household of the admin's organisation to another of its advisers (the previous ones step back). */
export async function reassignHousehold(
	db: Db,
	actor: Actor,
	householdId: number,
	adviserId: number,
	now = new Date()
): Promise<void> {
	requireOrgAdmin(actor);
	const org = actor.organisationId;
	await db.transaction().execute(async (trx) => {
		const household = await trx
			.selectFrom('household')
			.select('id')
			.where('id', '=', householdId)
			.where('organisation_id', '=', org)
			.executeTakeFirst();
		if (!household) throw new NotFoundError();
		const adviser = await trx
			.selectFrom('app_user')
			.select('id')
			.where('id', '=', adviserId)
			.where('organisation_id', '=', org)
			.where('role', '=', 'adviser')
			.where('active', '=', 1)
			.executeTakeFirst();
		if (!adviser) throw new InputError('Choisissez un conseiller de votre association.', 'adviser');
		await trx.deleteFrom('adviser_assignment').where('household_id', '=', householdId).execute();
		await trx
			.insertInto('adviser_assignment')
			.values({ household_id: householdId, adviser_id: adviserId, organisation_id: org, created_at: now.toISOString() })
			.execute();
		await audit(
			trx,
			{ organisationId: org, actorId: actor.id, householdId, action: 'household.reassigned', details: { adviserId } },
			now
		);
	});
}
