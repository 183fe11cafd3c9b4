/**
 * Fragility signals of fragility.md §6.a read from the household's monthly cash flow rather than from
 * bank lines: F11 income shock, F16 missing priority payment, F17 structural deficit. They look at
 * complete months only (a month the statements cover to its end, before the month of the analysis), so a
 * statement imported on the 5th does not look like a month without income.
 */
import { centsToDecimal, formatEur, roundToCents, type Cents } from '$lib/money';
import { addDaysIso, formatMonthFr, type IsoDate } from '$lib/dates';
import { BUILTIN_CATEGORIES } from '$lib/categories';
import { frenchList, plural } from '$lib/words';
import type { IndicatorParameters } from './parameters';
import type { SignalTx } from './signal-facts';
import { monthOf } from './signal-facts';

export type BudgetSignalId = 'F11_income_shock' | 'F16_missing_priority_payment' | 'F17_structural_deficit';

export interface BudgetSignal {
	id: BudgetSignalId;
	level: 'watch' | 'fragile' | 'high';
	title: string;
	message: string;
	count?: number;
	amount?: Cents;
	evidence: number[];
}

/** Resources of §6.b: every income category but health refunds (they compensate spending). */
const RESOURCE_CATEGORIES = new Set(
	BUILTIN_CATEGORIES.filter((c) => c.group === 'income' && c.id !== 'income.health_refund').map((c) => c.id)
);
/** Moves between the household's own accounts are not cash flow. */
const INTERNAL = new Set(['transfer.internal', 'transfer.savings']);
/** Debits whose absence means an arrear is building (housing, energy, water, credit). */
const PRIORITY = new Map([
	['housing.rent', 'loyer'],
	['housing.mortgage', 'prêt immobilier'],
	['housing.energy', 'énergie'],
	['housing.water', 'eau'],
	['credit.consumer', 'crédit'],
	['credit.other', 'échéancier']
]);

interface MonthFlow {
	resources: Cents;
	resourceEvidence: number[];
	/** every amount but internal moves (cents, signed) */
	net: Cents;
}

export interface BudgetFacts {
	/** complete months, oldest first */
	complete: string[];
	flows: Map<string, MonthFlow>;
	/** priority debit series: key → months seen with the indexes of their transactions */
	series: Map<string, { category: string; name: string; months: Map<string, number[]>; amounts: Cents[] }>;
}

function lastDayOf(month: string): IsoDate {
	return addDaysIso(`${monthOf(`${month}-01`, 1)}-01`, -1);
}

function seriesName(t: SignalTx): string {
	const base = (t.payee ?? '').trim() || t.normalisedLabel.split(/\s+/).slice(0, 3).join(' ');
	return base.toUpperCase();
}

/** Monthly flows and priority series of the transactions; complete months are those covered to their end. */
export function budgetFacts(txs: readonly SignalTx[], asOf: IsoDate): BudgetFacts {
	const flows = new Map<string, MonthFlow>();
	const series: BudgetFacts['series'] = new Map();
	let lastDate = '';
	for (let i = 0; i < txs.length; i++) {
		const t = txs[i];
		if (t.date > lastDate) lastDate = t.date;
		const m = monthOf(t.date);
		const f = flows.get(m) ?? { resources: 0, resourceEvidence: [], net: 0 };
		if (!INTERNAL.has(t.category)) f.net += t.amount;
		if (t.amount > 0 && RESOURCE_CATEGORIES.has(t.category)) {
			f.resources += t.amount;
			f.resourceEvidence.push(i);
		}
		flows.set(m, f);
		if (t.amount < 0 && PRIORITY.has(t.category)) {
			const key = `${t.category}|${seriesName(t)}`;
			const s = series.get(key) ?? {
				category: t.category,
				name: t.payee?.trim() || seriesName(t),
				months: new Map<string, number[]>(),
				amounts: [] as Cents[]
			};
			s.months.set(m, [...(s.months.get(m) ?? []), i]);
			s.amounts.push(-t.amount);
			series.set(key, s);
		}
	}
	const current = monthOf(asOf);
	// Statements are often downloaded a few days before the month ends (a weekend): 3 days of slack.
	const coveredTo = lastDate ? addDaysIso(lastDate, 3) : '';
	const months = [...flows.keys()].sort();
	const complete: string[] = [];
	if (months.length > 0) {
		for (let m = months[0]; m < current && lastDayOf(m) <= coveredTo; m = monthOf(`${m}-01`, 1)) complete.push(m);
	}
	return { complete, flows, series };
}

