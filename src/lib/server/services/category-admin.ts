/**
 * Admins keep the category table: rename a label, add a category to a group. The built-in ids of the
 * contract always exist (they cannot be removed, only relabelled).
 */
import { CATEGORY_GROUPS, type CategoryGroupId } from '$lib/categories';
import type { Db } from '../db';
import { audit } from './audit';
import { InputError } from './errors';

const KINDS = ['income', 'expense', 'neutral'] as const;

function checkLabel(label: string): string {
	const l = label.trim().replace(/\s+/g, ' ');
	if (l.length < 2 || l.length > 80)
		throw new InputError('Le nom de la catégorie doit faire de 2 à 80 caractères.', 'label');
	return l;
}

export async function renameCategory(
	db: Db,
	actor: { id: number; organisationId: number },
	id: string,
	label: string
): Promise<void> {
	const res = await db
		.updateTable('category')
		.set({ label: checkLabel(label) })
		.where('id', '=', id)
		.executeTakeFirst();
	if (Number(res.numUpdatedRows) !== 1) throw new InputError('Catégorie inconnue.', 'id');
	await audit(db, {
		organisationId: actor.organisationId,
		actorId: actor.id,
		action: 'category.renamed',
		targetType: 'category',
		targetId: id
	});
}

export async function addCategory(
	db: Db,
	actor: { id: number; organisationId: number },
	input: { id: string; label: string; group: string; kind: string }
): Promise<void> {
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

/** Every category of the table, active or not, in display order (admins). */
export async function listAllCategories(db: Db): Promise<CategoryAdminRow[]> {
	return db.selectFrom('category').select(['id', 'label', 'group_id', 'kind', 'builtin']).orderBy('position').execute();
}
