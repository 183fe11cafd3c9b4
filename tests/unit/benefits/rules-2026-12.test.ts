// The rules added in 2026-12 (issue 15), the arithmetic written in each test: the RLS deducted in social
// housing for every composition and zone, the ASF différentielle and what the RSA/PPA count of it, the RSA
// jeune actif answer, no silent omission of a benefit that counts in the RSA/PPA resources, the
// ceilings a result cites being the ones it used; then two rules the dated profiles of
// dated-profiles-2024-2025.test.ts found missing: the ASPA's abatement on earnings (CSS, art. R815-29) and
// the AAH that only completes a pension up to its own amount (CSS, art. L821-1).
import { readFileSync } from 'node:fs';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
	evaluateBenefits,
	parseProfile,
	type BenefitParameter,
	type HouseholdProfile,
	type MemberProfile
} from '$lib/server/benefits';
import { adult, child, get, partner, plain } from './helpers';

const LEGACY: BenefitParameter[] = JSON.parse(
	readFileSync(new URL('./fixtures/legacy-parameters-2026-11-29.json', import.meta.url), 'utf8')
);

describe('réduction de loyer de solidarité in social housing, every zone and composition', () => {
	// RLS of the arrêté du 22 mai 2026 (from 2026-06-01), per zone: [single, couple, one dependant, per extra].
	const RLS_2026: Record<number, [number, number, number, number]> = {
		1: [35.99, 43.51, 49.09, 7.03],
		2: [31.58, 38.56, 43.06, 6.26],
		3: [29.57, 35.8, 40.04, 5.64]
	};
	const households: [string, MemberProfile[], (t: [number, number, number, number]) => number][] = [
		['single', [adult('1980-01-01')], (t) => t[0]],
		['couple', [adult('1980-01-01'), partner('1981-01-01')], (t) => t[1]],
		['single parent, 1 child', [adult('1980-01-01'), child('2015-01-01')], (t) => t[2]],
		[
			'couple, 2 children',
			[adult('1980-01-01'), partner('1981-01-01'), child('2015-01-01'), child('2017-01-01')],
			(t) => t[2] + t[3]
		],
		[
			'single parent, 3 children',
			[adult('1980-01-01'), child('2012-01-01'), child('2015-01-01'), child('2017-01-01')],
			(t) => t[2] + 2 * t[3]
		],
		[
			'couple, 7 children',
			[
				adult('1980-01-01'),
				partner('1981-01-01'),
				...[2008, 2010, 2011, 2013, 2015, 2017, 2019].map((y) => child(`${y}-01-01`))
			],
			(t) => t[2] + 6 * t[3]
		]
	];
	for (const zone of [1, 2, 3] as const) {
		for (const [name, members, rls] of households) {
			it(`zone ${zone}, ${name}: AL in HLM = AL in the private sector − 0.98 × ${rls(RLS_2026[zone]).toFixed(2)}`, () => {
				const profile = (status: 'tenant_social' | 'tenant_private'): HouseholdProfile => ({
					month: '2026-07',
					zone,
					housing: { status, rent: '1200.00', aidPaidToLandlord: false },
					taxIncome: { rfr: '0.00' },
					childSupportUnpaid: false,
					members
				});
				const social = new Decimal(get(evaluateBenefits(profile('tenant_social')), 'al').grossAmount!);
				const priv = new Decimal(get(evaluateBenefits(profile('tenant_private')), 'al').grossAmount!);
				const deduction = new Decimal(rls(RLS_2026[zone])).times(0.98);
				// Both gross amounts are rounded to the cent: the difference matches to within one cent.
				expect(priv.minus(social).minus(deduction).abs().lte(0.01)).toBe(true);
			});
		}
	}
	it('no RLS above the resource ceiling: zone 2 single earning 1 200 (R = 13 000 / 12 = 1 083.33 ≥ 905)', () => {
		const profile = (status: 'tenant_social' | 'tenant_private'): HouseholdProfile => ({
			month: '2026-07',
			zone: 2,
			housing: { status, rent: '500.00', aidPaidToLandlord: false },
			members: [adult('1980-01-01', { salary: '1200.00' })]
		});
		const social = get(evaluateBenefits(profile('tenant_social')), 'al');
		expect(social.grossAmount).toBe(get(evaluateBenefits(profile('tenant_private')), 'al').grossAmount);
		expect(plain(social.reasons.join(' '))).toMatch(
			/pas de réduction de loyer de solidarité, ressources de 1 083,33 €/
		);
	});
});

