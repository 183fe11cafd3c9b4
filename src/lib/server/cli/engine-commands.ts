/** `bgv categorise`, `bgv household profile`, `bgv benefits`: the engines behind the web pages. */
import { parseMoneyString, MoneyParseError } from '$lib/money';
import { isIsoDate, today } from '$lib/dates';
import { parseProfile } from '../benefits';
import { InputError } from '../services/errors';
import { evaluateProfile, saveProfile } from '../services/benefits-service';
import { loadCategoriser } from '../services/categoriser';
import { output, householdOption, stringOption } from './helpers';
import type { CliContext, Command } from './types';

async function readJsonFile(ctx: CliContext, option: string): Promise<unknown> {
	const path = stringOption(ctx, option, true);
	let text: string;
	try {
		text = new TextDecoder().decode(await ctx.io.readFile(path));
	} catch {
		throw new InputError(`fichier illisible : ${path}`, option);
	}
	try {
		return JSON.parse(text);
	} catch (e) {
		throw new InputError(`${path} n'est pas du JSON valide (${e instanceof Error ? e.message : String(e)})`, option);
	}
}

export const engineCommands: Command[] = [
	{
		words: ['categorise'],
		summary: 'catégorise des opérations lues en JSON Lines sur l’entrée standard ({"label", "amount", "date"?})',
		usage: 'categorise [--household ID] --json < operations.jsonl',
		options: {
			household: { type: 'string', description: 'applique aussi les règles de ce ménage' },
			json: { type: 'boolean', description: 'sortie JSON Lines' }
		},
		async run(ctx) {
			const scope = ctx.options.household ? await householdOption(ctx) : null;
			const categorise = await loadCategoriser(ctx.handle.db, scope ?? { organisationId: null, householdId: null });
			let line = 0;
			const out: string[] = [];
			for await (const raw of ctx.io.readLines()) {
				line++;
				if (raw.trim() === '') continue;
				let input: { label?: unknown; amount?: unknown; date?: unknown };
				try {
					input = JSON.parse(raw);
				} catch {
					throw new InputError('ligne JSON illisible', null, line);
				}
				if (typeof input.label !== 'string') throw new InputError('champ "label" manquant', 'label', line);
				if (typeof input.amount !== 'string')
					throw new InputError('champ "amount" attendu comme chaîne "-12.34"', 'amount', line);
				let amount: number;
				try {
					amount = parseMoneyString(input.amount);
				} catch (e) {
					throw new InputError(e instanceof MoneyParseError ? e.message : 'montant illisible', 'amount', line);
				}
				const date = typeof input.date === 'string' && isIsoDate(input.date) ? input.date : today();
				const r = categorise({ rawLabel: input.label, amount, date, accountId: 0 });
				out.push(JSON.stringify({ category: r.category, payee: r.payee, ruleId: r.ruleId }));
			}
			// All lines are checked before anything is printed: a bad line rejects the whole input.
			for (const l of out) ctx.io.out(l);
		}
	},
	{
		words: ['household', 'profile'],
		summary: 'enregistre le profil d’un ménage (shared/contracts/profile.md) pour le calcul des droits',
		usage: 'household profile --household ID --file PROFIL.json [--json]',
		options: {
			household: { type: 'string', description: 'identifiant du ménage' },
			file: { type: 'string', description: 'profil JSON' },
			json: { type: 'boolean', description: 'sortie JSON' }
		},
		async run(ctx) {
			const scope = await householdOption(ctx);
			const json = await readJsonFile(ctx, 'file');
			await saveProfile(ctx.handle.db, scope, json);
			const id = scope.householdId;
			output(ctx, { household: String(id), saved: true }, () => `Profil du ménage ${id} enregistré.`);
		}
	},
	{
		words: ['benefits'],
		summary: 'droits probablement non réclamés pour un profil (avec les relevés du ménage comme preuves)',
		usage: 'benefits --profile PROFIL.json [--household ID] --json',
		options: {
			profile: { type: 'string', description: 'profil JSON' },
			household: { type: 'string', description: 'ménage dont les relevés servent de preuves' },
			json: { type: 'boolean', description: 'sortie JSON' }
		},
		async run(ctx) {
			const json = await readJsonFile(ctx, 'profile');
			const parsed = parseProfile(json);
			if ('errors' in parsed) {
				throw new InputError(
					parsed.errors.map((e) => `${e.field ? `${e.field} : ` : ''}${e.message}`).join(' ; '),
					parsed.errors[0]?.field ?? null
				);
			}
			const scope = ctx.options.household ? await householdOption(ctx) : null;
			const result = await evaluateProfile(ctx.handle.db, parsed.profile, scope);
			output(ctx, result, () =>
				[
					`Droits pour ${result.month} :`,
					...result.results
						.filter((r) => r.status !== 'not_eligible')
						.map(
							(r) =>
								`  ${r.label} : ${r.status}${r.amount ? `, ${r.amount} € / ${r.period === 'month' ? 'mois' : r.period === 'year' ? 'an' : 'une fois'}` : ''}`
						)
				].join('\n')
			);
		}
	}
];
