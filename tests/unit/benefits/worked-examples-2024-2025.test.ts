// Seventeen households evaluated in months of 2024 and 2025, with the parameters in force each month, the
// arithmetic written next to each expected amount (rounding: every published amount half-up to the cent;
// net = gross × 0.995 for CRDS; housing aid rounded only at the end). Every benefit is found at least once
// in 2024 and once in 2025 (checked at the end). Where the household is a case of OpenFisca-France's own
// test suite (tests/leximpact/2024/*.yml, read at a7038ee), its expected value is quoted.
import { describe, expect, it } from 'vitest';
import {
	BENEFIT_IDS,
	evaluateBenefits,
	type BenefitId,
	type BenefitsResult,
	type HouseholdProfile
} from '$lib/server/benefits';
import { adult, child, get, partner } from './helpers';

const found = new Map<BenefitId, Set<string>>();
function evaluate(profile: HouseholdProfile): BenefitsResult {
	const res = evaluateBenefits(profile);
	for (const r of res.results) {
		if (r.status === 'eligible' || r.status === 'info' || r.status === 'maybe') {
			if (r.status === 'maybe' && r.amount === null) continue;
			const years = found.get(r.benefit) ?? new Set<string>();
			years.add(profile.month.slice(0, 4));
			found.set(r.benefit, years);
		}
	}
	return res;
}
const status = (res: BenefitsResult, id: BenefitId) => get(res, id).status;

describe('P1 (2024-07): single parent, child born 2013, HLM zone 2, rent 400, no income, no child support', () => {
	// OpenFisca rsa_01_seuil_rsa_inactif_d1: APL 344.42 (→ 357.91 from October), RSA ≈ 696, ASF 196.84,
	// ARS 441.58 / 439.37 net, aefa 228.68.
	const profile: HouseholdProfile = {
		month: '2024-07',
		zone: 2,
		departement: '66',
		housing: { status: 'tenant_social', rent: '400.00', aidPaidToLandlord: false, arrears: true },
		taxIncome: { rfr: '0.00', incomeYear: 2022 },
		childSupportUnpaid: true,
		members: [adult('1997-01-01'), child('2013-01-01')]
	};
	const res = evaluate(profile);
	it('AL with the RLS: 383.28 + 71.25 − 38.63505 − 5 − 0.98 × 66.06 = 346.15615 → 344.43 net', () => {
		// L = min(400, 383.28); C = 58.08 + 13.17; P0 = 0.085 × 454.53 = 38.63505 (> 37.91); R = 0.
		// RLS zone 2, one dependant: 66.06 (resources 0 < 1 393 a month); 0.98 × 66.06 = 64.7388.
		// OpenFisca rounds L + C − PP to the cent first (415.89 from a float 415.895) and gets 344.42.
		expect(get(res, 'al')).toMatchObject({ status: 'eligible', grossAmount: '346.16', amount: '344.43' });
	});
	it('from 2024-10: 395.77 + 73.57 − 39.8939 − 5 − 64.7388 = 359.7073 → 357.91 net (OpenFisca 357.91)', () => {
		expect(get(evaluateBenefits({ ...profile, month: '2024-10' }), 'al').amount).toBe('357.91');
	});
	it('ASF 466.44 × 0.422 = 196.84 → 195.86 net', () => {
		expect(get(res, 'asf')).toMatchObject({ status: 'eligible', grossAmount: '196.84', amount: '195.86' });
	});
	it('RSA 635.71 × 1.5 = 953.57 − ASF counted min(196.84, 466.44 × 0.225 = 104.95) − FL 152.57 = 696.05', () => {
		// FL two persons: 635.71 × 1.5 × 0.16 = 152.5704 → 152.57 (less than the AL).
		expect(get(res, 'rsa')).toMatchObject({ status: 'eligible', amount: '696.05' });
	});
	it('ARS for the rentrée 2024 (11 on 15/09/2024): 466.44 × 0.9467 = 441.58 → 439.37 net', () => {
		expect(get(res, 'ars')).toMatchObject({ status: 'eligible', grossAmount: '441.58', amount: '439.37' });
	});
	it('CSS free with the RSA; chèque énergie 240 (1.5 UC, RFR 0); prime de Noël 152.45 × 1.5 = 228.68; FSL', () => {
		expect(get(res, 'css')).toMatchObject({ status: 'eligible', participation: '0.00' });
		expect(get(res, 'cheque_energie').amount).toBe('240.00');
		expect(get(res, 'prime_noel')).toMatchObject({ status: 'info', amount: '228.68' });
		expect(status(res, 'fsl')).toBe('eligible');
		expect(status(res, 'af')).toBe('not_eligible');
	});
});

