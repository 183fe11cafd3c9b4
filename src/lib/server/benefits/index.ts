/** Public entry point of the non-recours benefits engine (pure: no database, no I/O). */
export * from './types';
export { parseProfile, toHousehold, ProfileValidationError } from './profile';
export {
	DEFAULT_BENEFIT_PARAMETERS,
	parameterAt,
	parameterVersionAt,
	validateParameters,
	BenefitParameterError,
	UNKNOWN_START,
	PARAMETER_COVERAGE_START,
	parameterCoverageProblems
} from './parameters';
export { planParameterSync, type ParameterSyncPlan, type StoredParameter } from './parameter-sync';
export { BENEFIT_CATALOGUE, type CatalogueEntry } from './catalogue';
export { evaluateBenefits, type EvaluateOptions } from './engine';
export { detectReceivedFromEvidence, classifyCredit, normaliseLabel } from './evidence';
export { nonRecoursSummary, type NonRecoursItem, type NonRecoursSummary } from './summary';
export {
	DEFAULT_BENEFIT_DEFINITIONS,
	FORMULAS,
	PAYERS,
	PERIODS,
	definitionsById,
	validateDefinition,
	type BenefitDefinition,
	type EvidencePatterns
} from './definitions';
export { CONDITION_TYPES, describeCondition, validateConditions, type Condition } from './conditions';
