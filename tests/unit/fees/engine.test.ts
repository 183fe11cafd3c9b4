// The fee-cap check on synthetic statements: attribution to the incident month, caps per operation and per
// month, rejection fees, a re-presented debit, OCF holders, fragile clients and caps that change at a date.
import { describe, expect, it } from 'vitest';
import { checkFees, type FeeTx } from '$lib/server/fees/check';
import { statedMonth } from '$lib/server/fees/lines';
import { FEE_CAPS } from '$lib/server/projection/fee-caps';

let next = 1;
const tx = (date: string, amount: number, label: string): FeeTx => ({ id: next++, date, amount, label });
const ci = (date: string, amount = -800) => tx(date, amount, 'COMMISSION D INTERVENTION');

describe('attribution to the incident month', () => {
	it('reads the month a label names', () => {
		expect(statedMonth('COMMISSIONS D INTERVENTION SEPTEMBRE 2026', '2026-10-06')).toBe('2026-09');
		expect(statedMonth('COM INTERV 09/2026', '2026-10-06')).toBe('2026-09');
		expect(statedMonth('FRAIS DU 01/12/25 AU 31/12/25', '2026-01-08')).toBe('2025-12');
		expect(statedMonth('COMMISSIONS D INTERVENTION DECEMBRE', '2027-01-08')).toBe('2026-12');
		expect(statedMonth('COMMISSION D INTERVENTION', '2026-10-06')).toBeNull();
		expect(statedMonth('FRAIS 12/10', '2026-10-06')).toBeNull(); // December 2010: not a period of the fee
	});

	it('puts fees spread over a month boundary in the month of their incidents', () => {
		const r = checkFees([
			ci('2026-09-28'),
			ci('2026-09-30'),
			ci('2026-10-01'),
			// deferred monthly billing: 14 commissions of September, posted on 6 October
			tx('2026-10-06', -11200, 'COMMISSIONS D INTERVENTION X14'),
			// an aggregate with no count, posted in November: October's
			tx('2026-11-05', -4000, 'COM INTERV'),
			tx('2026-10-20', -1500, 'LETTRE INFO COMPTE DEBITEUR')
		]);
		expect(r.months.map((m) => [m.month, m.interventionCount, m.interventionTotal, m.incidentTotal])).toEqual([
			['2026-09', 16, 12800, 12800],
			['2026-10', 6, 4800, 6300]
		]);
		const sept = r.months[0];
		expect(sept.reclaimable).toBe(12800 - 8000);
		expect(sept.breaches.map((b) => b.kind)).toEqual(['intervention_month']);
		expect(sept.breaches[0].text).toContain("16 commissions d'intervention");
		expect(sept.breaches[0].text).toContain('R312-4-1');
		expect(r.months[1].reclaimable).toBe(0);
		expect(r.reclaimable).toBe(4800);
		expect(r.from).toBe('2025-11');
		expect(r.to).toBe('2026-10');
	});

	it('charges above 8 € per operation are reclaimable, also inside an aggregate with its count', () => {
		const r = checkFees([ci('2026-03-03', -1000), tx('2026-04-05', -3000, 'COMMISSIONS D INTERVENTION (3) MARS 2026')]);
		expect(r.months).toHaveLength(1);
		const m = r.months[0];
		expect(m.interventionCount).toBe(4);
		expect(m.breaches).toEqual([
			expect.objectContaining({ kind: 'intervention_operation', amount: 200 + 600, cap: 800 })
		]);
		expect(m.reclaimable).toBe(800);
	});
});

describe('rejection fees', () => {
	it('caps a rejection fee at the rejected amount and at 20 €', () => {
		const r = checkFees([
			tx('2026-05-04', 1250, 'REJET PRLV ABONNEMENT MUSIQUE'),
			tx('2026-05-05', -2000, 'FRAIS REJET PRLV'),
			tx('2026-05-12', 6000, 'REJET PRLV ASSURANCE HABITATION'),
			tx('2026-05-13', -2500, 'FRAIS REJET PRLV')
		]);
		const m = r.months[0];
		expect(m.rejectionTotal).toBe(4500);
		expect(m.breaches.map((b) => [b.kind, b.amount, b.cap])).toEqual([
			['rejection_amount', 750, 1250],
			['rejection_amount', 500, 2000]
		]);
		expect(m.reclaimable).toBe(1250);
	});

	it('a debit presented again and rejected twice: the second fee is reclaimable', () => {
		const r = checkFees([
			tx('2026-06-28', 4590, 'REJET PRLV EDF CLIENTS PARTICULIERS'),
			tx('2026-06-29', -2000, 'FRAIS REJET PRLV'),
			tx('2026-07-08', 4590, 'REJET PRLV EDF CLIENTS PARTICULIERS'),
			tx('2026-07-09', -2000, 'FRAIS REJET PRLV')
		]);
		expect(r.months.map((m) => [m.month, m.rejectionTotal, m.reclaimable])).toEqual([
			['2026-06', 2000, 0],
			['2026-07', 2000, 2000]
		]);
		expect(r.months[1].breaches[0].kind).toBe('rejection_represented');
		expect(r.months[1].breaches[0].evidence).toHaveLength(2);
	});

	it('a rejection fee posted in the next month belongs to the month of the rejection', () => {
		const r = checkFees([tx('2026-08-31', 3000, 'REJET PRLV SFR'), tx('2026-09-02', -2000, 'FRAIS REJET PRLVT')]);
		expect(r.months.map((m) => m.month)).toEqual(['2026-08']);
	});
});

