// Eighteen more households (issue #15, "Done when"), in months of 2024 and 2025 chosen around the dates the
// parameters change (1 January ceilings, 1 April revaluations and the 59,85 % slope of 2025, 1 June RLS,
// 1 October housing aid, 1 November SMIC). Each expected amount is worked out by hand from the legal formula
// and the parameter values of parameter-data*.ts, each value cited with the effective date of the version
// used (« bmaf 466.44 (2024-04-01) »). Every benefit of the engine is checked at least once in a month of
// 2024 and once in a month of 2025 (last test).
//
// Rounding, as in context.ts: every published amount (a forfait for a household size, a share of the BMAF,
// a forfait logement, a bonification) half-up to the cent; net = gross × (1 − crds.rate 0.005 (1996-02-01))
// half-up; housing aid: R rounded up to the next 100 €, RL to four decimals, nothing else rounded before the
// net amount.
import { describe, expect, it } from 'vitest';
import {
	BENEFIT_IDS,
	evaluateBenefits,
	type BenefitId,
	type BenefitResult,
	type BenefitsResult
} from '$lib/server/benefits';
import { adult, child, get, partner } from './helpers';

/** Years (of the month evaluated) in which each benefit's result was checked. */
const checked = new Map<BenefitId, Set<string>>();

/** Asserts one benefit's result and records that it was checked for that month's year. */
function check(res: BenefitsResult, id: BenefitId, expected: Partial<BenefitResult>): void {
	const years = checked.get(id) ?? new Set<string>();
	years.add(res.month.slice(0, 4));
	checked.set(id, years);
	expect(get(res, id)).toMatchObject(expected);
}

const status = (res: BenefitsResult, id: BenefitId) => get(res, id).status;

describe('D1 (2024-01): couple, one earner 1 500, children born 2016-03 and 2019-06, private rent 650 zone 2, RFR 18 000', () => {
	const res = evaluateBenefits({
		month: '2024-01',
		zone: 2,
		housing: { status: 'tenant_private', rent: '650.00' },
		taxIncome: { rfr: '18000.00', incomeYear: 2022 },
		members: [
			adult('1988-04-01', { salary: '1500.00' }),
			partner('1990-09-01'),
			child('2016-03-01'),
			child('2019-06-01')
		]
	});
	it('AF: 0.32 × bmaf 445.93 (2023-04-01) = 142.70 → 141.99 net; 18 000 ≤ 62 474 + 2 × 6 246 (2024-01-01)', () => {
		check(res, 'af', { status: 'eligible', grossAmount: '142.70', amount: '141.99' });
	});
	it('ARS for the rentrée 2024, the child born 2016 (8 on 15/09/2024): 0.8972 × bmaf 466.44 (2024-04-01) = 418.49 → 416.40', () => {
		// The child born 2019 is 5 on 31/12/2024 (under 6). Ceiling 20 878 (2024-01-01) × 1.6 = 33 405 ≥ 18 000.
		check(res, 'ars', { status: 'eligible', grossAmount: '418.49', amount: '416.40' });
	});
	it('AL: 439.07 + 84.42 − 236.1788 − 5 = 282.3112 → 280.90 net', () => {
		// Barème of 2023-10-01: L = min(650, 383.28 + 55.79) = 439.07; C = 58.08 + 2 × 13.17 = 84.42.
		// R = 0.9 × 12 × 1 500 = 16 200; R0 two dependants 9 061 (2024-01-01); TF 0.0238; RL = 439.07 / 439.07 = 1
		// → TL = 0.0068 × (1 − 0.75) + 0.00135 = 0.00305; P0 = max(0.085 × 523.49 = 44.49665, 37.91);
		// PP = 44.49665 + 0.02685 × (16 200 − 9 061) = 236.1788.
		check(res, 'al', { status: 'eligible', grossAmount: '282.31', amount: '280.90' });
	});
	it('PPA: 1 250.03 + 173.22 + 915.00 − (1 500 + 142.70 + 176.79) = 518.76 → 516.17 net', () => {
		// ppa.base_amount 595.25 (2023-04-01) × 2.1 (couple, 4 persons) = 1 250.025 → 1 250.03; bonification
		// 595.25 × 0.29101 = 173.22, full since 1 500 ≥ 120 × smic.hourly 11.65 (2024-01-01) = 1 398;
		// slope 0.61 (2018-08-01) × 1 500; forfait logement 595.25 × 1.8 × 0.165 = 176.79 (< AL 280.90).
		check(res, 'ppa', { status: 'eligible', grossAmount: '518.76', amount: '516.17' });
	});
	it('RSA: 607.75 × 2.1 = 1 276.28 < 1 500 + 142.70 → none; CSS free (12 × 1 500 = 18 000 ≤ 20 409, 2023-04-01)', () => {
		expect(status(res, 'rsa')).toBe('not_eligible');
		check(res, 'css', { status: 'eligible', participation: '0.00' });
	});
	it('chèque énergie: 18 000 / 2.1 UC = 8 571 (7 700 to 10 800, 2 UC or more) → 76', () => {
		check(res, 'cheque_energie', { status: 'eligible', amount: '76.00' });
	});
});

