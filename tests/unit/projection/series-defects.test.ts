import { describe, expect, it } from 'vitest';
import { detectRecurring } from '$lib/server/projection/recurring';
import { projectBalance } from '$lib/server/projection/projection';
import type { RecurringTxInput } from '$lib/server/projection/types';

let nextId = 1;
function tx(date: string, amount: number, label: string, category = 'daily.other', payee: string | null = null) {
	return { id: nextId++, date, amount, payee, normalisedLabel: label, category, accountId: 1 } as RecurringTxInput;
}
const months = (from: number, to: number, year = 2026) =>
	Array.from({ length: to - from + 1 }, (_, i) => `${year}-${String(from + i).padStart(2, '0')}`);

describe('a series is judged against the data, not the clock', () => {
	const rent = months(1, 10).map((m) => tx(`${m}-05`, -62_000, 'PRLV SEPA FONCIA LOYER', 'housing.rent'));

	it('stays active when the last import is six weeks old and its last payment is in the last imported month', () => {
		// statements up to 17/10; today is 30/11
		const data = [...rent, tx('2026-10-17', -4_512, 'CB LIDL 17/10', 'daily.groceries')];
		const [s] = detectRecurring(data, { asOf: '2026-11-30' });
		expect(s).toMatchObject({ status: 'active', nextDate: '2026-11-05' });
	});

	it('ends once two expected occurrences are missing inside the imported period', () => {
		const spending = ['2026-11-10', '2026-11-28', '2026-12-09'].map((d, i) =>
			tx(d, -3_000 - i * 777, 'CB LIDL', 'daily.groceries')
		);
		// November missing, data up to 28/11: one occurrence missing only
		expect(detectRecurring([...rent, ...spending.slice(0, 2)], { asOf: '2027-01-20' })[0].status).toBe('active');
		// November and December missing, data up to 09/12 (the 05/12 one is not yet late enough)
		expect(detectRecurring([...rent, ...spending], { asOf: '2027-01-20' })[0].status).toBe('active');
		const later = tx('2026-12-20', -2_500, 'CB LIDL', 'daily.groceries');
		expect(detectRecurring([...rent, ...spending, later], { asOf: '2027-01-20' })[0]).toMatchObject({
			status: 'ended',
			nextDate: null
		});
		// a statement known to cover the account up to 20/12 says the same without a transaction then
		expect(
			detectRecurring([...rent, ...spending], { asOf: '2027-01-20', coveredUntil: { 1: '2026-12-20' } })[0].status
		).toBe('ended');
	});
});

describe('yearly series', () => {
	it('come from two occurrences a year apart, the amount varying up to 10 %', () => {
		const txs = [
			tx('2025-09-15', -48_000, 'PRLV SEPA DGFIP IMPOT SOLDE IR', 'fixed.taxes'),
			tx('2026-09-15', -52_600, 'PRLV SEPA DGFIP IMPOT SOLDE IR', 'fixed.taxes'),
			tx('2025-03-10', -31_000, 'PRLV SEPA MACIF HABITATION', 'housing.insurance'),
			tx('2026-03-10', -35_000, 'PRLV SEPA MACIF HABITATION', 'housing.insurance')
		];
		const series = detectRecurring(txs, { asOf: '2026-10-01' });
		// +9.6 %: one yearly series; +12.9 %: not
		expect(series.map((s) => [s.payee, s.cadence, s.nextDate])).toEqual([
			['DGFIP IMPOT SOLDE IR', 'annual', '2027-09-15']
		]);
	});

	it('are not made of two gifts or two purchases that happen to match', () => {
		const txs = [
			tx('2025-06-12', -5_000, 'VIR A M OU MME LEROY', 'transfer.other'),
			tx('2026-06-11', -5_100, 'VIR A M OU MME LEROY', 'transfer.other'),
			tx('2025-04-02', -8_990, 'CB DARTY 02/04', 'daily.household'),
			tx('2026-04-03', -8_990, 'CB DARTY 03/04', 'daily.household')
		];
		expect(detectRecurring(txs, { asOf: '2026-10-01' })).toEqual([]);
	});
});

