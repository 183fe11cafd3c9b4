/**
 * Gathers the coaching engine's inputs from the existing engines, for one household: the benefits engine
 * (evaluateHousehold), the fee-cap checks (householdFeeChecks: the caps that apply and the OSCF caps, from one read),
 * the fragility signals (householdFragility), the forecast (householdForecast), the debts register and the
 * budget indicators. Nothing is recomputed here: figures are copied from those results.
 */
import { parseMoneyString, type Cents } from '$lib/money';
import { today, type IsoDate } from '$lib/dates';
import type { Db } from '../db';
import { requirePermission, type HouseholdScope } from '../auth/access';
import type { HouseholdForecast } from './forecast-service';
import { householdForecast } from './forecast-service';
import { evaluateHousehold } from './benefits-service';
import { householdFeeChecks } from './fees-service';
import { householdFragility, type HouseholdFragility } from './household-fragility';
import { listDebts } from './debts';
import { householdBudget } from './budget-service';
import { DEBT_KINDS, PRIORITY_KINDS } from '../statement/debt-kinds';
import type { BenefitResult } from '../benefits/types';
import type {
	BenefitInput,
	MovableDebit,
	OverdraftInput,
	OverdrawnInput,
	PlanInput,
	SeriesInput
} from '../coaching/plan';

/** The signals that make the client fragile in law (our reading of R312-4-3, fragility/signals.ts). */
const REGULATORY_SIGNALS = new Set<string>(['F1_repeated_incidents', 'F2_incident_burst', 'F4_file_registration']);

function benefitInput(r: BenefitResult): BenefitInput | null {
	if (r.status !== 'eligible' && r.status !== 'maybe') return null;
	if (r.interim) return null;
	let amount: Cents | null = null;
	if (r.amount !== null) amount = parseMoneyString(r.amount);
	if (amount !== null && amount <= 0) amount = null;
	const h = r.forHousehold;
	return {
		benefit: r.benefit,
		label: r.label,
		status: r.status,
		amount,
		period: r.period,
		summary: h.summary,
		nextStep: h.nextStep,
		where: r.claim.where,
		documents: h.documents,
		link: h.link ? { url: h.link.url, label: h.link.label } : null,
		reasons: r.reasons.slice(0, 3)
	};
}

type Projected = NonNullable<HouseholdForecast['projection']>['events'][number];

/** A series' projected debit, with the series' key taken from the event's (`s:<series key>:<date>`). */
function movable(e: Projected): MovableDebit {
	const series = e.key.startsWith('s:') ? e.key.slice(2, e.key.lastIndexOf(':')) : null;
	return { label: e.label, date: e.date, amount: e.amount, series: series || null };
}

const largestFirst = (a: Projected, b: Projected) => a.amount - b.amount || (a.date < b.date ? -1 : 1);

function overdraftInput(f: HouseholdForecast, asOf: IsoDate): OverdraftInput | null {
	const alert = f.alerts.find((a) => a.kind === 'overdraft_soon');
	if (!alert || alert.amount === undefined || !f.projection) return null;
	const events = f.projection.events.filter((e) => e.source === 'series');
	const income = events.find((e) => e.amount > 0 && e.date >= alert.date);
	// the series' debits until the income arrives: moving one after it avoids or shortens the overdraft
	const debits = events
		.filter((e) => e.amount < 0 && e.date > asOf && (income ? e.date < income.date : e.date <= alert.date))
		.sort(largestFirst)
		.map(movable);
	return {
		date: alert.date,
		balance: alert.amount,
		cost: f.projection.overdraftCost.total,
		message: alert.message,
		debits,
		nextIncome: income ? { label: income.label, date: income.date, amount: income.amount } : null
	};
}

