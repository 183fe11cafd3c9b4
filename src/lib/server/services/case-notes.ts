/**
 * The adviser's case file of a household: appointments, phone calls, home visits and notes, what was said,
 * and the next steps agreed with their due dates. It is the adviser's working file: only the assigned adviser
 * with the household's consent reads and writes it (`casefile` permission); the household's members never
 * see it. Every write is audited. `nextAppointments` and `overdueSteps` feed the caseload.
 */
import type { Db } from '../db';
import type { CaseEntryKind } from '../db/schema';
import { differenceInCalendarDays } from 'date-fns';
import { isIsoDate, isoToDate, today as todayIso } from '$lib/dates';
import { requirePermission, type HouseholdScope } from '../auth/access';
import { auditScope } from './audit';
import { InputError, NotFoundError } from './errors';

export const CASE_KINDS: readonly CaseEntryKind[] = ['rdv', 'telephone', 'visite', 'note'];
/** The kinds that are meetings: a future one is the household's next appointment. */
export const APPOINTMENT_KINDS: readonly CaseEntryKind[] = ['rdv', 'telephone', 'visite'];
export const CASE_KIND_LABELS: Record<CaseEntryKind, string> = {
	rdv: 'Rendez-vous',
	telephone: 'Téléphone',
	visite: 'Visite à domicile',
	note: 'Note'
};
/** How many next steps one entry may carry (the form shows this many rows). */
export const MAX_STEPS = 3;
const MAX_BODY = 5000;
const MAX_STEP = 300;

export interface CaseStep {
	id: number;
	entryId: number;
	text: string;
	dueDate: string;
	done: boolean;
	doneAt: string | null;
}

export interface CaseEntry {
	id: number;
	date: string;
	kind: CaseEntryKind;
	body: string;
	author: string | null;
	createdAt: string;
	steps: CaseStep[];
}

export interface CaseFile {
	entries: CaseEntry[];
	/** next steps not done whose due date is before today, oldest first, with how many days late */
	overdue: (CaseStep & { daysLate: number })[];
	/** the next appointment (today or later), if any */
	next: { date: string; kind: CaseEntryKind } | null;
	today: string;
}

export interface NewCaseEntry {
	date: string;
	kind: string;
	body: string;
	steps: { text: string; dueDate: string }[];
}

function checkDate(value: string, field: string, label: string): string {
	const raw = value.trim();
	const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
	const v = fr ? `${fr[3]}-${fr[2].padStart(2, '0')}-${fr[1].padStart(2, '0')}` : raw;
	if (v === '') throw new InputError(`${label} : indiquez la date.`, field);
	if (!isIsoDate(v) || v < '2000-01-01' || v > '2100-12-31')
		throw new InputError(`${label} : date illisible « ${raw} » (exemple : 28/11/2026).`, field);
	return v;
}

/** Validates an entry; throws InputError naming the field (`date`, `kind`, `body`, `stepText1`, `stepDue1`…). */
export function checkCaseEntry(input: NewCaseEntry): NewCaseEntry & { kind: CaseEntryKind } {
	if (!(CASE_KINDS as readonly string[]).includes(input.kind))
		throw new InputError('Type : choisissez rendez-vous, téléphone, visite ou note.', 'kind');
	const date = checkDate(input.date, 'date', 'Date');
	const body = input.body.trim();
	if (body === '') throw new InputError('Ce qui a été dit : écrivez au moins quelques mots.', 'body');
	if (body.length > MAX_BODY)
		throw new InputError(`Ce qui a été dit : ${MAX_BODY} caractères au plus (${body.length} saisis).`, 'body');
	if (input.steps.length > MAX_STEPS) throw new InputError(`${MAX_STEPS} prochaines étapes au plus.`, 'steps');
	const steps = input.steps.map((s, i) => {
		const n = i + 1;
		const text = s.text.trim();
		if (text === '') throw new InputError(`Étape ${n} : décrivez l'étape convenue.`, `stepText${n}`);
		if (text.length > MAX_STEP) throw new InputError(`Étape ${n} : ${MAX_STEP} caractères au plus.`, `stepText${n}`);
		return { text, dueDate: checkDate(s.dueDate, `stepDue${n}`, `Étape ${n}, échéance`) };
	});
	return { date, kind: input.kind as CaseEntryKind, body, steps };
}

/** Adds an entry and its next steps to the household's case file. Returns the entry's id. */
export async function addCaseEntry(
	db: Db,
	scope: HouseholdScope,
	input: NewCaseEntry,
	now = new Date()
): Promise<number> {
	requirePermission(scope, 'casefile');
	const e = checkCaseEntry(input);
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('case_entry')
			.values({
				organisation_id: scope.organisationId,
				household_id: scope.householdId,
				author_id: scope.actor.id,
				date: e.date,
				kind: e.kind,
				body: e.body,
				created_at: now.toISOString()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		if (e.steps.length)
			await trx
				.insertInto('case_step')
				.values(
					e.steps.map((s) => ({
						organisation_id: scope.organisationId,
						household_id: scope.householdId,
						entry_id: row.id,
						text: s.text,
						due_date: s.dueDate,
						done_at: null,
						done_by: null
					}))
				)
				.execute();
		await auditScope(
			trx,
			scope,
			{
				action: 'casefile.entry_added',
				targetType: 'case_entry',
				targetId: row.id,
				details: { kind: e.kind, date: e.date, steps: e.steps.length }
			},
			now
		);
		return row.id;
	});
}

