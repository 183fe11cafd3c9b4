/**
 * The household's action plan (issue 19): the coaching engine's actions over the existing engines' results,
 * with what the household or the adviser decided about each (done, postponed, not relevant: who and when),
 * the actions the adviser hid (the household no longer sees them) and the ones the adviser added.
 *
 * Who: the household's members and the adviser with consent read the plan and mark actions; only the
 * adviser (or the operator) hides an action or adds one. Every change is audited.
 */
import { randomBytes } from 'node:crypto';
import { addDaysIso, isIsoDate, nowInstant, today, type IsoDate } from '$lib/dates';
import { parseAmount, MoneyParseError, type Cents } from '$lib/money';
import type { Db } from '../db';
import { ensureDerived } from './derived-refresh';
import { AccessDeniedError, requirePermission, type HouseholdScope } from '../auth/access';
import { rankActions, type ActionKind, type PlanAction } from '../coaching/plan';
import { PLAN_POSTPONE_DEFAULT_DAYS, PLAN_POSTPONE_MAX_DAYS, PLAN_SHOWN_FIRST } from '../coaching/parameters';
import { currentPlanActions, refreshPlanActions } from './plan-snapshot';
import type { KnownInputs } from './plan-inputs';
import { auditScope } from './audit';
import { InputError, NotFoundError } from './errors';
import { stepLink, type StepLink } from './plan-links';

export const ACTION_STATUSES = {
	open: 'À faire',
	done: 'Fait',
	postponed: 'Reporté',
	not_relevant: 'Pas pertinent'
} as const;
export type ActionStatus = keyof typeof ACTION_STATUSES;
const isStatus = (s: string): s is ActionStatus => Object.hasOwn(ACTION_STATUSES, s);

export const MANUAL_TITLE_MAX = 200;
export const MANUAL_DETAIL_MAX = 2000;

export interface PlanItem extends PlanAction {
	status: ActionStatus;
	/** who changed the status and when (ISO instant); null while open and untouched */
	statusBy: string | null;
	statusAt: string | null;
	/** adviser's view only: the household does not see hidden actions at all */
	hidden: boolean;
	link: StepLink | null;
	/** false for a done or dismissed action the engine no longer proposes (shown from what was stored) */
	current: boolean;
	/** a postponed action: the day it comes back as to do */
	postponedUntil: IsoDate | null;
	/** postponed until a day now past: back in the list of actions to do */
	back: boolean;
}

export interface PlanView {
	/** open and postponed actions, ranked */
	actions: PlanItem[];
	/** done and not relevant actions, latest first */
	closed: PlanItem[];
	shownFirst: number;
	/** the actor may hide actions and add some */
	canManage: boolean;
	/** the monthly effect of the done actions, and since when */
	done: { monthly: Cents; since: string | null; count: number };
}

type Row = {
	action_key: string;
	kind: string;
	title: string;
	detail: string | null;
	monthly_impact: number | null;
	one_off_impact: number | null;
	status: string;
	status_at: string | null;
	hidden: number;
	status_by_name: string | null;
	postponed_until: string | null;
};

function mayManage(scope: HouseholdScope): boolean {
	return scope.relation !== 'member' && scope.permissions.has('write');
}

function requireManage(scope: HouseholdScope): void {
	requirePermission(scope, 'write');
	if (!mayManage(scope)) throw new AccessDeniedError('write');
}

async function storedRows(db: Db, scope: HouseholdScope): Promise<Row[]> {
	const rows = await db
		.selectFrom('action_plan_item as a')
		.leftJoin('app_user as u', 'u.id', 'a.status_by')
		.select([
			'a.action_key',
			'a.kind',
			'a.title',
			'a.detail',
			'a.monthly_impact',
			'a.one_off_impact',
			'a.status',
			'a.status_at',
			'a.hidden',
			'a.postponed_until',
			'u.name as status_by_name'
		])
		.where('a.household_id', '=', scope.householdId)
		.where('a.organisation_id', '=', scope.organisationId)
		.execute();
	return rows.map((r) => ({ ...r, hidden: Number(r.hidden) }));
}

