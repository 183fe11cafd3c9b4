import { describe, expect, it } from 'vitest';
import { BUILTIN_CATEGORIES } from '$lib/categories';
import { monthBudget } from '$lib/server/fragility/month-budget';
import { computeIndicators } from '$lib/server/fragility/indicators';
import { consumptionUnits, rsaForfaitaire } from '$lib/server/fragility/household';
import { INDICATOR_PARAMETERS, indicatorParametersAt } from '$lib/server/fragility/parameters';
import { fragilitySignals } from '$lib/server/fragility/signals';
import { classifyBankLine, lenderOf } from '$lib/server/fragility/bank-lines';

const P = indicatorParametersAt('2026-01-01');

describe('household', () => {
	it('counts OECD-modified consumption units and the RSA of the household', () => {
		expect(consumptionUnits({ adults: 2, children: [{ age: 16 }, { age: 10 }] }, P).toString()).toBe('2.3');
		expect(consumptionUnits({ adults: 1, children: [] }, P).toString()).toBe('1');
		expect(consumptionUnits({ adults: 1, children: [{ age: 3 }, { age: 13 }, { age: 14 }] }, P).toString()).toBe('2.1');
		expect(rsaForfaitaire({ adults: 1, children: [] }, P)).toBe(64652);
		expect(rsaForfaitaire({ adults: 2, children: [] }, P)).toBe(96978);
		expect(rsaForfaitaire({ adults: 1, children: [{ age: 2 }, { age: 4 }] }, P)).toBe(116374);
		expect(rsaForfaitaire({ adults: 2, children: [{ age: 2 }, { age: 4 }, { age: 6 }] }, P)).toBe(135770 + 25861);
		for (const v of INDICATOR_PARAMETERS) expect(v.sources.length).toBeGreaterThan(0);
	});
});

describe('computeIndicators — worked example', () => {
	// couple, children 16 and 10 (2.3 UC); three identical months
	const txs = ['2026-08', '2026-09', '2026-10'].flatMap((m) => [
		{ date: `${m}-28`, amount: 180000, category: 'income.salary' },
		{ date: `${m}-05`, amount: 15000, category: 'income.family_benefits' },
		{ date: `${m}-05`, amount: 25000, category: 'income.housing_benefit' },
		{ date: `${m}-12`, amount: 4000, category: 'income.health_refund' },
		{ date: `${m}-15`, amount: 30000, category: 'transfer.internal' },
		{ date: `${m}-03`, amount: -75000, category: 'housing.rent' },
		{ date: `${m}-10`, amount: -10000, category: 'housing.energy' },
		{ date: `${m}-10`, amount: -2000, category: 'housing.insurance' },
		{ date: `${m}-20`, amount: -5000, category: 'fixed.telecom' },
		{ date: `${m}-20`, amount: -6000, category: 'fixed.health_insurance' },
		{ date: `${m}-08`, amount: -22000, category: 'credit.consumer' },
		{ date: `${m}-09`, amount: -40000, category: 'daily.groceries' }
	]);
	const r = computeIndicators({
		txs,
		months: 3,
		composition: { adults: 2, children: [{ age: 16 }, { age: 10 }] },
		params: P
	});

	it('gives the expected figures', () => {
		expect(r).toMatchObject({
			consumptionUnits: '2.3',
			resources: 220000,
			housingAid: 25000,
			fixedCharges: 98000,
			creditCharges: 22000,
			resteAVivre: 100000,
			resteAVivrePerUc: 43478, // 1 000 / 2.3
			resteAVivrePerUcPerDay: 1429, // 1 000 / 2.3 / 30.42
			rsaFloor: 135770,
			debtRatioBp: 1000,
			housingEffortBp: 3077, // (750 + 100 − 250) / (2 200 − 250)
			standardOfLivingPerUc: 95652
		});
	});

	it('explains each indicator in one line of French with levels', () => {
		const byId = Object.fromEntries(r.indicators.map((i) => [i.id, i]));
		expect(byId.standardOfLiving.level).toBe('fragile');
		expect(byId.standardOfLiving.explanation).toContain('sous le seuil de pauvreté');
		expect(byId.gapToLegalFloor).toMatchObject({ value: -35770, level: 'high' });
		expect(byId.debtRatio).toMatchObject({ level: 'ok' });
		expect(byId.debtRatio.explanation).toContain('10 %');
		expect(byId.housingEffort.explanation).toContain('30,8 %');
		for (const i of r.indicators) {
			expect(i.explanation.length).toBeGreaterThan(20);
			expect(i.explanation).not.toContain('\n');
		}
	});

	it('flags a negative reste à vivre as critical and handles no resources', () => {
		const poor = computeIndicators({
			txs: [{ date: '2026-10-03', amount: -50000, category: 'housing.rent' }],
			months: 1,
			composition: { adults: 1, children: [] },
			params: P
		});
		expect(poor.debtRatioBp).toBeNull();
		expect(poor.indicators.find((i) => i.id === 'resteAVivre')?.level).toBe('critical');
	});
});

