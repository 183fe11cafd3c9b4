// The AAH at 50–79 % ends at the legal retirement age of the person's generation (CSS, art. L821-1 and
// L161-17-2): 62 for people born before September 1961, three months more per generation since the loi
// n° 2023-270, and, from 2026-09-01, the suspension of the LFSS 2026 (62 years 9 months for 1964).
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_BENEFIT_PARAMETERS as P,
	evaluateBenefits,
	parameterAt,
	type HouseholdProfile
} from '$lib/server/benefits';
import { ageInWords, legalAgeKey, monthsOld } from '$lib/server/benefits/retirement';
import { adult, get, plain } from './helpers';

const at = (month: string, birth: string): HouseholdProfile => ({
	month,
	housing: { status: 'hosted_free' },
	members: [adult(birth, {}, { disabilityRate: 60, rsdae: true })]
});

describe('legal retirement age by generation', () => {
	it('maps a birth date to its generation', () => {
		expect(legalAgeKey('1961-08-31')).toBe('retirement.legal_age_months.until_1961_08');
		expect(legalAgeKey('1961-09-01')).toBe('retirement.legal_age_months.1961_09_12');
		expect(legalAgeKey('1962-03-15')).toBe('retirement.legal_age_months.1962');
		expect(legalAgeKey('1965-03-31')).toBe('retirement.legal_age_months.1965_01_03');
		expect(legalAgeKey('1965-04-01')).toBe('retirement.legal_age_months.1965_04_12');
		expect(legalAgeKey('1975-01-01')).toBe('retirement.legal_age_months.from_1969');
	});
	it('counts whole months and says the age in words', () => {
		expect(monthsOld('1962-03-15', '2024-09-01')).toBe(749); // 62 × 12 + 6 − 1 (the 15th not reached)
		expect(monthsOld('1962-03-01', '2024-09-01')).toBe(750);
		expect(ageInWords(750)).toBe('62 ans et 6 mois');
		expect(ageInWords(744)).toBe('62 ans');
	});
	it('1962: 62 years 6 months = 750 months; 1964: 756 (63 years), then 753 (62 years 9 months) from 2026-09', () => {
		expect(parameterAt(P, 'retirement.legal_age_months.1962', '2024-09').toNumber()).toBe(750);
		expect(parameterAt(P, 'retirement.legal_age_months.1964', '2026-08').toNumber()).toBe(756);
		expect(parameterAt(P, 'retirement.legal_age_months.1964', '2026-09').toNumber()).toBe(753);
		expect(parameterAt(P, 'retirement.legal_age_months.1968', '2026-09').toNumber()).toBe(765);
	});
});

describe('AAH at 60 % with a RSDAE around the legal age', () => {
	it('born 1962-03-15: 749 months on 2024-09-01 < 750 → AAH 1 016.05 (no income)', () => {
		expect(get(evaluateBenefits(at('2024-09', '1962-03-15')), 'aah')).toMatchObject({
			status: 'eligible',
			amount: '1016.05'
		});
	});
	it('born 1962-03-15: 750 months on 2024-10-01 → no AAH, the legal age is said (64 before this fix)', () => {
		const aah = get(evaluateBenefits(at('2024-10', '1962-03-15')), 'aah');
		expect(aah.status).toBe('not_eligible');
		expect(plain(aah.reasons[0])).toContain('l’AAH s’arrête à l’âge légal de la retraite (62 ans et 6 mois');
	});
	it('born 1964-02-10, 2026-08: 63 years then (756 months), 750 months old → AAH 1 041.59', () => {
		expect(get(evaluateBenefits(at('2026-08', '1964-02-10')), 'aah')).toMatchObject({
			status: 'eligible',
			amount: '1041.59'
		});
	});
	it('born 1964-02-10, suspension from 2026-09: 752 months on 2026-11-01 < 753 → AAH; 753 on 2026-12-01 → none', () => {
		expect(get(evaluateBenefits(at('2026-11', '1964-02-10')), 'aah').status).toBe('eligible');
		expect(get(evaluateBenefits(at('2026-12', '1964-02-10')), 'aah').status).toBe('not_eligible');
	});
	it('at 80 % the AAH has no age limit (born 1955, 2025-06: 1 033.32)', () => {
		const res = evaluateBenefits({
			month: '2025-06',
			housing: { status: 'hosted_free' },
			members: [adult('1955-01-01', {}, { disabilityRate: 80 })]
		});
		expect(get(res, 'aah')).toMatchObject({ status: 'eligible', amount: '1033.32' });
	});
});
