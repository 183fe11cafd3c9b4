/**
 * Declarative eligibility conditions of a benefit, stored as data (JSON) in the benefits table and edited
 * by admins without code. The vocabulary follows the aides-jeunes catalogue (`conditions_generales`: a
 * type plus an operator and a value, `not`, `any`): age, children by age band, household composition,
 * housing status, zone, département, activity, disability rate, nationality, income by source, RFR,
 * savings, yes/no answers, month of the year, benefits declared as received.
 *
 * A number in a condition is either written in the condition (a count such as "2 children") or, for
 * anything that has a legal value, a reference `{ "param": "aspa.min_age" }` to the dated parameter table.
 *
 * Evaluation is three-valued: true, false, or null when an answer needed is missing (the engine then says
 * `maybe` and asks the condition's question). Conditions are the gates a benefit is open behind; the
 * benefit's named formula computes the amount (and its own legal resource tests). This module holds the
 * types; condition-validate.ts, condition-describe.ts and condition-evaluate.ts the three uses.
 */
import type { Activity, BenefitId, HousingStatus, IncomeKey, NationalityStatus } from './types';

export const OPERATORS = ['<', '<=', '>', '>=', '=', '!='] as const;
export type Operator = (typeof OPERATORS)[number];
/** Whose answer a member condition reads. */
export const WHO = ['applicant', 'partner', 'any_adult', 'all_adults'] as const;
export type Who = (typeof WHO)[number];
/** A number written in the condition, or a reference to a dated parameter. */
export type Operand = number | { param: string };

export const MEMBER_FLAGS = [
	'pregnant',
	'student',
	'scholarship',
	'rsdae',
	'areExhausted',
	'worked5of10Years',
	'worked2of3Years'
] as const;
export const HOUSEHOLD_FLAGS = ['arrears', 'aidPaidToLandlord', 'childSupportUnpaid'] as const;
export type MemberFlag = (typeof MEMBER_FLAGS)[number];
export type HouseholdFlag = (typeof HOUSEHOLD_FLAGS)[number];

interface Texts {
	/** French sentence shown when the condition is not met (a default is written from the condition). */
	reason?: string;
	/** French question asked when an answer is missing. */
	question?: string;
}

export type Condition = Texts &
	(
		| { type: 'age'; who: Who; operator: Operator; value: Operand }
		| { type: 'children'; ageMin?: Operand; ageBelow?: Operand; operator: Operator; value: Operand }
		| { type: 'persons'; operator: Operator; value: Operand }
		| { type: 'couple'; value: boolean }
		| { type: 'single_parent'; value: boolean }
		| { type: 'housing'; includes?: HousingStatus[]; excludes?: HousingStatus[] }
		| { type: 'zone'; includes: number[] }
		| { type: 'departement'; includes?: string[]; excludes?: string[] }
		| { type: 'activity'; who: Who; includes?: Activity[]; excludes?: Activity[] }
		| { type: 'disability_rate'; who: Who; operator: Operator; value: Operand }
		| { type: 'nationality'; who: Who; includes?: NationalityStatus[]; excludes?: NationalityStatus[] }
		| { type: 'income'; who: Who | 'household'; sources: IncomeKey[]; operator: Operator; value: Operand }
		| { type: 'rfr'; operator: Operator; value: Operand }
		| { type: 'savings'; operator: Operator; value: Operand }
		| { type: 'member_flag'; who: Who; field: MemberFlag; value: boolean }
		| { type: 'household_flag'; field: HouseholdFlag; value: boolean }
		| { type: 'month_of_year'; includes: number[] }
		| { type: 'received'; benefit: BenefitId }
		| { type: 'not'; condition: Condition }
		| { type: 'any'; conditions: Condition[] }
		| { type: 'all'; conditions: Condition[] }
	);

export type ConditionType = Condition['type'];
export const CONDITION_TYPES: readonly ConditionType[] = [
	'age',
	'children',
	'persons',
	'couple',
	'single_parent',
	'housing',
	'zone',
	'departement',
	'activity',
	'disability_rate',
	'nationality',
	'income',
	'rfr',
	'savings',
	'member_flag',
	'household_flag',
	'month_of_year',
	'received',
	'not',
	'any',
	'all'
];

export type Tri = boolean | null;

/** Outcome of a benefit's conditions for a household. */
export interface GateOutcome {
	/** false: a condition is not met; null: an answer is missing; true: every condition is met. */
	met: Tri;
	/** French reasons of the conditions not met. */
	reasons: string[];
	/** French questions of the conditions left undecided. */
	questions: string[];
}
