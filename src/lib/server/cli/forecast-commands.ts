/**
 * `bgv recurring`, `bgv project`, `bgv balance set`, `bgv backtest`: the forecast engines behind the web
 * pages, and the check of the projection against what happened.
 */
import { centsToString, MoneyParseError, parseMoneyString } from '$lib/money';
import { isIsoDate } from '$lib/dates';
import { listAccounts } from '../services/accounts';
import { InputError } from '../services/errors';
import {
	householdForecast,
	householdSeries,
	listForecastHouseholds,
	loadHistory,
	setManualBalance
} from '../services/forecast-service';
import { operatorScope } from '../auth/access';
import { backtestPanel, type BacktestHouseholdInput, type BacktestPanelResult } from '../projection/backtest-panel';
import { householdOption, intOption, output, stringOption } from './helpers';
import type { CliContext, Command } from './types';

const json = { type: 'boolean', description: 'sortie JSON' } as const;
const household = { type: 'string', description: 'identifiant du ménage' } as const;

/** The households of the database with a known balance, read through the forecast service. */
async function backtestInputs(ctx: CliContext): Promise<BacktestHouseholdInput[]> {
	const targets =
		typeof ctx.options.household === 'string'
			? [{ id: (await householdOption(ctx)).householdId, name: '' }]
			: await listForecastHouseholds(ctx.handle.db);
	const inputs: BacktestHouseholdInput[] = [];
	for (const t of targets) {
		const scope = await operatorScope(ctx.handle.db, t.id);
		if (!scope) continue;
		const h = await loadHistory(ctx.handle.db, scope);
		if (!h.balance) continue;
		inputs.push({ id: t.id, name: t.name, txs: h.txs, balance: { date: h.balance.date, balance: h.balance.amount } });
	}
	return inputs;
}

/** The contract's JSON of a backtest (money as strings); `perMonth` at the top for a single household. */
export function backtestJson(r: BacktestPanelResult, single: boolean) {
	const households = r.households.map((h) => ({
		household: String(h.id),
		name: h.name,
		months: h.results.map((x) => x.month),
		meanAbsError: centsToString(h.meanAbsError),
		naiveMeanAbsError: centsToString(h.naiveMeanAbsError),
		perMonth: h.results.map((x) => ({
			month: x.month,
			startBalance: centsToString(x.startBalance),
			projected: centsToString(x.predicted),
			actual: centsToString(x.actual),
			naive: centsToString(x.naivePredicted)
		}))
	}));
	return {
		months: r.months,
		meanAbsError: centsToString(r.meanAbsError),
		naiveMeanAbsError: centsToString(r.naiveMeanAbsError),
		improvement: r.improvementBp === null ? null : (r.improvementBp / 10000).toFixed(4),
		...(single ? { perMonth: households[0]?.perMonth ?? [] } : {}),
		households
	};
}

function backtestText(r: BacktestPanelResult): string {
	const pct = r.improvementBp === null ? '—' : `${(r.improvementBp / 100).toFixed(1).replace('.', ',')} %`;
	return [
		`Mois testés : ${r.months.join(', ') || 'aucun'}`,
		...r.households.map(
			(h) =>
				`${h.name || `Ménage ${h.id}`} : écart moyen ${centsToString(h.meanAbsError)} € (naïf ${centsToString(h.naiveMeanAbsError)} €)`
		),
		`Ensemble : écart moyen ${centsToString(r.meanAbsError)} € contre ${centsToString(r.naiveMeanAbsError)} € pour « comme le mois dernier » (gain ${pct}).`
	].join('\n');
}

