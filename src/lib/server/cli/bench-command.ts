/**
 * `bgv bench`: the speed and memory targets of the issues, each reported against a baseline measured in
 * the same run (machines are shared and noisy, so ratios matter more than absolute times).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '../db';
import { prepareDatabase } from '../services/reference-data';
import { benchCategorise } from '../rules/bench';
import { benchProjection } from '../projection/bench';
import { DEFAULT_BENEFIT_PARAMETERS, evaluateBenefits, nonRecoursSummary, type HouseholdProfile } from '../benefits';
import { operatorScope } from '../auth/access';
import { seedDemo } from '$db/seeds/demo';
import { loadHistory } from '../services/forecast-service';
import { backtestPanel, type BacktestHouseholdInput } from '../projection/backtest-panel';
import { benchSyntheticPanel } from '../projection/panel-bench';
import { backtestJson } from './forecast-commands';
import { benchAccuracy, benchNormalise, benchRules } from './bench-rules';
import { benchImport, ms, workerRun } from './bench-import';
import { httpBenchReport } from './bench-http-options';
import type { Command } from './types';

/** 1,000 varied households (a caseload refresh) through the benefits engine. */
function benchBenefits(n: number) {
	const profiles: HouseholdProfile[] = [];
	for (let i = 0; i < n; i++) {
		const children = i % 5;
		profiles.push({
			month: '2026-07',
			zone: ((i % 3) + 1) as 1 | 2 | 3,
			housing: {
				status: i % 4 === 0 ? 'tenant_social' : 'tenant_private',
				rent: `${350 + (i % 400)}.00`,
				aidPaidToLandlord: false
			},
			savings: `${(i * 37) % 5000}.00`,
			members: [
				{
					role: 'applicant',
					birthDate: `${1950 + (i % 50)}-05-01`,
					activity: i % 3 === 0 ? 'employed' : 'unemployed_no_benefit',
					disabilityRate: i % 11 === 0 ? 80 : 0,
					income: { salary: `${(i * 53) % 1800}.00` }
				},
				...(i % 2 === 0
					? [
							{
								role: 'partner' as const,
								birthDate: '1985-01-01',
								activity: 'employed' as const,
								income: { salary: `${(i * 29) % 1500}.00` }
							}
						]
					: []),
				...Array.from({ length: children }, (_, k) => ({
					role: 'child' as const,
					birthDate: `${2010 + ((i + k) % 15)}-03-01`
				}))
			],
			received: i % 7 === 0 ? ['af'] : []
		});
	}
	const t = process.hrtime.bigint();
	let found = 0;
	for (const p of profiles) found += nonRecoursSummary(evaluateBenefits(p, DEFAULT_BENEFIT_PARAMETERS)).count;
	const total = ms(t);
	return { households: n, totalMs: Math.round(total), targetMs: 1000, benefitsFound: found };
}

/**
 * Backtest over the demo households (seeded in a throw-away database) and over the synthetic panel: project
 * from the end of month M−1 with what was known then, compare the end of month M, against the naive
 * baseline that repeats last month's net change; and the series precision and recall on the panel.
 */
