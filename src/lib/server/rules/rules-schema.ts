/**
 * Which operators each field accepts (shared by validation and the rule editor), re-exporting the
 * rule types for convenience.
 */
import type { Field, Operator } from './types';

export { FIELDS, OPERATION_TYPES, type Condition, type Field, type Operator, type Rule } from './types';

/** Operators allowed per field. */
export const OPERATIONS_ALLOWED: Record<Field, readonly Operator[]> = {
	payee: ['contains', 'startsWith', 'equals', 'regex', 'oneOf'],
	label: ['contains', 'startsWith', 'equals', 'regex', 'oneOf'],
	operationType: ['equals', 'oneOf'],
	amount: ['sign', 'equals', 'approx', 'between', 'gt', 'lt'],
	dayOfMonth: ['equals', 'oneOf', 'approx', 'between', 'gt', 'lt'],
	account: ['equals', 'oneOf']
};
