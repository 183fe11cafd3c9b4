/**
 * The household's debts register (issue 16): the debts an adviser records (creditor, kind, outstanding,
 * instalment, arrears, start, status), priority debts first, and suggestions from the recurring credit
 * debits found in the statements, which the adviser confirms (a debt is created) or dismisses.
 *
 * Who: the household's members read their register (it is their data, and the statement built from it is
 * signed by them in a surendettement file), but only the adviser records it: a register is a professional's
 * assessment of what is owed. Writing needs `write` through an adviser's (or the operator's) scope.
 */
import { parseAmount, MoneyParseError, type Cents } from '$lib/money';
import { isIsoDate, nowInstant, today } from '$lib/dates';
import type { Db } from '../db';
import { AccessDeniedError, requirePermission, type HouseholdScope } from '../auth/access';
import { InputError, NotFoundError } from './errors';
import { auditScope } from './audit';
import { householdSeries } from './forecast-service';
import {
	DEBT_KINDS,
	DEBT_STATUSES,
	isDebtKind,
	isDebtStatus,
	sortDebts,
	suggestedKind,
	type DebtEntry,
	type DebtKind,
	type DebtStatus
} from '../statement/debt-kinds';

export interface DebtInput {
	creditor: string;
	kind: DebtKind;
	outstanding: Cents;
	instalment: Cents;
	arrears: Cents;
	startDate: string | null;
	status: DebtStatus;
}

export interface DebtSuggestion {
	/** the recurring series' key */
	key: string;
	creditor: string;
	kind: DebtKind;
	/** cents per month, positive */
	instalment: Cents;
	lastDate: string;
	occurrences: number;
	explanation: string;
}

const CREDIT_CATEGORIES = new Set(['credit.consumer', 'credit.other', 'housing.mortgage']);
const LENDERS =
	/\b(COFIDIS|CETELEM|SOFINCO|ONEY|FLOA|YOUNITED|FRANFINANCE|COFINOGA|CARREFOUR BANQUE|CASHPER|FINFROG|ALMA|KLARNA)\b/i;

function requireAdviserWrite(scope: HouseholdScope): void {
	requirePermission(scope, 'write');
	if (scope.relation === 'member') throw new AccessDeniedError('write');
}

type DebtRow = {
	id: number;
	creditor: string;
	kind: string;
	outstanding: number;
	instalment: number;
	arrears: number;
	start_date: string | null;
	status: string;
	source_key: string | null;
};

function entry(r: DebtRow): DebtEntry {
	return {
		id: r.id,
		creditor: r.creditor,
		kind: isDebtKind(r.kind) ? r.kind : 'autre',
		outstanding: Number(r.outstanding),
		instalment: Number(r.instalment),
		arrears: Number(r.arrears),
		startDate: r.start_date,
		status: isDebtStatus(r.status) ? r.status : 'en_cours',
		sourceKey: r.source_key
	};
}

/** The register, priority debts (housing, energy, taxes, fines) first, settled debts last. */
export async function listDebts(db: Db, scope: HouseholdScope): Promise<DebtEntry[]> {
	requirePermission(scope, 'read');
	const rows = await db
		.selectFrom('debt')
		.select(['id', 'creditor', 'kind', 'outstanding', 'instalment', 'arrears', 'start_date', 'status', 'source_key'])
		.where('household_id', '=', scope.householdId)
		.where('organisation_id', '=', scope.organisationId)
		.execute();
	return sortDebts(rows.map(entry));
}

/**
 * Active recurring debits to a lender or in a credit category that no debt and no dismissal already covers,
 * as pre-filled debts.
 */
export async function debtSuggestions(db: Db, scope: HouseholdScope, asOf = today()): Promise<DebtSuggestion[]> {
	requirePermission(scope, 'read');
	const [series, taken, dismissed] = await Promise.all([
		householdSeries(db, scope, undefined, asOf),
		db
			.selectFrom('debt')
			.select('source_key')
			.where('household_id', '=', scope.householdId)
			.where('source_key', 'is not', null)
			.execute(),
		db
			.selectFrom('debt_suggestion_dismissal')
			.select('source_key')
			.where('household_id', '=', scope.householdId)
			.execute()
	]);
	const skip = new Set([...taken.map((r) => r.source_key), ...dismissed.map((r) => r.source_key)]);
	return series
		.filter((s) => s.amount < 0 && s.status === 'active' && s.review !== 'dismissed' && !skip.has(s.key))
		.filter((s) => CREDIT_CATEGORIES.has(s.category) || LENDERS.test(s.payee))
		.map((s) => ({
			key: s.key,
			creditor: s.payee,
			kind: suggestedKind(s.payee, s.category),
			instalment: -s.amount,
			lastDate: s.lastDate,
			occurrences: s.occurrences,
			explanation: s.explanation
		}))
		.sort((a, b) => b.instalment - a.instalment);
}

function money(form: FormData, field: string, label: string, errors: Record<string, string>): Cents {
	const raw = String(form.get(field) ?? '').trim();
	if (raw === '') return 0;
	try {
		const c = parseAmount(raw);
		if (c < 0) errors[field] = `${label} : indiquez un montant positif.`;
		return c;
	} catch (e) {
		if (!(e instanceof MoneyParseError)) throw e;
		errors[field] = `${label} : montant illisible (exemple : 1 234,56).`;
		return 0;
	}
}

