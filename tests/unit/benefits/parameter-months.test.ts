// Every parameter the engine reads exists in every month from 2024-01 to the current month (2026-12): a
// spread of households (every composition, housing status, age group and income source the formulas
// branch on) is evaluated in each of the 36 months, and no result may say « Estimation impossible pour ce
// mois » (a key missing from the table or without a version in force). parameter-coverage.test.ts checks
// the keys of the table; this checks the keys the formulas ask for.
import { describe, expect, it } from 'vitest';
import { addMonthsIso } from '$lib/dates';
import { BENEFIT_IDS, evaluateBenefits, type HouseholdProfile, type MemberProfile } from '$lib/server/benefits';
import { adult, child, partner } from './helpers';

type Household = Omit<HouseholdProfile, 'month'>;

const kids = (...births: string[]): MemberProfile[] => births.map((b) => child(b));

const HOUSEHOLDS: Record<string, Household> = {
	'single, no income, hosted': { housing: { status: 'hosted_free' }, members: [adult('1990-03-01')] },
	'single earner, private rent zone 1': {
		zone: 1,
		housing: { status: 'tenant_private', rent: '650.00' },
		taxIncome: { rfr: '14000.00' },
		members: [adult('1988-05-01', { salary: '1300.00' })]
	},
	'single parent, HLM zone 2, no child support': {
		zone: 2,
		housing: { status: 'tenant_social', rent: '420.00', arrears: true },
		childSupportUnpaid: true,
		taxIncome: { rfr: '3000.00' },
		members: [adult('1994-01-01', { salary: '400.00' }), ...kids('2012-06-01', '2016-09-01', '2023-09-01')]
	},
	'single parent with a pension below the ASF': {
		zone: 3,
		housing: { status: 'tenant_furnished', rent: '480.00' },
		childSupportUnpaid: false,
		separatedSince: '2025-01-01',
		members: [adult('1996-01-01', { alimony: '90.00' }), ...kids('2023-05-01')]
	},
	'couple, one earner, 4 children, HLM zone 3': {
		zone: 3,
		housing: { status: 'tenant_social', rent: '560.00' },
		taxIncome: { rfr: '16000.00' },
		members: [
			adult('1982-01-01', { salary: '1500.00' }),
			partner('1984-01-01'),
			...kids('2008-02-01', '2010-10-01', '2014-04-01', '2019-12-01')
		]
	},
	'dual earners, baby, owners with a loan': {
		zone: 2,
		housing: { status: 'owner_with_loan' },
		taxIncome: { rfr: '38000.00' },
		members: [
			adult('1991-01-01', { salary: '1700.00' }),
			partner('1992-01-01', { salary: '1500.00' }),
			...kids('2023-12-01')
		]
	},
	'young active under 25 with the hours': {
		housing: { status: 'tenant_private', rent: '380.00' },
		zone: 2,
		members: [adult('2003-04-01', {}, { worked2of3Years: true })]
	},
	'student with a grant': {
		zone: 1,
		housing: { status: 'tenant_private', rent: '450.00' },
		members: [adult('2005-01-01', { salary: '600.00' }, { student: true, scholarship: true, activity: 'student' })]
	},
	'disability 80 %, salary': {
		zone: 2,
		housing: { status: 'tenant_private', rent: '500.00' },
		members: [adult('1975-01-01', { salary: '700.00' }, { disabilityRate: 80 })]
	},
	'disability 50 % with RSDAE, no income': {
		housing: { status: 'hostel', rent: '300.00' },
		members: [adult('1970-01-01', {}, { disabilityRate: 50, rsdae: true })]
	},
	'invalidity pension 650': {
		housing: { status: 'owner' },
		taxIncome: { rfr: '7000.00' },
		members: [adult('1968-01-01', { invalidityPension: '650.00' })]
	},
	'end of unemployment rights, partner earning': {
		zone: 3,
		housing: { status: 'tenant_private', rent: '520.00' },
		members: [
			adult('1970-01-01', {}, { activity: 'unemployed_no_benefit', areExhausted: true, worked5of10Years: true }),
			partner('1972-01-01', { salary: '900.00' })
		]
	},
	'retired couple, one pension': {
		housing: { status: 'owner' },
		taxIncome: { rfr: '9000.00' },
		members: [
			adult('1950-01-01', { pension: '850.00' }, { activity: 'retired' }),
			partner('1952-01-01', {}, { activity: 'retired' })
		]
	},
	'pregnant, alone, savings': {
		housing: { status: 'homeless' },
		savings: '2000.00',
		members: [adult('2000-01-01', {}, { pregnant: true })]
	}
};

const computed = new Set<string>();
const MONTHS: string[] = [];
for (let m = '2024-01'; m <= '2026-12'; m = addMonthsIso(m, 1)) MONTHS.push(m);

describe('every parameter the formulas read is in force each month from 2024-01 to 2026-12', () => {
	it('covers 36 months and 14 households', () => {
		expect(MONTHS).toHaveLength(36);
		expect(Object.keys(HOUSEHOLDS)).toHaveLength(14);
	});
	for (const [name, household] of Object.entries(HOUSEHOLDS)) {
		it(name, () => {
			const problems: string[] = [];
			for (const month of MONTHS) {
				for (const r of evaluateBenefits({ ...household, month }).results) {
					if ((r.amount !== null && r.amount !== '0.00') || r.participation != null) computed.add(r.benefit);
					const missing = r.reasons.filter((reason) => reason.startsWith('Estimation impossible pour ce mois'));
					for (const reason of missing) problems.push(`${month} ${r.benefit}: ${reason}`);
				}
			}
			expect(problems).toEqual([]);
		});
	}
	it('the households reach every benefit that has an amount (all but the FSL orientation)', () => {
		expect(BENEFIT_IDS.filter((id) => id !== 'fsl' && !computed.has(id))).toEqual([]);
	});
	it('would report a missing parameter (the check can fail)', () => {
		const res = evaluateBenefits({ ...HOUSEHOLDS['single, no income, hosted'], month: '2023-01' });
		expect(
			res.results.some((r) => r.reasons.some((reason) => reason.startsWith('Estimation impossible pour ce mois')))
		).toBe(true);
	});
});
