// Profiles derived from the parameters (2026-07 unless stated), the arithmetic written next to each.
import { describe, expect, it } from 'vitest';
import { evaluateBenefits, type HouseholdProfile } from '$lib/server/benefits';
import { adult, child, get, partner, plain } from './helpers';

const M = '2026-07';

describe('derived profiles', () => {
	it('retired single owner, 71, pension 800: ASPA 1 043.60 − 800 = 243.60; CSS with 30 € participation; chèque 48', () => {
		const res = evaluateBenefits({
			month: M,
			housing: { status: 'owner' },
			taxIncome: { rfr: '9600.00' },
			members: [adult('1955-01-01', { pension: '800.00' }, { activity: 'retired' })]
		});
		expect(get(res, 'aspa')).toMatchObject({ status: 'eligible', amount: '243.60' });
		// CSS: 12 × 800 + owner forfait 12 × 651.69 × 0.12 = 938.43 → 10 538.43 > 10 339, ≤ 13 957 → 30 € (≥ 70 yrs).
		expect(get(res, 'css')).toMatchObject({ status: 'eligible', participation: '30.00' });
		// 9 600 / 1 UC < 10 800 → 4th bracket, 48 €.
		expect(get(res, 'cheque_energie').amount).toBe('48.00');
		expect(get(res, 'al').status).toBe('not_eligible');
		// RSA resources include the ASPA to claim first: 651.69 − 800 − 243.60 − 78.20 < 0.
		expect(get(res, 'rsa').status).toBe('not_eligible');
	});

	it('couple: partner earns 2 000, applicant ≥ 80 %: AAH 1 041.59 (partner income ignored)', () => {
		const res = evaluateBenefits({
			month: M,
			members: [adult('1985-01-01', {}, { disabilityRate: 80 }), partner('1984-01-01', { salary: '2000.00' })]
		});
		expect(get(res, 'aah')).toMatchObject({ status: 'eligible', amount: '1041.59' });
		expect(res.results[0].benefit).toBe('aah');
	});

	it('AAH with own earnings 500: 6 000/yr, abatement 80 % up to 0.3 × 12.31 × 1 820 = 6 721.26 → 100 €/month counted → 941.59', () => {
		const res = evaluateBenefits({
			month: M,
			members: [adult('1985-01-01', { salary: '500.00' }, { disabilityRate: 80 })]
		});
		expect(get(res, 'aah').amount).toBe('941.59');
	});

	it('student, 21, salary 300, rent 400 zone 2: AL with the 8 600 forfait → 199.87; no RSA, no PPA', () => {
		// L = 290.34, C = 60.59, R = 8 600, Rp = 8 600 − 5 235 = 3 365, TP = 0.0283 + 0.00305 = 0.03135
		// PP = 39.56 + 105.49275 = 145.05275; AL = 290.34 + 60.59 − 145.05275 − 5 = 200.87725 → × 0.995 = 199.87.
		const res = evaluateBenefits({
			month: M,
			zone: 2,
			housing: { status: 'tenant_private', rent: '400.00' },
			taxIncome: { rfr: '0.00' },
			members: [adult('2005-02-01', { salary: '300.00' }, { activity: 'student', student: true })]
		});
		expect(get(res, 'al')).toMatchObject({ status: 'eligible', amount: '199.87', grossAmount: '200.88' });
		expect(get(res, 'rsa').status).toBe('not_eligible');
		expect(get(res, 'ppa').status).toBe('not_eligible');
		expect(get(res, 'ppa').reasons.join(' ')).toMatch(/plancher/);
	});

	it('C01 with 12 000 € savings: RSA 651.69 − 30.00 − 78.20 = 543.49; AL unchanged (under 30 000)', () => {
		const res = evaluateBenefits({
			month: M,
			zone: 2,
			housing: { status: 'tenant_private', rent: '450.00' },
			savings: '12000.00',
			taxIncome: { rfr: '0.00' },
			members: [adult('1986-01-15')]
		});
		expect(get(res, 'rsa').amount).toBe('543.49');
		expect(get(res, 'al').amount).toBe('304.84');
	});

	it('single with 40 000 € savings: AL resources include 3 % = 1 200 → R = 1 200, Rp = 0 → AL still 304.84', () => {
		const res = evaluateBenefits({
			month: M,
			zone: 2,
			housing: { status: 'tenant_private', rent: '450.00' },
			savings: '40000.00',
			taxIncome: { rfr: '0.00' },
			members: [adult('1986-01-15')]
		});
		expect(get(res, 'al').amount).toBe('304.84');
		expect(get(res, 'rsa').amount).toBe('473.49'); // 651.69 − 100.00 − 78.20
	});

	it('couple with a baby and one earner (2 000), RFR 24 000: PAJE full rate 199.15 → 198.15', () => {
		// ceiling 1 child, one earner: 24 853 × 1.25 = 31 066.
		const res = evaluateBenefits({
			month: M,
			taxIncome: { rfr: '24000.00' },
			members: [adult('1990-01-01', { salary: '2000.00' }), partner('1992-01-01'), child('2025-09-01')]
		});
		expect(get(res, 'paje_base')).toMatchObject({ status: 'eligible', amount: '198.15' });
		expect(get(res, 'af').status).toBe('not_eligible');
	});

	it('dual-earner couple, 3 children 4, 6, 8, RFR 40 000: CF base 199.15 → 198.15 (ceiling 54 724, half 27 362)', () => {
		const res = evaluateBenefits({
			month: M,
			taxIncome: { rfr: '40000.00' },
			members: [
				adult('1985-01-01', { salary: '1700.00' }),
				partner('1986-01-01', { salary: '1500.00' }),
				child('2022-01-01'),
				child('2020-01-01'),
				child('2018-01-01')
			]
		});
		expect(get(res, 'cf')).toMatchObject({ status: 'eligible', amount: '198.15' });
		// AF 3 children: 478.16 × 0.73 = 349.06 → 347.31, no child of 14 or more.
		expect(get(res, 'af').amount).toBe('347.31');
	});

	it('ASS: unemployed 55, ARE exhausted, 5 of 10 years worked, hosted free: ASS 19.48 × 30 = 584.40; prime de Noël 152.45', () => {
		const res = evaluateBenefits({
			month: M,
			housing: { status: 'hosted_free' },
			taxIncome: { rfr: '0.00' },
			members: [
				adult('1971-01-01', {}, { activity: 'unemployed_no_benefit', areExhausted: true, worked5of10Years: true })
			]
		});
		expect(get(res, 'ass')).toMatchObject({ status: 'eligible', amount: '584.40' });
		// RSA: 651.69 − 584.40 (ASS to claim first) − 78.20 (hosted free) < 0.
		expect(get(res, 'rsa').status).toBe('not_eligible');
		expect(get(res, 'prime_noel')).toMatchObject({ status: 'info', amount: '152.45' });
		expect(get(res, 'css')).toMatchObject({ status: 'eligible', participation: '0.00' });
	});

	it('ASS without the work-history answer: maybe', () => {
		const res = evaluateBenefits({
			month: M,
			members: [adult('1971-01-01', {}, { activity: 'unemployed_no_benefit', areExhausted: true })]
		});
		expect(get(res, 'ass').status).toBe('maybe');
	});

	it('single, 55, salary 1 050, hosted free: CSS participation 21 €; PPA 220.22 → 219.12', () => {
		// CSS: 12 600 + 938.43 = 13 538.43 ∈ (10 339, 13 957] → 21 € (50–59).
		// PPA: b = 240.63 × (1 050 − 726.29) / 972.49 = 80.10; 0.5985 × 1 050 = 628.43; FL 76.59
		// 638.28 + 80.10 + 628.43 − (1 050 + 76.59) = 220.22.
		const res = evaluateBenefits({
			month: M,
			housing: { status: 'hosted_free' },
			taxIncome: { rfr: '11340.00' },
			members: [adult('1971-01-01', { salary: '1050.00' })]
		});
		expect(get(res, 'css')).toMatchObject({ status: 'eligible', participation: '21.00' });
		expect(get(res, 'ppa')).toMatchObject({ grossAmount: '220.22', amount: '219.12' });
	});

	it('HLM tenant, aid to landlord unknown: AL maybe with the question, RLS deducted (zone 2 single) → 274.04', () => {
		// 306.37 − 0.98 × 31.58 = 275.4216 → × 0.995 = 274.04.
		const base: HouseholdProfile = {
			month: M,
			zone: 2,
			housing: { status: 'tenant_social', rent: '450.00' },
			taxIncome: { rfr: '0.00' },
			members: [adult('1986-01-15')]
		};
		const res = evaluateBenefits(base);
		expect(get(res, 'al')).toMatchObject({ status: 'maybe', amount: '274.04' });
		expect(get(res, 'al').questions[0]).toMatch(/bailleur/);
		const paid = evaluateBenefits({
			...base,
			housing: { status: 'tenant_social', rent: '450.00', aidPaidToLandlord: true }
		});
		expect(get(paid, 'al').status).toBe('received');
	});

	it('invalidity pension 600, 50 yrs: ASI (10 978.30 − 7 200) / 12 = 314.86', () => {
		const res = evaluateBenefits({
			month: M,
			housing: { status: 'hosted_free' },
			members: [adult('1976-01-01', { invalidityPension: '600.00' })]
		});
		expect(get(res, 'asi')).toMatchObject({ status: 'eligible', amount: '314.86' });
	});

	it('4 children aged 2, 5, 10, 16: AF 545.10 + 76.51 = 621.61 → 618.50; PAJE; no CF (child under 3)', () => {
		const res = evaluateBenefits({
			month: M,
			taxIncome: { rfr: '20000.00' },
			members: [
				adult('1985-01-01', { salary: '1800.00' }),
				partner('1986-01-01'),
				child('2024-01-01'),
				child('2021-01-01'),
				child('2016-01-01'),
				child('2010-01-01')
			]
		});
		expect(get(res, 'af')).toMatchObject({ grossAmount: '621.61', amount: '618.50' });
		expect(get(res, 'paje_base').status).toBe('eligible');
		expect(get(res, 'cf').status).toBe('not_eligible');
	});

	it('AF halved above the first ceiling: RFR 90 000 with 2 children → 76.51 → 76.13', () => {
		const res = evaluateBenefits({
			month: M,
			taxIncome: { rfr: '90000.00' },
			members: [adult('1980-01-01', { salary: '6000.00' }), child('2016-01-01'), child('2014-01-01')]
		});
		expect(get(res, 'af')).toMatchObject({ grossAmount: '76.51', amount: '76.13' });
	});

	it('AF age majoration, Décret 2026-138 (OpenFisca af_majoration_age_2026): born 2012-02-28 keeps it at 14 in 2026-03, born 2012-03-01 does not', () => {
		const family = (birth: string): HouseholdProfile => ({
			month: '2026-03',
			taxIncome: { rfr: '20000.00' },
			members: [
				adult('1980-01-01', { salary: '1800.00' }),
				partner('1981-01-01'),
				child(birth),
				child('2015-06-01'),
				child('2018-06-01')
			]
		});
		// 474.37 × 0.73 = 346.29; majoration 474.37 × 0.16 = 75.90; 422.19 × 0.995 = 420.08.
		expect(get(evaluateBenefits(family('2012-02-28')), 'af')).toMatchObject({
			grossAmount: '422.19',
			amount: '420.08'
		});
		// 346.29 × 0.995 = 344.56.
		expect(get(evaluateBenefits(family('2012-03-01')), 'af')).toMatchObject({
			grossAmount: '346.29',
			amount: '344.56'
		});
	});

	it('single parent with a baby, no income, rent 500 zone 2: RSA majoré 1 115.80 − 199.15 − 107.59 − 156.41 = 652.65', () => {
		// 651.69 × (1.28412 + 0.42804) = 1 115.7976 → 1 115.80; PAJE base and the ASF forfait (0.225 × 478.16 = 107.59) count.
		const res = evaluateBenefits({
			month: M,
			zone: 2,
			housing: { status: 'tenant_private', rent: '500.00' },
			taxIncome: { rfr: '0.00' },
			childSupportUnpaid: true,
			members: [adult('1998-01-01'), child('2025-01-01')]
		});
		expect(get(res, 'rsa')).toMatchObject({ status: 'eligible', amount: '652.65' });
		expect(get(res, 'paje_base').status).toBe('eligible');
		expect(get(res, 'asf')).toMatchObject({ status: 'eligible', amount: '200.77' });
	});

	it('couple, 2 children 5 and 8, no income, rent 600 zone 1: RSA 1 368.55 − 153.01 − 193.55 = 1 021.99; prime de Noël 320.15', () => {
		const res = evaluateBenefits({
			month: M,
			zone: 1,
			housing: { status: 'tenant_private', rent: '600.00' },
			taxIncome: { rfr: '0.00' },
			members: [adult('1990-01-01'), partner('1991-01-01'), child('2021-01-01'), child('2018-01-01')]
		});
		expect(get(res, 'rsa').amount).toBe('1021.99');
		expect(get(res, 'prime_noel')).toMatchObject({ status: 'info', amount: '320.15' });
		// AL: 454.10 + 65.89 = 519.99; C = 60.59 + 27.48 = 88.07; P0 = 0.085 × 608.06 = 51.6851; R = 0 (RSA)
		// → 519.99 + 88.07 − 51.6851 − 5 = 551.3749 → × 0.995 = 548.62.
		expect(get(res, 'al').amount).toBe('548.62');
	});

	it('young adult of 22 without child: RSA jeune actif only with 3 214 hours worked in 3 years', () => {
		// No housing answer, no income: RSA = 651.69 − 0 (no forfait logement) = 651.69.
		const unknown = get(evaluateBenefits({ month: M, members: [adult('2004-01-01')] }), 'rsa');
		expect(unknown).toMatchObject({ status: 'maybe', amount: '651.69' });
		expect(plain(unknown.questions.join(' '))).toMatch(/3 214 heures/);
		const no = get(
			evaluateBenefits({ month: M, members: [adult('2004-01-01', {}, { worked2of3Years: false })] }),
			'rsa'
		);
		expect(no.status).toBe('not_eligible');
		expect(plain(no.reasons[0])).toMatch(/3 214 heures/);
		expect(plain(no.forHousehold.whyNot ?? '')).toMatch(/Avant 25 ans, sans enfant ni grossesse, le RSA suppose/);
		const yes = get(
			evaluateBenefits({ month: M, members: [adult('2004-01-01', {}, { worked2of3Years: true })] }),
			'rsa'
		);
		expect(yes).toMatchObject({ status: 'eligible', amount: '651.69' });
	});

	it('rent arrears: FSL eligible with the département', () => {
		const res = evaluateBenefits({
			month: M,
			departement: '33',
			housing: { status: 'tenant_private', rent: '500.00', arrears: true },
			members: [adult('1980-01-01')]
		});
		expect(get(res, 'fsl').status).toBe('eligible');
		expect(get(res, 'fsl').reasons[0]).toMatch(/33/);
	});

	it('AL below the 10 € threshold is not eligible', () => {
		// Single, zone 2, rent 450, salary 1 450: R = ⌈15 660⌉ = 15 700; Rp = 10 465; TP = 0.0283 + 0.00305
		// PP = 39.56 + 0.03135 × 10 465 = 367.64 > 290.34 + 60.59 − 5 → none.
		const res = evaluateBenefits({
			month: M,
			zone: 2,
			housing: { status: 'tenant_private', rent: '450.00' },
			members: [adult('1980-01-01', { salary: '1450.00' })]
		});
		expect(get(res, 'al').status).toBe('not_eligible');
	});
});
