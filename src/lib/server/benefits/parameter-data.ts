/**
 * The default dated parameter table of the benefits engine (data): every amount, rate, age or threshold
 * the formulas read, with its versions from 2024-01-01 at least (the version in force that day and every
 * revaluation since), each with its effective date and the legal text that set it. The database seeds its
 * editable copy from this table (services/benefit-tables.ts); an admin adds later versions without code.
 * PARAMETERS.md lists every version with its source (generated; tests/unit/benefits/parameter-list.test.ts).
 */
import { FAMILY_PARAMETERS } from './parameter-data-family';
import { HOUSING_PARAMETERS } from './parameter-data-housing';
import { MINIMA_PARAMETERS } from './parameter-data-minima';
import { OTHER_PARAMETERS } from './parameter-data-others';
import type { BenefitParameter } from './types';

export const DEFAULT_BENEFIT_PARAMETERS: BenefitParameter[] = [
	...MINIMA_PARAMETERS,
	...FAMILY_PARAMETERS,
	...OTHER_PARAMETERS,
	...HOUSING_PARAMETERS
];

/** First month every parameter must cover (statements span 14 months; advisers review past months). */
export const PARAMETER_COVERAGE_START = '2024-01';
