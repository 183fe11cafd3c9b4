/**
 * The month's budget and the adviser's indicators for a household: transactions of the last months from
 * the database, the composition from the household's profile, and the pure fragility engines.
 */
import { differenceInYears } from 'date-fns';
import { engineCategories } from './categories';
import { addMonthsIso, isoToDate } from '$lib/dates';
import type { Db } from '../db';
import { monthBudget, type MonthBudget } from '../fragility/month-budget';
import { computeIndicators, type Indicators } from '../fragility/indicators';
import type { HouseholdComposition } from '../fragility/household';
import { loadProfile } from './benefits-service';
import { transactionMonths } from './transactions';
import { requirePermission, type HouseholdScope } from '../auth/access';

/** The household's composition from its profile (ages at the month), or one adult when unknown. */
export async function householdComposition(
	db: Db,
	scope: HouseholdScope,
	month: string
): Promise<{ composition: HouseholdComposition; known: boolean }> {
	const profile = await loadProfile(db, scope);
	if (!profile) return { composition: { adults: 1, children: [] }, known: false };
	const at = isoToDate(`${month}-15`);
	const children = profile.members
		.filter((m) => m.role === 'child')
		.map((m) => ({ age: m.birthDate ? Math.max(0, differenceInYears(at, isoToDate(m.birthDate))) : 10 }));
	const adults = profile.members.filter((m) => m.role !== 'child').length;
	return { composition: { adults: Math.max(1, adults), children }, known: true };
}

export interface BudgetView {
	month: string | null;
	months: string[];
	budget: MonthBudget | null;
	indicators: Indicators | null;
	compositionKnown: boolean;
}

export async function householdBudget(db: Db, scope: HouseholdScope, requested: string | null): Promise<BudgetView> {
	requirePermission(scope, 'read');
	const months = await transactionMonths(db, scope);
	const month = requested && months.includes(requested) ? requested : (months[0] ?? null);
	if (!month) return { month: null, months, budget: null, indicators: null, compositionKnown: false };
	const from = `${addMonthsIso(month, -6)}-01`;
	const rows = await db
		.selectFrom('bank_transaction')
		.select(['booking_date', 'amount', 'category_id'])
		.where('household_id', '=', scope.householdId)
		.where('booking_date', '>=', from)
		.where('booking_date', '<=', `${month}-31`)
		.execute();
	const txs = rows.map((r) => ({ date: r.booking_date, amount: r.amount, category: r.category_id }));
	// The categories of the table (admins may add some), as the engines expect them.
	const categories = await engineCategories(db, scope.organisationId);
	const budget = monthBudget(txs, categories, month, { previousMonths: 6 });
	// Indicators over the 3 complete months before the month shown (or including it when it is complete).
	const threeFrom = `${addMonthsIso(month, -3)}-01`;
	const threeTo = `${addMonthsIso(month, -1)}-31`;
	const { composition, known } = await householdComposition(db, scope, month);
	const indicators = computeIndicators({
		txs: txs.filter((t) => t.date >= threeFrom && t.date <= threeTo),
		months: 3,
		composition,
		params: `${month}-01`,
		categories
	});
	return { month, months, budget, indicators, compositionKnown: known };
}