describe('D2 (2024-02): single, 45, invalidity pension 650, private rent 380 zone 3, RFR 7 020', () => {
	const res = evaluateBenefits({
		month: '2024-02',
		zone: 3,
		housing: { status: 'tenant_private', rent: '380.00' },
		taxIncome: { rfr: '7020.00', incomeYear: 2022 },
		members: [adult('1979-01-01', { invalidityPension: '650.00' })]
	});
	it('ASI: (10 320.07 (2023-04-01) − 12 × 650) / 12 = 2 520.07 / 12 = 210.0058 → 210.01', () => {
		check(res, 'asi', { status: 'eligible', amount: '210.01' });
	});
	it('AL: 260.82 + 58.08 − 97.0978 − 5 = 216.8022 → 215.72 net', () => {
		// Barème of 2023-10-01: L = min(380, 260.82); R = 0.9 × 12 × 650 = 7 020 → 7 100; R0 5 186 (2024-01-01);
		// RL = 260.82 / 278.28 = 0.9373 → TL = 0.0068 × 0.1873 + 0.00135 = 0.00262364; P0 = max(27.11, 37.91);
		// PP = 37.91 + (0.0283 + 0.00262364) × 1 914 = 97.0978.
		check(res, 'al', { status: 'eligible', grossAmount: '216.80', amount: '215.72' });
	});
	it('RSA: 607.75 − 650 < 0 → none; CSS free (7 800 ≤ 9 719, 2023-04-01); chèque énergie 98 (7 020 < 7 700)', () => {
		expect(status(res, 'rsa')).toBe('not_eligible');
		check(res, 'css', { status: 'eligible', participation: '0.00' });
		check(res, 'cheque_energie', { amount: '98.00' });
	});
});

describe('D3 (2024-03): couple, one at the end of unemployment rights, the other earns 1 600, owners', () => {
	const res = evaluateBenefits({
		month: '2024-03',
		housing: { status: 'owner' },
		taxIncome: { rfr: '22000.00', incomeYear: 2022 },
		members: [
			adult('1968-04-01', {}, { activity: 'unemployed_no_benefit', areExhausted: true, worked5of10Years: true }),
			partner('1970-01-01', { salary: '1600.00' })
		]
	});
	it('ASS: min(30 × 18.17 = 545.10, 110 × 18.17 − 1 600 = 398.70) = 398.70 (ass.daily_amount 2023-04-01)', () => {
		check(res, 'ass', { status: 'eligible', amount: '398.70' });
	});
	it('prime de Noël with the ASS: 152.45 (2003-12-01)', () => {
		check(res, 'prime_noel', { status: 'info', amount: '152.45' });
	});
	it('PPA: 892.88 + 173.22 + 976 − (1 600 + ASS 398.70 + FL 142.86) < 0 → none', () => {
		// 595.25 × 1.5 = 892.875; forfait logement of owners 595.25 × 1.5 × 0.16 = 142.86.
		expect(status(res, 'ppa')).toBe('not_eligible');
	});
});

