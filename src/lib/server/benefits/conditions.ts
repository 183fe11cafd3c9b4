/**
 * Declarative eligibility conditions (stored as data, edited by admins): the types, their validation,
 * their French description and their evaluation, each in its own module; this one re-exports them.
 */
export * from './condition-types';
export { conditionParams, validateConditions } from './condition-validate';
export { describeCondition } from './condition-describe';
export { evaluateCondition, evaluateGate } from './condition-evaluate';
