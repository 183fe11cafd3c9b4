/** The categories of the shared table, in display order, for pickers and budgets. */
import type { Db } from '../db';

export interface CategoryOption {
	id: string;
	label: string;
	group: string;
	kind: 'income' | 'expense' | 'neutral';
}

export async function listCategories(db: Db): Promise<CategoryOption[]> {
	const rows = await db
		.selectFrom('category')
		.select(['id', 'label', 'group_id', 'kind'])
		.where('active', '=', 1)
		.orderBy('position')
		.orderBy('label')
		.execute();
	return rows.map((r) => ({ id: r.id, label: r.label, group: r.group_id, kind: r.kind }));
}