describe('D4 (2024-05): single mother of three (16, 11, 6), salary 900, no child support, private rent 700 zone 3', () => {
	const res = evaluateBenefits({
		month: '2024-05',
		zone: 3,
		housing: { status: 'tenant_private', rent: '700.00' },
		taxIncome: { rfr: '9800.00', incomeYear: 2022 },
		childSupportUnpaid: true,
		members: [
			adult('1986-10-01', { salary: '900.00' }),
			{ ...child('2008-02-10'), atSchool: true },
			child('2012-07-01'),
			child('2017-09-01')
		]
	});
	it('AF: 0.73 × 466.44 = 340.50 + majoration 0.16 × 466.44 = 74.63 (16-year-old) = 415.13 → 413.05', () => {
		// bmaf 466.44 (2024-04-01); 9 800 ≤ 62 474 + 3 × 6 246 = 81 212 (2024-01-01): no modulation.
		check(res, 'af', { status: 'eligible', grossAmount: '415.13', amount: '413.05' });
	});
	it('CF majoré: 0.6248 × 466.44 = 291.43 → 289.97 (9 800 ≤ (23 296 × 1.8 + 9 363) / 2 = 25 648)', () => {
		check(res, 'cf', { status: 'eligible', grossAmount: '291.43', amount: '289.97' });
	});
	it('ASF: 3 × 0.422 × 466.44 = 3 × 196.84 = 590.52 → 587.57', () => {
		check(res, 'asf', { status: 'eligible', grossAmount: '590.52', amount: '587.57' });
	});
	it('ARS 2024: 456.88 + 441.58 + 418.49 = 1 316.95, net 454.60 + 439.37 + 416.40 = 1 310.37', () => {
		// 0.9795, 0.9467 and 0.8972 × 466.44 for 16, 12 and 7 years on 15/09/2024; ceiling 20 878 × 1.9 = 39 668.
		check(res, 'ars', { status: 'eligible', grossAmount: '1316.95', amount: '1310.37' });
	});
	it('AL: 456.13 + 97.59 − 55.9323 − 5 = 492.7877 → 490.32 net', () => {
		// Barème of 2023-10-01: L = min(700, 354.51 + 2 × 50.81 = 456.13); C = 58.08 + 3 × 13.17 = 97.59;
		// R = 0.9 × 10 800 = 9 720 → 9 800; R0 9 408 (2024-01-01); RL = 456.13 / 494.86 = 0.9217 →
		// TL = 0.0068 × 0.1717 + 0.00135 = 0.00251756; P0 = 0.085 × 553.72 = 47.0662;
		// PP = 47.0662 + (0.0201 + 0.00251756) × 392 = 55.9323.
		check(res, 'al', { status: 'eligible', grossAmount: '492.79', amount: '490.32' });
	});
	it('RSA: 635.71 × 2.2 = 1 398.56 < 900 + 340.50 + 194.27 + 3 × 104.95 = 1 749.62 → none', () => {
		// AF base, CF at its base rate 0.4165 × 466.44 = 194.27, ASF counted min(590.52, 3 × 0.225 × 466.44).
		expect(status(res, 'rsa')).toBe('not_eligible');
	});
	it('PPA: 1 369.79 + 54.22 + 549.00 − (900 + 849.62 + 184.92) = 38.47 → 38.28 net', () => {
		// 622.63 (2024-04-01) × 2.2 = 1 369.79; bonification 181.19 × (900 − 59 × 11.65) / (61 × 11.65) = 54.22;
		// slope 0.61 × 900; forfait logement 622.63 × 1.8 × 0.165 = 184.92.
		check(res, 'ppa', { status: 'eligible', grossAmount: '38.47', amount: '38.28' });
	});
	it('chèque énergie: 9 800 / 2.1 UC = 4 667 < 5 600 → 277', () => {
		check(res, 'cheque_energie', { amount: '277.00' });
	});
});

describe('D5 (2024-06): single father, 35, disability 80 %, child born 2014, salary 1 400, child support 230 received, owner', () => {
	const res = evaluateBenefits({
		month: '2024-06',
		housing: { status: 'owner' },
		taxIncome: { rfr: '15000.00', incomeYear: 2022 },
		childSupportUnpaid: false,
		members: [
			adult('1989-01-01', { salary: '1400.00', alimony: '230.00' }, { disabilityRate: 80 }),
			child('2014-01-15')
		]
	});
	it('AAH: min(1 016.05, 1.5 × 1 016.05 − (627.97 + 230)) = 1 524.075 − 857.97 = 666.105 → 666.11', () => {
		// aah.amount 1 016.05 (2024-04-01), plafond + 50 % for the child; earnings 16 800 a year abated by
		// 80 % up to 0.3 × 11.65 × 1 820 = 6 360.90 and 40 % above: 16 800 − 5 088.72 − 4 175.64 = 7 535.64
		// → 627.97 a month; the child support received counts in full.
		check(res, 'aah', { status: 'eligible', amount: '666.11' });
	});
	it('no ASF: the child support received (230) is at least the ASF (196.84)', () => {
		expect(status(res, 'asf')).toBe('not_eligible');
	});
});

