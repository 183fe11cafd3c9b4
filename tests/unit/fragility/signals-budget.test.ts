import { describe, expect, it } from 'vitest';
import { budgetFacts, budgetSignals } from '$lib/server/fragility/signals-budget';
import { fragilitySignals } from '$lib/server/fragility/signals';
import { indicatorParametersAt } from '$lib/server/fragility/parameters';
import type { SignalTx } from '$lib/server/fragility/signal-facts';

const P = indicatorParametersAt('2026-12-01');
const AS_OF = '2026-12-03';
const MONTHS = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];

interface MonthPlan {
	salary?: number;
	rent?: boolean;
	energy?: boolean;
	groceries?: number;
	savings?: number;
}

/** A steady household: salary 1 500 € on the 28th, rent 600 € on the 5th, EDF 85 € on the 10th, groceries. */
function household(plan: (m: string) => MonthPlan = () => ({})): SignalTx[] {
	const txs: SignalTx[] = [];
	for (const m of MONTHS) {
		const p = plan(m);
		const rent = p.rent ?? true;
		const energy = p.energy ?? true;
		if (rent)
			txs.push({
				date: `${m}-05`,
				amount: -60000,
				category: 'housing.rent',
				normalisedLabel: 'PRLV FONCIA',
				payee: 'Foncia'
			});
		if (energy)
			txs.push({
				date: `${m}-10`,
				amount: -8500,
				category: 'housing.energy',
				normalisedLabel: 'PRLV EDF',
				payee: 'EDF'
			});
		txs.push({
			date: `${m}-15`,
			amount: -(p.groceries ?? 50000),
			category: 'daily.groceries',
			normalisedLabel: 'CB LIDL',
			payee: 'Lidl'
		});
		if (p.savings)
			txs.push({
				date: `${m}-20`,
				amount: -p.savings,
				category: 'transfer.savings',
				normalisedLabel: 'VIR LIVRET A',
				payee: null
			});
		txs.push({
			date: `${m}-28`,
			amount: p.salary ?? 150000,
			category: 'income.salary',
			normalisedLabel: 'VIR SALAIRE ACME',
			payee: 'Acme'
		});
	}
	// The statement was downloaded on 29/11: November counts as complete (3 days of slack).
	return txs;
}

/** Messages with ordinary spaces (the formatter puts non-breaking ones in amounts). */
const plain = (s: string | undefined) => s?.replace(/[\u00a0\u202f]/g, ' ');

const ids = (txs: SignalTx[]) => budgetSignals(txs, AS_OF, P).map((s) => s.id);

describe('complete months', () => {
	it('counts a month covered to within 3 days of its end, never the month of the analysis', () => {
		expect(budgetFacts(household(), AS_OF).complete).toEqual(MONTHS);
		// a statement that stops on 15/11: November is not complete
		const cut = household().filter((t) => t.date <= '2026-11-15');
		expect(budgetFacts(cut, AS_OF).complete.at(-1)).toBe('2026-10');
		// analysed on 20/11: November is the current month
		expect(budgetFacts(household(), '2026-11-20').complete.at(-1)).toBe('2026-10');
	});
});

describe('F11 income shock', () => {
	it('fires as watch when the last month is below 75 % of the 6-month median', () => {
		// median of May–Oct = 1 500 €; 75 % = 1 125 €; November 1 100 € < 1 125 €
		const txs = household((m) => (m === '2026-11' ? { salary: 110000 } : {}));
		const s = budgetSignals(txs, AS_OF, P).find((x) => x.id === 'F11_income_shock');
		expect(s?.level).toBe('watch');
		expect(s?.amount).toBe(150000 - 110000);
		expect(plain(s?.message)).toBe('Ressources de novembre 2026 : 1 100,00 €, contre 1 500,00 € d’habitude.');
		expect(s?.evidence.map((i) => txs[i].date)).toEqual(['2026-11-28']);
	});
	it('turns fragile after two months running', () => {
		// October 1 000 € < 1 125 € (median May–Sep 1 500 €); November 1 000 € < 75 % of the median of
		// May–Oct (1 500 €, October included) → both months shocked
		const txs = household((m) => (m >= '2026-10' ? { salary: 100000 } : {}));
		const s = budgetSignals(txs, AS_OF, P).find((x) => x.id === 'F11_income_shock');
		expect(s?.level).toBe('fragile');
		expect(s?.count).toBe(2);
		expect(plain(s?.message)).toContain('la baisse dure depuis 2 mois');
	});
	it('does not fire at exactly 75 %, after a recovery, or without 3 months of history', () => {
		// 1 125 € = 75 % of 1 500 €: not below
		expect(ids(household((m) => (m === '2026-11' ? { salary: 112500 } : {})))).not.toContain('F11_income_shock');
		// October low, November back to normal
		expect(ids(household((m) => (m === '2026-10' ? { salary: 50000 } : {})))).not.toContain('F11_income_shock');
		// only Sep, Oct, Nov: two months before November
		const short = household((m) => (m === '2026-11' ? { salary: 50000 } : {})).filter((t) => t.date >= '2026-09-01');
		expect(ids(short)).not.toContain('F11_income_shock');
	});
});