function median(values: Cents[]): Cents {
	const s = [...values].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid] : roundToCents(centsToDecimal(s[mid - 1] + s[mid]).div(2));
}

/** R of `month` against the median of the months before it, or null when there is too little history. */
function shock(facts: BudgetFacts, at: number, p: IndicatorParameters): { r: Cents; usual: Cents } | null {
	const before = facts.complete.slice(Math.max(0, at - p.incomeShock.medianMonths), at);
	if (before.length < p.incomeShock.minHistoryMonths) return null;
	const usual = median(before.map((m) => facts.flows.get(m)?.resources ?? 0));
	const r = facts.flows.get(facts.complete[at])?.resources ?? 0;
	if (usual <= 0 || r * 10000 >= usual * p.incomeShock.ratioBp) return null;
	return { r, usual };
}

export function incomeShock(facts: BudgetFacts, p: IndicatorParameters): BudgetSignal | null {
	const last = facts.complete.length - 1;
	if (last < 0) return null;
	const now = shock(facts, last, p);
	if (!now) return null;
	const runs = p.incomeShock.monthsFragile;
	let months = 1;
	while (months < runs && last - months >= 0 && shock(facts, last - months, p)) months++;
	const month = facts.complete[last];
	const evidence = facts.complete.slice(last - months + 1).flatMap((m) => facts.flows.get(m)?.resourceEvidence ?? []);
	return {
		id: 'F11_income_shock',
		level: months >= runs ? 'fragile' : 'watch',
		title: 'Baisse des ressources',
		message:
			`Ressources de ${formatMonthFr(month)} : ${formatEur(now.r)}, contre ${formatEur(now.usual)} d’habitude` +
			(months >= runs ? ` ; la baisse dure depuis ${plural(months, 'mois', 'mois')}.` : '.'),
		count: months,
		amount: now.usual - now.r,
		evidence
	};
}

export function missingPriorityPayment(facts: BudgetFacts, p: IndicatorParameters): BudgetSignal | null {
	const n = facts.complete.length;
	const cycles = p.missingPriorityCycles;
	if (n < cycles + 1) return null;
	const last = facts.complete[n - 1];
	const before = facts.complete.slice(n - 1 - cycles, n - 1);
	const missing: { name: string; kind: string; usual: Cents; evidence: number[] }[] = [];
	for (const s of facts.series.values()) {
		if (s.months.has(last) || !before.every((m) => s.months.has(m))) continue;
		// Paid early in the next month (a weekend, a late salary): not missing.
		if (s.months.has(monthOf(`${last}-01`, 1))) continue;
		const evidence = before.flatMap((m) => s.months.get(m) ?? []);
		missing.push({ name: s.name, kind: PRIORITY.get(s.category) ?? '', usual: median(s.amounts), evidence });
	}
	if (missing.length === 0) return null;
	return {
		id: 'F16_missing_priority_payment',
		level: 'high',
		title: 'Paiement prioritaire absent',
		message: `${frenchList(missing.map((x) => `« ${x.name} » (${x.kind}, ${formatEur(x.usual)})`))} : payé chaque mois jusqu’ici, absent en ${formatMonthFr(last)}. Vérifier qu’un impayé ne commence pas.`,
		count: missing.length,
		evidence: missing.flatMap((x) => x.evidence)
	};
}

export function structuralDeficit(facts: BudgetFacts, p: IndicatorParameters): BudgetSignal | null {
	const months = facts.complete.slice(-p.structuralDeficitMonths);
	if (months.length < p.structuralDeficitMonths) return null;
	const nets = months.map((m) => facts.flows.get(m)?.net ?? 0);
	if (nets.some((x) => x >= 0)) return null;
	const mean = roundToCents(centsToDecimal(nets.reduce((a, b) => a + b, 0)).div(nets.length));
	return {
		id: 'F17_structural_deficit',
		level: 'fragile',
		title: 'Dépenses au-dessus des ressources',
		message: `Plus de dépenses que de ressources ${plural(months.length, 'mois', 'mois')} de suite (${formatEur(-mean)} de déficit par mois en moyenne, hors virements entre ses comptes).`,
		count: months.length,
		amount: -mean,
		evidence: []
	};
}

/** The cash-flow signals of one household. */
export function budgetSignals(txs: readonly SignalTx[], asOf: IsoDate, p: IndicatorParameters): BudgetSignal[] {
	const facts = budgetFacts(txs, asOf);
	return [incomeShock(facts, p), missingPriorityPayment(facts, p), structuralDeficit(facts, p)].filter(
		(s): s is BudgetSignal => s !== null
	);
}
