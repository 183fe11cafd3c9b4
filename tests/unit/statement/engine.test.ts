// The statement engine: seizable part and capacité de remboursement on the worked example of
// shared/domain/fragility.md §3 (numbers copied here), grouping under the Cerfa 13594 headings, edits, CSV.
import { describe, expect, it } from 'vitest';
import { repaymentCapacity, seizablePart, seizureScaleAt } from '$lib/server/statement/seizable';
import { budgetStatement, isStatementLineKey, type StatementTx } from '$lib/server/statement/statement';
import { csvCell, statementCsv } from '$lib/server/statement/csv';
import { sortDebts, type DebtEntry } from '$lib/server/statement/debt-kinds';
import { rsaForHousehold } from '$lib/server/statement/rsa';
import { DEFAULT_BENEFIT_PARAMETERS } from '$lib/server/benefits/parameters';

const scale2026 = seizureScaleAt('2026-12-03');

describe('quotité saisissable (C. trav. R3252-2, R3252-3)', () => {
	it('2026, no dependent, 2 150,83 €/month → 572,26 € (fragility.md §3 test value)', () => {
		expect(scale2026.effectiveFrom).toBe('2026-01-01');
		expect(seizablePart({ resources: 215083, dependents: 0, scale: scale2026 })).toBe(57226);
	});
	it('2026, single, R = 1 500 € → 213,37 + 64,17/3 = 234,76 €', () => {
		expect(seizablePart({ resources: 150000, dependents: 0, scale: scale2026, rsaSinglePerson: 64652 })).toBe(23476);
	});
	it('raises every threshold per dependent, and seizes nothing of nothing', () => {
		const one = seizablePart({ resources: 150000, dependents: 1, scale: scale2026 });
		expect(one).toBeLessThan(23476);
		// 1 740 € a year more on each threshold: 1 500 € a month is then inside the 1/4 tranche
		// 22400+42500+85400 + (1 800 000 − 1 300 000 − 4×174 000 … ) computed exactly:
		const t = [448000, 873000, 1300000, 1723000].map((x) => x + 174000);
		const annual = 22400 + 42500 + 85400; // the first three tranches keep their widths
		expect(t[2]).toBe(1474000);
		const expected = Math.round((annual + (1800000 - t[2]) / 4 + (t[0] - 448000) / 20) / 12);
		expect(one).toBe(expected);
		expect(seizablePart({ resources: 0, dependents: 2, scale: scale2026 })).toBe(0);
	});
	it('uses the 2025 scale for 2025 dates', () => {
		expect(seizureScaleAt('2025-06-30').annualThresholds[0]).toBe(444000);
		expect(seizureScaleAt('2025-06-30').perDependent).toBe(172000);
	});
	it('always leaves the RSA for one person', () => {
		// 600 € a month: the scale alone would seize 41,33 €, but 600 € is below the RSA for one person
		expect(seizablePart({ resources: 60000, dependents: 0, scale: scale2026 })).toBe(4133);
		expect(seizablePart({ resources: 60000, dependents: 0, scale: scale2026, rsaSinglePerson: 64652 })).toBe(0);
	});
});

describe('capacité de remboursement', () => {
	it('worked example 2026, single, R = 1 500 €: QS 234,76 €, R − RSA 853,48 €, CR ≤ 234,76 €', () => {
		const c = repaymentCapacity({ resources: 150000, livingBudget: 90000, seizable: 23476, rsaHousehold: 64652 });
		expect(c.aboveRsa).toBe(85348);
		expect(c.afterLivingBudget).toBe(60000);
		expect(c.value).toBe(23476);
		expect(c.limitedBy).toBe('seizable');
	});
	it('is never below 0 and follows the smallest term', () => {
		const c = repaymentCapacity({ resources: 100000, livingBudget: 120000, seizable: 5000, rsaHousehold: 64652 });
		expect(c.value).toBe(0);
		expect(c.limitedBy).toBe('livingBudget');
		const r = repaymentCapacity({ resources: 70000, livingBudget: 10000, seizable: 20000, rsaHousehold: 64652 });
		expect(r.value).toBe(5348);
		expect(r.limitedBy).toBe('rsa');
	});
});

