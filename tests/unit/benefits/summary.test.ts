// nonRecoursSummary: eligible benefits by yearly amount with the total; and the caseload-refresh speed.
import { describe, expect, it } from 'vitest';
import { evaluateBenefits, nonRecoursSummary, type HouseholdProfile } from '$lib/server/benefits';
import { adult, child, partner } from './helpers';

const C01: HouseholdProfile = {
	month: '2026-07',
	zone: 2,
	housing: { status: 'tenant_private', rent: '450.00', aidPaidToLandlord: false, arrears: false },
	taxIncome: { rfr: '0.00', incomeYear: 2024 },
	members: [adult('1986-01-15')]
};

describe('nonRecoursSummary', () => {
	it('C01: RSA 6 881.88 + AL 3 658.08 + chèque énergie 194 + CSS 0 = 10 733.96 per year', () => {
		const s = nonRecoursSummary(evaluateBenefits(C01));
		expect(s.items.map((i) => [i.benefit, i.yearlyAmount])).toEqual([
			['rsa', '6881.88'],
			['al', '3658.08'],
			['cheque_energie', '194.00'],
			['css', '0.00']
		]);
		expect(s.totalYearly).toBe('10733.96');
		expect(s.count).toBe(4);
		expect(s.items[0].where).toMatch(/CAF/);
	});
	it('C09: the interim RSA is listed but left out of the total (AAH 12 499.08 + AL 3 440.52 + 194)', () => {
		const s = nonRecoursSummary(
			evaluateBenefits({
				...C01,
				zone: 3,
				housing: { status: 'tenant_private', rent: '400.00', arrears: false },
				members: [adult('1981-04-02', {}, { disabilityRate: 80 })]
			})
		);
		expect(s.items[0]).toMatchObject({ benefit: 'aah', yearlyAmount: '12499.08' });
		expect(s.items.find((i) => i.benefit === 'rsa')).toMatchObject({ interim: true });
		expect(s.totalYearly).toBe('16133.60');
	});
	it('received benefits are not in the summary', () => {
		const s = nonRecoursSummary(evaluateBenefits({ ...C01, received: ['rsa'] }));
		expect(s.items.map((i) => i.benefit)).not.toContain('rsa');
		expect(s.totalYearly).toBe('3852.08');
	});
});

describe('a caseload of varied households', () => {
	it('evaluates 1 000 varied households', () => {
		const profiles: HouseholdProfile[] = [];
		for (let i = 0; i < 1000; i++) {
			const members = [adult('1970-01-01', { salary: `${(i * 7) % 2500}.00` })];
			if (i % 2) members.push(partner('1972-05-05', { pension: `${(i * 3) % 900}.00` }));
			for (let k = 0; k < i % 4; k++) members.push(child(`${2008 + k * 4}-0${1 + (i % 9)}-15`));
			profiles.push({
				month: i % 3 ? '2026-07' : '2025-11',
				zone: ((i % 3) + 1) as 1 | 2 | 3,
				housing: { status: i % 5 ? 'tenant_private' : 'owner', rent: `${400 + (i % 400)}.00` },
				taxIncome: { rfr: `${(i * 37) % 40000}.00` },
				childSupportUnpaid: i % 7 === 0,
				members
			});
		}
		let total = 0;
		for (const p of profiles) total += nonRecoursSummary(evaluateBenefits(p)).count;
		// Speed is measured by `npm run bench` (caseload refresh), never by a timed test.
		expect(total).toBeGreaterThan(1000);
	});
});

describe('eur formatting', () => {
	it('writes the same text as formatEur', async () => {
		const { eur } = await import('$lib/server/benefits/context');
		const { formatEur } = await import('$lib/money');
		const Decimal = (await import('decimal.js')).default;
		for (const cents of [0, 5, -5, 99, 100, 12345, -12345, 123456789, -100000, 100000]) {
			expect(eur(new Decimal(cents).dividedBy(100))).toBe(formatEur(cents));
		}
	});
});
