/**
 * The two shared benefits tables the engine reads: the dated parameters and the benefits' definitions.
 * Seeded at start-up with the defaults that are missing (admins' edits are kept), loaded for each evaluation.
 */
import type { Db } from '../db';
import {
	DEFAULT_BENEFIT_DEFINITIONS,
	DEFAULT_BENEFIT_PARAMETERS,
	type BenefitDefinition,
	type BenefitParameter,
	type ParameterUnit
} from '../benefits';

/** Inserts the default parameter versions that are missing (admins' edits are kept). */
export async function ensureBenefitParameters(db: Db, now = new Date()): Promise<void> {
	const existing = await db.selectFrom('benefit_parameter').select(['key', 'effective_from']).execute();
	const have = new Set(existing.map((e) => `${e.key}|${e.effective_from}`));
	const missing = DEFAULT_BENEFIT_PARAMETERS.filter((p) => !have.has(`${p.key}|${p.effectiveFrom}`));
	for (let i = 0; i < missing.length; i += 200) {
		await db
			.insertInto('benefit_parameter')
			.values(
				missing.slice(i, i + 200).map((p) => ({
					key: p.key,
					value: p.value,
					unit: p.unit,
					effective_from: p.effectiveFrom,
					effective_to: p.effectiveTo ?? null,
					label: p.label,
					source: p.source,
					updated_at: now.toISOString(),
					updated_by: null
				}))
			)
			.onConflict((oc) => oc.columns(['key', 'effective_from']).doNothing())
			.execute();
	}
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

/** Publishes version 1 of every benefit that has none (admins' versions are kept). */
export async function ensureBenefitDefinitions(db: Db, now = new Date()): Promise<void> {
	const have = new Set(
		(await db.selectFrom('benefit_definition').select('benefit').distinct().execute()).map((r) => r.benefit)
	);
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