describe('RSA of the household from the benefits parameters', () => {
	it('single 651,69 € from 01/04/2026; couple + 2 children = base × 2,1', () => {
		const p = DEFAULT_BENEFIT_PARAMETERS;
		expect(rsaForHousehold(p, '2026-12-03', { adults: 1, children: 0 })).toEqual({
			household: 65169,
			singlePerson: 65169
		});
		expect(rsaForHousehold(p, '2025-12-01', { adults: 1, children: 0 }).household).toBe(64652);
		// 646,52 × 2,1 = 1 357,692 → 1 357,69 (the benefits engine's rounding; the published table says 1 357,70)
		expect(rsaForHousehold(p, '2025-12-01', { adults: 2, children: 2 }).household).toBe(135769);
		expect(rsaForHousehold(p, '2025-12-01', { adults: 1, children: 1 }).household).toBe(96978);
	});
});

const months = ['2026-09', '2026-10', '2026-11'];
let nextId = 1;
const tx = (date: string, amount: number, category: string, label = category): StatementTx => ({
	id: nextId++,
	date,
	amount,
	category,
	label
});
const TXS: StatementTx[] = [
	...months.flatMap((m) => [
		tx(`${m}-01`, 150000, 'income.salary', 'VIR SALAIRE'),
		tx(`${m}-05`, 20000, 'income.family_benefits', 'CAF'),
		tx(`${m}-05`, -55000, 'housing.rent', 'LOYER'),
		tx(`${m}-06`, -5000, 'housing.service_charges', 'CHARGES'),
		tx(`${m}-10`, -8000, 'housing.energy', 'EDF'),
		tx(`${m}-12`, -3000, 'fixed.health_insurance', '=MUTUELLE'),
		tx(`${m}-15`, -9500, 'credit.consumer', 'COFIDIS'),
		tx(`${m}-20`, -12000, 'daily.groceries', 'CARREFOUR')
	]),
	tx('2026-10-15', 1001, 'income.health_refund', 'CPAM'),
	tx('2026-08-01', 150000, 'income.salary', 'VIR SALAIRE AOUT') // outside the months
];
const DEBTS: DebtEntry[] = [
	{
		id: 1,
		creditor: 'Cofidis',
		kind: 'renouvelable',
		outstanding: 320000,
		instalment: 9500,
		arrears: 0,
		startDate: null,
		status: 'en_cours',
		sourceKey: 'k'
	},
	{
		id: 2,
		creditor: 'Bailleur',
		kind: 'loyer',
		outstanding: 110000,
		instalment: 5000,
		arrears: 110000,
		startDate: null,
		status: 'plan',
		sourceKey: null
	},
	{
		id: 3,
		creditor: 'Ancien',
		kind: 'credit_conso',
		outstanding: 0,
		instalment: 4000,
		arrears: 0,
		startDate: null,
		status: 'soldee',
		sourceKey: null
	},
	{
		id: 4,
		creditor: 'Trésor public',
		kind: 'impots',
		outstanding: 40000,
		instalment: 3000,
		arrears: 40000,
		startDate: null,
		status: 'suspendue',
		sourceKey: null
	}
];

function statement(edits = new Map()) {
	return budgetStatement({
		months,
		txs: TXS,
		debts: DEBTS,
		edits,
		dependents: 0,
		scale: scale2026,
		rsaHousehold: 65169,
		rsaSinglePerson: 65169
	});
}

