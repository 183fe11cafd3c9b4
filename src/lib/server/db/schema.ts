/**
 * The one hand-written Kysely schema for both dialects. Tables are snake_case and singular; money is
 * integer cents (`bigint`), calendar dates `YYYY-MM-DD` text, instants UTC ISO text, flags 0 | 1.
 * Every table holding a household's data carries `organisation_id`, the tenant (and sharding) key.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export type Role = 'household' | 'adviser' | 'professional' | 'admin';
export const ROLES: readonly Role[] = ['household', 'adviser', 'professional', 'admin'];
export type CategorySource = 'manual' | 'rule' | 'none';
export type Flag = 0 | 1;

export interface OrganisationTable {
	id: Generated<number>;
	name: string;
	created_at: string;
	/** 1 when the association receives referrals from professionals' quick checks (its intake queue) */
	accepts_referrals: Generated<Flag>;
}

export interface AppUserTable {
	/** 1 for the platform's admins, who own the shared reference data (categories, default rules, benefits) */
	platform_admin: Generated<Flag>;
	id: Generated<number>;
	organisation_id: number;
	email: string;
	name: string;
	/** null until an invited person chooses a password */
	password_hash: string | null;
	role: Role;
	active: Flag;
	created_at: string;
	password_changed_at: string | null;
}

export interface SessionTable {
	/** hex SHA-256 of the token held by the cookie: a database leak gives no usable token */
	id: string;
	user_id: number;
	organisation_id: number;
	created_at: string;
	expires_at: string;
	last_seen_at: string;
}

export interface LoginThrottleTable {
	/** `account:<email>` or `ip:<address>` */
	key: string;
	failures: number;
	window_started_at: string;
	locked_until: string | null;
}

export interface HouseholdTable {
	id: Generated<number>;
	organisation_id: number;
	name: string;
	/** short description of the situation, written by the adviser */
	situation: string | null;
	created_at: string;
	archived_at: string | null;
}

export interface HouseholdMemberTable {
	household_id: number;
	user_id: number;
	organisation_id: number;
	created_at: string;
}

export interface AdviserAssignmentTable {
	household_id: number;
	adviser_id: number;
	organisation_id: number;
	created_at: string;
}

export interface ConsentTable {
	id: Generated<number>;
	household_id: number;
	organisation_id: number;
	given_at: string;
	given_by: number | null;
	withdrawn_at: string | null;
	withdrawn_by: number | null;
}

export interface InvitationTable {
	id: Generated<number>;
	organisation_id: number;
	household_id: number;
	/** hex SHA-256 of the single-use token in the link */
	token_hash: string;
	email: string;
	name: string;
	created_by: number;
	created_at: string;
	expires_at: string;
	used_at: string | null;
	/** set when the adviser revoked it (or sent a new link instead) */
	revoked_at: string | null;
}

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

export interface PasswordResetTable {
	id: Generated<number>;
	organisation_id: number;
	user_id: number;
	/** SHA-256 of the link's token */
	token_hash: string;
	/** the admin who asked for it, null when the person asked themselves */
	created_by: number | null;
	created_at: string;
	expires_at: string;
	used_at: string | null;
}

export type OutboxStatus = 'sent' | 'failed' | 'kept';

/** E-mails sent by BGV; without an SMTP server they are kept here (`kept`) for the demo. */
export interface OutboxTable {
	id: Generated<number>;
	organisation_id: number | null;
	to_address: string;
	subject: string;
	body: string;
	purpose: string;
	status: OutboxStatus;
	error: string | null;
	created_at: string;
	sent_at: string | null;
}

export interface AuditLogTable {
	id: Generated<number>;
	organisation_id: number | null;
	household_id: number | null;
	actor_id: number | null;
	action: string;
	target_type: string | null;
	target_id: string | null;
	/** JSON, never secrets */
	details: string | null;
	ip: string | null;
	at: string;
}

export interface HouseholdProfileTable {
	household_id: number;
	organisation_id: number;
	/** the profile JSON of shared/contracts/profile.md */
	profile: string;
	updated_at: string;
	updated_by: number | null;
}

export interface BenefitParameterTable {
	id: Generated<number>;
	key: string;
	/** decimal string: euros, rate or count */
	value: string;
	unit: string;
	effective_from: string;
	effective_to: string | null;
	label: string;
	source: string;
	updated_at: string;
	updated_by: number | null;
}

/** One published version of a benefit's definition (JSON of BenefitDefinition); the highest is in force. */
export interface BenefitDefinitionTable {
	id: Generated<number>;
	benefit: string;
	version: number;
	definition: string;
	/** what the admin changed, in their words */
	note: string;
	created_at: string;
	created_by: number | null;
}

/** new → seen → claim_in_progress → obtained | refused | not_relevant */
export type AlertStatus = 'new' | 'seen' | 'claim_in_progress' | 'obtained' | 'refused' | 'not_relevant';