describe('D6 (2024-07): single, 55, salary 1 050, hosted free', () => {
	const res = evaluateBenefits({
		month: '2024-07',
		housing: { status: 'hosted_free' },
		taxIncome: { rfr: '11340.00', incomeYear: 2022 },
		members: [adult('1969-03-01', { salary: '1050.00' })]
	});
	it('PPA: 622.63 + 92.46 + 640.50 − (1 050 + 74.72) = 230.87 → 229.72 net', () => {
		// Bonification 181.19 × (1 050 − 687.35) / (1 398 − 687.35) = 92.46 (SMIC 11.65, 2024-01-01);
		// forfait logement of someone hosted free 622.63 × 0.12 = 74.72.
		check(res, 'ppa', { status: 'eligible', grossAmount: '230.87', amount: '229.72' });
	});
	it('CSS with participation: 12 × 1 050 + 12 × 635.71 × 0.12 = 13 515.42, above 10 166 and ≤ 13 724 (2024-04-01) → 21 € (50–59)', () => {
		check(res, 'css', { status: 'eligible', participation: '21.00' });
	});
	it('no chèque énergie: 11 340 for 1 UC ≥ 10 800', () => {
		expect(status(res, 'cheque_energie')).toBe('not_eligible');
	});
});

describe('D7 (2024-08): dual-earner couple 2 000 + 1 300, children born 2024-02 and 2021-05, RFR 47 000', () => {
	const res = evaluateBenefits({
		month: '2024-08',
		zone: 1,
		housing: { status: 'tenant_private', rent: '950.00' },
		taxIncome: { rfr: '47000.00', incomeYear: 2022 },
		members: [
			adult('1990-05-01', { salary: '2000.00' }),
			partner('1991-07-01', { salary: '1300.00' }),
			child('2024-02-01'),
			child('2021-05-01')
		]
	});
	it('PAJE partial rate: 23 296 × 1.5 + 9 363 = 44 307 < 47 000 ≤ 27 833 × 1.5 + 11 188 = 52 938 → 0.20825 × 466.44 = 97.14 → 96.65', () => {
		// Ceilings of 2024-01-01 for two children (41 749.50 rounded to 41 750).
		check(res, 'paje_base', { status: 'eligible', grossAmount: '97.14', amount: '96.65' });
	});
	it('AF 0.32 × 466.44 = 149.26 → 148.51; no CF (a child under 3)', () => {
		check(res, 'af', { status: 'eligible', grossAmount: '149.26', amount: '148.51' });
		expect(status(res, 'cf')).toBe('not_eligible');
	});
});

describe('D8 (2024-09): single, 66, pension 650 and a part-time job paying 800, owner', () => {
	const res = evaluateBenefits({
		month: '2024-09',
		housing: { status: 'owner' },
		taxIncome: { rfr: '12000.00', incomeYear: 2022 },
		members: [adult('1958-03-01', { pension: '650.00', salary: '800.00' })]
	});
	it('ASPA: 1 012.02 − (650 + (3 × 800 − 1 590.22) / 3 = 269.93) = 92.09', () => {
		// CSS, art. R815-29 (décret n° 2014-1568): earnings of the quarter less 0.9 × the monthly SMIC in force
		// on 1 January, 0.9 × 11.65 × 1 820 / 12 = 1 590.225 → 1 590.22 (rounded down, as the Cnav does);
		// 12 144.27 (2024-01-01) / 12 = 1 012.02.
		check(res, 'aspa', { status: 'eligible', amount: '92.09' });
	});
});