/** A manual action, or a stored snapshot of a computed one, as an action. */
function fromRow(r: Row): PlanAction {
	const kind = (r.kind as ActionKind) ?? 'manual';
	return {
		key: r.action_key,
		kind,
		title: r.title,
		monthlyImpact: r.monthly_impact === null ? null : Number(r.monthly_impact),
		oneOffImpact: r.one_off_impact === null ? null : Number(r.one_off_impact),
		confidence: kind === 'manual' ? 'high' : 'medium',
		urgent: false,
		dueDate: null,
		evidence: kind === 'manual' ? ['Action ajoutée par votre conseillère.'] : [],
		step: { text: r.detail ?? '', target: { kind: 'none' }, documents: [], options: [] }
	};
}

function item(scope: HouseholdScope, a: PlanAction, r: Row | undefined, current: boolean, asOf: IsoDate): PlanItem {
	const stored = r && isStatus(r.status) ? r.status : 'open';
	const until = stored === 'postponed' ? (r?.postponed_until ?? null) : null;
	const back = until !== null && until <= asOf;
	const touched = r !== undefined && r.status_at !== null;
	return {
		...a,
		status: back ? 'open' : stored,
		statusBy: touched ? (r.status_by_name ?? 'BGV (ligne de commande)') : null,
		statusAt: touched ? r.status_at : null,
		hidden: r?.hidden === 1,
		link: stepLink(scope, a.step.target),
		current,
		postponedUntil: until,
		back
	};
}

/** The actions as the actor sees them: computed ones with their stored status, manual and remembered ones. */
function planItems(scope: HouseholdScope, computed: readonly PlanAction[], rows: readonly Row[], asOf: IsoDate) {
	const byKey = new Map(rows.map((r) => [r.action_key, r]));
	const keys = new Set(computed.map((a) => a.key));
	const items = [
		...computed.map((a) => item(scope, a, byKey.get(a.key), true, asOf)),
		...rows
			.filter(
				(r) => !keys.has(r.action_key) && (r.kind === 'manual' || r.status === 'done' || r.status === 'not_relevant')
			)
			.map((r) => item(scope, fromRow(r), r, r.kind === 'manual', asOf))
	];
	return mayManage(scope) ? items : items.filter((i) => !i.hidden);
}

/**
 * Writes the caseload's counts: the actions the household sees and has still to do (not postponed), and
 * their effect per month and once.
 */
async function writeCounts(db: Db, scope: HouseholdScope, computed: readonly PlanAction[], now: Date) {
	const rows = await storedRows(db, scope);
	const open = planItems(scope, computed, rows, today(now)).filter((i) => !i.hidden && i.status === 'open');
	await db
		.updateTable('caseload_row')
		.set({
			plan_open: open.length,
			plan_monthly: open.reduce((s, i) => s + (i.monthlyImpact ?? 0), 0),
			plan_one_off: open.reduce((s, i) => s + (i.oneOffImpact ?? 0), 0)
		})
		.where('household_id', '=', scope.householdId)
		.where('organisation_id', '=', scope.organisationId)
		.execute();
}

/** Computes the plan again, stores it and the caseload's counts (after a change to the household's data). */
export async function refreshPlan(
	db: Db,
	scope: HouseholdScope,
	now = new Date(),
	known: KnownInputs = {}
): Promise<void> {
	await writeCounts(db, scope, await refreshPlanActions(db, scope, now, known), now);
}

