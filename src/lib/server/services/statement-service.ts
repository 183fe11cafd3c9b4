/**
 * The over-indebtedness budget statement of a household (issue 17): the last 3 complete months of its
 * statements, its profile (composition, dependents) and its debts register through the pure statement
 * engine, with the adviser's line edits; exported as PDF and CSV by `statement-pdf.ts` and `statement/csv.ts`.
 */
import { addMonthsIso, nowInstant, today, type IsoDate, type IsoMonth } from '$lib/dates';
import type { Cents } from '$lib/money';
import type { Db } from '../db';
import { AccessDeniedError, requirePermission, type HouseholdScope } from '../auth/access';
import { budgetStatement, isStatementLineKey, type BudgetStatement, type LineEdit } from '../statement/statement';
import { seizureScaleAt } from '../statement/seizable';
import { rsaForHousehold } from '../statement/rsa';
import { householdComposition } from './budget-service';
import { loadParameters } from './benefit-tables';
import { listDebts } from './debts';
import { householdHeader } from './households';
import { InputError } from './errors';
import { auditScope } from './audit';

export const STATEMENT_MONTHS = 3;

export interface StatementView {
	household: { id: number; name: string };
	statement: BudgetStatement;
	asOf: IsoDate;
	compositionKnown: boolean;
	adults: number;
	children: number;
}

/**
 * The months analysed: the 3 months ending with the last complete month before `asOf`, or with the month
 * of the household's latest transaction when its statements stop earlier.
 */
export function statementMonths(asOf: IsoDate, latest: IsoDate | null): IsoMonth[] {
	let end = addMonthsIso(asOf.slice(0, 7), -1);
	if (latest && latest.slice(0, 7) < end) end = latest.slice(0, 7);
	return Array.from({ length: STATEMENT_MONTHS }, (_, i) => addMonthsIso(end, i - STATEMENT_MONTHS + 1));
}

async function lineEdits(db: Db, scope: HouseholdScope): Promise<Map<string, LineEdit>> {
	const rows = await db
		.selectFrom('statement_line_edit')
		.select(['line_key', 'amount', 'note'])
		.where('household_id', '=', scope.householdId)
		.where('organisation_id', '=', scope.organisationId)
		.execute();
	return new Map(rows.map((r) => [r.line_key, { amount: Number(r.amount), note: r.note }]));
}

export async function householdStatement(db: Db, scope: HouseholdScope, asOf = today()): Promise<StatementView> {
	requirePermission(scope, 'read');
	const latest = await db
		.selectFrom('bank_transaction')
		.select((eb) => eb.fn.max('booking_date').as('date'))
		.where('household_id', '=', scope.householdId)
		.executeTakeFirst();
	const months = statementMonths(asOf, latest?.date ?? null);
	const rows = await db
		.selectFrom('bank_transaction')
		.select(['id', 'booking_date', 'amount', 'category_id', 'raw_label'])
		.where('household_id', '=', scope.householdId)
		.where('organisation_id', '=', scope.organisationId)
		.where('booking_date', '>=', `${months[0]}-01`)
		.where('booking_date', '<=', `${months[months.length - 1]}-31`)
		.orderBy('booking_date')
		.orderBy('id')
		.execute();
	const [household, debts, edits, comp, params] = await Promise.all([
		householdHeader(db, scope),
		listDebts(db, scope),
		lineEdits(db, scope),
		householdComposition(db, scope, months[months.length - 1]),
		loadParameters(db)
	]);
	const adults = comp.composition.adults;
	const children = comp.composition.children.length;
	const rsa = rsaForHousehold(params, asOf, { adults, children });
	const statement = budgetStatement({
		months,
		txs: rows.map((r) => ({
			id: r.id,
			date: r.booking_date,
			amount: Number(r.amount),
			category: r.category_id,
			label: r.raw_label
		})),
		debts,
		edits,
		dependents: children,
		scale: seizureScaleAt(asOf),
		rsaHousehold: rsa.household,
		rsaSinglePerson: rsa.singlePerson
	});
	return { household, statement, asOf, compositionKnown: comp.known, adults, children };
}

function requireAdviserWrite(scope: HouseholdScope): void {
	requirePermission(scope, 'write');
	if (scope.relation === 'member') throw new AccessDeniedError('write');
}

/** The adviser's amount for one line (cents per month); the line then says it was edited. */
export async function saveLineEdit(
	db: Db,
	scope: HouseholdScope,
	edit: { key: string; amount: Cents; note: string | null },
	now = new Date()
): Promise<void> {
	requireAdviserWrite(scope);
	if (!isStatementLineKey(edit.key)) throw new InputError('Ligne inconnue du relevé.', 'key');
	if (!Number.isSafeInteger(edit.amount) || edit.amount < 0)
		throw new InputError('Montant : indiquez un montant positif.', 'amount');
	const note = edit.note?.trim() ? edit.note.trim().slice(0, 300) : null;
	const values = { amount: edit.amount, note, edited_by: scope.actor.id, edited_at: nowInstant(now) };
	await db
		.insertInto('statement_line_edit')
		.values({ household_id: scope.householdId, organisation_id: scope.organisationId, line_key: edit.key, ...values })
		.onConflict((oc) => oc.columns(['household_id', 'line_key']).doUpdateSet(values))
		.execute();
	await auditScope(db, scope, { action: 'statement.edit', targetType: 'statement_line', targetId: edit.key }, now);
}

/** Back to the amount the statements give. */
export async function clearLineEdit(db: Db, scope: HouseholdScope, key: string, now = new Date()): Promise<void> {
	requireAdviserWrite(scope);
	await db
		.deleteFrom('statement_line_edit')
		.where('household_id', '=', scope.householdId)
		.where('line_key', '=', key)
		.execute();
	await auditScope(db, scope, { action: 'statement.edit_clear', targetType: 'statement_line', targetId: key }, now);
}
