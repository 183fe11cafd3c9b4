// Every parameter key has exactly one version in force for every month from 2024-01 to the current month
// (the date is injected: 2026-12), on the default table. The migrated-database half is in
// tests/unit/services/benefit-parameter-migration.test.ts.
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_BENEFIT_PARAMETERS as P,
	PARAMETER_COVERAGE_START,
	UNKNOWN_START,
	parameterCoverageProblems,
	validateParameters
} from '$lib/server/benefits';

const NOW_MONTH = '2026-12';

describe('default parameter table coverage', () => {
	it('starts no later than 2024-01', () => {
		expect(PARAMETER_COVERAGE_START).toBe('2024-01');
	});
	it('has exactly one version of every key in force each month from 2024-01 to 2026-12', () => {
		expect(parameterCoverageProblems(P, PARAMETER_COVERAGE_START, NOW_MONTH)).toEqual([]);
	});
	it('detects a gap and an overlap (the check can fail)', () => {
		const gap = P.filter((p) => !(p.key === 'rsa.base_amount' && p.effectiveFrom === '2024-04-01'));
		expect(parameterCoverageProblems(gap, '2024-01', NOW_MONTH)).toContain(
			'rsa.base_amount : 0 version en vigueur au 2024-04-01'
		);
		const overlap = [...P, { ...P.find((p) => p.key === 'bmaf')!, effectiveFrom: '2024-06-01', effectiveTo: null }];
		expect(parameterCoverageProblems(overlap, '2024-01', NOW_MONTH)).toContain(
			'bmaf : 2 versions en vigueur au 2024-06-01'
		);
	});
	it('has no placeholder date left, no overlap, and a source for every version', () => {
		expect(P.filter((p) => p.effectiveFrom === UNKNOWN_START).map((p) => p.key)).toEqual([]);
		expect(validateParameters(P)).toEqual([]);
		for (const p of P) expect(p.source.length, p.key).toBeGreaterThan(10);
	});
});
