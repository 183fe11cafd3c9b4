/**
 * The adviser's caseload read from the stored rows (caseload_row, written after each change): filtered,
 * counted and sorted from a few stored figures per household (caseload-query), the words and the case file
 * read only for the households shown, in a fixed number of queries whatever the number of households; and
 * the reassignment of a household to another adviser of the organisation by its admin. Figures are shown
 * only for households that gave consent.
 */
import { today, type IsoDate } from '$lib/dates';
import type { Db } from '../db';
import { ensureOrganisationDerived } from './derived-refresh';
import type { Actor } from '../auth/session';
import { householdScopes, may } from '../auth/access';
import { audit } from './audit';
import { keptWhileUnchanged } from './caseload-cache';
import { nextAppointments } from './case-notes';
import { InputError, NotFoundError } from './errors';
import type { StoredSignal } from './caseload-status';
import {
	assignedHouseholds,
	caseloadSignals,
	consentGiven,
	filterConditions,
	needsAttention,
	nextAppointmentDate,
	overdueStepCount
} from './caseload-query';
import {
	caseloadEntry,
	days,
	LEVELS,
	nameMatches,
	sortCaseload,
	type CaseloadEntry,
	type CaseloadFilters,
	type CaseloadLevel,
	type CaseloadSortKeys
} from './caseload-view';

export interface CaseloadPage {
	/** the households the filters keep, in the order asked: all of them, or those of the page asked */
	entries: CaseloadEntry[];
	/** how many the filters keep, and the page given (from 1) when one was asked */
	matching: number;
	page: number;
	/** households followed, and those on "Cette semaine" */
	total: number;
	needingAttention: number;
	/** the signals present in the caseload, for the filter */
	signals: { id: string; title: string }[];
}

function level(value: string | null): CaseloadLevel | null {
	return (LEVELS as readonly string[]).includes(value ?? '') ? (value as CaseloadLevel) : null;
}

interface Keys {
	/** the households the filters keep, sorted */
	ids: number[];
	total: number;
	needingAttention: number;
}

/**
 * One read of a few stored figures per household followed, masked as caseloadEntry masks them, with
 * whether it is on "Cette semaine" and whether the filters keep it (in SQL): the counts, and the households
 * kept in the order asked.
 */
async function sortedKeys(db: Db, actor: Actor, filters: CaseloadFilters, asOf: IsoDate): Promise<Keys> {
	const org = actor.organisationId;
	const rows = await assignedHouseholds(db, actor)
		.select((eb) => {
			const keep = filterConditions(eb, filters, asOf);
			return [
				'h.id',
				'h.name',
				'r.household_id as stored',
				'r.level',
				'r.overdrawn_since',
				'r.first_overdraft',
				'r.fees_month_amount',
				'r.fees_3m',
				'r.benefits_count',
				'r.benefits_yearly',
				'r.last_import_at',
				consentGiven(eb).as('consent'),
				needsAttention(eb, org, asOf).as('attention'),
				...(keep ? [keep.as('keep')] : []),
				...(filters.sort === 'appointment' ? [nextAppointmentDate(eb, org, asOf).as('next_date')] : [])
			];
		})
		.execute();
	const keys: CaseloadSortKeys[] = [];
	let needingAttention = 0;
	for (const r of rows as ((typeof rows)[number] & { keep?: unknown; next_date?: IsoDate | null })[]) {
		const attention = Boolean(r.attention);
		if (attention) needingAttention++;
		if ((r.keep !== undefined && !r.keep) || (filters.view === 'week' && !attention)) continue;
		if (!nameMatches(r.name, filters.q)) continue;
		const consent = Boolean(r.consent);
		const known = consent && r.stored !== null;
		const next = consent ? (r.next_date ?? null) : null;
		keys.push({
			id: r.id,
			name: r.name,
			needsAttention: attention,
			level: known ? level(r.level) : null,
			daysOverdrawn: known && r.overdrawn_since ? days(r.overdrawn_since, asOf) + 1 : null,
			firstOverdraft: known ? r.first_overdraft : null,
			feesMonthAmount: known ? Number(r.fees_month_amount ?? 0) : 0,
			fees3m: known ? Number(r.fees_3m ?? 0) : 0,
			benefitsCount: known ? Number(r.benefits_count ?? 0) : 0,
			benefitsYearly: known ? Number(r.benefits_yearly ?? 0) : 0,
			daysSinceImport: known && r.last_import_at ? days(r.last_import_at.slice(0, 10), asOf) : null,
			nextAppointment: next ? { date: next } : null
		});
	}
	const ids = sortCaseload(keys, filters.sort).map((k) => k.id);
	return { ids, total: rows.length, needingAttention };
}

