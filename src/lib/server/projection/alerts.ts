/**
 * Alerts for the household and the adviser from a projection: an account already overdrawn (since when,
 * at what cost per day), an overdraft within 14 days, a large debit coming, an expected income (salary,
 * CAF…) that did not arrive in the statements, a balance too old to trust. Plain French with amounts and
 * dates formatted by the shared helpers.
 */
import Decimal from 'decimal.js';
import { formatEur, type Cents } from '$lib/money';
import { formatDateFr, type IsoDate } from '$lib/dates';
import { BUILTIN_CATEGORIES, type CategoryDef } from '$lib/categories';
import type { Projection } from './projection';
import type { RecurringSeries } from './types';
import type { OverdraftSettings } from './overdraft-cost';
import { currentOverdraft } from './overdrawn';
import { BusinessCalendar, civilFromDays, dayNumber, daysFromCivil, isoFromDayNumber } from './calendar';

export type AlertKind = 'overdrawn' | 'overdraft_soon' | 'large_debit' | 'income_missing' | 'stale_balance';
export type AlertSeverity = 'info' | 'warning' | 'critical';

export interface Alert {
	kind: AlertKind;
	severity: AlertSeverity;
	date: IsoDate;
	/** plain French */
	message: string;
	/** cents, when relevant */
	amount?: Cents;
	/** the event or series concerned */
	ref?: string;
}

export interface AlertOptions {
	/** days ahead for the overdraft alert (default 14) */
	overdraftWithinDays?: number;
	/** days ahead for the large debit alert (default 30) */
	largeDebitWithinDays?: number;
	/** share of monthly resources above which a debit is large (basis points, default 3000) */
	largeDebitShareBp?: number;
	/** amount above which a debit is large whatever the resources (cents, default 30000) */
	largeDebitAbove?: Cents;
	/** working days after the expected date before an income is called missing (default 3) */
	incomeGraceWorkingDays?: number;
	holidays?: readonly IsoDate[];
	categories?: readonly CategoryDef[];
	/** the account's overdraft terms, for the cost of an overdraft already running */
	overdraft?: OverdraftSettings;
}

/** Income categories whose absence matters (salary, benefits, pensions). */
const WATCHED_INCOME = new Set([
	'income.salary',
	'income.unemployment',
	'income.pension',
	'income.daily_allowance',
	'income.family_benefits',
	'income.housing_benefit',
	'income.minimum_income',
	'income.disability',
	'income.alimony'
]);

