/**
 * The household's recurring series, projected balance and alerts: reads history, user decisions, planned
 * items and known balances from the database and hands them to the pure engines (recurring, projection).
 */
import { addDaysIso, addMonthsIso, today } from '$lib/dates';
import type { Cents } from '$lib/money';
import { rawSqlite, type Db } from '../db';
import { applySeriesOverrides, detectRecurring } from '../projection/recurring';
import type { PlannedItem, Projection, WhatIf } from '../projection/projection';
import type { Alert } from '../projection/alerts';
import { forecastHousehold } from '../projection/household-forecast';
import type { CurrentOverdraft } from '../projection/overdrawn';
import type { Cadence, RecurringSeries, RecurringTxInput, SeriesOverride } from '../projection/types';
import { requirePermission, type HouseholdScope } from '../auth/access';
import { auditScope } from './audit';
import { InputError } from './errors';

export interface HouseholdHistory {
	txs: (RecurringTxInput & { category: string })[];
	/** Σ over accounts of (latest known balance + transactions booked after it); null when no balance known */
	balance: { date: string; amount: Cents } | null;
	overdraft: { limit: Cents | null; rateBp: number | null };
}

/**
 * Months of history read for detection and projection, counted back from the household's latest
 * transaction: two occurrences of a yearly payment and a margin. Older rows change neither the series
 * nor the usual spending (6 months) nor the alerts (3 months), and a 10-year or 100,000-row history would
 * otherwise be read in full after every import.
 */
export const HISTORY_MONTHS = 36;

/**
 * The household's recent transactions (HISTORY_MONTHS before its latest one, in date order) and its current
 * balance: for each account, its latest known balance plus what was booked after it (summed by the database,
 * however old that balance is).
 */
export async function loadHistory(db: Db, scope: HouseholdScope): Promise<HouseholdHistory> {
	requirePermission(scope, 'read');
	const householdId = scope.householdId;
	const latest = await db
		.selectFrom('bank_transaction')
		.select((eb) => eb.fn.max('booking_date').as('date'))
		.where('household_id', '=', householdId)
		.executeTakeFirst();
	const since = latest?.date ? `${addMonthsIso(latest.date.slice(0, 7), -HISTORY_MONTHS)}-01` : null;
	let query = db
		.selectFrom('bank_transaction')
		.select(['id', 'booking_date', 'amount', 'payee', 'normalised_label', 'category_id', 'account_id'])
		.where('household_id', '=', householdId);
	if (since) query = query.where('booking_date', '>=', since);
	const rows = await query.orderBy('booking_date').orderBy('id').execute();
	const txs = rows.map((r) => ({
		id: r.id,
		date: r.booking_date,
		amount: r.amount,
		payee: r.payee,
		normalisedLabel: r.normalised_label,
		category: r.category_id,
		accountId: r.account_id
	}));
	const accounts = await db
		.selectFrom('bank_account')
		.select(['id', 'overdraft_limit', 'overdraft_rate_bp'])
		.where('household_id', '=', householdId)
		.execute();
	const balances = await db
		.selectFrom('account_balance')
		.select(['account_id', 'date', 'amount', 'source', 'id'])
		.where('household_id', '=', householdId)
		.orderBy('date', 'desc')
		.orderBy('id', 'desc')
		.execute();
	let total = 0;
	let latestDate: string | null = null;
	let known = false;
	for (const a of accounts) {
		const b = balances.find((x) => x.account_id === a.id);
		if (!b) continue;
		known = true;
		const after = await db
			.selectFrom('bank_transaction')
			.select((eb) => [eb.fn.sum<string | number | null>('amount').as('sum'), eb.fn.max('booking_date').as('last')])
			.where('household_id', '=', householdId)
			.where('account_id', '=', a.id)
			.where('booking_date', '>', b.date)
			.executeTakeFirst();
		total += Number(b.amount) + Number(after?.sum ?? 0);
		const last = after?.last ?? b.date;
		if (latestDate === null || last > latestDate) latestDate = last;
	}
	const limit = accounts.reduce<number | null>(
		(s, a) => (a.overdraft_limit === null ? s : (s ?? 0) + a.overdraft_limit),
		null
	);
	const rate = accounts.find((a) => a.overdraft_rate_bp !== null)?.overdraft_rate_bp ?? null;
	return {
		txs,
		balance: known && latestDate ? { date: latestDate, amount: total } : null,
		overdraft: { limit, rateBp: rate }
	};
}