describe('OCF holders and fragile clients', () => {
	const month = () => [
		...Array.from({ length: 7 }, (_, i) => ci(`2026-09-${String(3 + i).padStart(2, '0')}`)),
		tx('2026-09-15', -1500, 'FRAIS LETTRE'),
		tx('2026-09-20', -1200, 'INTERETS DEBITEURS'),
		tx('2026-09-22', -3000, 'FRAIS SATD')
	];

	it('standard caps: 7 commissions at 8 € stay under 80 €', () => {
		const r = checkFees(month());
		expect(r.months[0]).toMatchObject({ interventionTotal: 5600, incidentTotal: 7100, uncappedTotal: 4200 });
		expect(r.reclaimable).toBe(0);
	});

	it('a fragile client: all incident fees above 25 € a month, agios and seizure fees aside', () => {
		const r = checkFees(month(), { fragile: true });
		expect(r.status).toBe('fragile');
		expect(r.months[0].breaches.map((b) => [b.kind, b.amount])).toEqual([['fragile_month', 7100 - 2500]]);
		expect(r.reclaimable).toBe(4600);
	});

	it('an OCF holder: 4 € per commission, 20 € a month of commissions and of all fees', () => {
		const r = checkFees(month(), { ocf: true });
		const m = r.months[0];
		expect(m.caps).toMatchObject({
			interventionPerOperation: 400,
			interventionPerMonth: 2000,
			incidentFeesPerMonth: 2000
		});
		// 7 × (8 − 4) above the per-operation cap, then 7 × 4 = 28 € above 20 €, then 20 + 15 above 20 €.
		expect(m.breaches.map((b) => [b.kind, b.amount])).toEqual([
			['intervention_operation', 2800],
			['intervention_month', 800],
			['fragile_month', 1500]
		]);
		expect(m.reclaimable).toBe(7100 - 2000);
		expect(m.breaches[0].reference).toContain('R312-4-2');
	});

	it('the yearly cap of an OCF holder (200 €) after the monthly ones', () => {
		const txs: FeeTx[] = [];
		for (let month = 1; month <= 12; month++)
			txs.push(tx(`2026-${String(month).padStart(2, '0')}-10`, -2000, 'FRAIS LETTRE INFORMATION'));
		const r = checkFees(txs, { ocf: true, from: '2026-01', to: '2026-12' });
		expect(r.months.map((m) => m.reclaimable)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2000, 2000]);
		expect(r.months[10].breaches[0].kind).toBe('fragile_year');
		expect(r.reclaimable).toBe(4000);
	});
});

describe('caps in force at the date', () => {
	it('the 25 € cap of fragile clients applies from February 2019 only', () => {
		const r = checkFees(
			[
				ci('2019-01-10'),
				ci('2019-01-11'),
				ci('2019-01-14'),
				ci('2019-01-15'),
				ci('2019-02-11'),
				ci('2019-02-12'),
				ci('2019-02-13'),
				ci('2019-02-14')
			],
			{
				fragile: true,
				from: '2019-01',
				to: '2019-02'
			}
		);
		expect(r.months.map((m) => [m.month, m.caps.incidentFeesPerMonth, m.reclaimable])).toEqual([
			['2019-01', null, 0],
			['2019-02', 2500, 700]
		]);
	});

	it('takes a caps table as a parameter', () => {
		const table = [
			...FEE_CAPS,
			{
				...FEE_CAPS[2],
				effectiveFrom: '2026-07-01',
				interventionPerMonth: { standard: 4000, fragile: 4000, ocf: 2000 }
			}
		];
		const txs = [
			...Array.from({ length: 6 }, (_, i) => ci(`2026-06-0${i + 1}`)),
			...Array.from({ length: 6 }, (_, i) => ci(`2026-07-0${i + 1}`))
		];
		const r = checkFees(txs, { caps: table });
		expect(r.months.map((m) => [m.month, m.reclaimable])).toEqual([
			['2026-06', 0],
			['2026-07', 800]
		]);
	});

	it('reports only the months asked for, and nothing without fees', () => {
		expect(checkFees([])).toEqual({ status: 'standard', from: null, to: null, months: [], reclaimable: 0 });
		const r = checkFees([ci('2026-01-05'), ci('2026-03-05')], { from: '2026-02', to: '2026-03' });
		expect(r.months.map((m) => m.month)).toEqual(['2026-03']);
	});
});
