/**
 * Reading and correcting a household's transactions: the month list with filters, and manual
 * categorisation (which always wins over rules and is never overwritten when rules are re-applied).
 */
import { sql } from 'kysely';
import type { Cents } from '$lib/money';
import type { Db } from '../db';
import type { CategorySource } from '../db/schema';
import { requirePermission, type HouseholdScope } from '../auth/access';
import { auditScope } from './audit';
import { InputError, NotFoundError } from './errors';
import { listCategories } from './categories';
import { ruleFromForm } from './rule-form';
import { ruleExplanations, saveHouseholdRule } from './rules-service';

export interface TransactionFilters {
	/** YYYY-MM; defaults to the month of the latest transaction */
	month?: string | null;
	category?: string | null;
	uncategorised?: boolean;
	accountId?: number | null;
	search?: string | null;
}

export interface TransactionRow {
	id: number;
	accountId: number;
	accountName: string;
	date: string;
	operationDate: string | null;
	amount: Cents;
	rawLabel: string;
	payee: string | null;
	category: string;
	categorySource: CategorySource;
	ruleId: string | null;
	categorisedBy: string | null;
	categorisedAt: string | null;
}

/** Upper case, accents stripped, spaces collapsed: how labels are stored for search. */
export function searchKey(s: string): string {
	return s
		.normalize('NFD')
		.replace(/\p{M}+/gu, '')
		.toUpperCase()
		.replace(/\s+/g, ' ')
		.trim();
}

/** The months that have transactions, latest first. */
export async function transactionMonths(db: Db, scope: HouseholdScope): Promise<string[]> {
	requirePermission(scope, 'read');
	const rows = await db
		.selectFrom('bank_transaction')
		.select(sql<string>`substr(booking_date, 1, 7)`.as('month'))
		.where('household_id', '=', scope.householdId)
		.groupBy(sql`substr(booking_date, 1, 7)`)
		.orderBy(sql`substr(booking_date, 1, 7)`, 'desc')
		.execute();
	return rows.map((r) => r.month);
}

/**
 * The month a filtered list opens on when none is asked: the latest month with an operation that matches the
 * category or account filter, so "Courses" opens on the last month with groceries, not on an empty one.
 */
async function latestFilteredMonth(
	db: Db,
	scope: HouseholdScope,
	filters: TransactionFilters,
	latest: string | null
): Promise<string | null> {
	if (!latest || (!filters.uncategorised && !filters.category && !filters.accountId)) return latest;
	let q = db
		.selectFrom('bank_transaction')
		.select((eb) => eb.fn.max('booking_date').as('last'))
		.where('household_id', '=', scope.householdId);
	if (filters.uncategorised) q = q.where('category_id', '=', 'uncategorised');
	else if (filters.category) q = q.where('category_id', '=', filters.category);
	if (filters.accountId) q = q.where('account_id', '=', filters.accountId);
	const row = await q.executeTakeFirst();
	return row?.last ? String(row.last).slice(0, 7) : latest;
}