describe('F16 missing priority payment', () => {
	it('fires when the rent paid in Aug, Sep and Oct is absent in November', () => {
		const txs = household((m) => (m === '2026-11' ? { rent: false } : {}));
		const s = budgetSignals(txs, AS_OF, P).find((x) => x.id === 'F16_missing_priority_payment');
		expect(s?.level).toBe('high');
		expect(plain(s?.message)).toBe(
			'« Foncia » (loyer, 600,00 €) : payé chaque mois jusqu’ici, absent en novembre 2026. Vérifier qu’un impayé ne commence pas.'
		);
		expect(s?.evidence.map((i) => txs[i].date)).toEqual(['2026-08-05', '2026-09-05', '2026-10-05']);
	});
	it('does not fire when the debit was paid, is bimonthly, or came early in the next month', () => {
		expect(ids(household())).not.toContain('F16_missing_priority_payment');
		// EDF every other month: never three months running
		const bimonthly = household((m) => ({ energy: Number(m.slice(5)) % 2 === 0 }));
		expect(ids(bimonthly)).not.toContain('F16_missing_priority_payment');
		// November's rent debited on 01/12
		const late = household((m) => (m === '2026-11' ? { rent: false } : {}));
		late.push({
			date: '2026-12-01',
			amount: -60000,
			category: 'housing.rent',
			normalisedLabel: 'PRLV FONCIA',
			payee: 'Foncia'
		});
		expect(ids(late)).not.toContain('F16_missing_priority_payment');
	});
});

describe('F17 structural deficit', () => {
	it('fires after three months of spending above resources', () => {
		// Sep–Nov: 1 500 − 600 − 85 − 900 = −85 € a month
		const txs = household((m) => (m >= '2026-09' ? { groceries: 90000 } : {}));
		const s = budgetSignals(txs, AS_OF, P).find((x) => x.id === 'F17_structural_deficit');
		expect(s?.level).toBe('fragile');
		expect(s?.amount).toBe(8500);
		expect(plain(s?.message)).toBe(
			'Plus de dépenses que de ressources 3 mois de suite (85,00 € de déficit par mois en moyenne, hors virements entre ses comptes).'
		);
	});
	it('does not fire after two months, or when the deficit is money put on savings', () => {
		expect(ids(household((m) => (m >= '2026-10' ? { groceries: 90000 } : {})))).not.toContain('F17_structural_deficit');
		// 1 500 − 600 − 85 − 500 = +315 € before a 400 € transfer to the Livret A: not a deficit
		expect(ids(household(() => ({ savings: 40000 })))).not.toContain('F17_structural_deficit');
	});
});

describe('fragilitySignals', () => {
	it('lists the cash-flow signals with the bank-line ones, silence last', () => {
		const txs = household((m) => (m === '2026-11' ? { rent: false, salary: 60000 } : {}));
		const r = fragilitySignals({ txs, asOf: AS_OF, lastImportDate: '2026-10-01' });
		const list = r.signals.map((s) => s.id);
		expect(list).toEqual(['F11_income_shock', 'F16_missing_priority_payment', 'F18_silence']);
		expect(r.level).toBe('high');
	});
});
