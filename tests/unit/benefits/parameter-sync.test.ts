// planParameterSync: how a stored table is brought to the defaults without overlapping an admin's version.
import { describe, expect, it } from 'vitest';
import { planParameterSync, type BenefitParameter, type StoredParameter } from '$lib/server/benefits';

const v = (from: string, to: string | null, value: string, source = 'défaut'): BenefitParameter => ({
	key: 'k',
	value,
	unit: 'eur',
	effectiveFrom: from,
	effectiveTo: to,
	label: 'K',
	source
});
const stored = (p: BenefitParameter, edited: boolean): StoredParameter => ({ ...p, edited });
const DEFAULTS = [
	v('2024-01-01', '2024-12-31', '10'),
	v('2025-01-01', '2025-12-31', '11'),
	v('2026-01-01', null, '12')
];

describe('planParameterSync', () => {
	it('inserts every default into an empty table', () => {
		expect(planParameterSync([], DEFAULTS)).toEqual({ insert: DEFAULTS, update: [] });
	});
	it('rewrites an untouched seeded version (new source, closed end) and leaves equal ones alone', () => {
		const plan = planParameterSync(
			[stored(v('2025-01-01', null, '11', 'ancienne source'), false), stored(DEFAULTS[2], false)],
			DEFAULTS
		);
		expect(plan.update).toEqual([DEFAULTS[1]]);
		expect(plan.insert).toEqual([DEFAULTS[0]]);
	});
	it('never touches an edited version and clips the default before the next kept version', () => {
		// An admin published 11.50 from 2025-06-01 (closing the 2025 default at 2025-05-31).
		const admin = stored(v('2025-06-01', '2025-12-31', '11.50', 'arrêté'), true);
		const closed = stored(v('2025-01-01', '2025-05-31', '11'), true);
		const plan = planParameterSync([closed, admin], DEFAULTS);
		expect(plan.update).toEqual([]);
		expect(plan.insert).toEqual([DEFAULTS[0], DEFAULTS[2]]);
	});
	it('skips a default whose start an admin version covers, and ends one before the next admin version', () => {
		const admin = stored(v('2024-06-01', '2025-03-31', '10.50', 'arrêté'), true);
		const plan = planParameterSync([admin], DEFAULTS);
		expect(plan.insert).toEqual([{ ...DEFAULTS[0], effectiveTo: '2024-05-31' }, DEFAULTS[2]]);
	});
});