describe('a suspended month', () => {
	const caf = (skip: string[]) =>
		months(1, 11).flatMap((m) => [
			...(skip.includes(m)
				? []
				: [tx(`${m}-05`, 61_200, `VIR CAF DE LA GIRONDE RSA ${m}`, 'income.minimum_income', 'CAF')]),
			tx(`${m}-05`, 26_300, `VIR CAF DE LA GIRONDE APL ${m}`, 'income.housing_benefit', 'CAF')
		]);

	it('does not end a series, even when the same CAF pays another benefit that month', () => {
		const series = detectRecurring(caf(['2026-06']), { asOf: '2026-11-20' });
		expect(series.map((s) => [s.category, s.status, s.missed]).sort()).toEqual([
			['income.housing_benefit', 'active', 0],
			['income.minimum_income', 'active', 1]
		]);
	});

	it('nor do two suspensions a few months apart', () => {
		const series = detectRecurring(caf(['2026-03', '2026-08']), { asOf: '2026-11-20' });
		expect(series.find((s) => s.category === 'income.minimum_income')).toMatchObject({ status: 'active', missed: 2 });
	});
});

describe('irregular incomes are not given the salary treatment', () => {
	// temp-work pay varying ±25 %: some months happen to be close, the others are not
	const pay = [98_000, 101_000, 131_000, 97_500, 99_800, 72_000, 100_500, 98_900, 140_000, 99_100, 101_200];

	it('a run of similar months among very different ones is not a series', () => {
		const txs = months(1, 11).map((m, i) =>
			tx(`${m}-12`, pay[i], 'VIR SEPA RECU /DE ADECCO FRANCE /MOTIF PAIE', 'income.salary')
		);
		expect(detectRecurring(txs, { asOf: '2026-11-30' })).toEqual([]);
	});

	it('nor is an older run that "ended" while the same payer kept paying other amounts', () => {
		const steady = months(1, 7).map((m) => tx(`${m}-12`, 100_000, 'VIR RANDSTAD PAIE', 'income.salary'));
		const then = [
			tx('2026-08-12', 135_000, 'VIR RANDSTAD PAIE', 'income.salary'),
			tx('2026-09-11', 61_000, 'VIR RANDSTAD PAIE', 'income.salary'),
			tx('2026-10-12', 152_000, 'VIR RANDSTAD PAIE', 'income.salary')
		];
		expect(detectRecurring([...steady, ...then], { asOf: '2026-11-30' })).toEqual([]);
		// a real end: nothing from that payer afterwards
		const other = tx('2026-11-25', -2_000, 'CB LIDL', 'daily.groceries');
		expect(detectRecurring([...steady, other], { asOf: '2026-11-30' })[0]).toMatchObject({ status: 'ended' });
	});
});

describe('weekend and holiday shifts keep an occurrence in its month', () => {
	it('a rent due Sunday 3 May 2026 (1 May a holiday) is expected in May, not on 30 April', () => {
		// the landlord debits the working day before a weekend: Friday 3 Oct → 3 Oct, Sat 3 Jan → Fri 2 Jan
		const txs = ['2025-10-03', '2025-11-03', '2025-12-03', '2026-01-02', '2026-02-03', '2026-03-03', '2026-04-03'].map(
			(d) => tx(d, -48_000, 'PRELEVEMENT EUROPEEN STUDEFI LOYER', 'housing.rent')
		);
		const [s] = detectRecurring(txs, { asOf: '2026-04-30' });
		expect(s).toMatchObject({ shift: 'before', dayOfMonth: 3, nextDate: '2026-05-04' });
		const p = projectBalance({ from: '2026-04-03', startBalance: 0, days: 61, series: [s] });
		expect(p.events.map((e) => e.date)).toEqual(['2026-05-04', '2026-06-03']);
		// a series the data showed crossing into the month before keeps doing so
		const crossing = projectBalance({
			from: '2026-04-03',
			startBalance: 0,
			days: 61,
			series: [{ ...s, crossesMonth: true }]
		});
		expect(crossing.events.map((e) => e.date)).toEqual(['2026-04-30', '2026-06-03']);
	});
});

describe('habits', () => {
	it('three equal amounts two months apart among fortnightly purchases of varying amounts are chance', () => {
		const txs: RecurringTxInput[] = [];
		const amounts = [-3_450, -8_712, -2_210, -6_123, -4_599, -1_999, -7_420, -5_300, -9_050];
		for (let w = 0; w < 12; w++) {
			const day = new Date(Date.UTC(2026, 3, 1 + w * 14)).toISOString().slice(0, 10);
			txs.push(tx(day, amounts[w % amounts.length], 'CARTE INTERMARCHE'));
		}
		for (const d of ['2026-05-13', '2026-07-13', '2026-09-14']) txs.push(tx(d, -5_051, 'CARTE INTERMARCHE'));
		expect(detectRecurring(txs, { asOf: '2026-09-30' })).toEqual([]);
	});
});
