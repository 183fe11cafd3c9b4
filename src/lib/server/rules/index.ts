/**
 * Public API of the categorisation engine (pure: no database, no I/O). See README.md for the rule
 * model and the order in which rules apply.
 */
export * from './types';
export { normaliseLabel, MAX_LABEL_LENGTH } from './normalise';
export { foldText, titleCase } from './text';
export {
	compileRules,
	categorise,
	shouldApply,
	compareRules,
	RuleSet,
	DEFAULT_AMOUNT_TOLERANCE_PCT,
	DEFAULT_DAY_TOLERANCE
} from './engine';
export { describeCondition } from './describe';
export { DEFAULT_RULES } from './default-rules';