describe('allocation de soutien familial différentielle', () => {
	// 2025-06: BMAF 474.37; ASF per child 474.37 × 0.422 = 200.18; forfait per child 474.37 × 0.225 = 106.73.
	const parent = (alimony: string, unpaid: boolean | null): HouseholdProfile => ({
		month: '2025-06',
		housing: { status: 'hosted_free' },
		taxIncome: { rfr: '0.00' },
		childSupportUnpaid: unpaid,
		members: [adult('1988-05-01', { alimony }), child('2017-03-01'), child('2013-06-01')]
	});
	it('pension 150 € paid: ASF = 400.36 − 150 = 250.36; RSA counts the forfait 213.46 (lower than 250.36)', () => {
		const res = evaluateBenefits(parent('150.00', true));
		expect(get(res, 'asf')).toMatchObject({ grossAmount: '250.36', amount: '249.11' });
		// RSA = 646.52 × 1.8 = 1 163.74 − (150 + AF 151.80 + 213.46) − FL 192.02 = 456.46.
		expect(get(res, 'rsa').amount).toBe('456.46');
	});
	it('pension 350 € declared paid (childSupportUnpaid false) but below the ASF: ASF = 50.36, counted 50.36 (lower)', () => {
		const res = evaluateBenefits(parent('350.00', false));
		// 400.36 − 350 = 50.36 → 50.11 net; RSA = 1 163.74 − (350 + 151.80 + 50.36) − 192.02 = 419.56.
		expect(get(res, 'asf')).toMatchObject({ status: 'eligible', grossAmount: '50.36', amount: '50.11' });
		expect(get(res, 'rsa').amount).toBe('419.56');
		expect(plain(get(res, 'asf').forHousehold.summary)).toMatch(
			/la pension reçue \(350,00 € par mois\) est inférieure/
		);
	});
	it('pension 390 €: ASF 10.36 < 15 € → not paid, nothing counted: RSA = 1 163.74 − 541.80 − 192.02 = 429.92', () => {
		const res = evaluateBenefits(parent('390.00', true));
		expect(get(res, 'asf').status).toBe('not_eligible');
		expect(get(res, 'rsa').amount).toBe('429.92');
	});
	it('pension 450 € ≥ 400.36: no ASF', () => {
		expect(get(evaluateBenefits(parent('450.00', true)), 'asf').status).toBe('not_eligible');
	});
	it('pension unknown: ASF maybe, and the RSA counts the forfait 213.46 and says it is to be confirmed', () => {
		const res = evaluateBenefits(parent('0.00', null));
		expect(get(res, 'asf').status).toBe('maybe');
		// 1 163.74 − (151.80 + 213.46) − 192.02 = 606.46.
		expect(get(res, 'rsa')).toMatchObject({ status: 'maybe', amount: '606.46' });
		expect(get(res, 'rsa').questions).toContain('L’autre parent verse-t-il la pension alimentaire ?');
	});
});

describe('RSA jeune actif: a profile answer, validated', () => {
	it('worked2of3Years must be true or false', () => {
		const bad = parseProfile({ month: '2026-07', members: [{ role: 'applicant', worked2of3Years: 'oui' }] });
		expect('errors' in bad && bad.errors.map((e) => e.field)).toEqual(['members[0].worked2of3Years']);
		const ok = parseProfile({ month: '2026-07', members: [{ role: 'applicant', worked2of3Years: true }] });
		expect('household' in ok && ok.household.members[0].worked2of3Years).toBe(true);
	});
});