/** Marks a next step done (or not done again). NotFoundError for a step of another household. */
export async function setStepDone(
	db: Db,
	scope: HouseholdScope,
	stepId: number,
	done: boolean,
	now = new Date()
): Promise<void> {
	requirePermission(scope, 'casefile');
	if (!Number.isSafeInteger(stepId) || stepId <= 0) throw new NotFoundError('Étape introuvable.');
	const r = await db
		.updateTable('case_step')
		.set({ done_at: done ? now.toISOString() : null, done_by: done ? scope.actor.id : null })
		.where('id', '=', stepId)
		.where('household_id', '=', scope.householdId)
		.where('organisation_id', '=', scope.organisationId)
		.executeTakeFirst();
	if (Number(r.numUpdatedRows) === 0) throw new NotFoundError('Étape introuvable.');
	await auditScope(
		db,
		scope,
		{ action: done ? 'casefile.step_done' : 'casefile.step_reopened', targetType: 'case_step', targetId: stepId },
		now
	);
}

/** The household's case file, newest entry first, with overdue steps and the next appointment. */
export async function caseFile(db: Db, scope: HouseholdScope, now = new Date()): Promise<CaseFile> {
	requirePermission(scope, 'casefile');
	const day = todayIso(now);
	const [entries, steps] = await Promise.all([
		db
			.selectFrom('case_entry as e')
			.leftJoin('app_user as u', 'u.id', 'e.author_id')
			.select(['e.id', 'e.date', 'e.kind', 'e.body', 'e.created_at', 'u.name as author'])
			.where('e.organisation_id', '=', scope.organisationId)
			.where('e.household_id', '=', scope.householdId)
			.orderBy('e.date', 'desc')
			.orderBy('e.id', 'desc')
			.execute(),
		db
			.selectFrom('case_step')
			.select(['id', 'entry_id', 'text', 'due_date', 'done_at'])
			.where('organisation_id', '=', scope.organisationId)
			.where('household_id', '=', scope.householdId)
			.orderBy('due_date')
			.orderBy('id')
			.execute()
	]);
	const all: CaseStep[] = steps.map((s) => ({
		id: s.id,
		entryId: s.entry_id,
		text: s.text,
		dueDate: s.due_date,
		done: s.done_at !== null,
		doneAt: s.done_at
	}));
	const list: CaseEntry[] = entries.map((e) => ({
		id: e.id,
		date: e.date,
		kind: e.kind,
		body: e.body,
		author: e.author ?? null,
		createdAt: e.created_at,
		steps: all.filter((s) => s.entryId === e.id)
	}));
	const upcoming = list
		.filter((e) => APPOINTMENT_KINDS.includes(e.kind) && e.date >= day)
		.sort((a, b) => (a.date === b.date ? a.id - b.id : a.date < b.date ? -1 : 1));
	return {
		entries: list,
		overdue: all
			.filter((s) => !s.done && s.dueDate < day)
			.map((s) => ({ ...s, daysLate: differenceInCalendarDays(isoToDate(day), isoToDate(s.dueDate)) })),
		next: upcoming[0] ? { date: upcoming[0].date, kind: upcoming[0].kind } : null,
		today: day
	};
}

/**
 * The next appointment (RDV, phone call or visit dated today or later) of each household, in one query.
 * For the caseload: pass only households the adviser may see the case file of (`casefile` scopes).
 */
export async function nextAppointments(
	db: Db,
	organisationId: number,
	householdIds: number[],
	now = new Date()
): Promise<Map<number, { date: string; kind: string }>> {
	const ids = [...new Set(householdIds.filter((id) => Number.isSafeInteger(id) && id > 0))];
	const result = new Map<number, { date: string; kind: string }>();
	if (ids.length === 0) return result;
	const rows = await db
		.selectFrom('case_entry')
		.select(['household_id', 'date', 'kind'])
		.where('organisation_id', '=', organisationId)
		.where('household_id', 'in', ids)
		.where('kind', 'in', [...APPOINTMENT_KINDS])
		.where('date', '>=', todayIso(now))
		.orderBy('household_id')
		.orderBy('date')
		.orderBy('id')
		.execute();
	for (const r of rows) if (!result.has(r.household_id)) result.set(r.household_id, { date: r.date, kind: r.kind });
	return result;
}

export interface OverdueStep {
	stepId: number;
	householdId: number;
	householdName: string;
	text: string;
	dueDate: string;
}

/**
 * The overdue next steps (not done, due before today) of the households assigned to an adviser that still
 * share their data with them, oldest first: the adviser's reminders.
 */
export async function overdueSteps(
	db: Db,
	organisationId: number,
	adviserId: number,
	now = new Date()
): Promise<OverdueStep[]> {
	const rows = await db
		.selectFrom('case_step as s')
		.innerJoin('adviser_assignment as a', (j) =>
			j.onRef('a.household_id', '=', 's.household_id').onRef('a.organisation_id', '=', 's.organisation_id')
		)
		.innerJoin('household as h', 'h.id', 's.household_id')
		.select(['s.id', 's.household_id', 'h.name', 's.text', 's.due_date'])
		.where('s.organisation_id', '=', organisationId)
		.where('h.organisation_id', '=', organisationId)
		.where('a.adviser_id', '=', adviserId)
		.where('s.done_at', 'is', null)
		.where('s.due_date', '<', todayIso(now))
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('consent as c')
					.select('c.id')
					.whereRef('c.household_id', '=', 's.household_id')
					.where('c.withdrawn_at', 'is', null)
			)
		)
		.orderBy('s.due_date')
		.orderBy('s.id')
		.execute();
	return rows.map((r) => ({
		stepId: r.id,
		householdId: r.household_id,
		householdName: r.name,
		text: r.text,
		dueDate: r.due_date
	}));
}
