import { describe, expect, it } from 'vitest';
import { applySeriesOverrides, detectRecurring, seriesForProjection } from '$lib/server/projection/recurring';
import { generateHousehold } from '$lib/server/projection/synthetic';
import { BusinessCalendar, dayNumber, easterSunday, isoFromDayNumber } from '$lib/server/projection/calendar';
import type { RecurringSeries, RecurringTxInput } from '$lib/server/projection/types';

let nextId = 1;
function tx(
	date: string,
	amount: number,
	payee: string | null,
	label = payee ?? '',
	category = 'daily.other'
): RecurringTxInput {
	return { id: nextId++, date, amount, payee, normalisedLabel: label, category, accountId: 1 };
}

function score(series: RecurringSeries[], planted: { payee: string; cadence: string }[]) {
	const truth = new Set(planted.map((p) => `${p.payee}|${p.cadence}`));
	const tp = series.filter((s) => truth.has(`${s.payee}|${s.cadence}`));
	const found = new Set(tp.map((s) => `${s.payee}|${s.cadence}`));
	return { precision: series.length ? tp.length / series.length : 1, recall: found.size / truth.size };
}

describe('French calendar', () => {
	it('computes Easter and the moving holidays', () => {
		expect(isoFromDayNumber(easterSunday(2025))).toBe('2025-04-20');
		expect(isoFromDayNumber(easterSunday(2026))).toBe('2026-04-05');
		const cal = new BusinessCalendar();
		expect(cal.isBusinessDay(dayNumber('2026-04-06'))).toBe(false); // lundi de Pâques
		expect(cal.isBusinessDay(dayNumber('2026-05-14'))).toBe(false); // Ascension
		expect(cal.isBusinessDay(dayNumber('2026-05-25'))).toBe(false); // lundi de Pentecôte
		expect(cal.isBusinessDay(dayNumber('2026-07-14'))).toBe(false);
		expect(cal.isBusinessDay(dayNumber('2026-07-15'))).toBe(true);
		expect(isoFromDayNumber(cal.shift(dayNumber('2026-11-28'), 'before'))).toBe('2026-11-27');
		expect(isoFromDayNumber(cal.shift(dayNumber('2026-05-08'), 'after'))).toBe('2026-05-11');
		expect(isoFromDayNumber(cal.shift(dayNumber('2026-01-01'), 'before'))).toBe('2025-12-31');
	});
});

describe('detectRecurring on synthetic households', () => {
	for (const [seed, years] of [
		[1, 2],
		[2, 2],
		[3, 3],
		[4, 5],
		[5, 10]
	]) {
		it(`finds the planted series with precision ≥ 0.95 and recall ≥ 0.9 (seed ${seed}, ${years} years)`, () => {
			const h = generateHousehold({ seed, years });
			const series = detectRecurring(h.transactions, { asOf: h.to });
			const wrong = series.filter((s) => !h.planted.some((p) => p.payee === s.payee && p.cadence === s.cadence));
			expect(wrong.map((s) => `${s.payee} ${s.cadence}`)).toEqual([]);
			const { precision, recall } = score(series, h.planted);
			expect(precision).toBeGreaterThanOrEqual(0.95);
			expect(recall).toBeGreaterThanOrEqual(0.9);
			// habits are never series
			for (const habit of [
				'CARREFOUR MARKET',
				'LIDL',
				'BOULANGERIE DU PORT',
				'RETRAIT DAB',
				'PIZZA ROMA',
				'TOTAL STATION'
			]) {
				expect(series.some((s) => s.payee === habit)).toBe(false);
			}
			const gym = series.find((s) => s.payee === 'BASIC FIT');
			expect(gym?.status).toBe('ended');
			expect(gym?.nextDate).toBeNull();
			const salary = series.find((s) => s.payee === 'ACME LOGISTIQUE');
			expect(salary).toMatchObject({ cadence: 'monthly', dayOfMonth: 28, shift: 'before', status: 'active' });
			// 28/11/2026 is a Saturday: the salary is expected on Friday 27
			expect(salary?.nextDate).toBe('2026-11-27');
			expect(series.find((s) => s.payee === 'EDF')?.missed).toBeGreaterThanOrEqual(1);
			for (const s of series) {
				expect(s.confidence).toBeGreaterThan(0.5);
				expect(s.confidence).toBeLessThanOrEqual(1);
			}
		});
	}
});

