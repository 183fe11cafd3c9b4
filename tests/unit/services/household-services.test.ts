import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import { importFile } from '$lib/server/services/import-service';
import {
	householdForecast,
	loadHistory,
	saveSeriesOverride,
	setManualBalance
} from '$lib/server/services/forecast-service';
import { refreshBenefitAlerts, saveProfile, setAlertStatus } from '$lib/server/services/benefits-service';
import { deleteHouseholdRule, reapplyRules, saveHouseholdRule } from '$lib/server/services/rules-service';
import { operatorScope, type HouseholdScope } from '$lib/server/auth/access';
import { loadCategoriser } from '$lib/server/services/categoriser';
import { listTransactions, setCategoryManually } from '$lib/server/services/transactions';
import { householdBudget } from '$lib/server/services/budget-service';
import { InputError } from '$lib/server/services/errors';
import { DEMO_SCENARIOS, generateTransactions, renderStatement } from '$db/seeds/demo-statements';
import { createTestDb } from '../../helpers/test-db';

let h: DbHandle;
let org: number;
let hh: number;
let scope: HouseholdScope;
const sc = () => scope;
async function scopeOf(id: number): Promise<HouseholdScope> {
	return (await operatorScope(h.db, id))!;
}
const NOW = new Date('2026-11-28T10:00:00Z');

