/**
 * The caseload's stored row of one household: its fragility level and signals (fragility.md §6.a), how long
 * it has been overdrawn, its incident fees of the last complete month, its benefits to claim and its last
 * import. Written after each change to the household's data (refreshDerived), so that the caseload reads
 * one row per household instead of recomputing anything on request.
 */
import { addMonthsIso, today, type IsoDate } from '$lib/dates';
import type { Cents } from '$lib/money';
import type { Db } from '../db';
import { requirePermission, type HouseholdScope } from '../auth/access';
import type { FragilitySignal } from '../fragility/signals';
import { LEVEL_ORDER } from '../fragility/format';
import { householdFragility, type HouseholdFragility } from './household-fragility';

/** A signal as kept in the caseload row (no evidence indexes: they belong to the household's pages). */
export interface StoredSignal {
	id: string;
	level: FragilitySignal['level'];
	title: string;
	message: string;
	count?: number;
	amount?: Cents;
}

const FEE_CATEGORY = 'bank.incident_fees';
const REJECTED_CATEGORY = 'bank.rejected';

/**
 * The first day of the current run of negative end-of-day balances, walking back from the known balance
 * through the transactions (sorted by date); null when the balance is not negative.
 */
export function overdrawnSince(
	txs: readonly { date: IsoDate; amount: Cents }[],
	balance: { date: IsoDate; amount: Cents } | null
): IsoDate | null {
	if (!balance || balance.amount >= 0) return null;
	const byDay = new Map<IsoDate, Cents>();
	for (const t of txs) if (t.date <= balance.date) byDay.set(t.date, (byDay.get(t.date) ?? 0) + t.amount);
	const days = [...byDay.keys()].sort().reverse();
	let end = balance.amount;
	let since = balance.date;
	for (const day of days) {
		// `end` is the balance at the end of `day`: negative, the run goes back at least to that day.
		if (end >= 0) break;
		since = day;
		end -= byDay.get(day) ?? 0;
	}
	return since;
}

function monthSum(txs: readonly { date: IsoDate; amount: Cents; category: string }[], category: string, from: string) {
	let amount = 0;
	let count = 0;
	for (const t of txs)
		if (t.category === category && t.date >= from) {
			amount -= t.amount;
			count++;
		}
	return { amount, count };
}

/**
 * Computes and stores the caseload row of the scope's household. Returns the fragility signals it read,
 * which the plan's refresh that follows reuses.
 */
export async function refreshCaseloadRow(db: Db, scope: HouseholdScope, now = new Date()): Promise<HouseholdFragility> {
	requirePermission(scope, 'read');
	const householdId = scope.householdId;
	const asOf = today(now);
	const [fragility, status, alerts] = await Promise.all([
		householdFragility(db, scope, asOf),
		db
			.selectFrom('household_status')
			.select(['first_overdraft', 'alerts'])
			.where('household_id', '=', householdId)
			.executeTakeFirst(),
		db
			.selectFrom('benefit_alert')
			.select(['benefit', 'amount', 'period'])
			.where('household_id', '=', householdId)
			.where('active', '=', 1)
			.where('status', 'in', ['new', 'seen', 'claim_in_progress'])
			.execute()
	]);
	const { history, recent, report, lastImportAt } = fragility;
	// Silence depends on the day the caseload is read: it is worked out there, from last_import_at.
	const signals: StoredSignal[] = report.signals
		.filter((s) => s.id !== 'F18_silence')
		.map(({ id, level, title, message, count, amount }) => ({ id, level, title, message, count, amount }));
	let level = 'ok' as keyof typeof LEVEL_ORDER;
	for (const s of signals) if (LEVEL_ORDER[s.level] > LEVEL_ORDER[level]) level = s.level;
	const lastMonth = addMonthsIso(asOf.slice(0, 7), -1);
	const lastMonthFees = monthSum(
		recent.filter((t) => t.date.slice(0, 7) === lastMonth),
		FEE_CATEGORY,
		`${lastMonth}-01`
	);
	const since3m = `${addMonthsIso(asOf.slice(0, 7), -3)}-01`;
	const forecastAlerts = JSON.parse(status?.alerts ?? '[]') as { kind: string }[];
	const row = {
		organisation_id: scope.organisationId,
		level,
		level_rank: LEVEL_ORDER[level],
		regulatory_fragile: (report.regulatoryFragile ? 1 : 0) as 0 | 1,
		signals: JSON.stringify(signals),
		balance: history.balance?.amount ?? null,
		overdrawn_since: overdrawnSince(history.txs, history.balance),
		first_overdraft: status?.first_overdraft ?? null,
		fees_month: lastMonth,
		fees_month_amount: lastMonthFees.amount,
		fees_3m: monthSum(recent, FEE_CATEGORY, since3m).amount,
		rejected_3m: monthSum(recent, REJECTED_CATEGORY, since3m).count,
		benefits_count: alerts.length,
		benefits_yearly: alerts
			.filter((a) => a.benefit !== 'css')
			.reduce((s, a) => s + (a.amount ?? 0) * (a.period === 'month' ? 12 : 1), 0),
		missing_income: (forecastAlerts.some((a) => a.kind === 'income_missing') ? 1 : 0) as 0 | 1,
		last_import_at: lastImportAt,
		last_transaction_date: history.txs.length ? history.txs[history.txs.length - 1].date : null,
		computed_at: now.toISOString()
	};
	const write = async (trx: Db) => {
		await trx
			.insertInto('caseload_row')
			.values({ household_id: householdId, ...row })
			.onConflict((oc) => oc.column('household_id').doUpdateSet(row))
			.execute();
		await storeSignals(trx, scope, signals);
	};
	// the row and its signals together (a caller already in a transaction keeps its own)
	await (db.isTransaction ? write(db) : db.transaction().execute(write));
	return fragility;
}

/** The row's signals one per row, for the caseload's filters and counts in SQL (caseload_signal). */
async function storeSignals(db: Db, scope: HouseholdScope, signals: readonly StoredSignal[]): Promise<void> {
	await db.deleteFrom('caseload_signal').where('household_id', '=', scope.householdId).execute();
	if (signals.length === 0) return;
	await db
		.insertInto('caseload_signal')
		.values(
			signals.map((s, position) => ({
				household_id: scope.householdId,
				organisation_id: scope.organisationId,
				position,
				signal_id: s.id,
				level: s.level,
				title: s.title
			}))
		)
		.execute();
}
