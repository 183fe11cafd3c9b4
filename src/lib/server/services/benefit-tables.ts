/**
 * The two shared benefits tables the engine reads: the dated parameters and the benefits' definitions.
 * Brought to the defaults at start-up (admins' versions are kept), loaded for each evaluation.
 */
import type { Db } from '../db';
import {
	DEFAULT_BENEFIT_DEFINITIONS,
	DEFAULT_BENEFIT_PARAMETERS,
	type BenefitDefinition,
	planParameterSync,
	type BenefitParameter,
	type ParameterUnit,
	type StoredParameter
} from '../benefits';

/**
 * Brings the stored parameter table to the defaults (benefits/parameter-sync.ts): inserts the default
 * versions that are missing, rewrites the seeded versions no admin touched, and keeps every version an
 * admin published or closed; a default version never overlaps a kept one. Idempotent (run at start-up).
 */
export async function ensureBenefitParameters(db: Db, now = new Date()): Promise<void> {
	const rows = await db.selectFrom('benefit_parameter').selectAll().execute();
	const stored: StoredParameter[] = rows.map((r) => ({
		key: r.key,
		value: r.value,
		unit: r.unit as ParameterUnit,
		effectiveFrom: r.effective_from,
		effectiveTo: r.effective_to,
		label: r.label,
		source: r.source,
		edited: r.updated_by !== null
	}));
	const plan = planParameterSync(stored, DEFAULT_BENEFIT_PARAMETERS);
	if (plan.insert.length === 0 && plan.update.length === 0) return;
	const at = now.toISOString();
	await db.transaction().execute(async (trx) => {
		for (let i = 0; i < plan.insert.length; i += 200) {
			await trx
				.insertInto('benefit_parameter')
				.values(
					plan.insert.slice(i, i + 200).map((p) => ({
						key: p.key,
						value: p.value,
						unit: p.unit,
						effective_from: p.effectiveFrom,
						effective_to: p.effectiveTo ?? null,
						label: p.label,
						source: p.source,
						updated_at: at,
						updated_by: null
					}))
				)
				.onConflict((oc) => oc.columns(['key', 'effective_from']).doNothing())
				.execute();
		}
		for (const p of plan.update) {
			await trx
				.updateTable('benefit_parameter')
				.set({
					value: p.value,
					unit: p.unit,
					effective_to: p.effectiveTo ?? null,
					label: p.label,
					source: p.source,
					updated_at: at
				})
				.where('key', '=', p.key)
				.where('effective_from', '=', p.effectiveFrom)
				.where('updated_by', 'is', null)
				.execute();
		}
	});
}

export async function loadParameters(db: Db): Promise<BenefitParameter[]> {
	const rows = await db.selectFrom('benefit_parameter').selectAll().orderBy('key').orderBy('effective_from').execute();
	if (rows.length === 0) return [...DEFAULT_BENEFIT_PARAMETERS];
	return rows.map((r) => ({
		key: r.key,
		value: r.value,
		unit: r.unit as ParameterUnit,
		effectiveFrom: r.effective_from,
		effectiveTo: r.effective_to,
		label: r.label,
		source: r.source
	}));
}

/**
 * A version 1 published by BGV itself (no admin edited it) whose only difference from the current default is
 * the apostrophe (' written ’ since 2026-12) takes the default's text in place: it is the same version,
 * typeset. Anything else an admin published, or any other difference, is left as it is.
 */
async function retypesetSeededDefinitions(db: Db): Promise<void> {
	const seeded = await db
		.selectFrom('benefit_definition')
		.select(['id', 'benefit', 'definition'])
		.where('version', '=', 1)
		.where('created_by', 'is', null)
		.execute();
	const defaults = new Map<string, string>(DEFAULT_BENEFIT_DEFINITIONS.map((d) => [d.id, JSON.stringify(d)]));
	for (const row of seeded) {
		const wanted = defaults.get(row.benefit);
		if (!wanted || wanted === row.definition) continue;
		if (row.definition.replace(/'/g, '’') !== wanted.replace(/'/g, '’')) continue;
		await db.updateTable('benefit_definition').set({ definition: wanted }).where('id', '=', row.id).execute();
	}
}

/** Publishes version 1 of every benefit that has none (admins' versions are kept). */
export async function ensureBenefitDefinitions(db: Db, now = new Date()): Promise<void> {
	const have = new Set(
		(await db.selectFrom('benefit_definition').select('benefit').distinct().execute()).map((r) => r.benefit)
	);
	await retypesetSeededDefinitions(db);
	const missing = DEFAULT_BENEFIT_DEFINITIONS.filter((d) => !have.has(d.id));
	if (missing.length === 0) return;
	await db
		.insertInto('benefit_definition')
		.values(
			missing.map((d) => ({
				benefit: d.id,
				version: 1,
				definition: JSON.stringify(d),
				note: 'Version initiale',
				created_at: now.toISOString(),
				created_by: null
			}))
		)
		.onConflict((oc) => oc.columns(['benefit', 'version']).doNothing())
		.execute();
}

/** The definitions in force: the highest version of each benefit. */
export async function loadDefinitions(db: Db): Promise<BenefitDefinition[]> {
	const rows = await db
		.selectFrom('benefit_definition as d')
		.select(['d.benefit', 'd.definition'])
		.where(({ eb, selectFrom }) =>
			eb(
				'd.version',
				'=',
				selectFrom('benefit_definition as l')
					.select((x) => x.fn.max('l.version').as('v'))
					.whereRef('l.benefit', '=', 'd.benefit')
			)
		)
		.execute();
	const byId = new Map(rows.map((r) => [r.benefit, JSON.parse(r.definition) as BenefitDefinition]));
	return DEFAULT_BENEFIT_DEFINITIONS.map((d) => byId.get(d.id) ?? d);
}
