/**
 * Tables of the advisers' casework and the non-recours check: profiles, benefit parameters and
 * definitions, benefit alerts, check statistics, the case file (entries, steps, letters), referrals, the
 * caseload rows and signals, debts, registers, signal follow-ups and the action plan. Part of the schema (schema.ts).
 */
import type { ColumnType, Generated } from 'kysely';
import type { Flag } from './schema-people';

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

/**
 * Whether the household's derived figures (benefit alerts, forecast status, caseload row, plan) are behind
 * its data (migration 1101): stale while `due` is ahead of `done`.
 */
export interface DerivedRefreshTable {
	household_id: number;
	organisation_id: number;
	/** changes that made the figures stale, counted */
	due: number;
	/** the `due` count the last refresh caught up with */
	done: number;
	due_at: string;
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
