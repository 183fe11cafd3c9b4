import { describe, expect, it } from 'vitest';
import { fileRegistration, indicatorSignals } from '$lib/server/fragility/signals-situation';
import { fragilitySignals } from '$lib/server/fragility/signals';
import { feeClaimMessage } from '$lib/server/fragility/format';
import { indicatorParametersAt } from '$lib/server/fragility/parameters';
import type { SignalTx } from '$lib/server/fragility/signal-facts';
import type { HouseholdComposition } from '$lib/server/fragility/household';

// Parameters of 2025-04-01 (still in force): RSA of a single adult 646,52 €, poverty line 1 288 € per UC,
// bank zone 1 500 €, reste à vivre 145 € per UC, debt ratio 35 % / 50 %, housing effort 33 % / 40 %.
const P = indicatorParametersAt('2026-12-01');
const AS_OF = '2026-12-03';
const MONTHS = ['2026-08', '2026-09', '2026-10', '2026-11'];
const ALONE: HouseholdComposition & { known: boolean } = { adults: 1, children: [], known: true };

interface Plan {
	salary: number;
	rent?: number;
	credit?: number;
}

/** One adult: rent on the 1st, salary on the 28th, a credit instalment on the 10th; August to November. */
function household(plan: Plan, months = MONTHS): SignalTx[] {
	const txs: SignalTx[] = [];
	for (const m of months) {
		if (plan.rent)
			txs.push({
				date: `${m}-01`,
				amount: -plan.rent,
				category: 'housing.rent',
				normalisedLabel: 'PRLV OPAC',
				payee: 'OPAC'
			});
		if (plan.credit)
			txs.push({
				date: `${m}-10`,
				amount: -plan.credit,
				category: 'credit.consumer',
				normalisedLabel: 'PRLV COFIDIS',
				payee: 'Cofidis'
			});
		txs.push({
			date: `${m}-28`,
			amount: plan.salary,
			category: 'income.salary',
			normalisedLabel: 'VIR SALAIRE',
			payee: 'ACME'
		});
	}
	return txs;
}

const ids = (txs: SignalTx[], composition = ALONE) =>
	indicatorSignals({ txs, asOf: AS_OF, composition }, P).map((s) => `${s.id}:${s.level}`);

describe('indicator signals F10, F12, F13, F15 (last three complete months)', () => {
	it('600 € of salary and 300 € of rent: resources below the RSA, reste à vivre below it, housing 50 %', () => {
		// R = 600 < 646,52 (RSA) → F10 critical; RAV = 600 − 300 = 300 < 646,52 → F12 high;
		// effort = 300 / 600 = 50 % > 40 % → F15 high; no credit → no F13.
		expect(ids(household({ salary: 60000, rent: 30000 }))).toEqual([
			'F10_low_resources:critical',
			'F12_reste_a_vivre:high',
			'F15_housing_effort:high'
		]);
	});

	it('1 200 € alone is under the poverty line (1 288 € per UC): fragile; 1 400 € is the bank zone: watch', () => {
		expect(ids(household({ salary: 120000 }))).toEqual(['F10_low_resources:fragile']);
		expect(ids(household({ salary: 140000 }))).toEqual(['F10_low_resources:watch']);
	});

	it('a couple with two children on 1 400 €: UC 1 + 0,5 + 0,3 × 2 = 2,1, 667 € per UC → fragile, not watch', () => {
		const family = { adults: 2, children: [{ age: 5 }, { age: 8 }], known: true };
		// 1 400 > 1 357,70 € (RSA of a couple with 2 children), so not critical; no charges, so the reste à
		// vivre is 1 400 € ≥ 1 357,70 € and 666,67 € per UC ≥ 145 €: no F12.
		expect(ids(household({ salary: 140000 }), family)).toEqual(['F10_low_resources:fragile']);
	});

	it('debt ratio: 800 € of credit on 2 000 € is 40 % (watch), 1 100 € is 55 % (high), 600 € is 30 % (none)', () => {
		// 2 000 − 800 = 1 200 € left: above 646,52 € and 145 € per UC, so no F12.
		expect(ids(household({ salary: 200000, credit: 80000 }))).toEqual(['F13_debt_ratio:watch']);
		// 2 000 − 1 100 = 900 € left: still above the floors.
		expect(ids(household({ salary: 200000, credit: 110000 }))).toEqual(['F13_debt_ratio:high']);
		expect(ids(household({ salary: 200000, credit: 60000 }))).toEqual([]);
	});

	it('housing effort: 700 € of rent on 2 000 € is 35 % (watch); 600 € is 30 % (none)', () => {
		expect(ids(household({ salary: 200000, rent: 70000 }))).toEqual(['F15_housing_effort:watch']);
		expect(ids(household({ salary: 250000, rent: 60000 }))).toEqual([]);
	});

	it('the evidence of F13 is the credit instalments of the three months, not the older one', () => {
		const txs = household({ salary: 200000, credit: 110000 });
		const f13 = indicatorSignals({ txs, asOf: AS_OF, composition: ALONE }, P)[0];
		expect(f13.evidence.map((i) => txs[i].date)).toEqual(['2026-09-10', '2026-10-10', '2026-11-10']);
	});

	it('nothing without a composition, with two complete months, or without any income', () => {
		const low = household({ salary: 60000, rent: 30000 });
		expect(indicatorSignals({ txs: low, asOf: AS_OF }, P)).toEqual([]);
		expect(ids(household({ salary: 60000, rent: 30000 }, ['2026-10', '2026-11']))).toEqual([]);
		// No income at all: nothing to compare with (a missing income has its own alert); ratios are undefined.
		expect(ids(low.filter((t) => t.amount < 0))).toEqual([]);
	});

	it('a history starting on the 20th does not count its first month', () => {
		// Salary in August only on the 28th; rent on the 1st is missing since the file starts on 08-20:
		// September–November still give three complete months, August would have been partial.
		const txs = household({ salary: 60000, rent: 30000 }).filter((t) => t.date >= '2026-08-20');
		expect(ids(txs)).toContain('F10_low_resources:critical');
		const short = household({ salary: 60000, rent: 30000 }, ['2026-09', '2026-10', '2026-11']).filter(
			(t) => t.date >= '2026-09-20'
		);
		expect(ids(short)).toEqual([]);
	});

	it('an unknown composition says the figures assume one adult alone', () => {
		const [f10] = indicatorSignals(
			{ txs: household({ salary: 60000 }), asOf: AS_OF, composition: { ...ALONE, known: false } },
			P
		);
		expect(f10.message).toContain('Composition du foyer inconnue');
		expect(f10.message).toContain('600,00');
	});
});