export const forecastCommands: Command[] = [
	{
		words: ['recurring'],
		summary: 'paiements et revenus récurrents détectés (avec les choix du ménage)',
		usage: 'recurring --household ID --json',
		options: { household, json },
		async run(ctx) {
			const scope = await householdOption(ctx);
			const series = await householdSeries(ctx.handle.db, scope);
			output(
				ctx,
				{
					series: series.map((s) => ({
						payee: s.payee,
						category: s.category,
						cadence: s.cadence,
						amount: centsToString(s.amount),
						nextDate: s.nextDate,
						occurrences: s.occurrences,
						confidence: s.confidence,
						status: s.status,
						key: s.key,
						review: s.review
					}))
				},
				() =>
					series
						.map(
							(s) =>
								`${s.status === 'active' ? '●' : '○'} ${s.payee} : ${centsToString(s.amount)} € ${s.cadence}, prochain ${s.nextDate ?? '—'}`
						)
						.join('\n') || 'Aucune série détectée.'
			);
		}
	},
	{
		words: ['project'],
		summary: 'solde projeté jour par jour (90 jours par défaut, 365 au plus)',
		usage: 'project --household ID [--days 90] --json',
		options: { household, days: { type: 'string', description: 'nombre de jours (1 à 365)' }, json },
		async run(ctx) {
			const scope = await householdOption(ctx);
			const days = intOption(ctx, 'days', 90, 1, 365);
			const f = await householdForecast(ctx.handle.db, scope, { days });
			if (!f.projection) throw new InputError(f.missing ?? 'projection impossible');
			const p = f.projection;
			output(
				ctx,
				{
					from: p.from,
					startBalance: centsToString(p.startBalance),
					days: p.days.map((d) => ({ date: d.date, balance: centsToString(d.balance) })),
					lowest: { date: p.lowest.date, balance: centsToString(p.lowest.balance) },
					firstOverdraft: p.firstOverdraft,
					events: p.events.map((e) => ({
						date: e.date,
						label: e.label,
						amount: centsToString(e.amount),
						source: e.source
					})),
					overdraftCost: { total: centsToString(p.overdraftCost.total) },
					balanceAge: p.balanceAge && {
						date: p.balanceAge.date,
						days: p.balanceAge.days,
						stale: p.balanceAge.stale,
						message: p.balanceAge.message
					},
					overdrawn: f.overdrawn && {
						since: f.overdrawn.since,
						balance: centsToString(f.overdrawn.balance),
						interestPerDay: centsToString(f.overdrawn.interestPerDay),
						beyondLimit: f.overdrawn.beyondLimit,
						backToPositive: f.overdrawn.backToPositive,
						message: f.overdrawn.message
					},
					alerts: f.alerts.map((a) => ({ kind: a.kind, date: a.date, message: a.message }))
				},
				() =>
					[
						`Solde au ${p.from} : ${centsToString(p.startBalance)} €`,
						...(p.balanceAge ? [p.balanceAge.message] : []),
						`Point le plus bas : ${centsToString(p.lowest.balance)} € le ${p.lowest.date}`,
						f.overdrawn
							? `À découvert depuis le ${f.overdrawn.since}`
							: p.firstOverdraft
								? `Premier jour à découvert : ${p.firstOverdraft}`
								: 'Pas de découvert prévu.',
						...f.alerts.map((a) => `! ${a.message}`)
					].join('\n')
			);
		}
	},
	{
		words: ['balance', 'set'],
		summary: "enregistre le solde d'un compte à une date (lu sur l'appli de la banque)",
		usage: 'balance set --household ID --account NOM --date AAAA-MM-JJ --amount 123.45 [--json]',
		options: {
			household,
			account: { type: 'string', description: 'nom du compte' },
			date: { type: 'string', description: 'date du solde' },
			amount: { type: 'string', description: 'solde, ex. -45.20' },
			json
		},
		async run(ctx) {
			const scope = await householdOption(ctx);
			const date = stringOption(ctx, 'date', true);
			if (!isIsoDate(date)) throw new InputError(`--date attend AAAA-MM-JJ, reçu « ${date} »`, 'date');
			let amount: number;
			try {
				amount = parseMoneyString(stringOption(ctx, 'amount', true));
			} catch (e) {
				throw new InputError(e instanceof MoneyParseError ? e.message : 'montant illisible', 'amount');
			}
			const name = stringOption(ctx, 'account', true);
			const account = (await listAccounts(ctx.handle.db, scope)).find((a) => a.name === name);
			if (!account) throw new InputError(`compte « ${name} » inconnu pour ce ménage`, 'account');
			await setManualBalance(ctx.handle.db, scope, account.id, date, amount);
			output(
				ctx,
				{ account: name, date, balance: centsToString(amount) },
				() => `Solde enregistré : ${centsToString(amount)} € au ${date}.`
			);
		}
	},
	{
		words: ['backtest'],
		summary:
			'rétro-test des prévisions : projeté depuis la fin du mois M−1 avec ce qui était connu alors, comparé au solde de fin de M (et à « comme le mois dernier »)',
		usage: 'backtest [--household ID] [--months 6] --json',
		options: {
			household: { type: 'string', description: 'identifiant du ménage (tous les ménages sinon)' },
			months: {
				type: 'string',
				description: 'nombre de mois testés, jusqu’au dernier mois complet des relevés (6 par défaut)'
			},
			json
		},
		async run(ctx) {
			const months = intOption(ctx, 'months', 6, 1, 36);
			const single = typeof ctx.options.household === 'string';
			const inputs = await backtestInputs(ctx);
			if (single && inputs.length === 0) throw new InputError('Aucun solde connu pour ce ménage : rien à comparer.');
			const r = backtestPanel(inputs, { months });
			output(ctx, backtestJson(r, single), () => backtestText(r));
		}
	}
];