/** The account overdrawn today, with the series' debits due before the next income. */
function overdrawnInput(f: HouseholdForecast, asOf: IsoDate): OverdrawnInput | null {
	const o = f.overdrawn;
	if (!o) return null;
	const events = (f.projection?.events ?? []).filter((e) => e.source === 'series');
	const income = events.find((e) => e.amount > 0 && e.date >= asOf);
	const debits = events
		.filter((e) => e.amount < 0 && e.date >= asOf && (!income || e.date < income.date))
		.sort(largestFirst)
		.map(movable);
	return {
		since: o.since,
		sinceKnown: o.sinceKnown,
		balance: o.balance,
		interestPerDay: o.interestPerDay,
		beyondLimit: o.beyondLimit,
		interventionFee: o.interventionFee,
		interventionMonthCap: o.interventionMonthCap,
		backToPositive: o.backToPositive,
		horizon: f.projection?.days.at(-1)?.date ?? null,
		message: o.message,
		debits,
		nextIncome: income ? { label: income.label, date: income.date, amount: income.amount } : null
	};
}

function seriesInputs(f: HouseholdForecast, fragility: HouseholdFragility): SeriesInput[] {
	const txById = new Map(fragility.history.txs.map((t) => [String(t.id), t]));
	return f.series
		.filter((s) => s.status === 'active' && s.review !== 'dismissed' && s.amount < 0)
		.map((s) => {
			const txs = s.transactionIds
				.map((id) => txById.get(String(id)))
				.filter((t) => t !== undefined)
				.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
			return {
				key: s.key,
				payee: s.payee,
				category: s.category,
				amount: s.amount,
				occurrences: s.occurrences,
				lastDate: s.lastDate,
				amounts: txs.map((t) => t.amount)
			};
		});
}

/** Results already computed for this household and this day, reused instead of being computed again. */
export interface KnownInputs {
	/** the 90-day forecast as of today(now), e.g. the one the household status refresh just computed */
	forecast?: HouseholdForecast;
	/** the fragility signals as of today(now), e.g. the ones the caseload row refresh just read */
	fragility?: HouseholdFragility;
}

/** Everything the engine needs, from the engines; `now` fixes "today" for the forecast and the benefits. */
export async function planInputs(
	db: Db,
	scope: HouseholdScope,
	now = new Date(),
	known: KnownInputs = {}
): Promise<PlanInput> {
	requirePermission(scope, 'read');
	const asOf = today(now);
	const fragility = known.fragility ?? (await householdFragility(db, scope, asOf));
	const regulatoryFragile = fragility.report.regulatoryFragile;
	// One after the other: each engine reads the household's whole history, and reading them all at once
	// held six copies of it (a household of 100,000 rows took the process from 290 to 400 MB).
	const benefits = await evaluateHousehold(db, scope, now);
	const [fees, feesOscf] = await householdFeeChecks(db, scope, {}, [{ fragile: regulatoryFragile }, { ocf: true }]);
	const forecast = known.forecast ?? (await householdForecast(db, scope, { asOf }));
	const debts = await listDebts(db, scope);
	const budget = await householdBudget(db, scope, null);
	const check = fees;
	const ind = budget.indicators;
	return {
		asOf,
		benefits: (benefits?.results ?? []).map(benefitInput).filter((b) => b !== null),
		fees: {
			reclaimable: check.reclaimable,
			from: check.from,
			to: check.to,
			reasons: check.months.flatMap((m) => m.breaches.map((b) => b.text)).slice(0, 6),
			status: check.status
		},
		oscf: {
			regulatoryFragile,
			signals: fragility.report.signals.filter((s) => REGULATORY_SIGNALS.has(s.id)).map((s) => s.title),
			incidentFees12m: fragility.report.incidentsByMonth.reduce((s, m) => s + m.fees, 0),
			reclaimableIfOscf: feesOscf.reclaimable,
			reclaimableNow: check.reclaimable
		},
		overdraft: overdraftInput(forecast, asOf),
		overdrawn: overdrawnInput(forecast, asOf),
		debts: debts.map((d) => ({
			id: d.id,
			creditor: d.creditor,
			kind: d.kind,
			kindLabel: DEBT_KINDS[d.kind],
			priority: PRIORITY_KINDS.includes(d.kind),
			arrears: d.arrears,
			instalment: d.instalment,
			status: d.status
		})),
		series: seriesInputs(forecast, fragility),
		budget: ind
			? {
					month: budget.month ?? asOf.slice(0, 7),
					resteAVivre: ind.resteAVivre,
					rsaFloor: ind.rsaFloor,
					fixedCharges: ind.fixedCharges,
					creditCharges: ind.creditCharges
				}
			: null
	};
}
