/**
 * Deferred debit cards counted once: when a household's deferred card has its own account (its statement
 * imported, purchases by category), the monthly debit by which the current account pays the card is a
 * transfer between the household's accounts, not spending. Marked after each import and each re-application
 * of the rules; a choice the person made by hand is never changed.
 */
import type { Db } from '../db';
import type { HouseholdScope } from '../auth/access';
import { foldText } from '../rules';
import { isCardSettlement } from '../import/cards';

export const CARD_SETTLEMENT_CATEGORY = 'transfer.internal';

/** Marks the current accounts' card settlements of the household; returns how many rows changed. */
export async function markCardSettlements(db: Db, scope: HouseholdScope): Promise<number> {
	const card = await db
		.selectFrom('bank_account')
		.select('id')
		.where('household_id', '=', scope.householdId)
		.where('kind', '=', 'card')
		.limit(1)
		.executeTakeFirst();
	if (!card) return 0;
	const candidates = await db
		.selectFrom('bank_transaction as t')
		.innerJoin('bank_account as a', 'a.id', 't.account_id')
		.select(['t.id', 't.raw_label'])
		.where('t.household_id', '=', scope.householdId)
		.where('a.kind', '=', 'bank')
		.where('t.amount', '<', 0)
		.where('t.category_source', '!=', 'manual')
		.where('t.category_id', '!=', CARD_SETTLEMENT_CATEGORY)
		.execute();
	const ids = candidates.filter((c) => isCardSettlement(foldText(c.raw_label).toUpperCase())).map((c) => c.id);
	for (let i = 0; i < ids.length; i += 500)
		await db
			.updateTable('bank_transaction')
			.set({ category_id: CARD_SETTLEMENT_CATEGORY, category_source: 'rule', rule_id: null, internal_transfer: 1 })
			.where('id', 'in', ids.slice(i, i + 500))
			.execute();
	return ids.length;
}
