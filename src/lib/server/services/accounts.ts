/** A household's bank accounts: the one query every page, the import and the forecast share. */
import type { Db } from '../db';
import { requirePermission, type HouseholdScope } from '../auth/access';
import { maskAccountNumber } from '../import';

export interface AccountRow {
	id: number;
	name: string;
	bank: string | null;
	accountNumber: string | null;
	iban: string | null;
	/** the saved column mapping for generic CSV files (JSON), null when none */
	csvMapping: string | null;
}

/** The household's accounts by name (no access check: for services that have made theirs). */
export async function accountRows(db: Db, scope: HouseholdScope): Promise<AccountRow[]> {
	const rows = await db
		.selectFrom('bank_account')
		.select(['id', 'name', 'bank', 'account_number', 'iban', 'csv_mapping'])
		.where('household_id', '=', scope.householdId)
		.where('organisation_id', '=', scope.organisationId)
		.orderBy('name')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		bank: r.bank,
		accountNumber: r.account_number,
		iban: r.iban,
		csvMapping: r.csv_mapping
	}));
}

export interface AccountOption {
	id: number;
	name: string;
	bank: string | null;
	/** '•••• 1234', null when the number is unknown */
	maskedNumber: string | null;
}

/** The household's accounts as a page shows them (never the full number). */
export async function listAccounts(db: Db, scope: HouseholdScope): Promise<AccountOption[]> {
	requirePermission(scope, 'read');
	return (await accountRows(db, scope)).map((a) => ({
		id: a.id,
		name: a.name,
		bank: a.bank,
		maskedNumber: a.iban || a.accountNumber ? maskAccountNumber((a.iban || a.accountNumber) as string) : null
	}));
}
