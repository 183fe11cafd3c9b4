/** Small helpers shared by the command implementations: option reading and output. */
import { InputError } from '../services/errors';
import type { CliContext } from './types';

export function stringOption(ctx: CliContext, name: string, required: true): string;
export function stringOption(ctx: CliContext, name: string, required?: false): string | undefined;
export function stringOption(ctx: CliContext, name: string, required = false): string | undefined {
	const v = ctx.options[name];
	if (typeof v === 'string' && v !== '') return v;
	if (required) throw new InputError(`option --${name} obligatoire`, name);
	return undefined;
}

export function idOption(ctx: CliContext, name: string): number {
	const raw = stringOption(ctx, name, true);
	const id = Number(raw);
	if (!Number.isSafeInteger(id) || id <= 0)
		throw new InputError(`--${name} attend un identifiant numérique, reçu « ${raw} »`, name);
	return id;
}

export function intOption(ctx: CliContext, name: string, fallback: number, min: number, max: number): number {
	const raw = stringOption(ctx, name);
	if (raw === undefined) return fallback;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < min || n > max)
		throw new InputError(`--${name} attend un entier entre ${min} et ${max}, reçu « ${raw} »`, name);
	return n;
}

/** Writes the JSON document under --json, else the readable French text. */
export function output(ctx: CliContext, json: unknown, text: () => string): void {
	if (ctx.json) ctx.io.out(JSON.stringify(json));
	else ctx.io.out(text());
}

/** Checks that a household exists, for commands that take --household. */
export async function requireHouseholdId(ctx: CliContext): Promise<number> {
	const id = idOption(ctx, 'household');
	const row = await ctx.handle.db.selectFrom('household').select('id').where('id', '=', id).executeTakeFirst();
	if (!row) throw new InputError(`ménage ${id} inconnu`, 'household');
	return id;
}