describe('F4 registration in a file', () => {
	it('an FICP registration in force makes the household fragile in law', () => {
		const s = fileRegistration([{ kind: 'ficp', since: '2026-03-12', until: null }], AS_OF);
		expect(s?.level).toBe('fragile');
		expect(s?.title).toBe('Inscrit au FICP');
		expect(s?.message).toMatch(/^Inscrit au FICP depuis le 12\/03\/2026 : la banque doit/);
	});

	it('a lifted registration or one recorded for a later day does not count', () => {
		expect(fileRegistration([{ kind: 'fcc', since: '2024-01-01', until: '2026-11-30' }], AS_OF)).toBeNull();
		expect(fileRegistration([{ kind: 'fcc', since: '2026-12-10', until: null }], AS_OF)).toBeNull();
		expect(fileRegistration([{ kind: 'fcc', since: '2024-01-01', until: AS_OF }], AS_OF)).not.toBeNull();
	});

	it('F4 lowers the fee caps: the report is regulatory fragile', () => {
		const txs = household({ salary: 250000 });
		const plain = fragilitySignals({ txs, asOf: AS_OF });
		const registered = fragilitySignals({
			txs,
			asOf: AS_OF,
			registrations: [{ kind: 'surendettement_plan', since: '2026-06-01', until: null }]
		});
		expect(plain.regulatoryFragile).toBe(false);
		expect(registered.regulatoryFragile).toBe(true);
		expect(registered.level).toBe('fragile');
		expect(registered.signals.map((s) => s.id)).toContain('F4_file_registration');
	});
});

describe('the fee-claim sentence', () => {
	it('names the three most recent months in words, newest first, and counts the others', () => {
		const months = ['juin 2026 : 5,00 €', 'juillet 2026 : 4,00 €', 'août 2026 : 3,00 €', 'septembre 2026 : 2,00 €'];
		expect(feeClaimMessage(months, 1400)).toBe(
			'Des frais semblent dépasser les plafonds légaux (14,00\u00a0€ au total : septembre 2026 : 2,00 € ; août 2026 : 3,00 € ; juillet 2026 : 4,00 €, et 1 autre mois) : une réclamation à la banque est possible.'
		);
		expect(feeClaimMessage(['octobre 2026 : commission d’intervention au-dessus de 8,00 €'], 0)).toBe(
			'Des frais semblent dépasser les plafonds légaux (octobre 2026 : commission d’intervention au-dessus de 8,00 €) : une réclamation à la banque est possible.'
		);
	});
});
