/**
 * The caseload's choices in SQL (issue 20): which of an adviser's households the filters keep, whether each
 * needs the adviser "Cette semaine" (the pressing reasons of caseloadEntry, relative to the day read), the
 * counts of the page and the signals present; so that a request reads a few figures per household and
 * builds the words only of the households it shows. Consent is the access module's rule (consentShared).
 */
import { type Expression, type ExpressionBuilder, type Nullable, type SqlBool } from 'kysely';
import { addDaysIso, type IsoDate } from '$lib/dates';
import type { Db } from '../db';
import type { Database } from '../db/schema';
import type { Actor } from '../auth/session';
import { consentShared } from '../auth/access';
import { APPOINTMENT_KINDS } from './case-notes';
import {
	APPOINTMENT_SOON_DAYS,
	LEVELS,
	OVERDRAFT_SOON_DAYS,
	PRESSING_SIGNAL,
	STALE_IMPORT_DAYS,
	type CaseloadFilters
} from './caseload-view';

type CaseloadDb = Database & {
	a: Database['adviser_assignment'];
	h: Database['household'];
	r: Nullable<Database['caseload_row']>;
};
type Eb = ExpressionBuilder<CaseloadDb, 'a' | 'h' | 'r'>;

/** The adviser's households (not archived) and their stored rows, if any. */
export function assignedHouseholds(db: Db, actor: Actor) {
	return db
		.selectFrom('adviser_assignment as a')
		.innerJoin('household as h', 'h.id', 'a.household_id')
		.leftJoin('caseload_row as r', 'r.household_id', 'h.id')
		.where('a.adviser_id', '=', actor.id)
		.where('a.organisation_id', '=', actor.organisationId)
		.where('h.organisation_id', '=', actor.organisationId)
		.where('h.archived_at', 'is', null);
}

/** The adviser reads the household's figures (consent). */
export function consentGiven(eb: Eb) {
	return consentShared(eb.ref('h.id'));
}

/** …and its figures are stored: caseloadEntry's `known`. */
function known(eb: Eb): Expression<SqlBool> {
	return eb.and([consentGiven(eb), eb('r.household_id', 'is not', null)]);
}

/** The stored figures that are pressing on the day `asOf` (caseloadEntry's pressing reasons from the row). */
function pressingFigures(eb: Eb, asOf: IsoDate): Expression<SqlBool> {
	return eb.or([
		eb('r.overdrawn_since', 'is not', null),
		eb('r.first_overdraft', '<=', addDaysIso(asOf, OVERDRAFT_SOON_DAYS)),
		eb.and([eb('r.fees_month_amount', '>', 0), eb('r.fees_month', 'is not', null)]),
		eb('r.missing_income', '=', 1),
		eb.exists(
			eb
				.selectFrom('caseload_signal as s')
				.select('s.position')
				.whereRef('s.household_id', '=', 'h.id')
				.where('s.level', 'in', [...PRESSING_SIGNAL.levels])
				.where('s.signal_id', 'not in', [...PRESSING_SIGNAL.notIds])
		),
		// days since the import ≥ STALE_IMPORT_DAYS, the import's day being the timestamp's first ten characters
		eb('r.last_import_at', '<', addDaysIso(asOf, 1 - STALE_IMPORT_DAYS))
	]);
}

/** The case file's agreed steps not done and past their day. */
function overdueStep(eb: Eb, organisationId: number, asOf: IsoDate) {
	return eb
		.selectFrom('case_step as cs')
		.whereRef('cs.household_id', '=', 'h.id')
		.where('cs.organisation_id', '=', organisationId)
		.where('cs.done_at', 'is', null)
		.where('cs.due_date', '<', asOf);
}

/** The case file's appointments, calls and visits from `asOf` on. */
function appointment(eb: Eb, organisationId: number, asOf: IsoDate) {
	return eb
		.selectFrom('case_entry as ce')
		.whereRef('ce.household_id', '=', 'h.id')
		.where('ce.organisation_id', '=', organisationId)
		.where('ce.kind', 'in', [...APPOINTMENT_KINDS])
		.where('ce.date', '>=', asOf);
}

/** On "Cette semaine" on the day `asOf`: caseloadEntry's needsAttention. */
export function needsAttention(eb: Eb, organisationId: number, asOf: IsoDate) {
	const soon = addDaysIso(asOf, APPOINTMENT_SOON_DAYS);
	return eb.and([
		consentGiven(eb),
		eb.or([
			eb.and([eb('r.household_id', 'is not', null), pressingFigures(eb, asOf)]),
			eb.exists(overdueStep(eb, organisationId, asOf).select('cs.id')),
			eb.exists(appointment(eb, organisationId, asOf).select('ce.id').where('ce.date', '<=', soon))
		])
	]);
}

/** The number of overdue steps of the household (shown only with consent). */
export function overdueStepCount(eb: Eb, organisationId: number, asOf: IsoDate) {
	return overdueStep(eb, organisationId, asOf).select((e) => e.fn.countAll<number>().as('n'));
}

/** The day of the household's next appointment. */
export function nextAppointmentDate(eb: Eb, organisationId: number, asOf: IsoDate) {
	return appointment(eb, organisationId, asOf).select((e) => e.fn.min('ce.date').as('d'));
}

/**
 * The conditions of the filters but the view and the search by name (the view is needsAttention, read
 * once per household with the counts; accents are folded in JavaScript); null when there are none.
 */
export function filterConditions(eb: Eb, f: CaseloadFilters, asOf: IsoDate) {
	const conditions: Expression<SqlBool>[] = [];
	if (f.level) conditions.push(known(eb), eb('r.level', 'in', LEVELS.slice(LEVELS.indexOf(f.level))));
	if (f.signal)
		conditions.push(
			known(eb),
			eb.exists(
				eb
					.selectFrom('caseload_signal as s')
					.select('s.position')
					.whereRef('s.household_id', '=', 'h.id')
					.where('s.signal_id', '=', f.signal)
			)
		);
	if (f.overdraft)
		conditions.push(
			known(eb),
			eb.or([eb('r.overdrawn_since', 'is not', null), eb('r.first_overdraft', 'is not', null)])
		);
	if (f.fees) conditions.push(known(eb), eb('r.fees_3m', '>', 0));
	if (f.benefits) conditions.push(known(eb), eb('r.benefits_count', '>', 0));
	if (f.staleDays !== null)
		conditions.push(
			consentGiven(eb),
			eb.or([
				eb('r.household_id', 'is', null),
				eb('r.last_import_at', 'is', null),
				eb('r.last_import_at', '<', addDaysIso(asOf, 1 - f.staleDays))
			])
		);
	if (f.adviser !== null) conditions.push(eb('a.adviser_id', '=', f.adviser));
	return conditions.length ? eb.and(conditions) : null;
}

/** The signals of the households whose figures the adviser reads, by title (one title per signal). */
export async function caseloadSignals(db: Db, actor: Actor): Promise<{ id: string; title: string }[]> {
	const rows = await assignedHouseholds(db, actor)
		.innerJoin('caseload_signal as s', 's.household_id', 'h.id')
		.select(['s.signal_id', (eb) => eb.fn.min('s.title').as('title')])
		.where(known)
		.groupBy('s.signal_id')
		.execute();
	return rows.map((r) => ({ id: r.signal_id, title: r.title })).sort((a, b) => a.title.localeCompare(b.title));
}