export interface BenefitAlertTable {
	id: Generated<number>;
	organisation_id: number;
	household_id: number;
	benefit: string;
	status: AlertStatus;
	/** estimated amount in cents for `period` */
	amount: number | null;
	period: string;
	month: string;
	/** JSON array of French reasons */
	reasons: string;
	/** 0 once the benefit is no longer found (kept for history) */
	active: Flag;
	created_at: string;
	updated_at: string;
	updated_by: number | null;
}

export interface CheckStatTable {
	organisation_id: number;
	day: string;
	checks: number;
	benefits_found: number;
	/** estimated yearly amount found, cents */
	yearly_amount: number;
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

export interface Database {
	organisation: OrganisationTable;
	app_user: AppUserTable;
	session: SessionTable;
	login_throttle: LoginThrottleTable;
	household: HouseholdTable;
	household_member: HouseholdMemberTable;
	adviser_assignment: AdviserAssignmentTable;
	consent: ConsentTable;
	invitation: InvitationTable;
	bank_account: BankAccountTable;
	import_batch: ImportBatchTable;
	bank_transaction: BankTransactionTable;
	account_balance: AccountBalanceTable;
	category: CategoryTable;
	audit_log: AuditLogTable;
	categorisation_rule: CategorisationRuleTable;
	probable_duplicate: ProbableDuplicateTable;
	pending_import: PendingImportTable;
	household_profile: HouseholdProfileTable;
	benefit_parameter: BenefitParameterTable;
	benefit_definition: BenefitDefinitionTable;
	benefit_alert: BenefitAlertTable;
	check_stat: CheckStatTable;
	series_override: SeriesOverrideTable;
	planned_item: PlannedItemTable;
	household_status: HouseholdStatusTable;
	rule_override: RuleOverrideTable;
	category_label: CategoryLabelTable;
	password_reset: PasswordResetTable;
	outbox: OutboxTable;
	case_entry: CaseEntryTable;
	case_step: CaseStepTable;
	household_letter: HouseholdLetterTable;
	referral: ReferralTable;
	caseload_row: CaseloadRowTable;
	caseload_signal: CaseloadSignalTable;
	caseload_generation: CaseloadGenerationTable;
	alert_subscription: AlertSubscriptionTable;
	alert_sent: AlertSentTable;
	debt: DebtTable;
	debt_suggestion_dismissal: DebtSuggestionDismissalTable;
	statement_line_edit: StatementLineEditTable;
	household_register: HouseholdRegisterTable;
	signal_followup: SignalFollowupTable;
	action_plan_item: ActionPlanItemTable;
	plan_snapshot: PlanSnapshotTable;
	plan_action: PlanActionTable;
}

export type AppUser = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type Household = Selectable<HouseholdTable>;
export type BankTransaction = Selectable<BankTransactionTable>;
export type NewBankTransaction = Insertable<BankTransactionTable>;
export type BankAccount = Selectable<BankAccountTable>;
export type UpdateBankAccount = Updateable<BankAccountTable>;

/** The kinds of entry in an adviser's case file: appointment, phone call, home visit, note. */
export type CaseEntryKind = 'rdv' | 'telephone' | 'visite' | 'note';

export interface CaseEntryTable {
	id: Generated<number>;
	organisation_id: number;
	household_id: number;
	author_id: number | null;
	/** the day of the appointment, call or visit (ISO date); a future date is a planned appointment */
	date: string;
	kind: CaseEntryKind;
	body: string;
	created_at: string;
}

export interface CaseStepTable {
	id: Generated<number>;
	organisation_id: number;
	household_id: number;
	entry_id: number;
	text: string;
	due_date: string;
	done_at: string | null;
	done_by: number | null;
}

/** A letter written for a household and kept in its file (kind 'fee_claim': the fee claim to the bank). */
export interface HouseholdLetterTable {
	id: Generated<number>;
	organisation_id: number;
	household_id: number;
	kind: string;
	body: string;
	created_by: number | null;
	created_at: string;
}

export type ReferralStatus = 'open' | 'accepted' | 'closed';
export type ReferralUrgency = 'normal' | 'urgent';

/** An orientation request from a professional's quick check, in the receiving association's intake queue. */
export interface ReferralTable {
	id: Generated<number>;
	/** the receiving association (the tenant) */
	organisation_id: number;
	sender_id: number;
	sender_organisation_id: number;
	status: ReferralStatus;
	urgency: ReferralUrgency;
	person_name: string;
	person_email: string | null;
	person_phone: string | null;
	situation: string;
	/** JSON: [{ label, yearly }] of the benefits the check found (amounts as decimal strings) */
	benefits: string;
	/** the consent wording the person agreed to, and when */
	consent_text: string;
	consent_at: string;
	created_at: string;
	decided_at: string | null;
	decided_by: number | null;
	close_reason: string | null;
	household_id: number | null;
}

/** The caseload's figures about one household, written after each change to its data (read, never recomputed). */
export interface CaseloadRowTable {
	household_id: number;
	organisation_id: number;
	/** ok | watch | fragile | high | critical, and its rank 0–4 for sorting */
	level: string;
	level_rank: number;
	regulatory_fragile: Flag;
	/** JSON array of { id, level, title, message, count?, amount? } */
	signals: string;
	/** cents, the known balance (all accounts) */
	balance: number | null;
	/** first day of the current run of negative balances, null when not overdrawn */
	overdrawn_since: string | null;
	first_overdraft: string | null;
	/** the last complete month (YYYY-MM) and its incident fees, cents (positive) */
	fees_month: string | null;
	fees_month_amount: number;
	/** incident fees over the last 3 months, cents (positive), and rejected operations */
	fees_3m: number;
	rejected_3m: number;
	benefits_count: number;
	/** cents per year */
	benefits_yearly: number;
	/** 1 when a regular income expected last month did not arrive */
	missing_income: Flag;
	last_import_at: string | null;
	last_transaction_date: string | null;
	computed_at: string;
	/** the plan's open actions the household sees, and their effect (cents per month, cents once) */
	plan_open: Generated<number>;
	plan_monthly: Generated<number>;
	plan_one_off: Generated<number>;
}

/** One signal of a caseload row (its `signals` as rows), for the caseload's filters and counts in SQL. */
export interface CaseloadSignalTable {
	household_id: number;
	organisation_id: number;
	/** the signal's place in the row's list */
	position: number;
	/** the engine's id: F8_overdraft, F12_reste_a_vivre */
	signal_id: string;
	level: string;
	title: string;
}

/**
 * A number that changes whenever something the caseload shows changes in the organisation (written by
 * triggers, migration 1002): the caseload's results are kept while it stays the same.
 */
export interface CaseloadGenerationTable {
	organisation_id: number;
	generation: number;
}

/** A household member who chose to receive the household's new alerts by e-mail. */
export interface AlertSubscriptionTable {
	household_id: number;
	user_id: number;
	organisation_id: number;
	created_at: string;
}

/** An alert or digest already e-mailed to a person (its key), so that none is sent twice. */
export interface AlertSentTable {
	user_id: number;
	key: string;
	organisation_id: number;
	sent_at: string;
}

/** One debt of the household's register (issue 16); amounts in cents. */
export interface DebtTable {
	id: Generated<number>;
	organisation_id: number;
	household_id: number;
	creditor: string;
	/** credit_conso, renouvelable, immobilier, loyer, energie, impots, amende, famille, autre */
	kind: string;
	outstanding: number;
	/** monthly instalment */
	instalment: number;
	arrears: number;
	start_date: string | null;
	/** en_cours, plan, suspendue, soldee */
	status: string;
	/** the recurring series this debt was confirmed from, if any */
	source_key: string | null;
	created_by: number | null;
	created_at: string;
	updated_at: string;
}

/** A suggested debt (recurring credit debit) the adviser dismissed. */
export interface DebtSuggestionDismissalTable {
	household_id: number;
	organisation_id: number;
	source_key: string;
	dismissed_by: number | null;
	dismissed_at: string;
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

/** A registration the adviser recorded (FICP, FCC, surendettement): fragility signal F4. */
export interface HouseholdRegisterTable {
	id: Generated<number>;
	organisation_id: number;
	household_id: number;
	/** ficp, fcc, surendettement_recevable, surendettement_plan */
	kind: string;
	since: string;
	until: string | null;
	recorded_by: number | null;
	recorded_at: string;
}

/** What the adviser did about a fragility signal: who, when, what (history, newest read first). */
export interface SignalFollowupTable {
	id: Generated<number>;
	organisation_id: number;
	household_id: number;
	/** the signal's engine id: F8_overdraft, gambling */
	signal: string;
	body: string;
	author_id: number | null;
	created_at: string;
}

/** What was decided about one action of the household's plan, or an action the adviser added (issue 19). */
export interface ActionPlanItemTable {
	id: Generated<number>;
	organisation_id: number;
	household_id: number;
	/** the engine's action key ("benefit:rsa", "fee_refund"…), or "manual:<id>" */
	action_key: string;
	/** open, done, postponed, not_relevant */
	status: Generated<string>;
	status_by: number | null;
	status_at: string | null;
	/** 1 when the adviser hid the action from the household */
	hidden: Generated<number>;
	hidden_by: number | null;
	hidden_at: string | null;
	/** the engine's kind, or "manual" */
	kind: string;
	/** a manual action's title, or a computed one's when last acted on */
	title: string;
	detail: string | null;
	/** cents per month, positive */
	monthly_impact: number | null;
	/** cents, positive */
	one_off_impact: number | null;
	created_by: number | null;
	created_at: string;
	/** a postponed action comes back as to do on this day (ISO date) */
	postponed_until: ColumnType<string | null, string | null | undefined, string | null>;
}

/** When the household's computed plan was last computed (plan_action holds it). */
export interface PlanSnapshotTable {
	household_id: number;
	organisation_id: number;
	computed_at: string;
}

/** One action of the household's computed plan, as last computed, with the day it first appeared. */
export interface PlanActionTable {
	household_id: number;
	organisation_id: number;
	action_key: string;
	position: number;
	kind: string;
	monthly_impact: number | null;
	one_off_impact: number | null;
	urgent: number;
	/** the engine's PlanAction, JSON */
	action: string;
	first_seen_at: string;
}
