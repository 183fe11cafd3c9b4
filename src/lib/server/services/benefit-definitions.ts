/**
 * The benefits table as data: each benefit's published definitions (texts, payer, evidence patterns,
 * conditions, named formula), versioned. Admins preview a change against the stored test profiles, then
 * publish it as a new version; the previous versions stay as the history.
 */
import type { Db } from '../db';
import {
	evaluateBenefits,
	normaliseLabel,
	validateDefinition,
	BENEFIT_IDS,
	type BenefitDefinition,
	type BenefitId,
	type BenefitParameter,
	type HouseholdProfile
} from '../benefits';
import { audit } from './audit';
import { requirePlatformAdmin } from './platform';
import { InputError, NotFoundError } from './errors';
import { loadDefinitions, loadParameters } from './benefit-tables';
import { profileDifferences, storedProfiles, type ProfileDifference } from './benefits-service';

export { loadDefinitions };

export interface DefinitionVersion {
	version: number;
	definition: BenefitDefinition;
	note: string;
	createdAt: string;
	createdBy: string | null;
}

/** Every published version of a benefit, newest first. */
export async function definitionHistory(db: Db, benefit: BenefitId): Promise<DefinitionVersion[]> {
	if (!BENEFIT_IDS.includes(benefit)) throw new NotFoundError('Prestation inconnue.');
	const rows = await db
		.selectFrom('benefit_definition as d')
		.leftJoin('app_user as u', 'u.id', 'd.created_by')
		.select(['d.version', 'd.definition', 'd.note', 'd.created_at', 'u.name'])
		.where('d.benefit', '=', benefit)
		.orderBy('d.version', 'desc')
		.execute();
	return rows.map((r) => ({
		version: r.version,
		definition: JSON.parse(r.definition) as BenefitDefinition,
		note: r.note,
		createdAt: r.created_at,
		createdBy: r.name ?? null
	}));
}

function paramKeys(params: readonly BenefitParameter[]): Set<string> {
	return new Set(params.map((p) => p.key));
}

/** Phrases as the evidence matcher reads labels: uppercase, no accents or punctuation, one space. */
export function normalisePhrases(lines: string[]): string[] {
	return [...new Set(lines.map((l) => normaliseLabel(l).trim()).filter((l) => l !== ''))];
}

export interface DefinitionPreview {
	problems: string[];
	differences: ProfileDifference[];
	profilesChecked: number;
}

/**
 * Runs a proposed definition against the stored test profiles (the organisation's household profiles and
 * the reference profiles) for `month`, and lists the results that would change.
 */
export async function previewDefinition(
	db: Db,
	organisationId: number,
	candidate: BenefitDefinition,
	testProfiles: { name: string; profile: HouseholdProfile }[],
	month: string
): Promise<DefinitionPreview> {
	const params = await loadParameters(db);
	const problems = validateDefinition(candidate, paramKeys(params));
	if (problems.length) return { problems, differences: [], profilesChecked: 0 };
	const current = await loadDefinitions(db);
	const next = current.map((d) => (d.id === candidate.id ? candidate : d));
	const profiles = [...testProfiles, ...(await storedProfiles(db, organisationId))];
	const differences = profileDifferences(
		profiles,
		month,
		(p) => evaluateBenefits(p, params, { definitions: current }),
		(p) => evaluateBenefits(p, params, { definitions: next })
	);
	return { problems: [], differences, profilesChecked: profiles.length };
}

/** Publishes a definition as the benefit's next version (validated; the older versions stay). */
export async function publishDefinition(
	db: Db,
	actor: { id: number; organisationId: number; platformAdmin?: boolean },
	candidate: BenefitDefinition,
	note: string,
	now = new Date()
): Promise<number> {
	requirePlatformAdmin(actor);
	const params = await loadParameters(db);
	const problems = validateDefinition(candidate, paramKeys(params));
	if (note.trim().length < 3) problems.push('Motif du changement : dites en quelques mots ce qui change et pourquoi.');
	if (problems.length) throw new InputError(problems.join(' '), 'definition');
	return db.transaction().execute(async (trx) => {
		const last = await trx
			.selectFrom('benefit_definition')
			.select((x) => x.fn.max('version').as('v'))
			.where('benefit', '=', candidate.id)
			.executeTakeFirst();
		const version = Number(last?.v ?? 0) + 1;
		await trx
			.insertInto('benefit_definition')
			.values({
				benefit: candidate.id,
				version,
				definition: JSON.stringify(candidate),
				note: note.trim(),
				created_at: now.toISOString(),
				created_by: actor.id
			})
			.execute();
		await audit(trx, {
			organisationId: actor.organisationId,
			actorId: actor.id,
			action: 'benefit_definition.published',
			targetType: 'benefit_definition',
			targetId: candidate.id,
			details: { version, note: note.trim() }
		});
		return version;
	});
}