describe('D9 (2024-11): dual-earner couple 3 000 + 2 500, children 15, 12 and 8, RFR 90 000', () => {
	const res = evaluateBenefits({
		month: '2024-11',
		zone: 1,
		housing: { status: 'tenant_private', rent: '1100.00' },
		taxIncome: { rfr: '90000.00', incomeYear: 2022 },
		members: [
			adult('1980-02-01', { salary: '3000.00' }),
			partner('1982-03-01', { salary: '2500.00' }),
			child('2009-03-01'),
			child('2012-06-01'),
			child('2016-09-01')
		]
	});
	it('AF halved: 81 212 < 90 000 ≤ 87 430 + 3 × 6 246 = 106 168 → 340.50 / 2 = 170.25 + 74.63 / 2 = 37.32 → 207.57 → 206.53', () => {
		// af.modulation_rate_t2 0.5 (2015-07-01) on 0.73 × 466.44 = 340.50 and on the majoration 74.63
		// (37.315 → 37.32) of the 15-year-old.
		check(res, 'af', { status: 'eligible', grossAmount: '207.57', amount: '206.53' });
	});
	it('no CF (90 000 > 41 933 + 9 363) and no ARS (90 000 > 20 878 × 1.9)', () => {
		expect(status(res, 'cf')).toBe('not_eligible');
		expect(status(res, 'ars')).toBe('not_eligible');
	});
});

describe('D10 (2024-12): couple without income, child born 2015, HLM zone 1, rent 560, rent arrears', () => {
	const res = evaluateBenefits({
		month: '2024-12',
		zone: 1,
		departement: '93',
		housing: { status: 'tenant_social', rent: '560.00', aidPaidToLandlord: false, arrears: true },
		taxIncome: { rfr: '0.00', incomeYear: 2023 },
		members: [adult('1985-01-01'), partner('1987-01-01'), child('2015-05-01')]
	});
	it('APL with the RLS: 449.43 + 73.57 − 44.455 − 5 − 0.98 × 75.31 = 399.7412 → 397.74 net', () => {
		// Barème of 2024-10-01: L = min(560, 449.43); C = 59.97 + 13.60; R = 0 → P0 = 0.085 × 523.00 = 44.455;
		// RLS zone 1, one dependant 75.31 (2024-01-01), resources 0 < 1 470 a month; 0.98 × 75.31 = 73.8038.
		check(res, 'al', { status: 'eligible', grossAmount: '399.74', amount: '397.74' });
	});
	it('RSA: 635.71 × 1.8 = 1 144.28 − forfait logement 635.71 × 1.8 × 0.165 = 188.81 = 955.47', () => {
		check(res, 'rsa', { status: 'eligible', amount: '955.47' });
	});
	it('prime de Noël: 152.45 × 1.8 = 274.41; CSS free with the RSA; FSL for the arrears', () => {
		check(res, 'prime_noel', { status: 'info', amount: '274.41' });
		check(res, 'css', { status: 'eligible', participation: '0.00' });
		check(res, 'fsl', { status: 'eligible' });
	});
	it('chèque énergie: 1.8 UC, RFR 0 → 240', () => {
		check(res, 'cheque_energie', { amount: '240.00' });
	});
});

describe('D11 (2025-02): couple 66 and 61, pension 500, the younger earns 1 200, owners', () => {
	const res = evaluateBenefits({
		month: '2025-02',
		housing: { status: 'owner' },
		taxIncome: { rfr: '20000.00', incomeYear: 2023 },
		members: [
			adult('1958-11-01', { pension: '500.00' }, { activity: 'retired' }),
			partner('1963-09-01', { salary: '1200.00' })
		]
	});
	it('ASPA for one of the couple: min(1 034.29, 1 605.73 − (500 + (3 × 1 200 − 2 702.70) / 3)) = 1 605.73 − 799.10 = 806.63', () => {
		// R815-29: for a couple, 1.5 × the monthly SMIC of 1 January off the household's earnings of the quarter,
		// 1.5 × 11.88 (2024-11-01) × 1 820 / 12 = 2 702.70; the maximum of the one beneficiary is the single
		// amount 12 411.44 / 12 = 1 034.29 and the ceiling the couple's 19 268.80 / 12 = 1 605.73 (2025-01-01).
		check(res, 'aspa', { status: 'eligible', amount: '806.63' });
	});
});

