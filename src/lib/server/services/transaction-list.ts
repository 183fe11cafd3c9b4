/**
 * The household's transaction list as a person reads it on a phone: operations grouped by day with the
 * balance at the end of each day (from the accounts' known balances, integer cents), payee names with their
 * accents, and why each operation has its category in words. Also the one operation shown by the edit form.
 */
import type { Cents } from '$lib/money';
import type { Db } from '../db';
import { requirePermission, type HouseholdScope } from '../auth/access';
import { displayPayee } from '../rules/display';
import type { Rule } from '../rules/types';
import { listCategories } from './categories';
import { NotFoundError } from './errors';
import { transactionsPage, type TransactionFilters, type TransactionRow } from './transactions';

export interface ListedTransaction {
	id: number;
	date: string;
	amount: Cents;
	payee: string;
	rawLabel: string;
	category: string;
	categoryLabel: string;
	/** "Classée par la règle « Retrait d’espèces »", "Classée par vous le 12/11/2026", "Pas encore classée" */
	why: string;
}

export interface TransactionDay {
	date: string;
	/** "Lundi 12 octobre" */
	heading: string;
	rows: ListedTransaction[];
	/** balance of the accounts at the end of the day, null when no balance is known */
	balance: Cents | null;
}

const dayFormatter = new Intl.DateTimeFormat('fr-FR', {
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	timeZone: 'UTC'
});