/** The whole plan as the actor may see it: computed, manual and remembered actions with their status. */
export async function householdPlan(db: Db, scope: HouseholdScope, now = new Date()): Promise<PlanView> {
	requirePermission(scope, 'read');
	await ensureDerived(db, scope, now);
	const [computed, rows] = await Promise.all([currentPlanActions(db, scope, now), storedRows(db, scope)]);
	const visible = planItems(scope, computed, rows, today(now));
	const open = rankActions(visible.filter((i) => i.status === 'open' || i.status === 'postponed'));
	// postponed actions after the open ones, each group in the engine's order
	const actions = [...open.filter((i) => i.status === 'open'), ...open.filter((i) => i.status === 'postponed')];
	const closed = visible
		.filter((i) => i.status === 'done' || i.status === 'not_relevant')
		.sort((a, b) => ((a.statusAt ?? '') < (b.statusAt ?? '') ? 1 : -1));
	const doneItems = closed.filter((i) => i.status === 'done' && !i.hidden);
	const since = doneItems.reduce<string | null>((m, i) => (m === null || (i.statusAt ?? m) < m ? i.statusAt : m), null);
	return {
		actions,
		closed,
		shownFirst: PLAN_SHOWN_FIRST,
		canManage: mayManage(scope),
		done: { monthly: doneItems.reduce((s, i) => s + (i.monthlyImpact ?? 0), 0), since, count: doneItems.length }
	};
}

/** The action of that key in the household's plan (computed or stored); NotFoundError otherwise. */
async function findAction(db: Db, scope: HouseholdScope, key: string, now: Date): Promise<PlanAction> {
	const rows = await storedRows(db, scope);
	const stored = rows.find((r) => r.action_key === key);
	if (stored?.kind === 'manual') return fromRow(stored);
	const computed = (await currentPlanActions(db, scope, now)).find((a) => a.key === key);
	if (computed) return computed;
	if (stored) return fromRow(stored);
	throw new NotFoundError('Action introuvable.');
}

async function upsert(
	db: Db,
	scope: HouseholdScope,
	a: PlanAction,
	set: { status?: ActionStatus; hidden?: boolean; until?: IsoDate | null },
	now: Date
): Promise<void> {
	const at = nowInstant(now);
	const changes = {
		...(set.status !== undefined
			? { status: set.status, status_by: scope.actor.id, status_at: at, postponed_until: set.until ?? null }
			: {}),
		...(set.hidden !== undefined ? { hidden: set.hidden ? 1 : 0, hidden_by: scope.actor.id, hidden_at: at } : {}),
		kind: a.kind,
		title: a.title,
		monthly_impact: a.monthlyImpact,
		one_off_impact: a.oneOffImpact
	};
	await db
		.insertInto('action_plan_item')
		.values({
			organisation_id: scope.organisationId,
			household_id: scope.householdId,
			action_key: a.key,
			detail: a.kind === 'manual' ? a.step.text || null : null,
			created_by: scope.actor.id,
			created_at: at,
			...changes
		})
		.onConflict((oc) => oc.columns(['household_id', 'action_key']).doUpdateSet(changes))
		.execute();
}

/** The day a postponed action comes back: the day given, or in a month; within a year. */
function postponeUntil(until: string | null | undefined, now: Date): IsoDate {
	const asOf = today(now);
	if (until === null || until === undefined || until === '') return addDaysIso(asOf, PLAN_POSTPONE_DEFAULT_DAYS);
	const last = addDaysIso(asOf, PLAN_POSTPONE_MAX_DAYS);
	if (!isIsoDate(until)) throw new InputError('Reporter jusqu’au : date attendue.', 'until');
	if (until <= asOf) throw new InputError('Reporter jusqu’au : choisissez un jour après aujourd’hui.', 'until');
	if (until > last) throw new InputError('Reporter jusqu’au : un an au plus.', 'until');
	return until;
}

/**
 * Marks an action done, postponed (until a day, in a month by default), not relevant, or open again
 * (members and the adviser).
 */
export async function setActionStatus(
	db: Db,
	scope: HouseholdScope,
	key: string,
	status: string,
	now = new Date(),
	until?: string | null
): Promise<void> {
	requirePermission(scope, 'write');
	if (!isStatus(status)) throw new InputError('Statut inconnu.', 'status');
	const postponedUntil = status === 'postponed' ? postponeUntil(until, now) : null;
	const a = await findAction(db, scope, key, now);
	if (!mayManage(scope) && (await isHidden(db, scope, key))) throw new NotFoundError('Action introuvable.');
	await upsert(db, scope, a, { status, until: postponedUntil }, now);
	await auditScope(
		db,
		scope,
		{
			action: 'plan.status',
			targetType: 'plan_action',
			targetId: key,
			details: postponedUntil ? { status, until: postponedUntil } : { status }
		},
		now
	);
	await writeCounts(db, scope, await currentPlanActions(db, scope, now), now);
}