describe('D12 (2025-04): dual-earner couple 1 100 + 800, no child, private rent 600 zone 2', () => {
	const res = evaluateBenefits({
		month: '2025-04',
		zone: 2,
		housing: { status: 'tenant_private', rent: '600.00' },
		taxIncome: { rfr: '20000.00', incomeYear: 2023 },
		members: [adult('1992-01-01', { salary: '1100.00' }), partner('1993-01-01', { salary: '800.00' })]
	});
	it('PPA, first month of the 59.85 % slope: 949.82 + 101.48 + 25.19 + 1 137.15 − 1 900 = 313.64 → 312.07', () => {
		// 633.21 (2025-04-01) × 1.5 = 949.815 → 949.82; bmax 633.21 × 0.29101 = 184.27; SMIC 11.88 (2024-11-01):
		// 184.27 × (1 100 − 700.92) / 724.68 = 101.48 and 184.27 × (800 − 700.92) / 724.68 = 25.19;
		// 0.5985 (2025-04-01) × 1 900 = 1 137.15; no forfait logement (a tenant without housing aid).
		check(res, 'ppa', { status: 'eligible', grossAmount: '313.64', amount: '312.07' });
	});
	it('no AL: 351.72 + 59.97 − (39.15 + 0.03455 × (20 600 − 7 501)) − 5 < 0', () => {
		expect(status(res, 'al')).toBe('not_eligible');
	});
});

describe('D13 (2025-05): single, 52, invalidity pension 850, owner', () => {
	const res = evaluateBenefits({
		month: '2025-05',
		housing: { status: 'owner' },
		taxIncome: { rfr: '9180.00', incomeYear: 2023 },
		members: [adult('1973-01-01', { invalidityPension: '850.00' })]
	});
	it('ASI: (10 978.30 (2025-04-01) − 12 × 850) / 12 = 778.30 / 12 = 64.86', () => {
		// Since 2020-04-01 the ASI has no maximum of its own: it tops resources up to the ceiling.
		check(res, 'asi', { status: 'eligible', amount: '64.86' });
		expect(get(res, 'asi').reasons.join(' ')).toContain('sans montant maximal distinct');
	});
	it('CSS with participation: 10 200 + 12 × 646.52 × 0.12 = 11 130.99, above 10 339 and ≤ 13 957 (2025-04-01) → 21 €', () => {
		check(res, 'css', { status: 'eligible', participation: '21.00' });
	});
	it('chèque énergie: 9 180 for 1 UC (7 700 to 10 800) → 48', () => {
		check(res, 'cheque_energie', { amount: '48.00' });
	});
});

describe('D14 (2025-06): single mother, baby born 2025-01, no income nor child support, HLM zone 1, rent 520', () => {
	const res = evaluateBenefits({
		month: '2025-06',
		zone: 1,
		housing: { status: 'tenant_social', rent: '520.00', aidPaidToLandlord: false },
		taxIncome: { rfr: '0.00', incomeYear: 2023 },
		childSupportUnpaid: true,
		members: [adult('1999-02-01'), child('2025-01-10')]
	});
	it('PAJE full rate 0.4165 × bmaf 474.37 (2025-04-01) = 197.58 → 196.59 (0 ≤ 24 414 × 1.25 + 9 812)', () => {
		check(res, 'paje_base', { status: 'eligible', grossAmount: '197.58', amount: '196.59' });
	});
	it('ASF 0.422 × 474.37 = 200.18 → 199.18', () => {
		check(res, 'asf', { status: 'eligible', grossAmount: '200.18', amount: '199.18' });
	});
	it('APL with the RLS of June 2025: 449.43 + 73.57 − 44.455 − 5 − 0.98 × 54.14 = 420.4878 → 418.39 net', () => {
		// Barème of 2024-10-01; RLS zone 1, one dependant 54.14 (2025-06-01).
		check(res, 'al', { status: 'eligible', grossAmount: '420.49', amount: '418.39' });
	});
	it('RSA majoré: (1.28412 + 0.42804) × 646.52 = 1 106.95 − (197.58 + min(200.18, 106.73)) − 155.16 = 647.48', () => {
		// rsa.base_amount 646.52 (2025-04-01); ASF counted 0.225 × 474.37 = 106.73; forfait logement on the
		// two-person amount 646.52 × 1.5 × 0.16 = 155.16 (< APL).
		check(res, 'rsa', { status: 'eligible', amount: '647.48' });
	});
	it('prime de Noël 152.45 × 1.5 = 228.68; CSS free; chèque énergie 240 (1.5 UC, RFR 0)', () => {
		check(res, 'prime_noel', { status: 'info', amount: '228.68' });
		check(res, 'css', { status: 'eligible', participation: '0.00' });
		check(res, 'cheque_energie', { amount: '240.00' });
	});
});