describe('monthBudget', () => {
	it('totals by group and category against previous months; neutral out, refunds netted', () => {
		const txs = [
			{ date: '2026-10-05', amount: -3000, category: 'daily.health' },
			{ date: '2026-10-20', amount: 2100, category: 'daily.health' },
			{ date: '2026-10-28', amount: 180000, category: 'income.salary' },
			{ date: '2026-10-03', amount: -62000, category: 'housing.rent' },
			{ date: '2026-10-15', amount: -50000, category: 'transfer.savings' },
			{ date: '2026-09-03', amount: -62000, category: 'housing.rent' },
			{ date: '2026-08-03', amount: -61000, category: 'housing.rent' },
			{ date: '2026-09-12', amount: -1500, category: 'uncategorised' },
			{ date: '2026-11-01', amount: -9999, category: 'housing.rent' }
		];
		const b = monthBudget(txs, BUILTIN_CATEGORIES, '2026-10');
		expect(b.previousMonths).toEqual(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09']);
		const health = b.categories.find((c) => c.category === 'daily.health');
		expect(health?.total).toBe(-900);
		expect(b.categories.some((c) => c.category === 'transfer.savings')).toBe(false);
		const housing = b.groups.find((g) => g.group === 'housing');
		expect(housing).toMatchObject({ label: 'Logement', total: -62000, average: -20500 });
		expect(housing?.previous.at(-1)).toEqual({ month: '2026-09', total: -62000 });
		expect(b.groups.map((g) => g.group)).toEqual(['income', 'housing', 'daily', 'none']);
		expect(b.income.total).toBe(180000);
		expect(b.expenses.total).toBe(-62900);
		expect(b.net.total).toBe(117100);
	});
});

describe('bank lines', () => {
	it('recognises fee, rejection, seizure and lender lines', () => {
		expect(classifyBankLine('COMMISSION D’INTERVENTION', -800)).toBe('intervention');
		expect(classifyBankLine('FRAIS REJET PRLV EDF', -2000)).toBe('rejection_fee');
		expect(classifyBankLine('REJET PRLV SEPA EDF', 8900)).toBe('rejected_debit');
		expect(classifyBankLine('FRAIS SATD', -10000)).toBe('satd');
		expect(classifyBankLine('INTERETS DEBITEURS', -412)).toBe('agios');
		expect(classifyBankLine('CB CARREFOUR', -3000)).toBeNull();
		expect(lenderOf('PRLV SEPA ALMA')).toEqual({ lender: 'Alma', split: true });
		expect(lenderOf('PRLV COFIDIS')).toEqual({ lender: 'Cofidis', split: false });
	});
});

describe('fragilitySignals', () => {
	const tx = (date: string, amount: number, label: string, category = 'bank.incident_fees') => ({
		date,
		amount,
		normalisedLabel: label,
		category
	});
	it('finds repeated incidents, rejected debits, seizures, fee claims, overdraft, gambling, stacking and silence', () => {
		const txs = [
			// fees posted in Aug, Sep, Oct → incidents in Jul, Aug, Sep
			tx('2026-08-10', -800, 'COMMISSION D INTERVENTION'),
			tx('2026-09-10', -2000, 'FRAIS REJET PRLV EDF'),
			tx('2026-10-10', -800, 'COMMISSION D INTERVENTION'),
			tx('2026-10-10', -2000, 'FRAIS REJET PRLV SFR'),
			tx('2026-10-10', -800, 'COMMISSION D INTERVENTION'),
			tx('2026-09-04', 8900, 'REJET PRLV SEPA EDF', 'bank.rejected'),
			tx('2026-09-20', 4500, 'REJET PRLV SEPA SFR', 'bank.rejected'),
			tx('2026-10-02', -10000, 'FRAIS SATD', 'bank.seizure'),
			tx('2026-10-05', -6000, 'FDJ PARIS SPORTIFS', 'daily.gambling'),
			tx('2026-10-06', -5000, 'PRLV SEPA ALMA', 'credit.consumer'),
			tx('2026-10-07', -5000, 'PRLV SEPA KLARNA', 'credit.consumer'),
			tx('2026-10-08', -12350, 'PRLV COFIDIS', 'credit.consumer')
		];
		const balances = ['2026-08', '2026-09', '2026-10'].flatMap((m) =>
			Array.from({ length: 30 }, (_, i) => ({
				date: `${m}-${String(i + 1).padStart(2, '0')}`,
				balance: i < 10 ? 5000 : -3000
			}))
		);
		const r = fragilitySignals({
			txs,
			asOf: '2026-12-20',
			balances,
			overdraftLimit: 0,
			lastImportDate: '2026-10-31',
			monthlyResources: 100000
		});
		const ids = r.signals.map((s) => s.id);
		expect(ids).toEqual(
			expect.arrayContaining([
				'F1_repeated_incidents',
				'F5_rejected_debits',
				'F6_seizure',
				'F7_incident_fees',
				'F7_fee_claim',
				'F8_overdraft'
			])
		);
		expect(ids).not.toContain('F9_agios');
		expect(ids).toContain('gambling');
		expect(ids).toContain('F14_credit_stacking');
		expect(ids).toContain('F18_silence');
		expect(r.regulatoryFragile).toBe(true);
		expect(r.level).toBe('high');
		expect(r.incidentsByMonth).toEqual([
			{ month: '2026-07', count: 1, fees: 800 },
			{ month: '2026-08', count: 1, fees: 2000 },
			{ month: '2026-09', count: 3, fees: 3600 }
		]);
		// October: 36 € of capped fees while fragile → 11 € above the 25 € cap
		expect(r.signals.find((s) => s.id === 'F7_fee_claim')?.amount).toBe(1100);
		expect(r.signals.find((s) => s.id === 'F7_fee_claim')?.message).toMatch(
			/\(11,00\s€ au total : octobre 2026 : 11,00\s€\)/
		);
		expect(r.signals.find((s) => s.id === 'F5_rejected_debits')?.level).toBe('high');
		expect(r.signals.find((s) => s.id === 'F8_overdraft')).toMatchObject({ level: 'fragile', count: 60 });
		expect(r.signals.find((s) => s.id === 'F14_credit_stacking')?.level).toBe('high');
		expect(r.signals.find((s) => s.id === 'F18_silence')?.message).toContain('50 jours');
		// each signal points at the transactions behind it
		const evidence = (id: string) => r.signals.find((s) => s.id === id)!.evidence.map((i) => txs[i].normalisedLabel);
		expect(evidence('F5_rejected_debits')).toEqual(['REJET PRLV SEPA EDF', 'REJET PRLV SEPA SFR']);
		expect(evidence('F6_seizure')).toEqual(['FRAIS SATD']);
		expect(evidence('gambling')).toEqual(['FDJ PARIS SPORTIFS']);
		expect(evidence('F14_credit_stacking').sort()).toEqual(['PRLV COFIDIS', 'PRLV SEPA ALMA', 'PRLV SEPA KLARNA']);
		expect(evidence('F7_fee_claim')).toEqual([
			'COMMISSION D INTERVENTION',
			'FRAIS REJET PRLV SFR',
			'COMMISSION D INTERVENTION'
		]);
		expect(evidence('F1_repeated_incidents')).toHaveLength(5);
	});

	it('stays quiet for a household without incidents', () => {
		const r = fragilitySignals({
			txs: [tx('2026-10-01', -3000, 'CB CARREFOUR', 'daily.groceries')],
			asOf: '2026-10-20',
			lastImportDate: '2026-10-19'
		});
		expect(r).toMatchObject({ level: 'ok', regulatoryFragile: false, signals: [] });
	});
});
