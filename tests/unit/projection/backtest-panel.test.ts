import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backtestMonthsEndingAt } from '$lib/server/projection/backtest';
import { backtestPanel } from '$lib/server/projection/backtest-panel';
import { backtestSyntheticPanel, scorePanelSeries } from '$lib/server/projection/panel-bench';
import { generatePanel } from '$lib/server/projection/synthetic-panel';
import { ARCHETYPES } from '$lib/server/projection/synthetic-panel-archetypes';
import { runCli } from '$lib/server/cli/run';
import type { CliIo } from '$lib/server/cli/types';
import { parseDatabaseUrl } from '$lib/server/config';
import { openDatabase } from '$lib/server/services/reference-data';
import { seedDemo } from '$db/seeds/demo';
import { createTestDatabaseUrl } from '../../helpers/test-db';

describe('backtest months', () => {
	it('are chosen from the data: the last complete month of the statements and the ones before', () => {
		expect(backtestMonthsEndingAt('2026-12-01', 3)).toEqual(['2026-09', '2026-10', '2026-11']);
		expect(backtestMonthsEndingAt('2026-11-30', 2)).toEqual(['2026-10', '2026-11']);
		expect(backtestMonthsEndingAt('2026-11-26', 2)).toEqual(['2026-09', '2026-10']);
	});

	it('need the whole month before them in the data', () => {
		const txs = ['2026-08-20', '2026-09-10', '2026-10-10', '2026-11-10'].map((date, i) => ({
			id: i,
			date,
			amount: -1_000 * (i + 1),
			payee: null,
			normalisedLabel: 'CB LIDL',
			category: 'daily.groceries',
			accountId: 1
		}));
		const r = backtestPanel([{ id: 1, name: 'x', txs, balance: { date: '2026-11-30', balance: 0 } }], { months: 6 });
		// September is not tested: August, the month before it, starts on the 20th
		expect(r.months).toEqual(['2026-10', '2026-11']);
		expect(r.households[0].results.map((x) => x.naivePredicted - x.startBalance)).toEqual([-2_000, -3_000]);
	});
});

describe('the synthetic panel', () => {
	const panel = generatePanel();

	it('has at least 20 households of every archetype, written apart from the engines', () => {
		expect(panel.length).toBeGreaterThanOrEqual(20);
		expect(new Set(panel.map((h) => h.pattern))).toEqual(new Set(ARCHETYPES.map((a) => a.name)));
		// the same at every run
		expect(generatePanel()[5].txs.slice(0, 20)).toEqual(panel[5].txs.slice(0, 20));
		for (const h of panel) {
			expect(h.planted.length).toBeGreaterThanOrEqual(4);
			expect(h.txs.every((t) => t.date <= h.balance.date)).toBe(true);
		}
	});

	it('gets its planted series found with precision and recall of 95 % at least', () => {
		const score = scorePanelSeries(panel);
		expect(score.detectable).toBeGreaterThan(100);
		expect(score.precision).toBeGreaterThanOrEqual(0.95);
		expect(score.recall).toBeGreaterThanOrEqual(0.95);
		expect(score.statusAccuracy).toBeGreaterThanOrEqual(0.95);
	});

	it('is forecast at least 20 % better than "same as last month"', () => {
		const r = backtestSyntheticPanel(panel);
		expect(r.months).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
		expect(r.households).toHaveLength(panel.length);
		expect(r.meanAbsError).toBeLessThanOrEqual(r.naiveMeanAbsError * 0.8);
		expect(r.improvementBp).toBeGreaterThanOrEqual(2000);
	});
});

describe('bgv backtest on the demo households', () => {
	const env: Record<string, string> = {};
	let drop: () => Promise<void>;
	let ids: Record<string, number>;
	beforeAll(async () => {
		const t = await createTestDatabaseUrl();
		env.DATABASE_URL = t.url;
		drop = t.drop;
		const handle = await openDatabase(parseDatabaseUrl(t.url));
		ids = (await seedDemo(handle.db, new Date('2026-12-02T10:00:00Z'))).households;
		await handle.close();
	}, 120_000);
	afterAll(() => drop());

	function io() {
		const out: string[] = [];
		const value: CliIo = {
			out: (t) => void out.push(t),
			err: () => undefined,
			readLines: async function* () {},
			readFile: async () => new Uint8Array()
		};
		return { out, io: value };
	}

	it('beats the naive forecast by 20 % at least over all households (contract JSON)', async () => {
		const a = io();
		expect(await runCli(['backtest', '--json'], a.io, env)).toBe(0);
		expect(a.out).toHaveLength(1);
		const r = JSON.parse(a.out[0]);
		expect(r.months).toContain('2026-11');
		expect(r.meanAbsError).toMatch(/^\d+\.\d{2}$/);
		expect(Number(r.meanAbsError)).toBeLessThanOrEqual(Number(r.naiveMeanAbsError) * 0.8);
		expect(r.households).toHaveLength(14);
		expect(r.households[0]).toMatchObject({ meanAbsError: expect.stringMatching(/^\d+\.\d{2}$/) });
		expect(r).not.toHaveProperty('perMonth');
	}, 60_000);

	it('gives the months of one household, and refuses an unknown one', async () => {
		const a = io();
		const id = ids['Famille Martin'];
		expect(await runCli(['backtest', '--household', String(id), '--months', '3', '--json'], a.io, env)).toBe(0);
		const r = JSON.parse(a.out[0]);
		expect(r.months).toEqual(['2026-09', '2026-10', '2026-11']);
		expect(r.perMonth).toHaveLength(3);
		expect(r.perMonth[0]).toEqual({
			month: '2026-09',
			startBalance: expect.stringMatching(/^-?\d+\.\d{2}$/),
			projected: expect.stringMatching(/^-?\d+\.\d{2}$/),
			actual: expect.stringMatching(/^-?\d+\.\d{2}$/),
			naive: expect.stringMatching(/^-?\d+\.\d{2}$/)
		});
		const b = io();
		expect(await runCli(['backtest', '--household', '999999', '--json'], b.io, env)).toBe(2);
		expect(JSON.parse(b.out[0]).error.message).toMatch(/inconnu/);
	}, 60_000);
});