/** Every household that is not archived (id, name), for commands run over a whole database (`bgv backtest`). */
export async function listForecastHouseholds(db: Db): Promise<{ id: number; name: string }[]> {
	return db.selectFrom('household').select(['id', 'name']).where('archived_at', 'is', null).orderBy('id').execute();
}

export async function loadOverrides(db: Db, scope: HouseholdScope): Promise<SeriesOverride[]> {
	requirePermission(scope, 'read');
	const rows = await db
		.selectFrom('series_override')
		.selectAll()
		.where('household_id', '=', scope.householdId)
		.execute();
	return rows.map((r) => ({
		key: r.key,
		status: r.status,
		amount: r.amount ?? undefined,
		dayOfMonth: r.day_of_month ?? undefined
	}));
}

export async function loadPlanned(db: Db, scope: HouseholdScope): Promise<(PlannedItem & { id: number })[]> {
	requirePermission(scope, 'read');
	const rows = await db
		.selectFrom('planned_item')
		.selectAll()
		.where('household_id', '=', scope.householdId)
		.orderBy('date')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		date: r.date,
		label: r.label,
		amount: r.amount,
		recurrence: r.cadence ? { cadence: r.cadence as Cadence, until: r.until ?? undefined } : undefined
	}));
}

/** Detected series with the user's decisions applied. */
export async function householdSeries(
	db: Db,
	scope: HouseholdScope,
	history?: HouseholdHistory,
	asOf = today()
): Promise<RecurringSeries[]> {
	const h = history ?? (await loadHistory(db, scope));
	return applySeriesOverrides(detectRecurring(h.txs, { asOf }), await loadOverrides(db, scope));
}

export interface HouseholdForecast {
	projection: Projection | null;
	series: RecurringSeries[];
	alerts: Alert[];
	planned: (PlannedItem & { id: number })[];
	/** the overdraft the account is already in, if any (since when, cost per day) */
	overdrawn: CurrentOverdraft | null;
	/** why there is no projection (no balance known) */
	missing: string | null;
}

export async function householdForecast(
	db: Db,
	scope: HouseholdScope,
	options: { days?: number; whatIf?: WhatIf; asOf?: string } = {}
): Promise<HouseholdForecast> {
	const asOf = options.asOf ?? today();
	const history = await loadHistory(db, scope);
	const planned = await loadPlanned(db, scope);
	const f = forecastHousehold({
		txs: history.txs,
		balance: history.balance,
		overdraft: history.overdraft,
		overrides: await loadOverrides(db, scope),
		planned,
		whatIf: options.whatIf,
		days: options.days,
		asOf
	});
	return {
		projection: f.projection,
		series: f.series,
		alerts: f.alerts,
		planned,
		overdrawn: f.overdrawn,
		missing: history.balance
			? null
			: 'Aucun solde connu : importez un relevé qui indique le solde, ou saisissez le solde du compte.'
	};
}

/**
 * Recomputes what the caseload shows about a household's forecast (90 days): called after each import
 * and each change to series, planned items or balances. The data is read and the status written in one
 * transaction, one refresh of a household at a time: otherwise a refresh that read the data before another
 * import committed could write after that import's own refresh, and its stale status would stay. On SQLite
 * the transaction begins IMMEDIATE (it holds the write lock, so nothing commits between the reads and the
 * write); on PostgreSQL it locks the household's row first (FOR NO KEY UPDATE, which inserts referring to
 * the household do not wait for), and each read sees what was committed before it. Returns the forecast
 * it computed, which the plan's refresh that follows reuses instead of computing it again.
 */
