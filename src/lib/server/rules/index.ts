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
export { validateRule, type RuleValidationError, type ValidateOptions } from './validate';
export { OPERATIONS_ALLOWED } from './rules-schema';
export { suggestRules, type SuggestInput, type RuleSuggestion } from './suggest';
export { previewRule, type PreviewTransaction, type PreviewChange, type PreviewResult } from './preview';
export { benchCategorise, generateTransactions, type BenchResult } from './bench';