/** "Lundi 12 octobre" for "2026-10-12". */
export function dayHeadingFr(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	const s = dayFormatter.format(new Date(Date.UTC(y, m - 1, d)));
	return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Retrait d’espèces (type d’opération …)" → "Retrait d’espèces": a rule's name for a person. */
function ruleName(rule: Rule | undefined, categoryLabel: string): string {
	const d = rule?.description?.replace(/\s*\(.*\)\s*$/, '').trim();
	return (d || categoryLabel).replace(/'/g, '’');
}

async function rulesById(db: Db, ids: string[]): Promise<Map<string, Rule>> {
	const out = new Map<string, Rule>();
	const unique = [...new Set(ids)];
	for (let i = 0; i < unique.length; i += 500) {
		const rows = await db
			.selectFrom('categorisation_rule')
			.select(['id', 'definition'])
			.where('id', 'in', unique.slice(i, i + 500))
			.execute();
		for (const r of rows) out.set(r.id, JSON.parse(r.definition) as Rule);
	}
	return out;
}

function whyInWords(
	r: Pick<TransactionRow, 'category' | 'categorySource' | 'ruleId' | 'categorisedAt' | 'categorisedBy'>,
	rule: Rule | undefined,
	categoryLabel: string,
	actorName: string
): string {
	if (r.categorySource === 'manual') {
		const who = !r.categorisedBy || r.categorisedBy === actorName ? 'vous' : r.categorisedBy;
		const when = r.categorisedAt ? ` le ${formatParisDate(r.categorisedAt)}` : '';
		return `Classée par ${who}${when}`;
	}
	if (r.categorySource === 'rule' && r.category !== 'uncategorised')
		return `Classée par la règle « ${ruleName(rule, categoryLabel)} »`;
	return 'Pas encore classée';
}

const parisDate = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short' });
function formatParisDate(instant: string): string {
	const d = new Date(instant);
	return Number.isNaN(d.getTime()) ? instant : parisDate.format(d);
}

/**
 * The end-of-day balances of `days` (ISO dates): for each account with a known balance (amount A on date d),
 * balance(D) = A + Σ(operations after d) − Σ(operations after D). Three bounded queries whatever the history.
 */
async function endOfDayBalances(
	db: Db,
	householdId: number,
	accountId: number | null,
	days: string[]
): Promise<Map<string, Cents> | null> {
	if (days.length === 0) return new Map();
	let anchorsQ = db
		.selectFrom('account_balance')
		.select(['account_id', 'date', 'amount'])
		.where('household_id', '=', householdId)
		.orderBy('date', 'desc')
		.orderBy('id', 'desc');
	if (accountId) anchorsQ = anchorsQ.where('account_id', '=', accountId);
	const anchors = new Map<number, { date: string; amount: number }>();
	for (const a of await anchorsQ.execute()) if (!anchors.has(a.account_id)) anchors.set(a.account_id, a);
	if (anchors.size === 0) return null;
	const sorted = [...days].sort();
	const first = sorted[0];
	const last = sorted[sorted.length - 1];
	let base = 0;
	for (const [account, a] of anchors) {
		// now = A + Σ after d; then remove what happened after the last shown day
		const r = await db
			.selectFrom('bank_transaction')
			.select((eb) => [
				eb.fn
					.sum<string | number | null>(eb.case().when('booking_date', '>', a.date).then(eb.ref('amount')).else(0).end())
					.as('afterAnchor'),
				eb.fn
					.sum<string | number | null>(eb.case().when('booking_date', '>', last).then(eb.ref('amount')).else(0).end())
					.as('afterLast')
			])
			.where('household_id', '=', householdId)
			.where('account_id', '=', account)
			.executeTakeFirst();
		base += Number(a.amount) + Number(r?.afterAnchor ?? 0) - Number(r?.afterLast ?? 0);
	}
	const perDay = await db
		.selectFrom('bank_transaction')
		.select((eb) => ['booking_date', eb.fn.sum<string | number>('amount').as('sum')])
		.where('household_id', '=', householdId)
		.where('account_id', 'in', [...anchors.keys()])
		.where('booking_date', '>=', first)
		.where('booking_date', '<=', last)
		.groupBy('booking_date')
		.execute();
	const sums = new Map(perDay.map((d) => [d.booking_date, Number(d.sum)]));
	const out = new Map<string, Cents>();
	// walk back from the last shown day: balance(D-1) = balance(D) − Σ(operations of D)
	const allDays = [...new Set([...sorted, ...sums.keys()])].sort().reverse();
	let balance = base;
	for (const d of allDays) {
		out.set(d, balance);
		balance -= sums.get(d) ?? 0;
	}
	return out;
}

/** The month (or search results) grouped by day, latest first, with the balance at the end of each day. */
export async function transactionDays(
	db: Db,
	scope: HouseholdScope,
	filters: TransactionFilters
): Promise<{ month: string | null; months: string[]; truncated: boolean; count: number; days: TransactionDay[] }> {
	requirePermission(scope, 'read');
	const [list, categories] = await Promise.all([
		transactionsPage(db, scope, filters),
		listCategories(db, scope.organisationId)
	]);
	const labels = new Map(categories.map((c) => [c.id, c.label]));
	const rules = await rulesById(
		db,
		list.rows.flatMap((r) => (r.categorySource === 'rule' && r.ruleId ? [r.ruleId] : []))
	);
	const dates = [...new Set(list.rows.map((r) => r.date))];
	const balances = await endOfDayBalances(db, scope.householdId, filters.accountId ?? null, dates);
	const days: TransactionDay[] = [];
	for (const r of list.rows) {
		let day = days[days.length - 1];
		if (!day || day.date !== r.date) {
			day = { date: r.date, heading: dayHeadingFr(r.date), rows: [], balance: balances?.get(r.date) ?? null };
			days.push(day);
		}
		day.rows.push(listed(r, labels, rules.get(r.ruleId ?? ''), scope.actor.name));
	}
	return { month: list.month, months: list.months, truncated: list.truncated, count: list.rows.length, days };
}

function listed(
	r: TransactionRow,
	labels: Map<string, string>,
	rule: Rule | undefined,
	actorName: string
): ListedTransaction {
	const categoryLabel = labels.get(r.category) ?? r.category;
	return {
		id: r.id,
		date: r.date,
		amount: r.amount,
		payee: displayPayee(r.payee) || r.rawLabel,
		rawLabel: r.rawLabel,
		category: r.category,
		categoryLabel,
		why: whyInWords(r, rule, categoryLabel, actorName)
	};
}

/** One operation for the edit form, with how many other operations share its payee. */
export async function transactionForEdit(
	db: Db,
	scope: HouseholdScope,
	transactionId: number
): Promise<ListedTransaction & { samePayee: number; samePayeeByHand: number; hasPayee: boolean; month: string }> {
	requirePermission(scope, 'read');
	const t = await db
		.selectFrom('bank_transaction as t')
		.leftJoin('app_user as u', 'u.id', 't.categorised_by')
		.select([
			't.id',
			't.booking_date',
			't.amount',
			't.raw_label',
			't.payee',
			't.category_id',
			't.category_source',
			't.rule_id',
			't.categorised_at',
			'u.name as categorised_by_name'
		])
		.where('t.id', '=', transactionId)
		.where('t.household_id', '=', scope.householdId)
		.executeTakeFirst();
	if (!t) throw new NotFoundError();
	const categories = await listCategories(db, scope.organisationId);
	const labels = new Map(categories.map((c) => [c.id, c.label]));
	const rule = t.rule_id ? (await rulesById(db, [t.rule_id])).get(t.rule_id) : undefined;
	let samePayee = 0;
	let samePayeeByHand = 0;
	if (t.payee) {
		const c = await db
			.selectFrom('bank_transaction')
			.select((eb) => [
				eb.fn.countAll<string | number>().as('n'),
				eb.fn
					.sum<string | number | null>(eb.case().when('category_source', '=', 'manual').then(1).else(0).end())
					.as('manual')
			])
			.where('household_id', '=', scope.householdId)
			.where('payee', '=', t.payee)
			.where('id', '!=', t.id)
			.executeTakeFirst();
		samePayee = Number(c?.n ?? 0);
		samePayeeByHand = Number(c?.manual ?? 0);
	}
	const row: TransactionRow = {
		id: t.id,
		accountId: 0,
		accountName: '',
		date: t.booking_date,
		operationDate: null,
		amount: t.amount,
		rawLabel: t.raw_label,
		payee: t.payee,
		category: t.category_id,
		categorySource: t.category_source,
		ruleId: t.rule_id,
		categorisedBy: t.categorised_by_name,
		categorisedAt: t.categorised_at
	};
	return {
		...listed(row, labels, rule, scope.actor.name),
		samePayee,
		samePayeeByHand,
		hasPayee: !!t.payee,
		month: t.booking_date.slice(0, 7)
	};
}