describe('never a silent omission', () => {
	// P9 of the worked examples: couple, one earner 900, children 15, 12, 9, private rent 700 zone 2.
	const p9 = (taxIncome: HouseholdProfile['taxIncome']): HouseholdProfile => ({
		month: '2025-06',
		zone: 2,
		housing: { status: 'tenant_private', rent: '700.00' },
		taxIncome,
		members: [
			adult('1984-01-01', { salary: '900.00' }),
			partner('1986-01-01'),
			child('2010-03-01'),
			child('2013-02-01'),
			child('2016-01-01')
		]
	});
	it('3 children in 2025-06 with the table of 2026-11 (AF/CF ceilings only from 2026): RSA and PPA maybe, no amount', () => {
		// Counting the AF and CF as zero gave RSA 1 616.30 − 900 − 192.02 = 524.28 and PPA 589.27; with them the
		// RSA is 0 (−19.59) and the PPA 537.67 (worked example P9).
		const res = evaluateBenefits(p9({ rfr: '10800.00', incomeYear: 2023 }), LEGACY);
		for (const id of ['rsa', 'ppa'] as const) {
			expect(get(res, id)).toMatchObject({ status: 'maybe', amount: null });
			expect(get(res, id).reasons.join(' ')).toMatch(/allocations familiales.*af\.ceiling/);
		}
		expect(get(res, 'rsa').forHousehold.summary).toMatch(/^Impossible d’estimer le montant du RSA pour ce mois/);
	});
	it('with the dated table the same household gets RSA 0 and PPA 537.67', () => {
		const res = evaluateBenefits(p9({ rfr: '10800.00', incomeYear: 2023 }));
		expect(get(res, 'rsa').status).toBe('not_eligible');
		expect(get(res, 'ppa').amount).toBe('537.67');
	});
	it('CF only possible (income unknown): the PPA counts its base rate 197.58 and is maybe', () => {
		const res = evaluateBenefits(p9(null));
		expect(get(res, 'cf').status).toBe('maybe');
		expect(get(res, 'ppa')).toMatchObject({ status: 'maybe', amount: '537.67' });
		expect(get(res, 'ppa').reasons.join(' ')).toMatch(/en comptant le complément familial/);
	});
	it('housing aid not yet estimable (rent unknown): the forfait logement is counted, RSA 646.52 − 77.58 = 568.94, maybe', () => {
		const res = evaluateBenefits({
			month: '2025-06',
			zone: 2,
			housing: { status: 'tenant_private' },
			members: [adult('1980-01-01')]
		});
		expect(get(res, 'al')).toMatchObject({ status: 'maybe', amount: null });
		expect(get(res, 'rsa')).toMatchObject({ status: 'maybe', amount: '568.94' });
		expect(get(res, 'rsa').questions).toContain('Quel est le montant du loyer hors charges ?');
	});
});