describe('D15 (2025-08): couple, one earner 1 400, children 17, 14, 10 and 7, private rent 900 zone 2, RFR 16 000', () => {
	const res = evaluateBenefits({
		month: '2025-08',
		zone: 2,
		housing: { status: 'tenant_private', rent: '900.00' },
		taxIncome: { rfr: '16000.00', incomeYear: 2023 },
		members: [
			adult('1983-01-01', { salary: '1400.00' }),
			partner('1985-01-01'),
			{ ...child('2008-06-01'), atSchool: true },
			child('2011-03-01'),
			child('2014-10-01'),
			child('2018-02-01')
		]
	});
	it('AF: (0.32 + 2 × 0.41) × 474.37 = 540.78 + 2 × 0.16 × 474.37 = 2 × 75.90 → 692.58 → 689.12', () => {
		// Majoration for the children of 17 and 14 (14 reached before 2026-03-01: af.majoration_age 14, 2008-05-01).
		check(res, 'af', { status: 'eligible', grossAmount: '692.58', amount: '689.12' });
	});
	it('CF majoré 0.6248 × 474.37 = 296.39 → 294.91 (16 000 ≤ 24 414 × 2.1 / 2 = 25 634.50, 2025-01-01)', () => {
		check(res, 'cf', { status: 'eligible', grossAmount: '296.39', amount: '294.91' });
	});
	it('ARS 2025: 464.65 + 449.09 + 2 × 425.60 = 1 764.94, net 462.33 + 446.84 + 2 × 423.47 = 1 756.11', () => {
		// 0.9795, 0.9467, 0.8972 × 474.37 (17, 14, 10 and 7 on 15/09/2025); ceiling 21 880 × 2.2 = 48 136.
		check(res, 'ars', { status: 'eligible', grossAmount: '1764.94', amount: '1756.11' });
	});
	it('AL: 568.60 + 114.37 − 173.3234 − 5 = 504.6466 → 502.12 net', () => {
		// Barème of 2024-10-01: L = min(900, 395.77 + 3 × 57.61); C = 59.97 + 4 × 13.60; R = 15 120 → 15 200;
		// R0 four dependants 9 851 (2025-01-01); TF 0.0185; RL 1 → TL 0.00305; P0 = 0.085 × 682.97 = 58.05245;
		// PP = 58.05245 + 0.02155 × 5 349 = 173.3234.
		check(res, 'al', { status: 'eligible', grossAmount: '504.65', amount: '502.12' });
	});
	it('PPA: 1 836.31 + 177.76 + 837.90 − (1 400 + 540.78 + 197.58 + 188.06) = 525.55 → 522.92', () => {
		// 633.21 × 2.9 (couple, 6 persons); bonification 184.27 × (1 400 − 700.92) / 724.68 = 177.76; slope
		// 0.5985 × 1 400; CF at its base rate 0.4165 × 474.37 = 197.58; forfait logement 633.21 × 1.8 × 0.165.
		check(res, 'ppa', { status: 'eligible', grossAmount: '525.55', amount: '522.92' });
	});
	it('RSA: 646.52 × 2.9 = 1 874.91 < 1 400 + 540.78 + 197.58 → none; CSS free (16 800 ≤ 21 711 + 2 × 4 135)', () => {
		expect(status(res, 'rsa')).toBe('not_eligible');
		check(res, 'css', { status: 'eligible', participation: '0.00' });
	});
	it('chèque énergie: 16 000 / 2.7 UC = 5 926 (5 600 to 6 700) → 202', () => {
		check(res, 'cheque_energie', { amount: '202.00' });
	});
});