/** Reads the debt form; French messages naming the field. */
export function debtFromForm(form: FormData): { input: DebtInput | null; errors: Record<string, string> } {
	const errors: Record<string, string> = {};
	const creditor = String(form.get('creditor') ?? '').trim();
	if (creditor === '') errors.creditor = 'Créancier : indiquez à qui la somme est due.';
	else if (creditor.length > 120) errors.creditor = 'Créancier : 120 caractères au plus.';
	const kind = String(form.get('kind') ?? '');
	if (!isDebtKind(kind)) errors.kind = 'Type de dette : choisissez dans la liste.';
	const status = String(form.get('status') ?? 'en_cours');
	if (!isDebtStatus(status)) errors.status = 'Statut : choisissez dans la liste.';
	const outstanding = money(form, 'outstanding', 'Capital restant dû', errors);
	const instalment = money(form, 'instalment', 'Mensualité', errors);
	const arrears = money(form, 'arrears', 'Arriérés', errors);
	const start = String(form.get('startDate') ?? '').trim();
	if (start !== '' && !isIsoDate(start)) errors.startDate = 'Date de début : date invalide.';
	if (Object.keys(errors).length > 0) return { input: null, errors };
	return {
		input: {
			creditor,
			kind: kind as DebtKind,
			status: status as DebtStatus,
			outstanding,
			instalment,
			arrears,
			startDate: start === '' ? null : start
		},
		errors
	};
}

function validate(input: DebtInput): void {
	if (input.creditor.trim() === '') throw new InputError('Créancier : indiquez à qui la somme est due.', 'creditor');
	if (!isDebtKind(input.kind)) throw new InputError('Type de dette : choisissez dans la liste.', 'kind');
	if (!isDebtStatus(input.status)) throw new InputError('Statut : choisissez dans la liste.', 'status');
	for (const f of ['outstanding', 'instalment', 'arrears'] as const)
		if (!Number.isSafeInteger(input[f]) || input[f] < 0) throw new InputError('Montant : positif attendu.', f);
}

export async function addDebt(
	db: Db,
	scope: HouseholdScope,
	input: DebtInput,
	options: { sourceKey?: string | null; now?: Date } = {}
): Promise<number> {
	requireAdviserWrite(scope);
	validate(input);
	const at = nowInstant(options.now);
	const row = await db
		.insertInto('debt')
		.values({
			organisation_id: scope.organisationId,
			household_id: scope.householdId,
			creditor: input.creditor.trim(),
			kind: input.kind,
			outstanding: input.outstanding,
			instalment: input.instalment,
			arrears: input.arrears,
			start_date: input.startDate,
			status: input.status,
			source_key: options.sourceKey ?? null,
			created_by: scope.actor.id,
			created_at: at,
			updated_at: at
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await auditScope(db, scope, { action: 'debt.add', targetType: 'debt', targetId: row.id }, options.now);
	return row.id;
}

export async function updateDebt(db: Db, scope: HouseholdScope, id: number, input: DebtInput, now = new Date()) {
	requireAdviserWrite(scope);
	validate(input);
	const r = await db
		.updateTable('debt')
		.set({
			creditor: input.creditor.trim(),
			kind: input.kind,
			outstanding: input.outstanding,
			instalment: input.instalment,
			arrears: input.arrears,
			start_date: input.startDate,
			status: input.status,
			updated_at: nowInstant(now)
		})
		.where('id', '=', id)
		.where('household_id', '=', scope.householdId)
		.executeTakeFirst();
	if (Number(r.numUpdatedRows) === 0) throw new NotFoundError('Dette introuvable.');
	await auditScope(db, scope, { action: 'debt.update', targetType: 'debt', targetId: id }, now);
}

export async function deleteDebt(db: Db, scope: HouseholdScope, id: number, now = new Date()) {
	requireAdviserWrite(scope);
	const r = await db
		.deleteFrom('debt')
		.where('id', '=', id)
		.where('household_id', '=', scope.householdId)
		.executeTakeFirst();
	if (Number(r.numDeletedRows) === 0) throw new NotFoundError('Dette introuvable.');
	await auditScope(db, scope, { action: 'debt.delete', targetType: 'debt', targetId: id }, now);
}

/** Creates the debt a suggestion pre-fills (the adviser completes outstanding and arrears later). */
export async function confirmSuggestion(db: Db, scope: HouseholdScope, key: string, asOf = today(), now = new Date()) {
	requireAdviserWrite(scope);
	const s = (await debtSuggestions(db, scope, asOf)).find((x) => x.key === key);
	if (!s) throw new NotFoundError('Suggestion introuvable ou déjà traitée.');
	return addDebt(
		db,
		scope,
		{
			creditor: s.creditor,
			kind: s.kind,
			instalment: s.instalment,
			outstanding: 0,
			arrears: 0,
			startDate: null,
			status: 'en_cours'
		},
		{ sourceKey: s.key, now }
	);
}

export async function dismissSuggestion(db: Db, scope: HouseholdScope, key: string, now = new Date()) {
	requireAdviserWrite(scope);
	if (key === '' || key.length > 500) throw new InputError('Suggestion inconnue.', 'key');
	await db
		.insertInto('debt_suggestion_dismissal')
		.values({
			household_id: scope.householdId,
			organisation_id: scope.organisationId,
			source_key: key,
			dismissed_by: scope.actor.id,
			dismissed_at: nowInstant(now)
		})
		.onConflict((oc) => oc.columns(['household_id', 'source_key']).doNothing())
		.execute();
	await auditScope(db, scope, { action: 'debt.suggestion_dismiss', targetType: 'debt_suggestion', targetId: key }, now);
}

export const DEBT_KIND_OPTIONS = Object.entries(DEBT_KINDS).map(([value, label]) => ({ value, label }));
export const DEBT_STATUS_OPTIONS = Object.entries(DEBT_STATUSES).map(([value, label]) => ({ value, label }));