describe('P2 (2024-02): 22-year-old hosted free, 3 214 hours worked in 3 years (RSA jeune actif)', () => {
	const profile: HouseholdProfile = {
		month: '2024-02',
		housing: { status: 'hosted_free' },
		members: [adult('2001-06-01', {}, { worked2of3Years: true })]
	};
	it('RSA 607.75 − 607.75 × 0.12 = 607.75 − 72.93 = 534.82 (OpenFisca rsa_04_rsa_jeune: 534.82)', () => {
		expect(get(evaluate(profile), 'rsa')).toMatchObject({ status: 'eligible', amount: '534.82' });
	});
	it('from 2024-04: 635.71 − 76.29 = 559.42 (OpenFisca: 559.42)', () => {
		expect(get(evaluate({ ...profile, month: '2024-06' }), 'rsa').amount).toBe('559.42');
	});
});

describe('P3 (2024-05): couple, one earner 1 100, children 10, 9, 8, private rent 800 zone 1, RFR 11 000', () => {
	const res = evaluate({
		month: '2024-05',
		zone: 1,
		housing: { status: 'tenant_private', rent: '800.00' },
		taxIncome: { rfr: '11000.00', incomeYear: 2022 },
		members: [
			adult('1985-03-10', { salary: '1100.00' }),
			partner('1987-06-01'),
			child('2014-01-01'),
			child('2015-01-01'),
			child('2016-01-01')
		]
	});
	it('AF (0.32 + 0.41) × 466.44 = 340.50 → 338.80 net; CF majoré 466.44 × 0.6248 = 291.43 → 289.97', () => {
		// OpenFisca couple_1actif_1inactif_0.8_SMIC_3_enfants_d1 (April–December 2024): AF 338.8, CF 289.97 net.
		// CF ceiling 23 296 × 1.8 = 41 933 (one earner); 11 000 ≤ 20 966.5 → majoré.
		expect(get(res, 'af')).toMatchObject({ grossAmount: '340.50', amount: '338.80' });
		expect(get(res, 'cf')).toMatchObject({ grossAmount: '291.43', amount: '289.97' });
	});
	it('ARS 3 × 466.44 × 0.8972 = 3 × 418.49 = 1 255.47 (OpenFisca 1 255.47), net 3 × 416.40 = 1 249.20', () => {
		expect(get(res, 'ars')).toMatchObject({ grossAmount: '1255.47', amount: '1249.20' });
	});
	it('PPA: 1 556.58 + 105.21 + 0.61 × 1 100 − (1 100 + 340.50 + 194.27 + 184.92) = 513.10 → 510.53', () => {
		// MFF 622.63 × 2.5; bonification 181.19 × (1 100 − 59 × 11.65) / (120 × 11.65 − 59 × 11.65);
		// AF base 340.50 and CF at its base rate 466.44 × 0.4165 = 194.27 count; FL 622.63 × 1.8 × 0.165.
		expect(get(res, 'ppa')).toMatchObject({ status: 'eligible', grossAmount: '513.10', amount: '510.53' });
	});
	it('RSA: 1 589.28 − (1 100 + 340.50 + 194.27) − 188.81 < 0 → none', () => {
		expect(status(res, 'rsa')).toBe('not_eligible');
	});
	it('AL: 561.54 + 97.59 − 115.99842 − 5 = 538.13158 → 535.44 net', () => {
		// L = min(800, 435.24 + 2 × 63.15); C = 58.08 + 3 × 13.17; R = ⌈0.9 × 13 200⌉₁₀₀ = 11 900; R0 = 9 408;
		// RL = 561.54 / 494.86 = 1.1347 → TL = 0.0068 × 0.3847 + 0.00135; P0 = 0.085 × 659.13 = 56.02605;
		// PP = 56.02605 + (0.0201 + 0.00396596) × 2 492 = 115.99842.
		expect(get(res, 'al')).toMatchObject({ grossAmount: '538.13', amount: '535.44' });
	});
	it('CSS free (13 200 ≤ 21 348 + 4 066 for 5 persons); chèque énergie 277 (11 000 / 2.4 UC < 5 600)', () => {
		expect(get(res, 'css').participation).toBe('0.00');
		expect(get(res, 'cheque_energie').amount).toBe('277.00');
	});
});