async function isHidden(db: Db, scope: HouseholdScope, key: string): Promise<boolean> {
	const row = await db
		.selectFrom('action_plan_item')
		.select('hidden')
		.where('household_id', '=', scope.householdId)
		.where('action_key', '=', key)
		.executeTakeFirst();
	return Number(row?.hidden ?? 0) === 1;
}

/** Hides an action from the household, or shows it again (the adviser only). */
export async function setActionHidden(
	db: Db,
	scope: HouseholdScope,
	key: string,
	hidden: boolean,
	now = new Date()
): Promise<void> {
	requireManage(scope);
	const a = await findAction(db, scope, key, now);
	await upsert(db, scope, a, { hidden }, now);
	await auditScope(
		db,
		scope,
		{ action: hidden ? 'plan.hide' : 'plan.show', targetType: 'plan_action', targetId: key },
		now
	);
	await writeCounts(db, scope, await currentPlanActions(db, scope, now), now);
}

function manualInput(input: { title: string; detail: string; monthly: string }) {
	const title = input.title.trim();
	const detail = input.detail.trim();
	if (title === '') throw new InputError('Action : écrivez ce qu’il faut faire.', 'title');
	if (title.length > MANUAL_TITLE_MAX)
		throw new InputError(`Action : ${MANUAL_TITLE_MAX} caractères au plus.`, 'title');
	if (detail.length > MANUAL_DETAIL_MAX)
		throw new InputError(`Prochaine étape : ${MANUAL_DETAIL_MAX} caractères au plus.`, 'detail');
	let monthly: Cents | null = null;
	if (input.monthly.trim() !== '') {
		try {
			monthly = parseAmount(input.monthly);
		} catch (e) {
			if (!(e instanceof MoneyParseError)) throw e;
			throw new InputError('Effet par mois : montant attendu, par exemple 25,00.', 'monthly');
		}
		if (monthly <= 0) throw new InputError('Effet par mois : montant positif attendu.', 'monthly');
	}
	return { title, detail, monthly };
}

/** Adds an action written by the adviser; returns its key. */
export async function addManualAction(
	db: Db,
	scope: HouseholdScope,
	input: { title: string; detail: string; monthly: string },
	now = new Date()
): Promise<string> {
	requireManage(scope);
	const m = manualInput(input);
	const key = `manual:${randomBytes(6).toString('hex')}`;
	const at = nowInstant(now);
	await db
		.insertInto('action_plan_item')
		.values({
			organisation_id: scope.organisationId,
			household_id: scope.householdId,
			action_key: key,
			kind: 'manual',
			title: m.title,
			detail: m.detail || null,
			monthly_impact: m.monthly,
			one_off_impact: null,
			created_by: scope.actor.id,
			created_at: at
		})
		.execute();
	await auditScope(db, scope, { action: 'plan.add', targetType: 'plan_action', targetId: key }, now);
	await writeCounts(db, scope, await currentPlanActions(db, scope, now), now);
	return key;
}

/** Changes what an action the adviser added says (the adviser only). */
export async function updateManualAction(
	db: Db,
	scope: HouseholdScope,
	key: string,
	input: { title: string; detail: string; monthly: string },
	now = new Date()
): Promise<void> {
	requireManage(scope);
	const m = manualInput(input);
	const r = await db
		.updateTable('action_plan_item')
		.set({ title: m.title, detail: m.detail || null, monthly_impact: m.monthly })
		.where('household_id', '=', scope.householdId)
		.where('organisation_id', '=', scope.organisationId)
		.where('action_key', '=', key)
		.where('kind', '=', 'manual')
		.executeTakeFirst();
	if (Number(r.numUpdatedRows) === 0) throw new NotFoundError('Action introuvable.');
	await auditScope(db, scope, { action: 'plan.edit', targetType: 'plan_action', targetId: key }, now);
	await writeCounts(db, scope, await currentPlanActions(db, scope, now), now);
}
