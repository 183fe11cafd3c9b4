/**
 * Tables of a household's money: bank accounts, imports, transactions, stated balances, categories and
 * categorisation rules, probable duplicates, recurring series overrides, planned items, the forecast status
 * and the statement line edits. Part of the schema (schema.ts).
 */
import type { ColumnType, Generated } from 'kysely';
import type { Flag } from './schema-people';

export type CategorySource = 'manual' | 'rule' | 'none';

export interface BankAccountTable {
	id: Generated<number>;
	organisation_id: number;
	household_id: number;
	name: string;
	bank: string | null;
	account_number: string | null;
	iban: string | null;
	currency: string;
	/** authorised overdraft in cents (positive), null when unknown */
	overdraft_limit: number | null;
	/** yearly overdraft interest rate in basis points (1 % = 100), null when unknown */
	overdraft_rate_bp: number | null;
	/** saved column mapping for generic CSV files, JSON */
	csv_mapping: string | null;
	created_at: string;
	/** 'bank' (current or savings account) or 'card' (a deferred debit card's own account) */
	kind: ColumnType<'bank' | 'card', 'bank' | 'card' | undefined, 'bank' | 'card'>;
}

export interface ImportBatchTable {
	id: Generated<number>;
	organisation_id: number;
	household_id: number;
	user_id: number | null;
	file_name: string;
	file_sha256: string;
	format: string;
	layout: string | null;
	encoding: string | null;
	imported_count: number;
	duplicate_count: number;
	/** JSON summary (accounts, warnings, reconciliation) */
	summary: string | null;
	created_at: string;
}

export interface BankTransactionTable {
	id: Generated<number>;
	organisation_id: number;
	household_id: number;
	account_id: number;
	booking_date: string;
	operation_date: string | null;
	amount: number;
	raw_label: string;
	normalised_label: string;
	payee: string | null;
	category_id: string;
	category_source: CategorySource;
	rule_id: string | null;
	categorised_by: number | null;
	categorised_at: string | null;
	import_batch_id: number | null;
	dedupe_key: string;
	bank_id: string | null;
	created_at: string;
	/** JSON array of tags set by rules or people */
	tags: string | null;
	internal_transfer: ColumnType<Flag, Flag | undefined, Flag>;
	/** the payee the file itself names (OFX NAME, camt counterparty…), as written; `payee` is BGV's */
	imported_payee: ColumnType<string | null, string | null | undefined, string | null>;
	/** card, direct_debit, transfer_in… from label normalisation */
	operation_type: string | null;
}

export interface CategorisationRuleTable {
	id: string;
	/** null for the shared default rules */
	organisation_id: number | null;
	household_id: number | null;
	/** 'default': shared (organisation null); 'organisation': an organisation's own; 'household' */
	scope: 'default' | 'organisation' | 'household';
	priority: number;
	/** the rule as JSON (conditions, actions) */
	definition: string;
	enabled: Flag;
	builtin: Flag;
	created_by: number | null;
	created_at: string;
	updated_at: string;
}

export interface ProbableDuplicateTable {
	id: Generated<number>;
	organisation_id: number;
	household_id: number;
	transaction_id: number;
	existing_transaction_id: number;
	import_batch_id: number | null;
	status: 'open' | 'kept' | 'removed';
	created_at: string;
}

export interface PendingImportTable {
	/** random id in the form (unguessable, and checked against the household and user) */
	id: string;
	organisation_id: number;
	household_id: number;
	user_id: number;
	file_name: string;
	content: Uint8Array;
	/** JSON: account choice, mapping, date order */
	options: string | null;
	created_at: string;
}

export interface AccountBalanceTable {
	id: Generated<number>;
	organisation_id: number;
	household_id: number;
	account_id: number;
	date: string;
	amount: number;
	source: 'statement' | 'manual';
	import_batch_id: number | null;
	created_at: string;
}

export interface CategoryTable {
	id: string;
	label: string;
	group_id: string;
	kind: 'income' | 'expense' | 'neutral';
	builtin: Flag;
	position: number;
	active: Flag;
}

/** An organisation turns a shared rule off (or back on) for its households. */
export interface RuleOverrideTable {
	organisation_id: number;
	rule_id: string;
	enabled: Flag;
	updated_at: string;
	updated_by: number | null;
}

/** An organisation's own name for a shared category. */
export interface CategoryLabelTable {
	organisation_id: number;
	category_id: string;
	label: string;
	updated_at: string;
	updated_by: number | null;
}

export interface SeriesOverrideTable {
	household_id: number;
	organisation_id: number;
	/** the series key of the recurring detector */
	key: string;
	status: 'confirmed' | 'dismissed' | 'edited';
	amount: number | null;
	day_of_month: number | null;
	updated_at: string;
	updated_by: number | null;
}

export interface PlannedItemTable {
	id: Generated<number>;
	organisation_id: number;
	household_id: number;
	date: string;
	label: string;
	/** cents, negative for a debit */
	amount: number;
	/** null for a one-off item */
	cadence: string | null;
	until: string | null;
	created_by: number | null;
	created_at: string;
}

export interface HouseholdStatusTable {
	household_id: number;
	organisation_id: number;
	balance_date: string | null;
	/** cents */
	balance: number | null;
	first_overdraft: string | null;
	/** cents */
	lowest_balance: number | null;
	/** JSON array of { kind, severity, date, message } */
	alerts: string;
	computed_at: string;
}

/** The adviser's amount for one line of the budget statement (issue 17), in cents per month. */
export interface StatementLineEditTable {
	household_id: number;
	organisation_id: number;
	line_key: string;
	amount: number;
	note: string | null;
	edited_by: number | null;
	edited_at: string;
}
