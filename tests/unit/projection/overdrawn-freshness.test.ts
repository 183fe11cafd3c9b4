import { describe, expect, it } from 'vitest';
import { projectionAlerts } from '$lib/server/projection/alerts';
import { balanceAge } from '$lib/server/projection/freshness';
import { currentOverdraft, overdrawnSince } from '$lib/server/projection/overdrawn';
import { projectBalance } from '$lib/server/projection/projection';
import { forecastHousehold } from '$lib/server/projection/household-forecast';
import type { RecurringSeries, RecurringTxInput } from '$lib/server/projection/types';
import { formatEur } from '$lib/money';

const salary: RecurringSeries = {
	key: '1:in:ACME',
	accountId: 1,
	payee: 'ACME',
	category: 'income.salary',
	cadence: 'monthly',
	amount: 150_000,
	amountMin: 150_000,
	amountMax: 150_000,
	dayOfMonth: 28,
	anchorDate: '2026-10-28',
	shift: 'before',
	lastDate: '2026-10-28',
	nextDate: '2026-11-27',
	occurrences: 12,
	missed: 0,
	confidence: 1,
	status: 'active',
	review: 'detected',
	transactionIds: [],
	explanation: ''
};
const rent: RecurringSeries = {
	...salary,
	key: '1:out:FONCIA',
	payee: 'FONCIA',
	category: 'housing.rent',
	amount: -160_000,
	dayOfMonth: 1,
	anchorDate: '2026-11-01',
	lastDate: '2026-11-02',
	nextDate: '2026-12-01',
	shift: 'after'
};
// the balance went below zero on 12/11 and stayed there
const history = [
	{ date: '2026-11-05', amount: -80_000, category: 'housing.rent' },
	{ date: '2026-11-10', amount: -5_000, category: 'daily.groceries' },
	{ date: '2026-11-12', amount: -9_000, category: 'daily.groceries' },
	{ date: '2026-11-18', amount: -3_000, category: 'daily.groceries' }
];

describe('an account already overdrawn', () => {
	it('says since when, walking the statements back from the balance', () => {
		// end of 18/11: −120.00; before 18/11: −90.00; before 12/11: 0.00 → overdrawn since 12/11
		expect(overdrawnSince(history, { date: '2026-11-20', amount: -12_000 })).toEqual({
			since: '2026-11-12',
			known: true
		});
		// statements that start overdrawn: "since at least"
		expect(overdrawnSince(history, { date: '2026-11-20', amount: -200_000 })).toEqual({
			since: '2026-11-05',
			known: false
		});
		expect(overdrawnSince(history, { date: '2026-11-20', amount: 500 })).toBeNull();
	});

	it('is "à découvert depuis le …" with the amount and the cost per day, not an overdraft "from tomorrow"', () => {
		const p = projectBalance({
			from: '2026-11-20',
			startBalance: -12_000,
			days: 30,
			series: [salary, rent],
			overdraft: { limit: 10_000, rateBp: 1_825 }
		});
		const alerts = projectionAlerts(p, [salary, rent], history, '2026-11-20', {
			overdraft: { limit: 10_000, rateBp: 1_825 }
		});
		const now = alerts.find((a) => a.kind === 'overdrawn');
		expect(now).toMatchObject({ severity: 'critical', date: '2026-11-12', amount: -12_000 });
		// 120 € at 18.25 % a year: 0.06 € a day; beyond the 100 € allowed: commissions d'intervention
		expect(now?.message).toContain('à découvert depuis le 12/11/2026');
		expect(now?.message).toContain(formatEur(-12_000));
		expect(now?.message).toContain(`${formatEur(6)} d’agios par jour au taux de 18,25 %`);
		expect(now?.message).toContain(`découvert autorisé de ${formatEur(10_000)}`);
		expect(now?.message).toContain(`commission d’intervention de ${formatEur(800)}`);
		expect(now?.message).toContain('redevient positif le 27/11/2026');
		// back above zero on 27/11 (salary), below again on 01/12 (rent): that one is "de nouveau"
		const soon = alerts.filter((a) => a.kind === 'overdraft_soon');
		expect(soon).toHaveLength(1);
		expect(soon[0]).toMatchObject({ date: '2026-12-01' });
		expect(soon[0].message).toContain('de nouveau à découvert à partir du 01/12/2026');
		expect(alerts.some((a) => a.message.includes('21/11/2026'))).toBe(false);
	});

	it('says the rate used when the account’s is unknown, and nothing when the account is in credit', () => {
		const stays = [
			{ date: '2026-11-21', balance: -12_000 },
			{ date: '2026-11-22', balance: -15_000 }
		];
		const o = currentOverdraft(history, { date: '2026-11-20', amount: -12_000 }, { limit: null, rateBp: null }, stays);
		expect(o?.message).toContain('au taux courant de 16 % par an (le vôtre figure sur vos relevés)');
		expect(o?.message).toContain('Aucun découvert n’est autorisé');
		expect(o?.message).toContain('il reste à découvert jusqu’au 22/11/2026 au moins');
		expect(currentOverdraft(history, { date: '2026-11-20', amount: 0 }, { limit: null, rateBp: null })).toBeNull();
		const p = projectBalance({ from: '2026-11-20', startBalance: 50_000, days: 10, series: [rent] });
		expect(projectionAlerts(p, [rent], history, '2026-11-20').some((a) => a.kind === 'overdrawn')).toBe(false);
	});
});