describe('detectRecurring on hand-made histories', () => {
	it('follows a debit moved after a bank holiday and predicts the next one shifted too', () => {
		const txs = [
			tx('2025-12-08', -4500, 'SFR'),
			tx('2026-01-08', -4500, 'SFR'),
			tx('2026-02-09', -4500, 'SFR'), // 8 Feb is a Sunday
			tx('2026-03-09', -4500, 'SFR'), // 8 Mar is a Sunday
			tx('2026-04-08', -4500, 'SFR')
		];
		const [s] = detectRecurring(txs, { asOf: '2026-04-20' });
		expect(s).toMatchObject({
			cadence: 'monthly',
			dayOfMonth: 8,
			shift: 'after',
			occurrences: 5,
			amount: -4500,
			status: 'active'
		});
		// 8 May 2026 (Friday) is a public holiday: expected Monday 11 May
		expect(s.nextDate).toBe('2026-05-11');
		expect(s.transactionIds).toHaveLength(5);
	});

	it('tolerates one missed month, and ends a series after two missing occurrences', () => {
		const base = [
			tx('2025-06-10', -2000, 'NETFLIX'),
			tx('2025-07-10', -2000, 'NETFLIX'),
			tx('2025-09-10', -2000, 'NETFLIX'),
			tx('2025-10-10', -2000, 'NETFLIX')
		];
		// the account's data goes on (groceries) while Netflix stops
		const later = ['2025-11-03', '2025-11-27', '2025-12-05', '2025-12-29', '2026-01-05'].map((d, i) =>
			tx(d, -3456 - i * 1234, 'LIDL', 'CB LIDL', 'daily.groceries')
		);
		const active = detectRecurring([...base, ...later], { asOf: '2025-11-12' });
		expect(active).toHaveLength(1);
		expect(active[0]).toMatchObject({ status: 'active', missed: 1, nextDate: '2025-11-10' });
		const ended = detectRecurring([...base, ...later], { asOf: '2026-01-05' });
		expect(ended[0]).toMatchObject({ status: 'ended', nextDate: null });
		// only one occurrence missing in the data at 2025-12-05 → still active
		expect(detectRecurring([...base, ...later], { asOf: '2025-12-05' })[0].status).toBe('active');
		// the same day with no statement imported since October: judged on the data, still active
		expect(detectRecurring(base, { asOf: '2026-01-05' })[0]).toMatchObject({
			status: 'active',
			nextDate: '2025-11-10'
		});
	});

	it('accepts an annual series from two occurrences, and a quarterly one', () => {
		const txs = [
			tx('2024-10-15', -81200, 'DGFIP', 'PRLV DGFIP', 'fixed.taxes'),
			tx('2025-10-15', -82000, 'DGFIP', 'PRLV DGFIP', 'fixed.taxes'),
			tx('2025-01-15', -12345, 'MAAF', 'PRLV MAAF', 'housing.insurance'),
			tx('2025-04-15', -12345, 'MAAF', 'PRLV MAAF', 'housing.insurance'),
			tx('2025-07-15', -12345, 'MAAF', 'PRLV MAAF', 'housing.insurance'),
			tx('2025-10-15', -12345, 'MAAF', 'PRLV MAAF', 'housing.insurance')
		];
		const series = detectRecurring(txs, { asOf: '2025-11-01' });
		expect(series.map((s) => [s.payee, s.cadence, s.category, s.nextDate])).toEqual([
			['DGFIP', 'annual', 'fixed.taxes', '2026-10-15'],
			['MAAF', 'quarterly', 'housing.insurance', '2026-01-15']
		]);
	});

	it('does not call frequent purchases at varying amounts a series, nor two random ones', () => {
		const txs: RecurringTxInput[] = [];
		const amounts = [-3450, -8712, -2210, -6123, -4599, -12030, -1999, -7420];
		for (let i = 0; i < 40; i++)
			txs.push(tx(isoFromDayNumber(dayNumber('2025-01-04') + i * 7), amounts[i % 8], 'AUCHAN'));
		txs.push(tx('2025-02-10', -5000, 'FNAC'), tx('2025-05-03', -5000, 'FNAC'));
		expect(detectRecurring(txs, { asOf: '2025-12-01' })).toEqual([]);
	});

	it('tells apart two series of one payee by amount and groups by label without payee', () => {
		const txs: RecurringTxInput[] = [];
		for (const m of ['01', '02', '03', '04']) {
			txs.push(tx(`2026-${m}-05`, 14100, null, `VIR CAF GIRONDE AF ${m}/2026 REF ${m}77`, 'income.family_benefits'));
			txs.push(tx(`2026-${m}-05`, 26300, null, `VIR CAF GIRONDE APL ${m}/2026 REF ${m}78`, 'income.housing_benefit'));
		}
		const series = detectRecurring(txs, { asOf: '2026-04-10' });
		expect(series).toHaveLength(2);
		expect(new Set(series.map((s) => s.key)).size).toBe(2);
		expect(series.map((s) => s.amount).sort((a, b) => a - b)).toEqual([14100, 26300]);
	});

	it('detects weekly and biweekly payments', () => {
		const txs: RecurringTxInput[] = [];
		for (let i = 0; i < 8; i++) txs.push(tx(isoFromDayNumber(dayNumber('2026-01-06') + 7 * i), -1500, 'AMAP'));
		for (let i = 0; i < 6; i++) txs.push(tx(isoFromDayNumber(dayNumber('2026-01-09') + 14 * i), -9500, 'NOUNOU'));
		const series = detectRecurring(txs, { asOf: '2026-03-01' });
		expect(series.map((s) => [s.payee, s.cadence])).toEqual([
			['AMAP', 'weekly'],
			['NOUNOU', 'biweekly']
		]);
	});
});

