// The dated parameter table: resolver, date switching around the 1 April revaluation, table consistency.
import { describe, expect, it } from 'vitest';
import {
	BENEFIT_CATALOGUE,
	BENEFIT_IDS,
	BenefitParameterError,
	DEFAULT_BENEFIT_PARAMETERS as P,
	evaluateBenefits,
	parameterAt,
	validateParameters,
	type BenefitParameter,
	type HouseholdProfile
} from '$lib/server/benefits';
import { adult, child, get } from './helpers';

describe('parameterAt', () => {
	it('switches on 1 April 2026 (RSA, PPA, BMAF, AAH)', () => {
		expect(parameterAt(P, 'rsa.base_amount', '2026-03').toString()).toBe('646.52');
		expect(parameterAt(P, 'rsa.base_amount', '2026-04').toString()).toBe('651.69');
		expect(parameterAt(P, 'rsa.base_amount', '2026-03-31').toString()).toBe('646.52');
		expect(parameterAt(P, 'ppa.base_amount', '2026-03').toString()).toBe('633.21');
		expect(parameterAt(P, 'ppa.base_amount', '2026-04').toString()).toBe('638.28');
		expect(parameterAt(P, 'bmaf', '2026-03').toString()).toBe('474.37');
		expect(parameterAt(P, 'bmaf', '2026-04').toString()).toBe('478.16');
		expect(parameterAt(P, 'aah.amount', '2026-03').toString()).toBe('1033.32');
		expect(parameterAt(P, 'aah.amount', '2026-04').toString()).toBe('1041.59');
		expect(parameterAt(P, 'ppa.bonification.max_rate', '2026-03').toString()).toBe('0.29101');
		expect(parameterAt(P, 'ppa.bonification.max_rate', '2026-04').toString()).toBe('0.377');
	});
	it('switches on other dates (SMIC 1 January and 1 June, ASPA 1 January)', () => {
		expect(parameterAt(P, 'smic.hourly', '2025-12').toString()).toBe('11.88');
		expect(parameterAt(P, 'smic.hourly', '2026-01').toString()).toBe('12.02');
		expect(parameterAt(P, 'smic.hourly', '2026-06').toString()).toBe('12.31');
		expect(parameterAt(P, 'aspa.ceiling_single_annual', '2025-12').toString()).toBe('12411.44');
		expect(parameterAt(P, 'aspa.ceiling_single_annual', '2026-01').toString()).toBe('12523.14');
	});
	it('throws a clear error when no value is in force, or the key is unknown', () => {
		// The table starts with the version in force on 2024-01-01 (the RSA of 2023-04-01).
		expect(() => parameterAt(P, 'rsa.base_amount', '2023-03')).toThrow(BenefitParameterError);
		expect(() => parameterAt(P, 'rsa.base_amount', '2023-03')).toThrow(/rsa\.base_amount.*2023-03-01/);
		expect(() => parameterAt(P, 'nope.key', '2026-07')).toThrow(/inconnu/);
	});
	it('reads an admin-edited table (a new dated version)', () => {
		const edited: BenefitParameter[] = [
			...P.map((p) => (p.key === 'rsa.base_amount' && p.effectiveTo == null ? { ...p, effectiveTo: '2027-03-31' } : p)),
			{
				key: 'rsa.base_amount',
				value: '660.00',
				unit: 'eur',
				effectiveFrom: '2027-04-01',
				effectiveTo: null,
				label: 'test',
				source: 'test'
			}
		];
		expect(validateParameters(edited)).toEqual([]);
		expect(parameterAt(edited, 'rsa.base_amount', '2027-03').toString()).toBe('651.69');
		expect(parameterAt(edited, 'rsa.base_amount', '2027-04').toString()).toBe('660');
	});
});

