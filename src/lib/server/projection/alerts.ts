/**
 * Alerts for the household and the adviser from a projection: overdraft within 14 days, a large debit
 * coming, an expected income (salary, CAF…) that did not arrive. Plain French with amounts and dates
 * formatted by the shared helpers.
 */
import Decimal from 'decimal.js';
import { formatEur, type Cents } from '$lib/money';
import { formatDateFr, type IsoDate } from '$lib/dates';
import { BUILTIN_CATEGORIES, type CategoryDef } from '$lib/categories';
import type { Projection } from './projection';
import type { RecurringSeries } from './types';
import { BusinessCalendar, civilFromDays, dayNumber, daysFromCivil, isoFromDayNumber } from './calendar';

export type AlertKind = 'overdraft_soon' | 'large_debit' | 'income_missing';
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
	const within = options.overdraftWithinDays ?? 14;
	if (projection.firstOverdraft !== null && dayNumber(projection.firstOverdraft) - asOfDn <= within) {
		const day = projection.days.find((d) => d.date === projection.firstOverdraft);
		const soon = dayNumber(projection.firstOverdraft) - asOfDn <= 7;
		alerts.push({
			kind: 'overdraft_soon',
			severity: soon ? 'critical' : 'warning',
			date: projection.firstOverdraft,
			amount: day?.balance,
			message:
				`Votre compte risque d'être à découvert à partir du ${formatDateFr(projection.firstOverdraft)} ` +
				`(solde prévu ${formatEur(day?.balance ?? 0)}). ` +
				(projection.overdraftCost.total > 0
					? `Cela pourrait coûter environ ${formatEur(projection.overdraftCost.total)} de frais. `
					: '') +
				'Décaler une dépense ou prévenir un créancier peut l’éviter.'
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
	const calendar = new BusinessCalendar(options.holidays ?? []);
	const grace = options.incomeGraceWorkingDays ?? 3;
	for (const s of series) {
		if (s.amount <= 0 || s.status !== 'active' || s.review === 'dismissed' || s.nextDate === null) continue;
		if (!WATCHED_INCOME.has(s.category)) continue;
		const expected = dayNumber(s.nextDate);
		if (expected >= asOfDn) continue;
		if (calendar.businessDaysBetween(expected, asOfDn) <= grace) continue;
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
	const rank: Record<AlertSeverity, number> = { critical: 0, warning: 1, info: 2 };
	alerts.sort((a, b) => rank[a.severity] - rank[b.severity] || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
	return alerts;
}