/** The entries of the households `ids`, in that order: their rows, words, consent and case file. */
async function entriesOf(db: Db, actor: Actor, ids: number[], now: Date): Promise<CaseloadEntry[]> {
	if (ids.length === 0) return [];
	const org = actor.organisationId;
	const asOf = today(now);
	// The access module decides whose figures the adviser may read (consent given and not withdrawn).
	const scopes = await householdScopes(db, actor, ids);
	const rows = await assignedHouseholds(db, actor)
		.innerJoin('app_user as u', 'u.id', 'a.adviser_id')
		.selectAll('r')
		.select((eb) => [
			'h.id',
			'h.name',
			'h.situation',
			'u.id as adviser_id',
			'u.name as adviser_name',
			eb
				.selectFrom('household_member as m')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('m.household_id', '=', 'h.id')
				.where('m.organisation_id', '=', org)
				.as('members'),
			overdueStepCount(eb, org, asOf).as('overdue')
		])
		.where('h.id', 'in', ids)
		.execute();
	// The case file (appointments, next steps) only of households the adviser may keep it for.
	const fileKept = new Set(ids.filter((id) => scopes.has(id) && may(scopes.get(id)!, 'casefile')));
	const appointments = await nextAppointments(db, org, [...fileKept], now);
	const byId = new Map(rows.map((r) => [r.id, r]));
	return ids.flatMap((id) => {
		const r = byId.get(id);
		if (!r) return [];
		const scope = scopes.get(id);
		const consent = scope !== undefined && may(scope, 'read');
		const known = consent && r.level !== null;
		return [
			caseloadEntry(
				{
					id,
					name: r.name,
					situation: r.situation,
					consent,
					members: Number(r.members ?? 0),
					adviser: { id: r.adviser_id, name: r.adviser_name },
					level: known ? level(r.level) : null,
					regulatoryFragile: known && r.regulatory_fragile === 1,
					signals: known ? (JSON.parse(r.signals ?? '[]') as StoredSignal[]) : [],
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
					nextAppointment: appointments.get(id) ?? null,
					overdueSteps: fileKept.has(id) ? Number(r.overdue ?? 0) : 0
				},
				asOf
			)
		];
	});
}

/**
 * The caseload of an adviser, filtered and sorted: every household the filters keep, or only those of page
 * `paging.page` (from 1, brought within the pages there are) of `paging.size` households. The page computed
 * is kept while nothing it shows changes in the organisation (caseload-cache): the same request again costs
 * one read. The value returned is shared with later requests: callers copy, never change it.
 */
export async function caseloadPage(
	db: Db,
	actor: Actor,
	filters: CaseloadFilters,
	now = new Date(),
	paging?: { page: number; size: number }
): Promise<CaseloadPage> {
	if (actor.role !== 'adviser') throw new NotFoundError();
	await ensureOrganisationDerived(db, actor.organisationId, now);
	const asOf = today(now);
	const key = JSON.stringify([actor.id, asOf, filters, paging ?? null]);
	return keptWhileUnchanged(db, actor.organisationId, key, () => computePage(db, actor, filters, now, paging));
}

async function computePage(
	db: Db,
	actor: Actor,
	filters: CaseloadFilters,
	now: Date,
	paging?: { page: number; size: number }
): Promise<CaseloadPage> {
	const asOf = today(now);
	const { ids, total, needingAttention } = await sortedKeys(db, actor, filters, asOf);
	let page = 1;
	let shown = ids;
	if (paging) {
		const pages = Math.max(1, Math.ceil(ids.length / paging.size));
		page = Math.min(Math.max(1, Math.trunc(paging.page) || 1), pages);
		shown = ids.slice((page - 1) * paging.size, page * paging.size);
	}
	const entries = await entriesOf(db, actor, shown, now);
	const signals = await caseloadSignals(db, actor);
	return { entries, matching: ids.length, page, total, needingAttention, signals };
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
