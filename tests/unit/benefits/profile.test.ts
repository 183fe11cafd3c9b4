// Profile validation (field paths, French messages) and missing answers → maybe.
import { describe, expect, it } from 'vitest';
import { evaluateBenefits, parseProfile, ProfileValidationError, type HouseholdProfile } from '$lib/server/benefits';
import { adult, get } from './helpers';

function errorsOf(json: unknown) {
	const r = parseProfile(json);
	if (!('errors' in r)) throw new Error('expected errors');
	return r.errors;
}

describe('parseProfile', () => {
	it('accepts the contract example and converts money to cents', () => {
		const r = parseProfile({
			month: '2026-07',
			zone: 2,
			departement: '33',
			housing: { status: 'tenant_private', rent: '450.00', aidPaidToLandlord: false },
			taxIncome: { rfr: '12960.00', incomeYear: 2024 },
			savings: '0.00',
			separatedSince: null,
			childSupportUnpaid: false,
			members: [adult('1986-05-01', { salary: '1200.00' })],
			received: ['af']
		});
		if (!('household' in r)) throw new Error(JSON.stringify(r.errors));
		expect(r.household.rent).toBe(45000);
		expect(r.household.rfr).toBe(1296000);
		expect(r.household.members[0].income?.salary).toBe(120000);
		expect(r.household.received).toEqual(['af']);
		expect(r.profile.month).toBe('2026-07');
	});
	it('reports each error with its field path and a French message', () => {
		const errors = errorsOf({
			zone: 4,
			housing: { status: 'castle', rent: '12,50' },
			members: [
				adult('1986-05-01'),
				{ role: 'child', birthDate: '2020/01/01' },
				{ role: 'child', birthDate: '2019-02-30', income: { salary: 'abc', bonus: '1.00' } }
			],
			received: ['rsa', 'loto']
		});
		const byField = Object.fromEntries(errors.map((e) => [e.field, e.message]));
		expect(byField['month']).toMatch(/mois évalué est obligatoire/);
		expect(byField['zone']).toMatch(/zone.*1, 2 ou 3/);
		expect(byField['housing.status']).toMatch(/statut d’occupation/);
		expect(byField['housing.rent']).toMatch(/loyer hors charges.*12,50/);
		expect(byField['members[1].birthDate']).toMatch(/date de naissance.*AAAA-MM-JJ/);
		expect(byField['members[2].birthDate']).toMatch(/date réelle/);
		expect(byField['members[2].income.salary']).toMatch(/salaire/);
		expect(byField['members[2].income.bonus']).toMatch(/inconnue/);
		expect(byField['received[1]']).toMatch(/Prestation inconnue « loto »/);
	});
	it('requires exactly one applicant', () => {
		expect(errorsOf({ month: '2026-07', members: [] }).map((e) => e.field)).toContain('members');
		const two = errorsOf({ month: '2026-07', members: [adult('1980-01-01'), adult('1981-01-01')] });
		expect(two[0]).toMatchObject({ field: 'members' });
		expect(two[0].message).toMatch(/exactement un demandeur/);
	});
	it('rejects negative amounts except self-employment income', () => {
		const errors = errorsOf({
			month: '2026-07',
			savings: '-5.00',
			members: [adult('1980-01-01', { selfEmployed: '-100.00', pension: '-1.00' })]
		});
		expect(errors.map((e) => e.field).sort()).toEqual(['members[0].income.pension', 'savings']);
	});
	it('evaluateBenefits throws ProfileValidationError on an invalid profile', () => {
		expect(() => evaluateBenefits({ month: '2026-13', members: [] } as unknown as HouseholdProfile)).toThrow(
			ProfileValidationError
		);
	});
});

describe('missing answers give maybe with the question to ask', () => {
	const minimal: HouseholdProfile = { month: '2026-07', members: [{ role: 'applicant' }] };
	const res = evaluateBenefits(minimal);
	it('RSA asks the birth date', () => {
		expect(get(res, 'rsa')).toMatchObject({ status: 'maybe', amount: null });
		expect(get(res, 'rsa').questions.join(' ')).toMatch(/date de naissance/);
	});
	it('AL asks the housing status; CSS and PPA ask the income; chèque énergie the RFR', () => {
		expect(get(res, 'al').status).toBe('maybe');
		expect(get(res, 'al').questions[0]).toMatch(/locataire/);
		expect(get(res, 'css').status).toBe('maybe');
		expect(get(res, 'ppa').questions[0]).toMatch(/revenus/);
		expect(get(res, 'cheque_energie').questions[0]).toMatch(/revenu fiscal/);
	});
	it('a renter without rent or zone: AL maybe with both questions', () => {
		const r = evaluateBenefits({ ...minimal, housing: { status: 'tenant_private' }, members: [adult('1980-01-01')] });
		expect(get(r, 'al').status).toBe('maybe');
		expect(get(r, 'al').questions).toEqual(
			expect.arrayContaining([expect.stringMatching(/loyer/), expect.stringMatching(/zone/)])
		);
	});
	it('a single parent without the child-support answer: ASF maybe', () => {
		const r = evaluateBenefits({
			month: '2026-07',
			taxIncome: { rfr: '10000.00' },
			members: [adult('1990-01-01'), { role: 'child', birthDate: '2016-01-01' }]
		});
		expect(get(r, 'asf')).toMatchObject({ status: 'maybe', amount: '200.77' });
		expect(get(r, 'asf').questions[0]).toMatch(/pension alimentaire/);
	});
	it('family benefits without RFR: CF maybe', () => {
		const r = evaluateBenefits({
			month: '2026-07',
			members: [
				adult('1985-01-01'),
				{ role: 'child', birthDate: '2015-01-01' },
				{ role: 'child', birthDate: '2016-01-01' },
				{ role: 'child', birthDate: '2018-01-01' }
			]
		});
		expect(get(r, 'cf').status).toBe('maybe');
		expect(get(r, 'af').status).toBe('eligible');
		expect(get(r, 'af').questions.join(' ')).toMatch(/revenu fiscal/);
	});
	it('AAH at 50–79 % without the RSDAE answer: maybe', () => {
		const r = evaluateBenefits({ month: '2026-07', members: [adult('1980-01-01', {}, { disabilityRate: 60 })] });
		expect(get(r, 'aah').status).toBe('maybe');
		expect(get(r, 'aah').questions[0]).toMatch(/RSDAE/);
	});
});
