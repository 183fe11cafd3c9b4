/**
 * Admins keep the category table: rename a label, add a category to a group. The built-in ids of the
 * contract always exist (they cannot be removed, only relabelled).
 */
import { CATEGORY_GROUPS, type CategoryGroupId } from '$lib/categories';
import type { Db } from '../db';
import { audit } from './audit';
import { ForbiddenError, InputError, NotFoundError } from './errors';
import type { Actor } from '../auth/session';

const KINDS = ['income', 'expense', 'neutral'] as const;

function checkLabel(label: string): string {
	const l = label.trim().replace(/\s+/g, ' ');
	if (l.length < 2 || l.length > 80)
		throw new InputError('Le nom de la catégorie doit faire de 2 à 80 caractères.', 'label');
	return l;
}

/**
 * Renames a category: for every organisation when a platform admin does it (the shared label), for the
 * admin's own organisation otherwise (its households see that name; the others keep theirs).
 */
export async function renameCategory(
	db: Db,
	actor: Actor,
	id: string,
	label: string,
	now = new Date()
): Promise<'shared' | 'organisation'> {
	if (actor.role !== 'admin') throw new NotFoundError();
	const clean = checkLabel(label);
	const exists = await db.selectFrom('category').select('id').where('id', '=', id).executeTakeFirst();
	if (!exists) throw new InputError('Catégorie inconnue.', 'id');
	if (actor.platformAdmin) {
		await db.updateTable('category').set({ label: clean }).where('id', '=', id).execute();
	} else {
		const row = { label: clean, updated_at: now.toISOString(), updated_by: actor.id };
		await db
			.insertInto('category_label')
			.values({ organisation_id: actor.organisationId, category_id: id, ...row })
			.onConflict((oc) => oc.columns(['organisation_id', 'category_id']).doUpdateSet(row))
			.execute();
	}
	const layer = actor.platformAdmin ? 'shared' : 'organisation';
	await audit(db, {
		organisationId: actor.organisationId,
		actorId: actor.id,
		action: 'category.renamed',
		targetType: 'category',
		targetId: id,
		details: { layer }
	});
	return layer;
}

/** Adds a category to the shared table (platform admins: every organisation's budgets read it). */
export async function addCategory(
	db: Db,
	actor: Actor,
	input: { id: string; label: string; group: string; kind: string }
): Promise<void> {
	if (actor.role !== 'admin') throw new NotFoundError();
	if (!actor.platformAdmin)
		throw new ForbiddenError('Seuls les administrateurs de la plateforme ajoutent des catégories communes.');
	const group = input.group as CategoryGroupId;
	if (!(group in CATEGORY_GROUPS) || group === 'none') throw new InputError('Choisissez un groupe.', 'group');
	if (!(KINDS as readonly string[]).includes(input.kind))
		throw new InputError('Choisissez si la catégorie est une ressource, une dépense ou un mouvement neutre.', 'kind');
	const suffix = input.id.trim().toLowerCase();
	if (!/^[a-z][a-z0-9_]{1,40}$/.test(suffix))
		throw new InputError('Identifiant : lettres minuscules, chiffres et _ (exemple : cantine).', 'id');
	const id = `${group}.${suffix}`;
	const exists = await db.selectFrom('category').select('id').where('id', '=', id).executeTakeFirst();
	if (exists) throw new InputError(`La catégorie ${id} existe déjà.`, 'id');
	const last = await db
		.selectFrom('category')
		.select((eb) => eb.fn.max('position').as('p'))
		.executeTakeFirstOrThrow();
	await db
		.insertInto('category')
		.values({
			id,
			label: checkLabel(input.label),
			group_id: group,
			kind: input.kind as (typeof KINDS)[number],
			builtin: 0,
			position: Number(last.p ?? 0) + 1,
			active: 1
		})
		.execute();
	await audit(db, {
		organisationId: actor.organisationId,
		actorId: actor.id,
		action: 'category.added',
		targetType: 'category',
		targetId: id
	});
}

export interface CategoryAdminRow {
	id: string;
	label: string;
	group_id: string;
	kind: 'income' | 'expense' | 'neutral';
	builtin: 0 | 1;
}

/** Every category of the table, active or not, in display order, with the organisation's own names. */
export async function listAllCategories(
	db: Db,
	organisationId: number
): Promise<(CategoryAdminRow & { sharedLabel: string })[]> {
	const rows = await db
		.selectFrom('category as c')
		.leftJoin('category_label as l', (j) =>
			j.onRef('l.category_id', '=', 'c.id').on('l.organisation_id', '=', organisationId)
		)
		.select(['c.id', 'c.label', 'c.group_id', 'c.kind', 'c.builtin', 'l.label as own'])
		.orderBy('c.position')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		label: r.own ?? r.label,
		sharedLabel: r.label,
		group_id: r.group_id,
		kind: r.kind,
		builtin: r.builtin
	}));
}
