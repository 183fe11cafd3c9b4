/** The categories of the shared table, in display order, for pickers and budgets. */
import type { CategoryDef, CategoryGroupId } from '$lib/categories';
import type { Db } from '../db';

export interface CategoryOption {
	id: string;
	label: string;
	group: string;
	kind: 'income' | 'expense' | 'neutral';
}

/** The active categories, with the organisation's own names where it chose some. */
export async function listCategories(db: Db, organisationId: number | null): Promise<CategoryOption[]> {
	const rows = await db
		.selectFrom('category as c')
		.leftJoin('category_label as l', (j) =>
			j.onRef('l.category_id', '=', 'c.id').on('l.organisation_id', '=', organisationId ?? -1)
		)
		.select(['c.id', 'c.label', 'c.group_id', 'c.kind', 'l.label as own'])
		.where('c.active', '=', 1)
		.orderBy('c.position')
		.orderBy('c.label')
		.execute();
	return rows.map((r) => ({ id: r.id, label: r.own ?? r.label, group: r.group_id, kind: r.kind }));
}

/** The same categories as the engines read them (admins may add some). */
export async function engineCategories(db: Db, organisationId: number | null): Promise<CategoryDef[]> {
	return (await listCategories(db, organisationId)).map((c) => ({
		id: c.id,
		label: c.label,
		group: c.group as CategoryGroupId,
		kind: c.kind
	}));
}