describe('the ceiling a result cites is the one it used', () => {
	const M = '2026-07';
	it('AL, 2 dependants in zone 2: 458.10 = 399.89 + 1 × 58.21', () => {
		const al = get(
			evaluateBenefits({
				month: M,
				zone: 2,
				housing: { status: 'tenant_private', rent: '650.00' },
				members: [adult('1990-03-03', { salary: '1300.00' }), child('2018-01-05'), child('2014-02-20')]
			}),
			'al'
		);
		expect(plain(al.reasons[0])).toMatch(
			/Loyer retenu L = 458,10 € .*plafond zone 2 pour 2 personnes à charge : 458,10 € = 399,89 € \+ 1 × 58,21 €/
		);
	});
	it('AF, 2 children: 79 980 = 66 652 + 2 × 6 664; CF, 3 children one earner: 44 735 = 24 853 × 1.8', () => {
		const res = evaluateBenefits({
			month: M,
			taxIncome: { rfr: '20520.00' },
			members: [
				adult('1988-01-10', { salary: '1900.00' }),
				partner('1990-05-20'),
				child('2019-01-20'),
				child('2017-02-11'),
				child('2011-03-14')
			]
		});
		expect(plain(get(res, 'cf').reasons.join(' '))).toMatch(/44 735,00 € = 24 853,00 € × 1,8 \(/);
		const two = evaluateBenefits({
			month: M,
			taxIncome: { rfr: '20520.00' },
			members: [adult('1988-01-10', { salary: '1900.00' }), child('2017-02-11'), child('2011-03-14')]
		});
		expect(plain(get(two, 'af').reasons.join(' '))).toMatch(/plafonds 79 980,00 € = 66 652,00 € \+ 2 × 6 664,00 €/);
	});
	it('CSS, 5 persons: free ceiling 25 846 = 21 711 + 1 × 4 135, not the 4-person ceiling', () => {
		const css = get(
			evaluateBenefits({
				month: M,
				members: [
					adult('1988-01-10', { salary: '2500.00' }),
					partner('1990-05-20'),
					child('2019-01-20'),
					child('2017-02-11'),
					child('2011-03-14')
				]
			}),
			'css'
		);
		expect(plain(css.reasons.join(' '))).toMatch(/gratuite jusqu’à 25 846,00 € = 21 711,00 € \+ 1 × 4 135,00 €/);
	});
	it('every cited parameter version is in force in the month evaluated', () => {
		const res = evaluateBenefits({
			month: '2025-02',
			zone: 1,
			housing: { status: 'tenant_social', rent: '600.00', aidPaidToLandlord: false },
			taxIncome: { rfr: '9000.00' },
			childSupportUnpaid: true,
			members: [adult('1990-03-03', { salary: '900.00' }), child('2018-01-05'), child('2023-02-20')]
		});
		for (const r of res.results)
			for (const p of r.parameters) {
				const arsMonth = r.benefit === 'ars' && p.key !== 'crds.rate' ? '2025-08-01' : '2025-02-01';
				const day = p.key === 'af.majoration_age' ? p.effectiveFrom : arsMonth;
				expect(
					p.effectiveFrom <= day && (p.effectiveTo === null || day <= p.effectiveTo),
					`${r.benefit} ${p.key}`
				).toBe(true);
			}
	});
});

describe('ASPA: earnings abated as CSS, art. R815-29 says (décret n° 2014-1568)', () => {
	const single = (month: string, salary: string): HouseholdProfile => ({
		month,
		housing: { status: 'owner' },
		members: [adult('1958-01-01', { pension: '700.00', salary })]
	});
	it('2025-06, earnings under the abatement are not counted: 3 × 500 = 1 500 < 0.9 × 11.88 × 1 820 / 12 = 1 621.62 → 1 034.29 − 700 = 334.29', () => {
		expect(get(evaluateBenefits(single('2025-06', '500.00')), 'aspa')).toMatchObject({
			status: 'eligible',
			amount: '334.29'
		});
	});
	it('2025-06, above it: (3 × 900 − 1 621.62) / 3 = 359.46 counted → 1 034.29 − 1 059.46 < 0, no ASPA', () => {
		const aspa = get(evaluateBenefits(single('2025-06', '900.00')), 'aspa');
		expect(aspa.status).toBe('not_eligible');
		expect(plain(aspa.reasons.join(' '))).toContain('moins l’abattement de 1 621,62 €');
	});
	it('the SMIC of 1 January, not of the month: 2024-12 uses 11.65 (0.9 × 1 766.92 = 1 590.22), not the 11.88 of 2024-11-01', () => {
		// (3 × 700 − 1 590.22) / 3 = 169.93 → 1 012.02 − (700 + 169.93) = 142.09.
		expect(get(evaluateBenefits(single('2024-12', '700.00')), 'aspa').amount).toBe('142.09');
	});
	it('a couple: 1.5 × the monthly SMIC off the household’s earnings, 2026-02: 1.5 × 12.02 × 1 820 / 12 = 2 734.55', () => {
		// Both 70 and 68, pension 900, one earns 1 000: (3 000 − 2 734.55) / 3 = 88.48;
		// 19 442.21 (2026-01-01) / 12 = 1 620.18 − 988.48 = 631.70.
		const res = evaluateBenefits({
			month: '2026-02',
			housing: { status: 'owner' },
			members: [
				adult('1955-06-01', { pension: '900.00' }, { activity: 'retired' }),
				partner('1957-06-01', { salary: '1000.00' })
			]
		});
		expect(get(res, 'aspa')).toMatchObject({ status: 'eligible', amount: '631.70' });
	});
});

describe('AAH with an old-age or invalidity pension (CSS, art. L821-1)', () => {
	const parent = (pension: string): HouseholdProfile => ({
		month: '2024-06',
		housing: { status: 'owner' },
		childSupportUnpaid: true,
		members: [adult('1980-01-01', { invalidityPension: pension }, { disabilityRate: 80 }), child('2015-01-01')]
	});
	it('the pension and the AAH together never exceed the AAH: 1 016.05 − 300 = 716.05, not 1 524.075 − 300', () => {
		expect(get(evaluateBenefits(parent('300.00')), 'aah')).toMatchObject({ status: 'eligible', amount: '716.05' });
	});
	it('without a pension the ceiling raised for the child still lets the full AAH through: 1 016.05', () => {
		expect(get(evaluateBenefits(parent('0.00')), 'aah').amount).toBe('1016.05');
	});
	it('a pension at least equal to the AAH leaves none', () => {
		expect(get(evaluateBenefits(parent('1100.00')), 'aah').status).toBe('not_eligible');
	});
});