describe('P4 (2024-09): single owner, 70, pension 700, RFR 8 400', () => {
	const res = evaluate({
		month: '2024-09',
		housing: { status: 'owner' },
		taxIncome: { rfr: '8400.00' },
		members: [adult('1954-03-01', { pension: '700.00' }, { activity: 'retired' })]
	});
	it('ASPA 12 144.27 / 12 = 1 012.02 − 700 = 312.02', () => {
		expect(get(res, 'aspa')).toMatchObject({ status: 'eligible', amount: '312.02' });
	});
	it('CSS free: 8 400 + 12 × 635.71 × 0.12 = 9 315.42 ≤ 10 166; chèque énergie 48 (8 400 < 10 800)', () => {
		expect(get(res, 'css')).toMatchObject({ status: 'eligible', participation: '0.00' });
		expect(get(res, 'cheque_energie').amount).toBe('48.00');
	});
});

describe('P5 (2024-11): unemployed 52, ARE exhausted, 5 of 10 years worked, hosted free', () => {
	const res = evaluate({
		month: '2024-11',
		housing: { status: 'hosted_free' },
		taxIncome: { rfr: '9000.00' },
		members: [
			adult('1972-05-01', {}, { activity: 'unemployed_no_benefit', areExhausted: true, worked5of10Years: true })
		]
	});
	it('ASS 19.01 × 30 = 570.30; prime de Noël 152.45 (ASS); RSA 635.71 − 570.30 − 76.29 < 0', () => {
		expect(get(res, 'ass')).toMatchObject({ status: 'eligible', amount: '570.30' });
		expect(get(res, 'prime_noel')).toMatchObject({ status: 'info', amount: '152.45' });
		expect(status(res, 'rsa')).toBe('not_eligible');
	});
});

describe('P6 (2024-03): single, 44, disability 80 %, no income, private rent 400 zone 3', () => {
	const res = evaluate({
		month: '2024-03',
		zone: 3,
		housing: { status: 'tenant_private', rent: '400.00' },
		taxIncome: { rfr: '0.00' },
		members: [adult('1980-02-01', {}, { disabilityRate: 80 })]
	});
	it('AAH of April 2023 still in force: 971.37, first; RSA 607.75 − 72.93 = 534.82 as an interim right', () => {
		expect(res.results[0].benefit).toBe('aah');
		expect(get(res, 'aah')).toMatchObject({ status: 'eligible', amount: '971.37' });
		expect(get(res, 'rsa')).toMatchObject({ amount: '534.82', interim: true });
	});
	it('AL: 260.82 + 58.08 − 37.91 − 5 = 275.99 → 274.61', () => {
		expect(get(res, 'al')).toMatchObject({ grossAmount: '275.99', amount: '274.61' });
		expect(get(res, 'cheque_energie').amount).toBe('194.00');
	});
});