export async function listTransactions(
	db: Db,
	scope: HouseholdScope,
	filters: TransactionFilters,
	limit = 500
): Promise<{ month: string | null; months: string[]; rows: TransactionRow[]; truncated: boolean }> {
	const months = await transactionMonths(db, scope);
	const month =
		filters.month && months.includes(filters.month)
			? filters.month
			: filters.search
				? null
				: await latestFilteredMonth(db, scope, filters, months[0] ?? null);
	let q = db
		.selectFrom('bank_transaction as t')
		.innerJoin('bank_account as a', 'a.id', 't.account_id')
		.leftJoin('app_user as u', 'u.id', 't.categorised_by')
		.select([
			't.id',
			't.account_id',
			'a.name as account_name',
			't.booking_date',
			't.operation_date',
			't.amount',
			't.raw_label',
			't.payee',
			't.category_id',
			't.category_source',
			't.rule_id',
			'u.name as categorised_by_name',
			't.categorised_at'
		])
		.where('t.household_id', '=', scope.householdId);
	if (month) q = q.where('t.booking_date', '>=', `${month}-01`).where('t.booking_date', '<=', `${month}-31`);
	if (filters.uncategorised) q = q.where('t.category_id', '=', 'uncategorised');
	else if (filters.category) q = q.where('t.category_id', '=', filters.category);
	if (filters.accountId) q = q.where('t.account_id', '=', filters.accountId);
	if (filters.search && filters.search.trim()) {
		const needle = `%${searchKey(filters.search).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		q = q.where((eb) =>
			eb.or([
				sql<boolean>`t.normalised_label like ${needle} escape '\\'`,
				sql<boolean>`upper(coalesce(t.payee, '')) like ${needle} escape '\\'`
			])
		);
	}
	const rows = await q
		.orderBy('t.booking_date', 'desc')
		.orderBy('t.id', 'desc')
		.limit(limit + 1)
		.execute();
	return {
		month,
		months,
		truncated: rows.length > limit,
		rows: rows.slice(0, limit).map((r) => ({
			id: r.id,
			accountId: r.account_id,
			accountName: r.account_name,
			date: r.booking_date,
			operationDate: r.operation_date,
			amount: r.amount,
			rawLabel: r.raw_label,
			payee: r.payee,
			category: r.category_id,
			categorySource: r.category_source,
			ruleId: r.rule_id,
			categorisedBy: r.categorised_by_name,
			categorisedAt: r.categorised_at
		}))
	};
}

async function checkCategory(db: Db, categoryId: string): Promise<void> {
	const c = await db
		.selectFrom('category')
		.select('id')
		.where('id', '=', categoryId)
		.where('active', '=', 1)
		.executeTakeFirst();
	if (!c) throw new InputError('Catégorie inconnue.', 'category');
}

/**
 * Sets a transaction's category by hand. With `similar`, the household's other transactions of the same
 * payee that were not categorised by hand get it too. Returns how many transactions changed.
 */
export async function setCategoryManually(
	db: Db,
	scope: HouseholdScope,
	transactionId: number,
	categoryId: string,
	options: { similar?: boolean } = {},
	now = new Date()
): Promise<{ changed: number; payee: string | null; skipped: number }> {
	requirePermission(scope, 'write');
	const householdId = scope.householdId;
	await checkCategory(db, categoryId);
	const tx = await db
		.selectFrom('bank_transaction')
		.select(['id', 'payee'])
		.where('id', '=', transactionId)
		.where('household_id', '=', householdId)
		.executeTakeFirst();
	if (!tx) throw new NotFoundError();
	const values = {
		category_id: categoryId,
		category_source: 'manual' as const,
		rule_id: null,
		categorised_by: scope.actor.id,
		categorised_at: now.toISOString()
	};
	let changed = Number(
		(await db.updateTable('bank_transaction').set(values).where('id', '=', tx.id).executeTakeFirst()).numUpdatedRows
	);
	let skipped = 0;
	if (options.similar && tx.payee) {
		// the person's own choices on the payee's other operations stay: say how many
		const kept = await db
			.selectFrom('bank_transaction')
			.select((eb) => eb.fn.countAll<string | number>().as('n'))
			.where('household_id', '=', householdId)
			.where('payee', '=', tx.payee)
			.where('category_source', '=', 'manual')
			.where('id', '!=', tx.id)
			.executeTakeFirst();
		skipped = Number(kept?.n ?? 0);
		const res = await db
			.updateTable('bank_transaction')
			.set(values)
			.where('household_id', '=', householdId)
			.where('payee', '=', tx.payee)
			.where('category_source', '!=', 'manual')
			.executeTakeFirst();
		changed += Number(res.numUpdatedRows);
	}
	await auditScope(db, scope, {
		action: 'transaction.categorised',
		targetType: 'bank_transaction',
		targetId: transactionId,
		details: { category: categoryId, similar: options.similar ?? false, changed, skipped }
	});
	return { changed, payee: tx.payee, skipped };
}

export interface ExportedTransaction {
	id: number;
	account: string;
	date: string;
	amount: Cents;
	rawLabel: string;
	payee: string | null;
	category: string;
	categorySource: CategorySource;
	ruleId: string | null;
}

/** Every transaction of the household between two dates (both optional, inclusive), in date order. */
export async function transactionsBetween(
	db: Db,
	scope: HouseholdScope,
	from?: string,
	to?: string
): Promise<ExportedTransaction[]> {
	requirePermission(scope, 'read');
	let q = db
		.selectFrom('bank_transaction as t')
		.innerJoin('bank_account as a', 'a.id', 't.account_id')
		.select([
			't.id',
			'a.name as account',
			't.booking_date',
			't.amount',
			't.raw_label',
			't.payee',
			't.category_id',
			't.category_source',
			't.rule_id'
		])
		.where('t.household_id', '=', scope.householdId)
		.orderBy('t.booking_date')
		.orderBy('t.id');
	if (from) q = q.where('t.booking_date', '>=', from);
	if (to) q = q.where('t.booking_date', '<=', to);
	return (await q.execute()).map((r) => ({
		id: r.id,
		account: r.account,
		date: r.booking_date,
		amount: r.amount,
		rawLabel: r.raw_label,
		payee: r.payee,
		category: r.category_id,
		categorySource: r.category_source,
		ruleId: r.rule_id
	}));
}

/**
 * The person sets a transaction's category: optionally for the payee's other transactions too, and
 * optionally as a rule for the payee's future ones. Returns how many transactions changed.
 */
export async function categoriseByHand(
	db: Db,
	scope: HouseholdScope,
	input: { transactionId: number; category: string; similar: boolean; makeRule: boolean },
	now = new Date()
): Promise<{ changed: number; payee: string | null; skipped: number }> {
	const r = await setCategoryManually(db, scope, input.transactionId, input.category, { similar: input.similar }, now);
	if (!input.makeRule || !r.payee) return r;
	const categories = await listCategories(db, scope.organisationId);
	const rule = ruleFromForm(
		{
			field: 'payee',
			op: 'equals',
			value: r.payee,
			sign: '',
			category: input.category,
			payee: '',
			priority: ''
		},
		'household',
		categories.map((c) => c.id)
	);
	if (!('rule' in rule)) return r;
	return { ...r, changed: r.changed + (await saveHouseholdRule(db, scope, rule.rule, now)) };
}

/** The month's transactions with, for those a rule categorised, the rule's conditions in French. */
export async function transactionsPage(
	db: Db,
	scope: HouseholdScope,
	filters: TransactionFilters
): Promise<{
	month: string | null;
	months: string[];
	truncated: boolean;
	rows: (TransactionRow & { explanation: string | null })[];
}> {
	const list = await listTransactions(db, scope, filters);
	const ruleIds = list.rows.flatMap((r) => (r.categorySource === 'rule' && r.ruleId ? [r.ruleId] : []));
	const explanations = await ruleExplanations(db, ruleIds);
	return {
		...list,
		rows: list.rows.map((r) => ({
			...r,
			explanation: r.categorySource === 'rule' && r.ruleId ? (explanations.get(r.ruleId) ?? null) : null
		}))
	};
}