describe('applySeriesOverrides', () => {
	it('keeps user choices across re-detection', () => {
		const h = generateHousehold({ seed: 11, years: 2 });
		const first = detectRecurring(h.transactions, { asOf: h.to });
		const edf = first.find((s) => s.payee === 'EDF') as RecurringSeries;
		const free = first.find((s) => s.payee === 'FREE MOBILE') as RecurringSeries;
		const cofidis = first.find((s) => s.payee === 'COFIDIS') as RecurringSeries;
		const overrides = [
			{ key: edf.key, status: 'edited' as const, amount: -9500, dayOfMonth: 15 },
			{ key: free.key, status: 'dismissed' as const },
			{ key: cofidis.key, status: 'confirmed' as const },
			{ key: 'gone', status: 'confirmed' as const }
		];
		// re-detection one month later on fewer/more data gives the same keys
		const later = detectRecurring(
			h.transactions.filter((t) => t.date <= '2026-10-31'),
			{ asOf: '2026-10-31' }
		);
		const applied = applySeriesOverrides(later, overrides);
		const e = applied.find((s) => s.key === edf.key) as RecurringSeries;
		expect(e).toMatchObject({ review: 'edited', amount: -9500, dayOfMonth: 15 });
		expect(e.nextDate).toBe('2026-11-16'); // 15 Nov 2026 is a Sunday, direct debit moves after
		expect(applied.find((s) => s.key === free.key)?.review).toBe('dismissed');
		expect(applied.find((s) => s.key === cofidis.key)?.review).toBe('confirmed');
		const counted = seriesForProjection(applied);
		expect(counted.some((s) => s.key === free.key)).toBe(false);
		expect(counted.some((s) => s.payee === 'BASIC FIT')).toBe(false);
		expect(counted.some((s) => s.key === edf.key)).toBe(true);
	});
});