describe('P7 (2024-06): single, 50, invalidity pension 600, RFR 7 200', () => {
	const res = evaluate({
		month: '2024-06',
		zone: 2,
		housing: { status: 'tenant_private', rent: '500.00' },
		taxIncome: { rfr: '7200.00' },
		members: [adult('1974-01-01', { invalidityPension: '600.00' })]
	});
	it('ASI (10 794.79 − 12 × 600) / 12 = 299.57; chèque énergie 98 (7 200 < 7 700)', () => {
		expect(get(res, 'asi')).toMatchObject({ status: 'eligible', amount: '299.57' });
		expect(get(res, 'cheque_energie').amount).toBe('98.00');
	});
});

describe('P8 (2024-10): dual-earner couple, children born 2023-04 and 2019-05, RFR 30 000', () => {
	const res = evaluate({
		month: '2024-10',
		zone: 2,
		housing: { status: 'tenant_private', rent: '900.00' },
		taxIncome: { rfr: '30000.00' },
		members: [
			adult('1990-01-01', { salary: '1800.00' }),
			partner('1991-01-01', { salary: '1200.00' }),
			child('2023-04-01'),
			child('2019-05-01')
		]
	});
	it('PAJE full rate: 30 000 ≤ 23 296 × 1.5 + 9 363 = 44 307 → 466.44 × 0.4165 = 194.27 → 193.30', () => {
		expect(get(res, 'paje_base')).toMatchObject({ status: 'eligible', grossAmount: '194.27', amount: '193.30' });
	});
	it('AF 0.32 × 466.44 = 149.26 → 148.51 (30 000 ≤ 62 474 + 2 × 6 246); no CF (a child under 3)', () => {
		expect(get(res, 'af')).toMatchObject({ grossAmount: '149.26', amount: '148.51' });
		expect(status(res, 'cf')).toBe('not_eligible');
	});
});

describe('P9 (2025-06): couple, one earner 900, children 15, 12, 9, private rent 700 zone 2, RFR 10 800', () => {
	const res = evaluate({
		month: '2025-06',
		zone: 2,
		housing: { status: 'tenant_private', rent: '700.00' },
		taxIncome: { rfr: '10800.00', incomeYear: 2023 },
		members: [
			adult('1984-01-01', { salary: '900.00' }),
			partner('1986-01-01'),
			child('2010-03-01'),
			child('2013-02-01'),
			child('2016-01-01')
		]
	});
	it('AF 0.73 × 474.37 = 346.29 + majoration 0.16 × 474.37 = 75.90 (the 15-year-old) = 422.19 → 420.08', () => {
		expect(get(res, 'af')).toMatchObject({ grossAmount: '422.19', amount: '420.08' });
	});
	it('CF majoré 474.37 × 0.6248 = 296.39 → 294.91 (10 800 ≤ 24 414 × 1.8 / 2)', () => {
		expect(get(res, 'cf')).toMatchObject({ grossAmount: '296.39', amount: '294.91' });
	});
	it('RSA: 646.52 × 2.5 = 1 616.30 − (900 + 346.29 + 197.58) − 192.02 = −19.59 → none', () => {
		expect(status(res, 'rsa')).toBe('not_eligible');
	});
	it('PPA: 1 583.03 + 50.62 + 538.65 − (900 + 346.29 + 197.58 + 188.06) = 540.37 → 537.67', () => {
		// Bonification 184.27 × (900 − 700.92) / (1 425.60 − 700.92) = 50.62; slope 0.5985 × 900 = 538.65.
		expect(get(res, 'ppa')).toMatchObject({ grossAmount: '540.37', amount: '537.67' });
	});
	it('AL: 510.99 + 100.77 − 58.9909 − 5 = 547.7691 → 545.03', () => {
		// L = min(700, 395.77 + 2 × 57.61); C = 59.97 + 3 × 13.60; R = 9 800; R0 = 9 498; RL = 1 → TL = 0.00305;
		// P0 = 0.085 × 611.76 = 51.9996; PP = 51.9996 + 0.02315 × 302 = 58.9909.
		expect(get(res, 'al')).toMatchObject({ grossAmount: '547.77', amount: '545.03' });
	});
});