async function benchBacktest() {
	const dir = mkdtempSync(join(tmpdir(), 'bgv-backtest-'));
	try {
		const handle = createDb({ dialect: 'sqlite', path: join(dir, 'demo.sqlite') });
		await prepareDatabase(handle.db);
		const seed = await seedDemo(handle.db);
		const inputs: BacktestHouseholdInput[] = [];
		for (const [name, id] of Object.entries(seed.households)) {
			const scope = await operatorScope(handle.db, id);
			if (!scope) continue;
			const history = await loadHistory(handle.db, scope);
			if (!history.balance) continue;
			inputs.push({
				id,
				name,
				txs: history.txs,
				balance: { date: history.balance.date, balance: history.balance.amount }
			});
		}
		await handle.close();
		const demo = backtestJson(backtestPanel(inputs, { months: 6 }), false);
		const synthetic = benchSyntheticPanel();
		return {
			...demo,
			target: 'meanAbsError ≤ 80 % de naiveMeanAbsError (gain ≥ 20 %), sur la démo et sur le panel synthétique',
			synthetic: { ...backtestJson(synthetic.backtest, false), series: synthetic.series }
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

export const benchCommand: Command = {
	words: ['bench'],
	summary: 'mesures de vitesse et de mémoire (import, catégorisation, prévisions, droits), en JSON',
	usage:
		'bench [--quick] [--only import|backtest|rules|normalise|http] [--runs 3] [--households 1000 --months 24 --duration 20 --connections 20] --json',
	options: {
		quick: { type: 'boolean', description: 'tailles réduites' },
		only: { type: 'string', description: 'ne mesurer que cette partie (import, backtest, rules, normalise ou http)' },
		households: { type: 'string', description: 'HTTP : ménages synthétiques semés (1000 par défaut)' },
		months: { type: 'string', description: 'HTTP : mois de relevés par ménage (24 par défaut)' },
		duration: { type: 'string', description: 'HTTP : secondes de charge par page (20 par défaut)' },
		connections: { type: 'string', description: 'HTTP : connexions simultanées (20 par défaut)' },
		runs: { type: 'string', description: "nombre de mesures de l'import et du plancher (3 par défaut)" },
		worker: {
			type: 'string',
			description: 'usage interne : une mesure (import, floor ou table-floor) dans ce processus'
		},
		file: { type: 'string', description: 'usage interne : le fichier mesuré' },
		household: { type: 'string', description: 'usage interne : le ménage qui reçoit l’import' },
		json: { type: 'boolean', description: 'sortie JSON' }
	},
	async run(ctx) {
		if (typeof ctx.options.worker === 'string') {
			const report = await workerRun(ctx, ctx.options.worker, String(ctx.options.file), Number(ctx.options.household));
			ctx.io.out(JSON.stringify(report));
			return;
		}
		const quick = ctx.options.quick === true;
		const runs = Math.max(1, Number(ctx.options.runs ?? 3) || 3);
		if (ctx.options.only === 'backtest') {
			ctx.io.err('Rétro-test des prévisions…');
			const backtest = await benchBacktest();
			ctx.io.out(JSON.stringify({ node: process.version, quick, backtest }, null, ctx.json ? 0 : 2));
			return;
		}
		if (ctx.options.only === 'http') {
			const http = await httpBenchReport(ctx, quick, true);
			ctx.io.out(JSON.stringify({ node: process.version, quick, http }, null, ctx.json ? 0 : 2));
			return;
		}
		const labels = quick ? 100_000 : 1_000_000;
		if (ctx.options.only === 'normalise' || ctx.options.only === 'rules') {
			ctx.io.err('Normalisation des libellés…');
			const normalise = benchNormalise(labels, runs);
			const report: Record<string, unknown> = { node: process.version, quick, normalise };
			if (ctx.options.only === 'rules') {
				report.accuracy = benchAccuracy();
				ctx.io.err('Règles : moteur compilé contre boucle naïve…');
				report.categorise = benchCategorise(quick ? 20_000 : 100_000);
				report.rulesAtScale = await benchRules(labels, quick ? 2_000 : 10_000);
			}
			ctx.io.out(JSON.stringify(report, null, ctx.json ? 0 : 2));
			return;
		}
		ctx.io.err('Import…');
		const importBench = await benchImport(quick ? 10_000 : 100_000, runs);
		if (ctx.options.only === 'import') {
			ctx.io.out(JSON.stringify({ node: process.version, quick, import: importBench }, null, ctx.json ? 0 : 2));
			return;
		}
		ctx.io.err('Catégorisation…');
		const rules = benchCategorise(quick ? 20_000 : 100_000);
		ctx.io.err('Règles : moteur compilé contre boucle naïve…');
		const rulesAtScale = await benchRules(labels, quick ? 2_000 : 10_000);
		ctx.io.err('Normalisation des libellés…');
		const normalise = benchNormalise(labels, runs);
		const accuracy = benchAccuracy();
		ctx.io.err('Prévisions…');
		const projection = benchProjection({ runs: quick ? 3 : 9 });
		ctx.io.err('Droits…');
		const benefits = benchBenefits(1000);
		ctx.io.err('Rétro-test des prévisions…');
		const backtest = await benchBacktest();
		const http = await httpBenchReport(ctx, quick, false);
		const report = {
			node: process.version,
			quick,
			import: importBench,
			categorise: rules,
			rulesAtScale,
			normalise,
			accuracy,
			projection,
			benefits,
			backtest,
			http
		};
		ctx.io.out(JSON.stringify(report, null, ctx.json ? 0 : 2));
	}
};
