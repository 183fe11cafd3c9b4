// Each kind of action: a synthetic household where it must appear, and one where it must not.
import { describe, expect, it } from 'vitest';
import { buildPlan, type PlanInput } from '$lib/server/coaching/plan';
import { AS_OF, benefit, budget, debt, emptyInput, fees, oscf, overdraft, overdrawn, series } from './fixtures';

/** formatEur and the French colon use no-break spaces: compare with plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const kinds = (input: PlanInput) => buildPlan(input).map((a) => a.kind);
const only = (input: PlanInput, kind: string) => buildPlan(input).filter((a) => a.kind === kind);

describe('an empty household', () => {
	it('has no action', () => {
		expect(buildPlan(emptyInput())).toEqual([]);
	});
});

describe('benefit_claim', () => {
	it('appears for an eligible benefit, with its amount, documents and link to the claim', () => {
		const [a] = only(emptyInput({ benefits: [benefit()] }), 'benefit_claim');
		expect(a.key).toBe('benefit:ppa');
		expect(a.monthlyImpact).toBe(29789);
		expect(a.oneOffImpact).toBeNull();
		expect(a.confidence).toBe('high');
		expect(plain(a.title)).toBe('Demander la prime d’activité : environ 297,89 € par mois');
		expect(a.step.documents).toEqual(['Vos trois derniers bulletins de salaire']);
		expect(a.step.target).toEqual({
			kind: 'external',
			url: 'https://www.caf.fr/ppa',
			label: 'Demander la prime d’activité (caf.fr)'
		});
		expect(plain(a.step.text)).toContain('CAF (ou MSA)');
	});
	it('counts a yearly or one-off benefit as one-off, and a "maybe" as medium confidence', () => {
		const [a] = buildPlan(
			emptyInput({ benefits: [benefit({ benefit: 'ars', period: 'once', amount: 87727, status: 'maybe' })] })
		);
		expect(a.monthlyImpact).toBeNull();
		expect(a.oneOffImpact).toBe(87727);
		expect(a.confidence).toBe('medium');
		expect(plain(a.title)).toBe('Vérifier votre droit à l’allocation de rentrée scolaire : environ 877,27 €');
	});
	it('names the benefit with its article: au RSA, aux allocations familiales; an admin’s new benefit by its label', () => {
		const titles = buildPlan(
			emptyInput({
				benefits: [
					benefit({ benefit: 'rsa', status: 'maybe', amount: null }),
					benefit({ benefit: 'af', status: 'maybe', amount: null }),
					benefit({ benefit: 'aide_locale', label: 'Aide locale', amount: null })
				]
			})
		).map((a) => plain(a.title));
		expect(titles.sort()).toEqual([
			'Demander : Aide locale',
			'Vérifier votre droit au RSA',
			'Vérifier votre droit aux allocations familiales'
		]);
	});
	it('does not appear without a benefit to claim', () => {
		expect(kinds(emptyInput({ benefits: [] }))).not.toContain('benefit_claim');
	});
});

describe('fee_refund', () => {
	it('appears with the amount above the caps; the step is the letter', () => {
		const [a] = only(emptyInput({ fees: fees() }), 'fee_refund');
		expect(a.oneOffImpact).toBe(4750);
		expect(plain(a.title)).toBe('Réclamer 47,50 € de frais bancaires au-delà des plafonds');
		expect(a.step.target).toEqual({ kind: 'fee_letter', fragile: false });
		expect(a.evidence).toContain(fees().reasons[0]);
	});
	it('asks for the reduced caps of a fragile client when the check applied them', () => {
		const [a] = only(emptyInput({ fees: fees({ status: 'fragile' }) }), 'fee_refund');
		expect(a.step.target).toEqual({ kind: 'fee_letter', fragile: true });
		expect(a.evidence[1]).toContain('clients fragiles');
	});
	it('does not appear when nothing was charged above the caps', () => {
		expect(kinds(emptyInput({ fees: fees({ reclaimable: 0, reasons: [] }) }))).not.toContain('fee_refund');
		expect(kinds(emptyInput({ fees: null }))).not.toContain('fee_refund');
	});
});

describe('oscf_request', () => {
	it('appears for a client fragile in law: the fees the OSCF caps avoid over 12 months, less its price', () => {
		const [a] = only(emptyInput({ oscf: oscf() }), 'oscf_request');
		// (400,00 − 47,50) / 12 = 29,37 (floor), less 3,00 € = 26,37 €
		expect(a.monthlyImpact).toBe(2637);
		expect(a.step.target).toEqual({ kind: 'fee_letter', fragile: true });
		expect(a.evidence.join(' ')).toContain('Incidents répétés');
	});
	it('does not appear when the signals do not say the bank should offer it', () => {
		expect(kinds(emptyInput({ oscf: oscf({ regulatoryFragile: false }) }))).not.toContain('oscf_request');
	});
	it('does not appear when the saving does not pay for the offer', () => {
		expect(kinds(emptyInput({ oscf: oscf({ reclaimableIfOscf: 5000, reclaimableNow: 4750 }) }))).not.toContain(
			'oscf_request'
		);
	});
});

describe('overdraft_avoid', () => {
	it('appears with the day and the amount, urgent, and names the debit to move after the income', () => {
		const [a] = only(emptyInput({ overdraft: overdraft() }), 'overdraft_avoid');
		expect(plain(a.title)).toBe('Éviter le découvert prévu le 05/12/2026 (-84,50 €)');
		expect(a.urgent).toBe(true);
		expect(a.dueDate).toBe('2026-12-05');
		expect(a.confidence).toBe('high');
		expect(a.oneOffImpact).toBe(1200);
		expect(plain(a.step.options[0])).toBe(
			'Demander à EDF de prélever 110,00 € après le 06/12/2026 (arrivée de CAF) au lieu du 04/12/2026 : la lettre nomme ce prélèvement.'
		);
		expect(a.step.target).toEqual({ kind: 'debit_letter', series: '1:out:edf' });
	});
	it('leads to the forecast when the debit to move is not a recurring series’', () => {
		const debits = [{ label: 'Achat', date: '2026-12-04', amount: -11000, series: null }];
		const [a] = only(emptyInput({ overdraft: overdraft({ debits }) }), 'overdraft_avoid');
		expect(a.step.target).toEqual({ kind: 'forecast' });
	});
	it('is not urgent beyond two weeks', () => {
		const [a] = only(emptyInput({ overdraft: overdraft({ date: '2027-01-20' }) }), 'overdraft_avoid');
		expect(a.urgent).toBe(false);
		expect(a.confidence).toBe('medium');
	});
	it('does not appear without a projected overdraft', () => {
		expect(kinds(emptyInput({ overdraft: null }))).not.toContain('overdraft_avoid');
	});
});

describe('overdraft_exit', () => {
	it('appears for an account already overdrawn: 30 days of its interest a month, urgent today, the letter', () => {
		const [a] = only(emptyInput({ overdrawn: overdrawn() }), 'overdraft_exit');
		expect(plain(a.title)).toBe('Sortir du découvert (-245,10 € depuis le 06/11/2026)');
		// 11 cents of interest a day (16 % a year on 245,10 €: 245,10 × 0,16 / 365 = 0,107 €) × 30 days
		expect(a.monthlyImpact).toBe(330);
		expect(a.urgent).toBe(true);
		expect(a.dueDate).toBe(AS_OF);
		expect(a.step.target).toEqual({ kind: 'debit_letter', series: '1:out:sfr' });
		expect(plain(a.step.options[0])).toBe(
			'Demander à SFR de prélever 29,99 € après le 05/12/2026 (arrivée de France Travail) au lieu du 02/12/2026 : la lettre nomme ce prélèvement.'
		);
		expect(a.evidence.map(plain)).toContain('L’effet estimé compte 30 jours d’agios (0,11 € par jour).');
	});
	it('comes before a coming overdraft and any other action; says the commissions beyond the limit', () => {
		const input = emptyInput({
			overdrawn: overdrawn({ beyondLimit: true }),
			overdraft: overdraft(),
			fees: fees({ reclaimable: 90000 })
		});
		const plan = buildPlan(input);
		expect(plan.map((a) => a.kind).slice(0, 2)).toEqual(['overdraft_exit', 'overdraft_avoid']);
		expect(plan[0].evidence.map(plain)).toContain(
			'L’effet estimé compte 30 jours d’agios (0,11 € par jour) ; les commissions d’intervention s’y ajoutent.'
		);
	});
	it('proposes no debit to move when the income arrives the same day as the debits', () => {
		const income = { label: 'CAF', date: '2026-12-01', amount: 60000 };
		const [a] = only(emptyInput({ overdrawn: overdrawn({ nextIncome: income }) }), 'overdraft_exit');
		expect(a.step.target).toEqual({ kind: 'forecast' });
		expect(a.step.options.some((o) => o.includes('la lettre nomme'))).toBe(false);
	});
	it('proposes no debit to move when the next income does not bring the account back above zero', () => {
		for (const backToPositive of [null, '2027-01-20']) {
			const [a] = only(emptyInput({ overdrawn: overdrawn({ backToPositive }) }), 'overdraft_exit');
			expect(a.step.target).toEqual({ kind: 'forecast' });
			expect(a.step.options.some((o) => o.includes('la lettre nomme'))).toBe(false);
		}
		// back to positive two days after the income (05/12): the income clears it, the letter is offered
		const [a] = only(emptyInput({ overdrawn: overdrawn({ backToPositive: '2026-12-07' }) }), 'overdraft_exit');
		expect(a.step.target).toEqual({ kind: 'debit_letter', series: '1:out:sfr' });
	});
	it('does not appear when the account is not overdrawn; no cushion while it is', () => {
		expect(kinds(emptyInput({ overdrawn: null }))).not.toContain('overdraft_exit');
		const budget = { month: '2026-10', resteAVivre: 120000, rsaFloor: 64652, fixedCharges: 90000, creditCharges: 0 };
		expect(kinds(emptyInput({ overdrawn: overdrawn(), budget }))).not.toContain('safety_cushion');
		expect(kinds(emptyInput({ budget }))).toContain('safety_cushion');
	});
});

describe('priority_debt', () => {
	it('appears with arrears on rent; the step is an appointment, credits come after', () => {
		const credit = debt({
			id: 2,
			creditor: 'Cofidis',
			kind: 'credit_conso',
			kindLabel: 'Crédit',
			priority: false,
			arrears: 0,
			instalment: 9000
		});
		const [a] = only(emptyInput({ debts: [debt(), credit] }), 'priority_debt');
		expect(plain(a.title)).toBe('Traiter d’abord les dettes prioritaires : 1 200,00 € d’impayés');
		expect(a.urgent).toBe(true);
		expect(a.step.target).toEqual({ kind: 'appointment' });
		expect(a.evidence.join(' ')).toContain('Cofidis');
	});
	it('does not appear without arrears, for a settled debt, or for arrears of a consumer credit', () => {
		expect(kinds(emptyInput({ debts: [debt({ arrears: 0 })] }))).not.toContain('priority_debt');
		expect(kinds(emptyInput({ debts: [debt({ status: 'soldee' })] }))).not.toContain('priority_debt');
		const credit = debt({ kind: 'credit_conso', priority: false, arrears: 50000 });
		expect(kinds(emptyInput({ debts: [credit] }))).not.toContain('priority_debt');
	});
});

describe('subscription_check', () => {
	it('appears for a new recurring debit', () => {
		const s = series({ key: 'k-new', payee: 'Basic Fit', occurrences: 2, amounts: [-2999, -2999], amount: -2999 });
		const [a] = only(emptyInput({ series: [s] }), 'subscription_check');
		expect(a.key).toBe('subscription:new:k-new');
		expect(a.monthlyImpact).toBe(2999);
	});
	it('appears for a price rise of a series', () => {
		const s = series({ amounts: [-1399, -1399, -1399, -1399, -1399, -1799, -1799, -1799], amount: -1399 });
		const [a] = only(emptyInput({ series: [s] }), 'subscription_check');
		expect(a.key).toBe('subscription:rise:1:out:NETFLIX');
		expect(plain(a.title)).toBe('Netflix a augmenté de 4,00 € par mois');
		expect(a.monthlyImpact).toBe(400);
	});
	it('appears for two phone lines', () => {
		const a1 = series({ key: 'a', payee: 'Free Mobile', category: 'fixed.telecom', amount: -1999 });
		const a2 = series({ key: 'b', payee: 'SFR', category: 'fixed.telecom', amount: -2499 });
		const [a] = only(emptyInput({ series: [a1, a2] }), 'subscription_check');
		expect(a.key).toBe('subscription:duplicate:fixed.telecom');
		expect(a.monthlyImpact).toBe(1999);
	});
	it('does not appear for a steady old series, a small rise, one phone line or a new rent', () => {
		const steady = series();
		const small = series({ key: 's', amounts: [-1399, -1399, -1399, -1420] });
		const phone = series({ key: 'p', payee: 'Free', category: 'fixed.telecom' });
		const rent = series({
			key: 'r',
			payee: 'Paris Habitat',
			category: 'housing.rent',
			occurrences: 1,
			amounts: [-60000]
		});
		expect(kinds(emptyInput({ series: [steady, small, phone, rent] }))).not.toContain('subscription_check');
	});
});

describe('safety_cushion', () => {
	it('appears when the reste à vivre leaves room above the RSA floor, with the month it covers one bad month', () => {
		const [a] = only(emptyInput({ budget: budget() }), 'safety_cushion');
		// a tenth of 1 100,00 − 646,00 = 45,40 € a month; 1 000,00 € of charges take 23 months
		expect(plain(a.title)).toBe('Mettre 45,40 € de côté chaque mois');
		expect(plain(a.step.text)).toContain('en 23 mois (octobre 2028)');
	});
	it('is capped at 50 € a month', () => {
		const [a] = only(emptyInput({ budget: budget({ resteAVivre: 300000 }) }), 'safety_cushion');
		expect(plain(a.title)).toBe('Mettre 50,00 € de côté chaque mois');
	});
	it('does not appear below the RSA floor, with too little room, or when an overdraft or arrears come first', () => {
		expect(kinds(emptyInput({ budget: budget({ resteAVivre: 60000 }) }))).not.toContain('safety_cushion');
		expect(kinds(emptyInput({ budget: budget({ resteAVivre: 70000 }) }))).not.toContain('safety_cushion');
		expect(kinds(emptyInput({ budget: budget(), overdraft: overdraft() }))).not.toContain('safety_cushion');
		expect(kinds(emptyInput({ budget: budget(), debts: [debt()] }))).not.toContain('safety_cushion');
	});
});

it('uses the date it is given, not the clock', () => {
	expect(AS_OF).toBe('2026-11-28');
	const a = buildPlan(emptyInput({ overdraft: overdraft() }));
	const b = buildPlan(emptyInput({ overdraft: overdraft() }));
	expect(a).toEqual(b);
});
