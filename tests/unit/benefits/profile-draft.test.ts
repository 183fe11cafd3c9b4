// The short profile's draft answers from statements and notes: each one must come from what the data
// shows, with its reason, and nothing may be drafted from too little (a partial month, no category).
import { describe, expect, it } from 'vitest';
import { draftProfile, type DraftTransaction } from '$lib/server/benefits/profile-draft';

const tx = (date: string, euros: number, label: string, category: string, payee: string | null = null) =>
	({ date, amount: Math.round(euros * 100), label, payee, category }) satisfies DraftTransaction;

/** Three complete months (September to November 2026) of a single mother in social housing. */
function months(): DraftTransaction[] {
	const out: DraftTransaction[] = [];
	for (const [m, salary] of [
		['2026-09', 1180.4],
		['2026-10', 1212.9],
		['2026-11', 1195.0]
	] as const) {
		out.push(tx(`${m}-01`, -18.5, 'CB BOULANGERIE', 'food.groceries'));
		out.push(tx(`${m}-03`, salary, 'VIR SALAIRE SARL DUPUIS', 'income.salary', 'SARL DUPUIS'));
		out.push(tx(`${m}-05`, -512.3, 'PRLV OPH BORDEAUX METROPOLE LOYER', 'housing.rent', 'OPH Bordeaux Métropole'));
		out.push(tx(`${m}-05`, 148.12, 'VIR CAF DE LA GIRONDE AF', 'income.family_benefits', 'CAF'));
		out.push(tx(`${m}-06`, 212.0, 'VIR CAF GIRONDE APL', 'income.housing_benefit', 'CAF'));
	}
	return out;
}

describe('the short profile drafted from statements', () => {
	it('takes the monthly median of salaries and rent, the social landlord, the benefits received', () => {
		const d = draftProfile({ month: '2026-12', transactions: months(), firstDate: '2026-09-01' });
		expect(d.months).toEqual(['2026-09', '2026-10', '2026-11']);
		// median of 1180,40 / 1212,90 / 1195,00
		expect(d.values.applicantSalary).toBe('1195,00');
		expect(d.values.applicantActivity).toBe('employed');
		expect(d.hints.applicantSalary).toMatch(/1\s195,00\s€ par mois en moyenne \(salaires, SARL DUPUIS\)/);
		expect(d.values.rent).toBe('512,30');
		expect(d.values.housing).toBe('tenant_social');
		expect([...(d.values.received as string[])].sort()).toEqual(['af', 'al']);
		expect(d.values.applicantUnemployment).toBeUndefined();
	});

	it('a private landlord makes a private tenant; a mortgage an owner with a loan', () => {
		const priv = months().map((t) =>
			t.category === 'housing.rent' ? { ...t, label: 'VIR M. LEROY LOYER', payee: 'M. Leroy' } : t
		);
		expect(draftProfile({ month: '2026-12', transactions: priv }).values.housing).toBe('tenant_private');
		const owner = months().map((t) =>
			t.category === 'housing.rent' ? { ...t, category: 'housing.mortgage', payee: 'CREDIT AGRICOLE PRET' } : t
		);
		const d = draftProfile({ month: '2026-12', transactions: owner });
		expect(d.values.housing).toBe('owner_with_loan');
		expect(d.values.rent).toBeUndefined();
	});

	it('leaves out a partial first month and the current month', () => {
		// statements start on 14 October: only November is complete; December is the current month
		const txs = months().filter((t) => t.date >= '2026-10-14');
		txs.push(tx('2026-12-02', 2500, 'VIR SALAIRE PRIME', 'income.salary'));
		const d = draftProfile({ month: '2026-12', transactions: txs });
		expect(d.months).toEqual(['2026-11']);
		expect(d.values.applicantSalary).toBe('1195,00');
	});

	it('drafts nothing from no statements, and an unemployed or retired person’s situation from their income', () => {
		expect(draftProfile({ month: '2026-12', transactions: [] }).values).toEqual({});
		const unemployed = [
			tx('2026-10-01', 0.01, 'INTERETS', 'income.other'),
			tx('2026-10-28', 980.6, 'FRANCE TRAVAIL ARE', 'income.unemployment', 'France Travail'),
			tx('2026-11-28', 980.6, 'FRANCE TRAVAIL ARE', 'income.unemployment', 'France Travail')
		];
		const d = draftProfile({ month: '2026-12', transactions: unemployed });
		expect(d.values).toMatchObject({ applicantUnemployment: '980,60', applicantActivity: 'unemployed_benefit' });
		// seen in 2 of the 3 months: the median counts it; seen once, it would be a one-off, not an income
		const retired = [
			tx('2026-10-09', 1040, 'CARSAT RETRAITE', 'income.pension', 'CARSAT'),
			tx('2026-11-09', 1040, 'CARSAT RETRAITE', 'income.pension', 'CARSAT')
		];
		expect(draftProfile({ month: '2026-12', transactions: retired, firstDate: '2026-01-01' }).values).toMatchObject({
			applicantPension: '1040,00',
			applicantActivity: 'retired'
		});
	});

	it('reads the couple and the children’s ages from the newest note that says them', () => {
		const d = draftProfile({
			month: '2026-12',
			transactions: [],
			notes: ['RDV : Mme vit seule avec ses enfants de 4 et 9 ans depuis la séparation.', 'Couple marié.']
		});
		expect(d.values.couple).toBe('no');
		expect(d.values.children).toBe('4, 9');
		const count = draftProfile({ month: '2026-12', transactions: [], notes: ['Famille en couple, trois enfants.'] });
		expect(count.values.couple).toBe('yes');
		expect(count.values.children).toBeUndefined();
		expect(count.hints.children).toBe('Les notes de votre conseillère parlent de 3 enfants : indiquez leurs âges.');
		expect(draftProfile({ month: '2026-12', transactions: [], notes: ['Impayé EDF.'] }).values).toEqual({});
	});
});
