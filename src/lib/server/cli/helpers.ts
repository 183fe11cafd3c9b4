/** Small helpers shared by the command implementations: option reading and output. */
import { operatorScope, type HouseholdScope } from '../auth/access';
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

/** The operator's scope on the household of --household (the command line acts for the deployment's operator). */
export async function householdOption(ctx: CliContext): Promise<HouseholdScope> {
	const id = idOption(ctx, 'household');
	const scope = await operatorScope(ctx.handle.db, id);
	if (!scope) throw new InputError(`ménage ${id} inconnu`, 'household');
	return scope;
}
