/**
 * Yearly bills seen only once: a tax, an insurance premium or a yearly subscription paid about a year
 * ago, its payee not seen since, is likely to come again in the same month. With 14 months of statements
 * most yearly bills appear once; they are not called series (two occurrences make one) but the
 * projection expects them, as an estimate.
 */
import type { Cents } from '$lib/money';
import type { IsoDate } from '$lib/dates';
import { civilFromDays, dayNumber, isoFromDayNumber, monthDay } from './calendar';
import { payeeKey } from './payee-key';
import type { RecurringTxInput } from './types';

/** Categories whose large payments usually come once a year. */
const YEARLY_CATEGORIES = new Set([
	'fixed.taxes',
	'housing.insurance',
	'fixed.vehicle_insurance',
	'fixed.other_insurance',
	'fixed.subscriptions',
	'fixed.health_insurance'
]);
/** smallest yearly bill worth expecting (cents) */
const MIN_AMOUNT = 3000;

export interface YearlyOnce {
	key: string;
	label: string;
	category: string;
	/** cents, negative */
	amount: Cents;
	/** when it came */
	lastDate: IsoDate;
	/** the same day a year later (before any weekend shift) */
	expected: IsoDate;
}

/**
 * The debits of yearly-bill categories (at least 30 €) paid between 13 and 10 months before `asOf`,
 * whose payee has no other debit in the 13 months before `asOf` and that no series explains.
 */
export function findYearlyOnce(
	txs: readonly RecurringTxInput[],
	asOf: IsoDate,
	explained: ReadonlySet<number | string>
): YearlyOnce[] {
	const asOfDn = dayNumber(asOf);
	const { y, m, d } = civilFromDays(asOfDn);
	const from = monthDay(y, m, -13, d);
	const latest = monthDay(y, m, -10, d);
	const byPayee = new Map<string, RecurringTxInput[]>();
	for (const t of txs) {
		if (t.amount >= 0 || t.date > asOf) continue;
		const dn = dayNumber(t.date);
		if (dn < from) continue;
		const key = `${t.accountId}:${payeeKey(t.payee, t.normalisedLabel)}`;
		let list = byPayee.get(key);
		if (!list) byPayee.set(key, (list = []));
		list.push(t);
	}
	const out: YearlyOnce[] = [];
	for (const [key, list] of byPayee) {
		if (list.length !== 1) continue;
		const t = list[0];
		const dn = dayNumber(t.date);
		if (dn > latest || explained.has(t.id) || !YEARLY_CATEGORIES.has(t.category) || -t.amount < MIN_AMOUNT) continue;
		const c = civilFromDays(dn);
		out.push({
			key,
			label: t.payee?.trim() || payeeKey(null, t.normalisedLabel),
			category: t.category,
			amount: t.amount,
			lastDate: t.date,
			expected: isoFromDayNumber(monthDay(c.y, c.m, 12, c.d))
		});
	}
	return out.sort((a, b) => (a.expected < b.expected ? -1 : a.expected > b.expected ? 1 : a.key < b.key ? -1 : 1));
}
