/**
 * The short profile (issue 15): eight questions on one phone screen, their first answers drafted from the
 * household's statements and the adviser's notes, saved through the same profile as the full form. Only
 * the drafted answers leave this module, never the notes themselves (the household does not read them).
 */
import { addMonthsIso, today, type IsoMonth } from '$lib/dates';
import type { Db } from '../db';
import { requirePermission, type HouseholdScope } from '../auth/access';
import { draftProfile, type ProfileDraft } from '../benefits/profile-draft';
import { loadDefinitions } from './benefit-tables';
import { loadProfile } from './benefits-service';
import { valuesFromProfile } from './profile-form';

export type { ProfileDraft };

/** Notes read for the couple and the children: the newest ones. */
const NOTES_READ = 20;

/** What the short profile starts from: the stored answers if any, the draft from the statements for the rest. */
export async function shortProfileDraft(
	db: Db,
	scope: HouseholdScope,
	now = new Date()
): Promise<ProfileDraft & { hasProfile: boolean }> {
	requirePermission(scope, 'read');
	const month: IsoMonth = today(now).slice(0, 7);
	const since = `${addMonthsIso(month, -12)}-01`;
	const [transactions, first, notes, definitions, profile] = await Promise.all([
		db
			.selectFrom('bank_transaction')
			.select(['booking_date', 'amount', 'raw_label', 'payee', 'category_id'])
			.where('household_id', '=', scope.householdId)
			.where('organisation_id', '=', scope.organisationId)
			.where('booking_date', '>=', since)
			.where('booking_date', '<', `${month}-01`)
			.execute(),
		db
			.selectFrom('bank_transaction')
			.select((eb) => eb.fn.min('booking_date').as('first'))
			.where('household_id', '=', scope.householdId)
			.executeTakeFirst(),
		db
			.selectFrom('case_entry')
			.select('body')
			.where('household_id', '=', scope.householdId)
			.where('organisation_id', '=', scope.organisationId)
			.orderBy('date', 'desc')
			.orderBy('id', 'desc')
			.limit(NOTES_READ)
			.execute(),
		loadDefinitions(db),
		loadProfile(db, scope)
	]);
	const draft = draftProfile({
		month,
		transactions: transactions.map((t) => ({
			date: t.booking_date,
			amount: t.amount,
			label: t.raw_label,
			payee: t.payee,
			category: t.category_id
		})),
		firstDate: first?.first ?? undefined,
		notes: notes.map((n) => n.body),
		definitions
	});
	// A stored profile is what the person answered: it wins over the draft, which only fills its blanks.
	if (profile)
		return { ...draft, values: { ...draft.values, ...valuesFromProfile(profile) }, hints: {}, hasProfile: true };
	return { ...draft, hasProfile: false };
}