/** Mean monthly income of the 3 complete months before `asOf` (cents). */
export function monthlyResources(
	txs: readonly { date: IsoDate; amount: Cents; category: string }[],
	asOf: IsoDate,
	categories: readonly CategoryDef[] = BUILTIN_CATEGORIES
): Cents {
	const kinds = new Map(categories.map((c) => [c.id, c.kind]));
	const { y, m } = civilFromDays(dayNumber(asOf));
	const end = isoFromDayNumber(daysFromCivil(y, m, 1) - 1);
	const idx = y * 12 + m - 1 - 3;
	const start = isoFromDayNumber(daysFromCivil(Math.floor(idx / 12), (idx % 12) + 1, 1));
	let sum = 0;
	for (const t of txs) {
		if (t.date >= start && t.date <= end && kinds.get(t.category) === 'income' && t.category !== 'income.health_refund')
			sum += t.amount;
	}
	return new Decimal(sum).dividedBy(3).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

/**
 * An overdraft that starts inside the projection. When the account is already overdrawn, that one is the
 * `overdrawn` alert; this one is then a new overdraft after the balance came back above zero.
 */
function overdraftSoon(projection: Projection, asOfDn: number, within: number): Alert | null {
	let first: { date: IsoDate; balance: number } | null = null;
	let recovered = projection.startBalance >= 0;
	for (const d of projection.days) {
		if (d.balance >= 0) recovered = true;
		else if (recovered) {
			first = d;
			break;
		}
	}
	if (!first || dayNumber(first.date) - asOfDn > within) return null;
	const again = projection.startBalance < 0;
	return {
		kind: 'overdraft_soon',
		severity: dayNumber(first.date) - asOfDn <= 7 ? 'critical' : 'warning',
		date: first.date,
		amount: first.balance,
		message:
			`Votre compte risque d'être ${again ? 'de nouveau ' : ''}à découvert à partir du ${formatDateFr(first.date)} ` +
			`(solde prévu ${formatEur(first.balance)}). ` +
			(projection.overdraftCost.total > 0
				? `Cela pourrait coûter environ ${formatEur(projection.overdraftCost.total)} de frais. `
				: '') +
			'Décaler une dépense ou prévenir un créancier peut l’éviter.'
	};
}

/** Expected incomes (salary, CAF…) the statements should already show and do not. */
function missingIncomes(
	projection: Projection,
	series: readonly RecurringSeries[],
	asOfDn: number,
	options: AlertOptions
): Alert[] {
	const alerts: Alert[] = [];
	const calendar = new BusinessCalendar(options.holidays ?? []);
	const grace = options.incomeGraceWorkingDays ?? 3;
	// missing from the statements: only what was due well before their end can be said to be missing
	const dataEnd = Math.min(asOfDn, dayNumber(projection.from));
	for (const s of series) {
		if (s.amount <= 0 || s.status !== 'active' || s.review === 'dismissed' || s.nextDate === null) continue;
		if (!WATCHED_INCOME.has(s.category)) continue;
		const expected = dayNumber(s.nextDate);
		if (expected >= dataEnd) continue;
		if (calendar.businessDaysBetween(expected, dataEnd) <= grace) continue;
		alerts.push({
			kind: 'income_missing',
			severity: 'warning',
			date: s.nextDate,
			amount: s.amount,
			ref: s.key,
			message:
				`Le versement habituel de ${s.payee} (environ ${formatEur(s.amount)}) était attendu le ${formatDateFr(s.nextDate)} ` +
				"et n'est pas arrivé. Il peut être utile de contacter l'organisme ou l'employeur."
		});
	}
	return alerts;
}

/** Builds the alerts, most severe first then by date. */
export function projectionAlerts(
	projection: Projection,
	series: readonly RecurringSeries[],
	txs: readonly { date: IsoDate; amount: Cents; category: string }[],
	asOf: IsoDate,
	options: AlertOptions = {}
): Alert[] {
	const alerts: Alert[] = [];
	const asOfDn = dayNumber(asOf);
	const now = currentOverdraft(
		txs,
		{ date: projection.from, amount: projection.startBalance },
		options.overdraft ?? { limit: null, rateBp: null },
		projection.days
	);
	if (now) {
		alerts.push({
			kind: 'overdrawn',
			severity: 'critical',
			date: now.since,
			amount: now.balance,
			message: now.message
		});
	}
	const soon = overdraftSoon(projection, asOfDn, options.overdraftWithinDays ?? 14);
	if (soon) alerts.push(soon);
	const age = projection.balanceAge;
	if (age?.stale) {
		alerts.push({
			kind: 'stale_balance',
			severity: age.days > 31 ? 'warning' : 'info',
			date: age.date,
			message: age.message
		});
	}
	const resources = monthlyResources(txs, asOf, options.categories);
	const shareBp = options.largeDebitShareBp ?? 3000;
	const above = options.largeDebitAbove ?? 30000;
	const shareLimit = resources > 0 ? new Decimal(resources).times(shareBp).dividedBy(10000).toNumber() : Infinity;
	const horizon = asOfDn + (options.largeDebitWithinDays ?? 30);
	for (const e of projection.events) {
		if (e.source === 'variable' || e.amount >= 0) continue;
		const dn = dayNumber(e.date);
		if (dn < asOfDn || dn > horizon) continue;
		const abs = -e.amount;
		if (abs > above || abs > shareLimit) {
			alerts.push({
				kind: 'large_debit',
				severity: 'info',
				date: e.date,
				amount: e.amount,
				ref: e.key,
				message:
					`Une grosse dépense arrive le ${formatDateFr(e.date)} : ${e.label}, ${formatEur(abs)}` +
					(resources > 0
						? ` (${new Decimal(abs).times(100).dividedBy(resources).toDecimalPlaces(0).toString()} % de vos ressources du mois).`
						: '.')
			});
		}
	}
	alerts.push(...missingIncomes(projection, series, asOfDn, options));
	const rank: Record<AlertSeverity, number> = { critical: 0, warning: 1, info: 2 };
	alerts.sort((a, b) => rank[a.severity] - rank[b.severity] || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
	return alerts;
}