export async function refreshHouseholdStatus(
	db: Db,
	scope: HouseholdScope,
	now = new Date()
): Promise<HouseholdForecast> {
	const sqlite = rawSqlite(db) !== undefined;
	return db.transaction().execute(async (trx) => {
		if (!sqlite)
			await trx.selectFrom('household').select('id').where('id', '=', scope.householdId).forNoKeyUpdate().execute();
		const f = await householdForecast(trx, scope, { asOf: today(now) });
		const p = f.projection;
		const row = {
			organisation_id: scope.organisationId,
			balance_date: p?.from ?? null,
			balance: p?.startBalance ?? null,
			first_overdraft: p?.firstOverdraft ?? null,
			lowest_balance: p?.lowest.balance ?? null,
			alerts: JSON.stringify(
				f.alerts.map((a) => ({
					kind: a.kind,
					severity: a.severity,
					date: a.date,
					amount: a.amount,
					message: a.message
				}))
			),
			computed_at: now.toISOString()
		};
		await trx
			.insertInto('household_status')
			.values({ household_id: scope.householdId, ...row })
			.onConflict((oc) => oc.column('household_id').doUpdateSet(row))
			.execute();
		return f;
	});
}

export async function saveSeriesOverride(
	db: Db,
	scope: HouseholdScope,
	override: SeriesOverride,
	now = new Date()
): Promise<void> {
	requirePermission(scope, 'write');
	if (
		override.dayOfMonth !== undefined &&
		(!Number.isInteger(override.dayOfMonth) || override.dayOfMonth < 1 || override.dayOfMonth > 31)
	)
		throw new InputError('Le jour du mois va de 1 à 31.', 'dayOfMonth');
	const row = {
		organisation_id: scope.organisationId,
		status: override.status,
		amount: override.amount ?? null,
		day_of_month: override.dayOfMonth ?? null,
		updated_at: now.toISOString(),
		updated_by: scope.actor.id
	};
	await db
		.insertInto('series_override')
		.values({ household_id: scope.householdId, key: override.key, ...row })
		.onConflict((oc) => oc.columns(['household_id', 'key']).doUpdateSet(row))
		.execute();
	await auditScope(db, scope, { action: 'series.override', details: { key: override.key, status: override.status } });
	await refreshHouseholdStatus(db, scope, now);
}

export async function addPlannedItem(
	db: Db,
	scope: HouseholdScope,
	item: { date: string; label: string; amount: Cents; cadence: Cadence | null; until: string | null },
	now = new Date()
): Promise<number> {
	requirePermission(scope, 'write');
	const row = await db
		.insertInto('planned_item')
		.values({
			organisation_id: scope.organisationId,
			household_id: scope.householdId,
			...item,
			created_by: scope.actor.id,
			created_at: now.toISOString()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await refreshHouseholdStatus(db, scope, now);
	return row.id;
}

export async function deletePlannedItem(db: Db, scope: HouseholdScope, id: number, now = new Date()): Promise<void> {
	requirePermission(scope, 'write');
	await db.deleteFrom('planned_item').where('id', '=', id).where('household_id', '=', scope.householdId).execute();
	await refreshHouseholdStatus(db, scope, now);
}

/** Records a balance read by hand (e.g. on the banking app) for an account at a date. */
export async function setManualBalance(
	db: Db,
	scope: HouseholdScope,
	accountId: number,
	date: string,
	amount: Cents,
	now = new Date()
): Promise<void> {
	requirePermission(scope, 'write');
	const householdId = scope.householdId;
	const account = await db
		.selectFrom('bank_account')
		.select('id')
		.where('id', '=', accountId)
		.where('household_id', '=', householdId)
		.executeTakeFirst();
	if (!account) throw new InputError('Compte inconnu pour ce ménage.', 'account');
	if (date > addDaysIso(today(now), 0))
		throw new InputError('La date du solde ne peut pas être dans le futur.', 'date');
	await db
		.insertInto('account_balance')
		.values({
			organisation_id: scope.organisationId,
			household_id: householdId,
			account_id: accountId,
			date,
			amount,
			source: 'manual',
			import_batch_id: null,
			created_at: now.toISOString()
		})
		.execute();
	await auditScope(db, scope, { action: 'balance.manual', details: { accountId, date } });
	await refreshHouseholdStatus(db, scope, now);
}