describe('budgetStatement grouping', () => {
	it('groups resources and charges under the Cerfa headings, monthly means of the 3 months', () => {
		const s = statement();
		const res = Object.fromEntries(s.resources.lines.map((l) => [l.key, l.amount]));
		expect(res['resource:wages']).toBe(150000);
		expect(res['resource:family']).toBe(20000);
		expect(s.resources.total).toBe(170000); // health refunds and August left out
		const ch = Object.fromEntries(s.charges.lines.map((l) => [l.key, l.amount]));
		expect(ch['charge:rent']).toBe(60000); // rent + service charges
		expect(ch['charge:energy']).toBe(8000);
		expect(ch['charge:health_cover']).toBe(3000);
		expect(s.charges.total).toBe(71000); // groceries are not a Cerfa charge; credit goes to debts
		const rent = s.charges.lines.find((l) => l.key === 'charge:rent')!;
		expect(rent.transactions).toHaveLength(6);
		expect(rent.transactions.every((t) => t.category.startsWith('housing.'))).toBe(true);
	});
	it('lists debts priority first, skips settled ones, counts no instalment on a suspended one', () => {
		const s = statement();
		expect(s.debts.lines.map((d) => d.creditor)).toEqual(['Bailleur', 'Trésor public', 'Cofidis']);
		expect(s.debts.instalments).toBe(14500);
		expect(s.debts.outstanding).toBe(470000);
		expect(s.debts.arrears).toBe(150000);
		expect(s.resteAVivre).toBe(170000 - 71000 - 14500);
		expect(s.seizable).toBe(
			seizablePart({ resources: 170000, dependents: 0, scale: scale2026, rsaSinglePerson: 65169 })
		);
		expect(s.capacity.value).toBe(Math.min(170000 - 71000, s.seizable, 170000 - 65169));
	});
	it('applies an adviser edit and says so', () => {
		const s = statement(new Map([['charge:energy', { amount: 12000, note: 'facture de régularisation' }]]));
		const energy = s.charges.lines.find((l) => l.key === 'charge:energy')!;
		expect(energy).toMatchObject({ amount: 12000, computed: 8000, edited: true, note: 'facture de régularisation' });
		expect(s.charges.total).toBe(75000);
		expect(s.resteAVivre).toBe(170000 - 75000 - 14500);
	});
	it('knows its line keys', () => {
		expect(isStatementLineKey('charge:rent')).toBe(true);
		expect(isStatementLineKey('debt:12')).toBe(true);
		expect(isStatementLineKey('charge:nope')).toBe(false);
		expect(isStatementLineKey('debt:x')).toBe(false);
	});
	it('sorts debts: priority kinds first', () => {
		expect(sortDebts(DEBTS).map((d) => d.id)).toEqual([2, 4, 1, 3]);
	});
});

/** A minimal reader of the CSV written (quotes, `;`, CRLF) for the round trip. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let q = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (q) {
			if (c === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') q = false;
			else cell += c;
		} else if (c === '"') q = true;
		else if (c === ';') {
			row.push(cell);
			cell = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i++;
		} else cell += c;
	}
	return rows;
}

describe('statement CSV', () => {
	it('neutralises formula cells and quotes separators', () => {
		expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
		expect(csvCell('+33')).toBe("'+33");
		expect(csvCell('-12,00')).toBe("'-12,00");
		expect(csvCell('@x')).toBe("'@x");
		expect(csvCell('a;b')).toBe('"a;b"');
		expect(csvCell('dit "non"')).toBe('"dit ""non"""');
	});
	it('round-trips: BOM, `;`, the totals and the edited flag', () => {
		const s = statement(new Map([['charge:energy', { amount: 12000, note: '=HYPERLINK("x")' }]]));
		const text = statementCsv(s, 'Famille; Martin');
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const rows = parseCsv(text.slice(1));
		expect(rows[0]).toEqual(['Relevé budgétaire', 'Famille; Martin']);
		const find = (label: string) => rows.find((r) => r[1] === label)!;
		expect(find('Total des ressources')[2]).toBe('1700,00');
		expect(find('Total des charges')[2]).toBe('750,00');
		expect(find('Électricité, gaz, chauffage').slice(2)).toEqual([
			'120,00',
			'',
			'',
			'',
			'oui',
			'\'=HYPERLINK("x")',
			'3'
		]);
		expect(find('Total des dettes').slice(2, 5)).toEqual(['145,00', '4700,00', '1500,00']);
		expect(find('Reste à vivre')[2]).toBe('805,00');
		expect(s.capacity.value).toBe(30143);
		expect(find('Capacité de remboursement')[2]).toBe('301,43');
		for (const r of rows) for (const c of r) expect(c).not.toMatch(/^[=+\-@]/);
	});
});