describe('how old the starting balance is', () => {
	it('is said plainly, and asks for the latest statement when old', () => {
		expect(balanceAge('2026-10-17', '2026-11-30')).toEqual({
			date: '2026-10-17',
			days: 44,
			stale: true,
			message: 'Relevé du 17/10, il y a 6 semaines : importez le dernier relevé pour une prévision à jour.'
		});
		expect(balanceAge('2026-11-26', '2026-11-30')).toMatchObject({
			stale: false,
			message: 'Solde connu au 26/11, il y a 4 jours.'
		});
		expect(balanceAge('2025-12-20', '2026-04-02').message).toContain('Relevé du 20/12/2025, il y a 3 mois');
	});

	it('comes with the projection and a stale-statement alert', () => {
		const p = projectBalance({ from: '2026-10-17', startBalance: 40_000, days: 30, series: [], asOf: '2026-11-30' });
		expect(p.balanceAge).toMatchObject({ days: 44, stale: true });
		const alerts = projectionAlerts(p, [], [], '2026-11-30');
		expect(alerts).toEqual([
			expect.objectContaining({ kind: 'stale_balance', severity: 'warning', date: '2026-10-17' })
		]);
		const fresh = projectBalance({
			from: '2026-11-28',
			startBalance: 40_000,
			days: 30,
			series: [],
			asOf: '2026-11-30'
		});
		expect(projectionAlerts(fresh, [], [], '2026-11-30')).toEqual([]);
	});
});

describe('forecastHousehold on an import six weeks old', () => {
	let id = 1;
	// statements from 2 May
	const txs: RecurringTxInput[] = [
		{
			id: id++,
			date: '2026-05-02',
			amount: -1_000,
			payee: null,
			normalisedLabel: 'CB BOULANGERIE',
			category: 'daily.groceries',
			accountId: 1
		}
	];
	for (const m of ['05', '06', '07', '08', '09', '10']) {
		txs.push({
			id: id++,
			date: `2026-${m}-05`,
			amount: 95_000,
			payee: null,
			normalisedLabel: `VIR CAF RSA ${m}/2026`,
			category: 'income.minimum_income',
			accountId: 1
		});
		txs.push({
			id: id++,
			date: `2026-${m}-08`,
			amount: -60_000,
			payee: null,
			normalisedLabel: 'PRLV SEPA LOYER OPH',
			category: 'housing.rent',
			accountId: 1
		});
		txs.push({
			id: id++,
			date: `2026-${m}-15`,
			amount: [-20_000, -23_500, -19_200, -21_700, -22_300, -20_900][Number(m) - 5],
			payee: null,
			normalisedLabel: `CB LIDL 15/${m}`,
			category: 'daily.groceries',
			accountId: 1
		});
	}
	txs.push({
		id,
		date: '2026-10-17',
		amount: -1_000,
		payee: null,
		normalisedLabel: 'CB BOULANGERIE',
		category: 'daily.groceries',
		accountId: 1
	});

	it('projects from the last balance with the series still active and no income called missing', () => {
		const f = forecastHousehold({
			txs,
			balance: { date: '2026-10-17', amount: 30_000 },
			overdraft: { limit: null, rateBp: null },
			asOf: '2026-11-30',
			days: 60
		});
		expect(f.series.map((s) => `${s.payee} ${s.status}`)).toEqual(['CAF RSA active', 'LOYER OPH active']);
		expect(f.projection?.from).toBe('2026-10-17');
		expect(f.projection?.balanceAge).toMatchObject({ days: 44, stale: true });
		expect(f.alerts.map((a) => a.kind)).toContain('stale_balance');
		expect(f.alerts.some((a) => a.kind === 'income_missing')).toBe(false);
		// November's RSA and rent are in the projection, and October's groceries (the month was not over) too
		const events = f.projection?.events.filter((e) => e.source === 'series').map((e) => [e.date, e.amount]);
		expect(events).toEqual([
			['2026-11-05', 95_000],
			['2026-11-09', -60_000],
			['2026-12-04', 95_000],
			['2026-12-08', -60_000]
		]);
		// everyday spending from the complete months of the statements (May to September), not from an
		// empty November
		expect(f.variable.months).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09']);
		// May −210, June −235, July −192 (brought back to −196.24), August −217, September −223
		expect(f.variable.monthlyTotal).toBe(-21_625);
	});
});