describe('P10 (2025-08): single parent, children 8 and 12, pension received 150 (below the ASF), hosted free', () => {
	const res = evaluate({
		month: '2025-08',
		housing: { status: 'hosted_free' },
		taxIncome: { rfr: '1800.00', incomeYear: 2023 },
		childSupportUnpaid: true,
		members: [adult('1988-05-01', { alimony: '150.00' }), child('2017-03-01'), child('2013-06-01')]
	});
	it('ASF différentielle: 2 × 474.37 × 0.422 = 2 × 200.18 = 400.36 − 150 = 250.36 → 249.11 net', () => {
		expect(get(res, 'asf')).toMatchObject({ status: 'eligible', grossAmount: '250.36', amount: '249.11' });
	});
	it('RSA: 1 163.74 − (150 + AF 151.80 + ASF counted min(250.36, 2 × 106.73)) − 192.02 = 456.46', () => {
		expect(get(res, 'rsa')).toMatchObject({ status: 'eligible', amount: '456.46' });
		expect(get(res, 'af')).toMatchObject({ grossAmount: '151.80', amount: '151.04' });
	});
	it('ARS rentrée 2025: 474.37 × 0.8972 = 425.60 (→ 423.47) + 474.37 × 0.9467 = 449.09 (→ 446.84) = 870.31 net', () => {
		expect(get(res, 'ars')).toMatchObject({ grossAmount: '874.69', amount: '870.31' });
	});
	it('prime de Noël 152.45 × 1.8 = 274.41; CSS free; chèque énergie 240', () => {
		expect(get(res, 'prime_noel').amount).toBe('274.41');
		expect(get(res, 'css').participation).toBe('0.00');
		expect(get(res, 'cheque_energie').amount).toBe('240.00');
	});
});

describe('P11 (2025-03): single, salary 1 200, rent 550 zone 1 — the 2024-04 PPA and its 61 % slope still in force', () => {
	const res = evaluate({
		month: '2025-03',
		zone: 1,
		housing: { status: 'tenant_private', rent: '550.00' },
		taxIncome: { rfr: '12960.00' },
		members: [adult('1991-02-01', { salary: '1200.00' })]
	});
	it('PPA: 622.63 + 124.78 + 0.61 × 1 200 − (1 200 + 74.72) = 204.69 → 203.67', () => {
		// bmax 622.63 × 0.29101 = 181.19; b = 181.19 × (1 200 − 700.92) / 724.68 = 124.78; FL 622.63 × 0.12 = 74.72.
		expect(get(res, 'ppa')).toMatchObject({ grossAmount: '204.69', amount: '203.67' });
	});
	it('AL (October 2024 barème, R0 of 2025): 329.71 + 59.97 − 290.36577 − 5 = 94.31423 → 93.84', () => {
		// R = 13 000 − 5 235 = 7 765; RL 329.71 / 287.35 = 1.1474 → TL 0.00405232; PP = 39.15 + 0.03235232 × 7 765.
		expect(get(res, 'al')).toMatchObject({ grossAmount: '94.31', amount: '93.84' });
	});
});

describe('P12 (2025-01): retired couple 68 and 66, pensions 700 + 300, owners', () => {
	const res = evaluate({
		month: '2025-01',
		housing: { status: 'owner' },
		taxIncome: { rfr: '12000.00' },
		members: [
			adult('1956-06-01', { pension: '700.00' }, { activity: 'retired' }),
			partner('1958-09-01', { pension: '300.00' }, { activity: 'retired' })
		]
	});
	it('ASPA couple 19 268.80 / 12 = 1 605.73 − 1 000 = 605.73', () => {
		expect(get(res, 'aspa')).toMatchObject({ status: 'eligible', amount: '605.73' });
	});
	it('CSS free: 12 000 + 12 × 635.71 × 1.5 × 0.14 = 13 601.99 ≤ 15 249; chèque énergie 63 (12 000 / 1.5 = 8 000)', () => {
		expect(get(res, 'css').participation).toBe('0.00');
		expect(get(res, 'cheque_energie').amount).toBe('63.00');
	});
});

