/**
 * The one hand-written Kysely schema for both dialects. Tables are snake_case and singular; money is
 * integer cents (`bigint`), calendar dates `YYYY-MM-DD` text, instants UTC ISO text, flags 0 | 1.
 * Every table holding a household's data carries `organisation_id`, the tenant (and sharding) key.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
	AdviserAssignmentTable,
	AlertSentTable,
	AlertSubscriptionTable,
	AppUserTable,
	AuditLogTable,
	ConsentTable,
	HouseholdMemberTable,
	HouseholdTable,
	InvitationTable,
	LoginThrottleTable,
	OrganisationTable,
	OutboxTable,
	PasswordResetTable,
	SessionTable
} from './schema-people';
import type {
	AccountBalanceTable,
	BankAccountTable,
	BankTransactionTable,
	CategorisationRuleTable,
	CategoryLabelTable,
	CategoryTable,
	HouseholdStatusTable,
	ImportBatchTable,
	PendingImportTable,
	PlannedItemTable,
	ProbableDuplicateTable,
	RuleOverrideTable,
	SeriesOverrideTable,
	StatementLineEditTable
} from './schema-money';
import type {
	ActionPlanItemTable,
	BenefitAlertTable,
	BenefitDefinitionTable,
	BenefitParameterTable,
	CaseEntryTable,
	CaseStepTable,
	CaseloadGenerationTable,
	CaseloadRowTable,
	CaseloadSignalTable,
	CheckStatTable,
	DebtSuggestionDismissalTable,
	DebtTable,
	DerivedRefreshTable,
	HouseholdLetterTable,
	HouseholdProfileTable,
	HouseholdRegisterTable,
	PlanActionTable,
	PlanSnapshotTable,
	ReferralTable,
	SignalFollowupTable
} from './schema-casework';

export * from './schema-people';
export * from './schema-money';
export * from './schema-casework';

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
	derived_refresh: DerivedRefreshTable;
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