describe('D16 (2025-09): couple, disabled applicant (80 %) with an invalidity pension of 700, partner earns 2 200, child of 5', () => {
	const res = evaluateBenefits({
		month: '2025-09',
		housing: { status: 'owner' },
		taxIncome: { rfr: '30000.00', incomeYear: 2023 },
		members: [
			adult('1985-01-01', { invalidityPension: '700.00' }, { disabilityRate: 80 }),
			partner('1986-01-01', { salary: '2200.00' }),
			child('2020-04-01')
		]
	});
	it('AAH: min(1 033.32 − 700, 1.5 × 1 033.32 − 700) = 333.32 (the pension and the AAH together never above the AAH)', () => {
		// CSS, art. L821-1: the AAH completes an invalidity pension « sans que le total des deux avantages puisse
		// excéder le montant de l'allocation » (1 033.32, 2025-04-01); the ceiling 1 549.98 (+ 50 % for the child)
		// is not the limit here. The partner's 2 200 are ignored (déconjugalisation, 2023-10-01).
		check(res, 'aah', { status: 'eligible', amount: '333.32' });
	});
});

describe('D17 (2025-10): single, 30, salary 1 300, private rent 500 zone 1', () => {
	const res = evaluateBenefits({
		month: '2025-10',
		zone: 1,
		housing: { status: 'tenant_private', rent: '500.00' },
		taxIncome: { rfr: '14000.00', incomeYear: 2024 },
		members: [adult('1995-02-01', { salary: '1300.00' })]
	});
	it('AL, barème of 2025-10-01: 333.14 + 60.59 − 326.3633 − 5 = 62.3667 → 62.05 net', () => {
		// L = min(500, 333.14); C = 60.59; R = 0.9 × 15 600 = 14 040 → 14 100; R0 5 235 (2025-01-01);
		// RL = 333.14 / 290.34 = 1.1474 → TL = 0.0068 × 0.3974 + 0.00135 = 0.00405232; P0 = max(33.47, 39.56);
		// PP = 39.56 + (0.0283 + 0.00405232) × 8 865 = 326.3633.
		check(res, 'al', { status: 'eligible', grossAmount: '62.37', amount: '62.05' });
	});
	it('PPA with the forfait logement capped at the AL: 633.21 + 152.33 + 778.05 − (1 300 + min(75.99, 62.05)) = 201.54 → 200.53', () => {
		// Bonification 184.27 × (1 300 − 700.92) / 724.68 = 152.33; forfait logement 633.21 × 0.12 = 75.99.
		check(res, 'ppa', { status: 'eligible', grossAmount: '201.54', amount: '200.53' });
	});
	it('no CSS: 12 × 1 300 = 15 600 > 13 957 (2025-04-01)', () => {
		expect(status(res, 'css')).toBe('not_eligible');
	});
});

describe('D18 (2025-12): single, 58, end of unemployment rights, no income, private rent 480 zone 2, rent arrears', () => {
	const res = evaluateBenefits({
		month: '2025-12',
		zone: 2,
		departement: '59',
		housing: { status: 'tenant_private', rent: '480.00', arrears: true },
		taxIncome: { rfr: '9000.00', incomeYear: 2024 },
		members: [
			adult('1967-06-01', {}, { activity: 'unemployed_no_benefit', areExhausted: true, worked5of10Years: true })
		]
	});
	it('ASS 30 × 19.33 (2025-04-01) = 579.90 (≤ 70 × 19.33 = 1 353.10); prime de Noël 152.45 with the ASS', () => {
		check(res, 'ass', { status: 'eligible', amount: '579.90' });
		check(res, 'prime_noel', { status: 'info', amount: '152.45' });
	});
	it('AL, barème of 2025-10-01: 290.34 + 60.59 − 39.56 − 5 = 306.37 → 304.84 net', () => {
		check(res, 'al', { status: 'eligible', grossAmount: '306.37', amount: '304.84' });
	});
	it('RSA: 646.52 − ASS 579.90 − forfait logement 77.58 < 0 → none; FSL for the arrears; chèque énergie 48', () => {
		expect(status(res, 'rsa')).toBe('not_eligible');
		check(res, 'fsl', { status: 'eligible' });
		check(res, 'cheque_energie', { amount: '48.00' });
	});
});

describe('coverage of the dated profiles', () => {
	it('every benefit of the engine is checked in a month of 2024 and in a month of 2025', () => {
		const missing = BENEFIT_IDS.flatMap((id) =>
			['2024', '2025'].filter((y) => !checked.get(id)?.has(y)).map((y) => `${id} ${y}`)
		);
		expect(missing).toEqual([]);
	});
});