describe('P13 (2025-05): single, 40, disability 50 % with RSDAE, salary 500', () => {
	it('AAH 1 033.32 − (6 000 − 0.8 × 6 000) / 12 = 1 033.32 − 100 = 933.32 (6 000 ≤ 0.3 × 11.88 × 1 820)', () => {
		const res = evaluate({
			month: '2025-05',
			zone: 2,
			housing: { status: 'tenant_private', rent: '450.00' },
			taxIncome: { rfr: '5400.00' },
			members: [adult('1985-01-01', { salary: '500.00' }, { disabilityRate: 50, rsdae: true })]
		});
		expect(get(res, 'aah')).toMatchObject({ status: 'eligible', amount: '933.32' });
	});
});

describe('P14 (2025-11): couple, one unemployed at the end of rights, partner earns 1 000', () => {
	it('ASS min(19.33 × 30 = 579.90, 110 × 19.33 − 1 000 = 1 126.30) = 579.90; prime de Noël 152.45', () => {
		const res = evaluate({
			month: '2025-11',
			housing: { status: 'hosted_free' },
			taxIncome: { rfr: '12000.00' },
			members: [
				adult('1970-01-01', {}, { activity: 'unemployed_no_benefit', areExhausted: true, worked5of10Years: true }),
				partner('1972-01-01', { salary: '1000.00' })
			]
		});
		expect(get(res, 'ass')).toMatchObject({ status: 'eligible', amount: '579.90' });
		expect(get(res, 'prime_noel')).toMatchObject({ status: 'info', amount: '152.45' });
	});
});

describe('P15 (2025-09): dual-earner couple, baby born 2024-12, RFR 45 000', () => {
	it('PAJE partial rate: 24 414 × 1.25 + 9 812 = 40 330 < 45 000 ≤ 29 169 × 1.25 + 11 725 = 48 186 → 474.37 × 0.20825 = 98.79 → 98.30', () => {
		const res = evaluate({
			month: '2025-09',
			zone: 2,
			housing: { status: 'tenant_private', rent: '850.00' },
			taxIncome: { rfr: '45000.00', incomeYear: 2023 },
			members: [
				adult('1990-01-01', { salary: '2200.00' }),
				partner('1992-01-01', { salary: '1500.00' }),
				child('2024-12-01')
			]
		});
		expect(get(res, 'paje_base')).toMatchObject({ status: 'eligible', grossAmount: '98.79', amount: '98.30' });
	});
});

describe('P16 (2025-12): single, no income, hosted free, energy arrears', () => {
	const res = evaluate({
		month: '2025-12',
		departement: '59',
		housing: { status: 'hosted_free', arrears: true },
		taxIncome: { rfr: '0.00' },
		members: [adult('1980-01-01')]
	});
	it('RSA 646.52 − 77.58 = 568.94; prime de Noël 152.45; CSS free; chèque énergie 194; FSL', () => {
		expect(get(res, 'rsa').amount).toBe('568.94');
		expect(get(res, 'prime_noel')).toMatchObject({ status: 'info', amount: '152.45' });
		expect(get(res, 'css').participation).toBe('0.00');
		expect(get(res, 'cheque_energie').amount).toBe('194.00');
		expect(status(res, 'fsl')).toBe('eligible');
	});
});

describe('P17 (2025-07): single, 50, invalidity pension 700, owner', () => {
	it('ASI (10 978.30 − 8 400) / 12 = 214.86', () => {
		const res = evaluate({
			month: '2025-07',
			housing: { status: 'owner' },
			taxIncome: { rfr: '8400.00' },
			members: [adult('1975-01-01', { invalidityPension: '700.00' })]
		});
		expect(get(res, 'asi')).toMatchObject({ status: 'eligible', amount: '214.86' });
	});
});

describe('coverage of the worked examples', () => {
	it('every benefit is found at least once in 2024 and once in 2025', () => {
		const missing = BENEFIT_IDS.flatMap((id) =>
			['2024', '2025'].filter((y) => !found.get(id)?.has(y)).map((y) => `${id} ${y}`)
		);
		expect(missing).toEqual([]);
	});
});
