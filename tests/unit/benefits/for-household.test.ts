// forHousehold: the plain sentence, the "why not", the next step, the documents and the claim link of every
// result, built from the household's answers (no engine id, no formula).
import { describe, expect, it } from 'vitest';
import {
	BENEFIT_IDS,
	DEFAULT_BENEFIT_DEFINITIONS,
	evaluateBenefits,
	type BenefitDefinition,
	type HouseholdProfile
} from '$lib/server/benefits';
import { adult, child, get, partner, plain } from './helpers';

const M = '2026-07';
// C15 of benefits.md: single parent, children 8 and 12, salary 1 300, no child support, rent 650 zone 2.
const c15: HouseholdProfile = {
	month: M,
	zone: 2,
	housing: { status: 'tenant_private', rent: '650.00' },
	taxIncome: { rfr: '14040.00', incomeYear: 2024 },
	childSupportUnpaid: true,
	members: [adult('1990-03-03', { salary: '1300.00' }), child('2018-01-05'), child('2014-02-20')]
};
const profiles: HouseholdProfile[] = [
	c15,
	{
		month: M,
		zone: 2,
		housing: { status: 'tenant_private', rent: '450.00' },
		taxIncome: { rfr: '0.00' },
		members: [adult('1986-01-15')]
	},
	{
		month: '2025-03',
		housing: { status: 'owner' },
		taxIncome: { rfr: '9000.00' },
		members: [adult('1950-01-01', { pension: '600.00' }, { activity: 'retired' }), partner('1952-01-01')]
	},
	{ month: '2024-11', members: [adult('1990-01-01', {}, { disabilityRate: 80 })] }
];
const ENGINE_WORDS =
	/\b(rsa|ppa|al|af|cf|ars|asf|paje|aah|aspa|asi|ass|css|smic|bmaf|crds)\.[a-z_]|×|=|\bnull\b|undefined/;

describe('forHousehold on every result', () => {
	for (const p of profiles) {
		const res = evaluateBenefits(p);
		it(`${p.month}, ${p.members.length} person(s): one plain sentence, why-not, next step, documents, link`, () => {
			expect(res.results.map((r) => r.benefit).sort()).toEqual([...BENEFIT_IDS].sort());
			for (const r of res.results) {
				const h = r.forHousehold;
				expect(h.summary, r.benefit).toMatch(/^[A-ZÀ-Ý].*[.?]$/);
				expect(h.summary, r.benefit).not.toMatch(ENGINE_WORDS);
				expect(h.whyNot, r.benefit).toBe(r.status === 'not_eligible' ? h.summary : null);
				expect(h.nextStep.length, r.benefit).toBeGreaterThan(10);
				const claimable = r.status === 'eligible' || r.status === 'maybe';
				expect(h.documents.length > 0, r.benefit).toBe(claimable && r.claim.documents.length > 0);
				if (claimable && r.benefit !== 'prime_noel') expect(h.link?.url, r.benefit).toMatch(/^https:\/\//);
				if (!claimable) expect(h.link, r.benefit).toBeNull();
			}
		});
	}

	it('C15: the ASF sentence says the situation, the amount and links to the online claim', () => {
		const asf = get(evaluateBenefits(c15), 'asf');
		// 2 × 478.16 × 0.422 = 2 × 201.78 = 403.56 → 401.54 after CRDS.
		expect(plain(asf.forHousehold.summary)).toBe(
			'Vous élevez deux enfants sans l’autre parent, qui ne verse pas de pension : l’allocation de soutien familial vous verserait environ 401,54 € par mois.'
		);
		expect(asf.forHousehold.link).toMatchObject({ kind: 'online' });
		expect(asf.forHousehold.documents).toContain('RIB');
	});

	it('says why not: AF with one child, RSA above the guaranteed amount', () => {
		const single = evaluateBenefits({
			month: M,
			taxIncome: { rfr: '0.00' },
			childSupportUnpaid: false,
			members: [adult('1990-01-01', { salary: '1500.00' }), child('2020-01-01')]
		});
		expect(plain(get(single, 'af').forHousehold.whyNot ?? '')).toBe(
			'Les allocations familiales sont versées à partir de deux enfants à charge de moins de 20 ans ; vous n’en déclarez qu’un.'
		);
		expect(plain(get(single, 'rsa').forHousehold.whyNot ?? '')).toMatch(
			/^Les ressources de votre foyer \(1 500,00 € par mois.*\) atteignent le montant garanti par le RSA pour un foyer de 2 personnes/
		);
	});

	it('a RSA that only an ASF still to confirm cancels is maybe, with the amount without it', () => {
		// Single parent, child of 6, salary 800, support unknown: MF 651.69 × 1.5 = 977.54; ASF possible counted
		// 478.16 × 0.225 = 107.59; FL none (no housing answer): 977.54 − 800 − 107.59 = 69.95 (≥ 6: eligible, maybe).
		// With salary 900: 977.54 − 900 − 107.59 < 0, but 977.54 − 900 = 77.54 without the ASF: maybe, no amount.
		const kid = (salary: string): HouseholdProfile => ({
			month: M,
			taxIncome: { rfr: '0.00' },
			members: [adult('1990-01-01', { salary }), child('2020-01-01')]
		});
		expect(get(evaluateBenefits(kid('800.00')), 'rsa')).toMatchObject({ status: 'maybe', amount: '69.95' });
		const rsa = get(evaluateBenefits(kid('900.00')), 'rsa');
		expect(rsa).toMatchObject({ status: 'maybe', amount: null });
		expect(plain(rsa.forHousehold.summary)).toMatch(/sans elle, il vous reviendrait environ 77,54 € par mois/);
	});

	it('received benefits say so, and there is nothing to claim', () => {
		const af = get(evaluateBenefits({ ...c15, received: ['af'] }), 'af');
		expect(plain(af.forHousehold.summary)).toBe(
			'Vous touchez déjà : allocations familiales (environ 152,24 € par mois).'
		);
		expect(af.forHousehold).toMatchObject({ whyNot: null, link: null, documents: [] });
	});

	it('a maybe asks its question as the next step', () => {
		const rsa = get(evaluateBenefits({ month: M, members: [adult('2004-01-01')] }), 'rsa');
		expect(rsa.status).toBe('maybe');
		expect(plain(rsa.forHousehold.nextStep)).toMatch(
			/^Pour le savoir, répondez à cette question : Avez-vous travaillé au moins 3 214 heures/
		);
	});

	it('a definition published before claim links existed gets the seed links', () => {
		const old: BenefitDefinition[] = DEFAULT_BENEFIT_DEFINITIONS.map((d) => ({
			...d,
			claim: { where: d.claim.where, url: d.claim.url, how: d.claim.how, documents: d.claim.documents }
		}));
		const rsa = get(evaluateBenefits(profiles[1], undefined, { definitions: old }), 'rsa');
		expect(rsa.forHousehold.link?.url).toBe('https://wwwd.caf.fr/redirect/s/Redirect?page=demandeRsa');
		expect(rsa.claim.links?.length).toBe(2);
	});
});