describe('parameter table', () => {
	it('has decimal values, sources, and no overlapping versions', () => {
		expect(validateParameters(P)).toEqual([]);
		for (const p of P) {
			expect(p.label.length).toBeGreaterThan(3);
			expect(p.source.length).toBeGreaterThan(3);
		}
	});
	it('detects overlapping versions', () => {
		const bad = [...P, { ...P.find((p) => p.key === 'bmaf' && p.effectiveTo == null)!, effectiveFrom: '2026-05-01' }];
		expect(validateParameters(bad).some((m) => m.includes('bmaf'))).toBe(true);
	});
	it('catalogue covers every benefit id with a claim', () => {
		for (const id of BENEFIT_IDS) {
			expect(BENEFIT_CATALOGUE[id].id).toBe(id);
			expect(BENEFIT_CATALOGUE[id].claim.url).toMatch(/^https:\/\//);
		}
	});
});

describe('engine uses the values in force that month', () => {
	const c01 = (month: string): HouseholdProfile => ({
		month,
		zone: 2,
		housing: { status: 'tenant_private', rent: '450.00' },
		taxIncome: { rfr: '0.00', incomeYear: 2024 },
		members: [adult('1986-01-15')]
	});
	it('RSA of C01: 646.52 − 77.58 = 568.94 in March 2026, 651.69 − 78.20 = 573.49 in April 2026', () => {
		expect(get(evaluateBenefits(c01('2026-03')), 'rsa').amount).toBe('568.94');
		expect(get(evaluateBenefits(c01('2026-04')), 'rsa').amount).toBe('573.49');
	});
	it('AF of C15: 474.37 × 0.32 = 151.80 → 151.04 in March, 153.01 → 152.24 in April', () => {
		const c15 = (month: string): HouseholdProfile => ({
			month,
			zone: 2,
			housing: { status: 'tenant_private', rent: '650.00' },
			taxIncome: { rfr: '14040.00' },
			childSupportUnpaid: true,
			members: [adult('1990-03-03', { salary: '1300.00' }), child('2018-01-05'), child('2014-02-20')]
		});
		expect(get(evaluateBenefits(c15('2026-03')), 'af').amount).toBe('151.04');
		expect(get(evaluateBenefits(c15('2026-04')), 'af').amount).toBe('152.24');
	});
	it('a profile in November 2025 uses the 2025 values (RSA 646.52, PPA 633.21, SMIC 11.88, bonification 29.101 % / 120 h)', () => {
		const c03: HouseholdProfile = {
			month: '2025-11',
			zone: 1,
			housing: { status: 'tenant_private', rent: '550.00' },
			taxIncome: { rfr: '12960.00' },
			members: [adult('1991-02-01', { salary: '1200.00' })]
		};
		const res = evaluateBenefits(c03);
		// bmax = 633.21 × 0.29101 = 184.27; b = 184.27 × (1 200 − 700.92) / (1 425.60 − 700.92) = 126.90;
		// PPA = 633.21 + 126.90 + 718.20 − (1 200 + 75.99) = 202.32 → 201.31 after CRDS.
		expect(get(res, 'ppa')).toMatchObject({ status: 'eligible', grossAmount: '202.32', amount: '201.31' });
		expect(
			get(res, 'ppa').parameters.some((p) => p.key === 'ppa.base_amount' && p.effectiveFrom === '2025-04-01')
		).toBe(true);
		expect(get(res, 'al').amount).toBe('97.46');
		expect(get(evaluateBenefits({ ...c01('2025-11') }), 'rsa').amount).toBe('568.94');
	});
	it('a month with no parameter in force gives maybe with the reason', () => {
		const res = evaluateBenefits(c01('2023-07'));
		expect(get(res, 'al').status).toBe('maybe');
		expect(get(res, 'al').reasons[0]).toMatch(/al\.ceiling\.z2\.single.*2023-07-01/);
	});
	it('reasons cite parameters with their dates', () => {
		const rsa = get(evaluateBenefits(c01('2026-07')), 'rsa');
		expect(rsa.reasons.join(' ')).toContain('en vigueur depuis le 01/04/2026');
		expect(rsa.parameters.find((p) => p.key === 'rsa.base_amount')).toMatchObject({
			value: '651.69',
			effectiveFrom: '2026-04-01'
		});
	});
});
