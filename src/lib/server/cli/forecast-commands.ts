/** `bgv recurring`, `bgv project`, `bgv balance set`: the forecast engines behind the web pages. */
import { centsToString, MoneyParseError, parseMoneyString } from '$lib/money';
import { isIsoDate } from '$lib/dates';
import { listAccounts } from '../services/accounts';
import { InputError } from '../services/errors';
import { householdForecast, householdSeries, setManualBalance } from '../services/forecast-service';
import { intOption, output, householdOption, stringOption } from './helpers';
import type { Command } from './types';

const json = { type: 'boolean', description: 'sortie JSON' } as const;
const household = { type: 'string', description: 'identifiant du ménage' } as const;

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
					alerts: f.alerts.map((a) => ({ kind: a.kind, date: a.date, message: a.message }))
				},
				() =>
					[
						`Solde au ${p.from} : ${centsToString(p.startBalance)} €`,
						`Point le plus bas : ${centsToString(p.lowest.balance)} € le ${p.lowest.date}`,
						p.firstOverdraft ? `Premier jour à découvert : ${p.firstOverdraft}` : 'Pas de découvert prévu.',
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
	}
];