beforeAll(async () => {
	h = await createTestDb();
	const now = NOW.toISOString();
	org = (
		await h.db
			.insertInto('organisation')
			.values({ name: 'O', created_at: now })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	await h.db
		.insertInto('app_user')
		.values({
			organisation_id: org,
			email: 'a@b.fr',
			name: 'Conseillère',
			password_hash: null,
			role: 'adviser',
			active: 1,
			created_at: now,
			password_changed_at: null
		})
		.execute();
	hh = (
		await h.db
			.insertInto('household')
			.values({ organisation_id: org, name: 'Famille Martin', situation: null, created_at: now, archived_at: null })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	scope = await scopeOf(hh);
	// 14 months of the demo's single-parent statements, through the importer
	const scenario = DEMO_SCENARIOS.find((s) => s.household === 'Famille Martin')!;
	const txs = generateTransactions(scenario, '2025-10-01', 14, '2026-11-27', 7);
	const file = renderStatement(scenario, txs);
	const r = await importFile(
		h.db,
		await scopeOf(hh),
		{
			fileName: file.fileName,
			bytes: new TextEncoder().encode(file.content),
			accountName: 'Compte courant'
		},
		{ now: NOW }
	);
	expect(r.status).toBe('imported');
});
afterAll(async () => {
	await h.close();
});

describe('forecast service', () => {
	it('starts from the statement balance and finds the monthly series', async () => {
		const history = await loadHistory(h.db, sc());
		expect(history.txs.length).toBeGreaterThan(150);
		const scenario = DEMO_SCENARIOS.find((s) => s.household === 'Famille Martin')!;
		const sum = history.txs.reduce((s, t) => s + t.amount, 0);
		expect(history.balance?.amount).toBe(scenario.openingBalance + sum);
		const f = await householdForecast(h.db, sc(), { asOf: '2026-11-28' });
		expect(f.projection?.from).toBe(history.balance?.date);
		const payees = f.series.filter((s) => s.status === 'active').map((s) => s.category);
		expect(payees).toEqual(expect.arrayContaining(['housing.rent', 'income.minimum_income', 'housing.energy']));
	});

	it('a dismissed series stays dismissed after re-detection and leaves the projection', async () => {
		const before = await householdForecast(h.db, sc(), { asOf: '2026-11-28' });
		const rent = before.series.find((s) => s.category === 'housing.rent')!;
		await saveSeriesOverride(h.db, sc(), { key: rent.key, status: 'dismissed' });
		const after = await householdForecast(h.db, sc(), { asOf: '2026-11-28' });
		expect(after.series.find((s) => s.key === rent.key)?.review).toBe('dismissed');
		const last = (p: typeof after.projection) => p!.days.at(-1)!.balance;
		expect(last(after.projection)).toBeGreaterThan(last(before.projection));
		await saveSeriesOverride(h.db, sc(), { key: rent.key, status: 'confirmed' });
	});

	it('reads only the last 36 months, yet the balance counts every row booked after an old statement balance', async () => {
		const scenario = DEMO_SCENARIOS.find((s) => s.household === 'Famille Martin')!;
		const long = (
			await h.db
				.insertInto('household')
				.values({
					organisation_id: org,
					name: 'Longue histoire',
					situation: null,
					created_at: NOW.toISOString(),
					archived_at: null
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		const txs = generateTransactions(scenario, '2020-01-01', 83, '2026-11-27', 11);
		const file = renderStatement(scenario, txs);
		const r = await importFile(
			h.db,
			await scopeOf(long),
			{
				fileName: file.fileName,
				bytes: new TextEncoder().encode(file.content),
				accountName: 'Compte courant'
			},
			{ now: NOW }
		);
		expect(r.status).toBe('imported');
		// only a balance read long ago: the end of 2019, before the first row
		const account = await h.db
			.selectFrom('bank_account')
			.select('id')
			.where('household_id', '=', long)
			.executeTakeFirstOrThrow();
		await h.db.deleteFrom('account_balance').where('account_id', '=', account.id).execute();
		await h.db
			.insertInto('account_balance')
			.values({
				organisation_id: org,
				household_id: long,
				account_id: account.id,
				date: '2019-12-31',
				amount: 31_416,
				source: 'manual',
				import_batch_id: null,
				created_at: NOW.toISOString()
			})
			.execute();
		const all = await h.db
			.selectFrom('bank_transaction')
			.select(['amount', 'booking_date'])
			.where('household_id', '=', long)
			.execute();
		const history = await loadHistory(h.db, await scopeOf(long));
		const latest = all.reduce((m, t) => (t.booking_date > m ? t.booking_date : m), '');
		expect(history.txs.length).toBeLessThan(all.length);
		expect(history.txs[0].date >= '2023-11-01').toBe(true);
		expect(history.txs.at(-1)!.date).toBe(latest);
		expect(history.balance).toEqual({ date: latest, amount: 31_416 + all.reduce((s, t) => s + t.amount, 0) });
		await h.db.deleteFrom('household').where('id', '=', long).execute();
	});

	it('a manual balance moves the start of the projection', async () => {
		const account = await h.db
			.selectFrom('bank_account')
			.select('id')
			.where('household_id', '=', hh)
			.executeTakeFirstOrThrow();
		await setManualBalance(h.db, sc(), account.id, '2026-11-27', -12_345, NOW);
		const history = await loadHistory(h.db, sc());
		expect(history.balance).toEqual({ date: '2026-11-27', amount: -12_345 });
		await expect(setManualBalance(h.db, sc(), account.id, '2027-01-01', 0, NOW)).rejects.toThrow(InputError);
	});
});

describe('transactions list', () => {
	it('filters by month and category, and searches labels ignoring case, accents and LIKE wildcards', async () => {
		const byMonth = await listTransactions(h.db, sc(), { month: '2026-10' });
		expect(byMonth.month).toBe('2026-10');
		expect(byMonth.rows.length).toBeGreaterThan(5);
		expect(byMonth.rows.every((r) => r.date.startsWith('2026-10'))).toBe(true);
		const search = await listTransactions(h.db, sc(), { search: 'tilleuls' });
		expect(search.rows.length).toBeGreaterThanOrEqual(13);
		expect(search.rows.every((r) => r.rawLabel.includes('TILLEULS'))).toBe(true);
		expect((await listTransactions(h.db, sc(), { search: 'éDF' })).rows.length).toBeGreaterThan(0);
		expect((await listTransactions(h.db, sc(), { search: '%' })).rows).toHaveLength(0);
		const rent = await listTransactions(h.db, sc(), { month: '2026-10', category: 'housing.rent' });
		expect(rent.rows.map((r) => r.amount)).toEqual([-62_000]);
	});
});

describe('categorisation services', () => {
	it('a rule edit takes effect at once: the compiled set is rebuilt when the rules table changes', async () => {
		const tx = {
			rawLabel: 'VIR SEPA RECU /DE ASSOCIATION LES AMIS DU QUARTIER',
			amount: 5_000,
			date: '2026-11-02',
			accountId: 1
		};
		expect((await loadCategoriser(h.db, sc()))(tx).category).not.toBe('income.other');
		await saveHouseholdRule(h.db, sc(), {
			id: 'hh.test.amis',
			scope: 'household',
			priority: 10,
			match: 'all',
			conditions: [{ field: 'label', op: 'contains', value: 'amis du quartier' }],
			actions: { category: 'income.other' }
		});
		expect((await loadCategoriser(h.db, sc()))(tx)).toMatchObject({ category: 'income.other', ruleId: 'hh.test.amis' });
		await deleteHouseholdRule(h.db, sc(), 'hh.test.amis');
		expect((await loadCategoriser(h.db, sc()))(tx).ruleId).not.toBe('hh.test.amis');
	});

	it('re-applying rules never overwrites a manual choice', async () => {
		const edf = await h.db
			.selectFrom('bank_transaction')
			.select(['id', 'payee'])
			.where('household_id', '=', hh)
			.where('category_id', '=', 'housing.energy')
			.executeTakeFirstOrThrow();
		const manual = await setCategoryManually(h.db, sc(), edf.id, 'daily.other');
		expect(manual.changed).toBe(1);
		const changed = await saveHouseholdRule(h.db, sc(), {
			id: 'hh.test.edf',
			scope: 'household',
			priority: 10,
			match: 'all',
			conditions: [{ field: 'label', op: 'contains', value: 'EDF' }],
			actions: { category: 'fixed.other_insurance' }
		});
		expect(changed).toBeGreaterThan(5);
		expect((await reapplyRules(h.db, sc())).changed).toBe(0);
		const rows = await h.db
			.selectFrom('bank_transaction')
			.select(['id', 'category_id', 'category_source', 'rule_id'])
			.where('household_id', '=', hh)
			.where('raw_label', 'like', '%EDF%')
			.execute();
		expect(rows.find((x) => x.id === edf.id)).toMatchObject({ category_id: 'daily.other', category_source: 'manual' });
		expect(
			rows
				.filter((x) => x.id !== edf.id)
				.every((x) => x.category_id === 'fixed.other_insurance' && x.rule_id === 'hh.test.edf')
		).toBe(true);
		await expect(setCategoryManually(h.db, sc(), edf.id, 'no.such.category')).rejects.toThrow(InputError);
	});
});

describe('budget and benefits services', () => {
	it('gives the month budget and indicators', async () => {
		const v = await householdBudget(h.db, sc(), '2026-10');
		expect(v.month).toBe('2026-10');
		expect(v.budget?.income.total).toBeGreaterThan(100_000);
		expect(v.indicators?.indicators.length).toBeGreaterThan(3);
	});

	it('saves a profile, raises alerts for unclaimed benefits, and keeps their status across refreshes', async () => {
		await expect(saveProfile(h.db, sc(), { month: 'nope', members: [] })).rejects.toThrow(InputError);
		await saveProfile(
			h.db,
			sc(),
			{
				month: '2026-11',
				zone: 2,
				housing: { status: 'tenant_private', rent: '620.00', aidPaidToLandlord: false },
				savings: '0.00',
				members: [
					{
						role: 'applicant',
						birthDate: '1988-03-01',
						activity: 'unemployed_no_benefit',
						disabilityRate: 0,
						income: {}
					},
					{ role: 'child', birthDate: '2018-05-01' },
					{ role: 'child', birthDate: '2013-02-01' }
				],
				received: []
			},
			NOW
		);
		const alerts = await h.db.selectFrom('benefit_alert').selectAll().where('household_id', '=', hh).execute();
		expect(alerts.length).toBeGreaterThan(0);
		// RSA, AF and the housing aid are paid into the account: they are received, not alerts
		expect(alerts.map((a) => a.benefit)).not.toContain('rsa');
		const first = alerts[0];
		await setAlertStatus(h.db, sc(), first.id, 'claim_in_progress');
		await refreshBenefitAlerts(h.db, sc(), NOW);
		const again = await h.db
			.selectFrom('benefit_alert')
			.selectAll()
			.where('id', '=', first.id)
			.executeTakeFirstOrThrow();
		expect(again.status).toBe('claim_in_progress');
		const other = (
			await h.db
				.insertInto('household')
				.values({
					organisation_id: org,
					name: 'Autre',
					situation: null,
					created_at: NOW.toISOString(),
					archived_at: null
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		await expect(setAlertStatus(h.db, await scopeOf(other), first.id, 'obtained')).rejects.toThrow(InputError);
	});
});
