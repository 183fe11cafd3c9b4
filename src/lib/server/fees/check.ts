/**
 * The fee-cap check of fragility.md §1: incident fees per incident month against the caps in force that
 * month (dated table projection/fee-caps.ts): commissions d'intervention per operation and per month, a
 * rejection fee above the rejected amount or the maximum, the fee of a debit presented again, and the
 * monthly and yearly caps on all incident fees for a client who should have been identified as fragile or
 * holds the offre spécifique. What is above a cap can be reclaimed. Pure; integer cents.
 */
import { formatEur, type Cents } from '$lib/money';
import { formatDateFr, formatMonthFr, type IsoMonth } from '$lib/dates';
import { plural } from '$lib/words';
import { CAPPED_INCIDENT_FAMILIES } from '../fragility/bank-lines';
import { monthOf } from '../fragility/signal-facts';
import { FEE_CAPS, feeCapsAt, type ClientFeeStatus, type FeeCapsVersion } from '../projection/fee-caps';
import { feeLines, type FeeLine, type FeeTx } from './lines';

export type { FeeLine, FeeTx } from './lines';

/** Where each cap is written (the letter quotes them). */
export const FEE_REFERENCES = {
	intervention: 'article R312-4-1 du Code monétaire et financier',
	interventionOcf: 'article R312-4-2 du Code monétaire et financier',
	rejection: 'article D133-6 du Code monétaire et financier',
	cheque: 'article D131-25 du Code monétaire et financier',
	fragile:
		'articles L312-1-3 et R312-4-3 du Code monétaire et financier et Charte d’inclusion bancaire (arrêté du 16 septembre 2020)'
} as const;

export type BreachKind =
	| 'intervention_operation'
	| 'intervention_month'
	| 'rejection_amount'
	| 'rejection_represented'
	| 'cheque'
	| 'fragile_month'
	| 'fragile_year';

export interface FeeBreach {
	kind: BreachKind;
	/** cents above the cap (reclaimable) */
	amount: Cents;
	/** the cap compared with (cents), null when the whole fee is reclaimable */
	cap: Cents | null;
	/** plain French, with the legal reference */
	text: string;
	reference: string;
	/** the fee lines concerned (transaction ids) */
	evidence: number[];
}

export interface FeeMonth {
	month: IsoMonth;
	interventionCount: number;
	interventionTotal: Cents;
	rejectionTotal: Cents;
	/** every fee covered by the incident caps: commissions, rejections, letters, blocked card… */
	incidentTotal: Cents;
	/** agios and seizure fees: shown, not capped */
	uncappedTotal: Cents;
	caps: {
		interventionPerOperation: Cents;
		interventionPerMonth: Cents;
		rejectedPaymentMax: Cents;
		incidentFeesPerMonth: Cents | null;
		incidentFeesPerYear: Cents | null;
	};
	breaches: FeeBreach[];
	reclaimable: Cents;
	lines: FeeLine[];
}

export interface FeeCheckOptions {
	/** holder of the offre spécifique (OCF) or of the services bancaires de base */
	ocf?: boolean;
	/** a client the bank should have identified as fragile (R312-4-3) */
	fragile?: boolean;
	/** first and last incident months reported (default: the 12 months up to the latest fee) */
	from?: IsoMonth;
	to?: IsoMonth;
	caps?: readonly FeeCapsVersion[];
}

export interface FeeCheck {
	status: ClientFeeStatus;
	from: IsoMonth | null;
	to: IsoMonth | null;
	months: FeeMonth[];
	reclaimable: Cents;
}

function capsOf(month: IsoMonth, table: readonly FeeCapsVersion[]): FeeCapsVersion {
	const date = `${month}-01`;
	return feeCapsAt(date < table[0].effectiveFrom ? table[0].effectiveFrom : date, table);
}

const sum = (lines: FeeLine[]) => lines.reduce((s, l) => s + l.amount, 0);
const ids = (lines: FeeLine[]) => lines.map((l) => l.id);

function interventionBreaches(lines: FeeLine[], caps: FeeMonth['caps'], ocf: boolean): FeeBreach[] {
	const out: FeeBreach[] = [];
	const reference = ocf ? FEE_REFERENCES.interventionOcf : FEE_REFERENCES.intervention;
	const per = caps.interventionPerOperation;
	let perOperation = 0;
	const over: FeeLine[] = [];
	for (const l of lines) {
		const excess = l.amount - l.count * per;
		if (excess > 0) {
			perOperation += excess;
			over.push(l);
		}
	}
	if (perOperation > 0)
		out.push({
			kind: 'intervention_operation',
			amount: perOperation,
			cap: per,
			text: `Commissions d'intervention au-delà de ${formatEur(per)} par opération : ${formatEur(perOperation)} de trop (${reference}).`,
			reference,
			evidence: ids(over)
		});
	const allowed = sum(lines) - perOperation;
	const monthly = allowed - caps.interventionPerMonth;
	if (monthly > 0) {
		const n = lines.reduce((s, l) => s + l.count, 0);
		out.push({
			kind: 'intervention_month',
			amount: monthly,
			cap: caps.interventionPerMonth,
			text: `${plural(n, "commission d'intervention", "commissions d'intervention")} pour ${formatEur(sum(lines))}, au-delà du plafond de ${formatEur(caps.interventionPerMonth)} par mois : ${formatEur(monthly)} de trop (${reference}).`,
			reference,
			evidence: ids(lines)
		});
	}
	return out;
}

function rejectionBreaches(lines: FeeLine[], caps: FeeMonth['caps']): FeeBreach[] {
	const out: FeeBreach[] = [];
	const reference = FEE_REFERENCES.rejection;
	for (const l of lines) {
		if (l.rejected?.represented) {
			out.push({
				kind: 'rejection_represented',
				amount: l.amount,
				cap: null,
				text: `Frais de rejet de ${formatEur(l.amount)} le ${formatDateFr(l.date)} pour un prélèvement déjà rejeté et présenté à nouveau : un seul rejet peut être facturé (${reference}).`,
				reference,
				evidence: [l.id, l.rejected.id]
			});
			continue;
		}
		const cap = Math.min(caps.rejectedPaymentMax, l.rejected ? l.rejected.amount : caps.rejectedPaymentMax);
		if (l.amount > cap)
			out.push({
				kind: 'rejection_amount',
				amount: l.amount - cap,
				cap,
				text: `Frais de rejet de ${formatEur(l.amount)} au-delà de ${formatEur(cap)} (${l.rejected && l.rejected.amount < caps.rejectedPaymentMax ? 'le montant rejeté' : 'le maximum légal'}) : ${formatEur(l.amount - cap)} de trop (${reference}).`,
				reference,
				evidence: l.rejected ? [l.id, l.rejected.id] : [l.id]
			});
	}
	return out;
}

function chequeBreaches(lines: FeeLine[], cap: Cents): FeeBreach[] {
	return lines
		.filter((l) => l.amount > cap)
		.map((l) => ({
			kind: 'cheque' as const,
			amount: l.amount - cap,
			cap,
			text: `Forfait de chèque rejeté de ${formatEur(l.amount)} au-delà de ${formatEur(cap)} : ${formatEur(l.amount - cap)} de trop (${FEE_REFERENCES.cheque}).`,
			reference: FEE_REFERENCES.cheque,
			evidence: [l.id]
		}));
}

/** One month's totals and its breaches of the per-fee caps (the monthly and yearly caps come after). */
function monthOfLines(month: IsoMonth, lines: FeeLine[], v: FeeCapsVersion, status: ClientFeeStatus): FeeMonth {
	const caps: FeeMonth['caps'] = {
		interventionPerOperation: v.interventionPerOperation[status],
		interventionPerMonth: v.interventionPerMonth[status],
		rejectedPaymentMax: v.rejectedPaymentMax,
		incidentFeesPerMonth: v.incidentFeesPerMonth[status],
		incidentFeesPerYear: v.incidentFeesPerYear[status]
	};
	const of = (f: FeeLine['family']) => lines.filter((l) => l.family === f);
	const capped = lines.filter((l) => CAPPED_INCIDENT_FAMILIES.has(l.family));
	const breaches = [
		...interventionBreaches(of('intervention'), caps, status === 'ocf'),
		...rejectionBreaches(of('rejection_fee'), caps),
		...chequeBreaches(of('cheque_rejection'), v.rejectedCheque.above50)
	];
	return {
		month,
		interventionCount: of('intervention').reduce((s, l) => s + l.count, 0),
		interventionTotal: sum(of('intervention')),
		rejectionTotal: sum(of('rejection_fee')) + sum(of('cheque_rejection')),
		incidentTotal: sum(capped),
		uncappedTotal: sum(lines) - sum(capped),
		caps,
		breaches,
		reclaimable: breaches.reduce((s, b) => s + b.amount, 0),
		lines
	};
}

/** The monthly and yearly caps on all incident fees, applied in month order over what is left. */
function applyOverallCaps(months: FeeMonth[]): void {
	const keptByYear = new Map<string, Cents>();
	for (const m of months) {
		const year = m.month.slice(0, 4);
		let kept = m.incidentTotal - m.reclaimable;
		const evidence = m.lines.filter((l) => CAPPED_INCIDENT_FAMILIES.has(l.family)).map((l) => l.id);
		const monthCap = m.caps.incidentFeesPerMonth;
		if (monthCap !== null && kept > monthCap) {
			const amount = kept - monthCap;
			m.breaches.push({
				kind: 'fragile_month',
				amount,
				cap: monthCap,
				text: `${formatEur(kept)} de frais d'incident au-delà du plafond de ${formatEur(monthCap)} par mois pour un client fragile : ${formatEur(amount)} de trop (${FEE_REFERENCES.fragile}).`,
				reference: FEE_REFERENCES.fragile,
				evidence
			});
			kept = monthCap;
		}
		const yearCap = m.caps.incidentFeesPerYear;
		const before = keptByYear.get(year) ?? 0;
		if (yearCap !== null && before + kept > yearCap) {
			const amount = before + kept - Math.max(yearCap, before);
			m.breaches.push({
				kind: 'fragile_year',
				amount,
				cap: yearCap,
				text: `Plafond annuel de ${formatEur(yearCap)} de frais d'incident atteint en ${formatMonthFr(m.month)} : ${formatEur(amount)} de trop (${FEE_REFERENCES.fragile}).`,
				reference: FEE_REFERENCES.fragile,
				evidence
			});
			kept -= amount;
		}
		keptByYear.set(year, before + kept);
		m.reclaimable = m.breaches.reduce((s, b) => s + b.amount, 0);
	}
}

/** The fee-cap check of a household's transactions. */
export function checkFees(txs: readonly FeeTx[], options: FeeCheckOptions = {}): FeeCheck {
	const table = options.caps ?? FEE_CAPS;
	const status: ClientFeeStatus = options.ocf ? 'ocf' : options.fragile ? 'fragile' : 'standard';
	const lines = feeLines(txs, (m) => {
		const per = capsOf(m, table).interventionPerOperation;
		return { standard: per.standard, client: per[status] };
	});
	const latest = lines.reduce<string | null>((a, l) => (a === null || l.month > a ? l.month : a), null);
	const to = options.to ?? latest;
	const from = options.from ?? (to ? monthOf(`${to}-01`, -11) : null);
	if (!to || !from) return { status, from, to, months: [], reclaimable: 0 };
	const byMonth = new Map<string, FeeLine[]>();
	// The yearly cap counts the fees of the whole calendar year, also the months before `from`.
	const yearStart = `${from.slice(0, 4)}-01`;
	for (const l of lines)
		if (l.month >= yearStart && l.month <= to) byMonth.set(l.month, [...(byMonth.get(l.month) ?? []), l]);
	const all = [...byMonth.keys()].sort().map((m) => monthOfLines(m, byMonth.get(m)!, capsOf(m, table), status));
	applyOverallCaps(all);
	const months = all.filter((m) => m.month >= from);
	return { status, from, to, months, reclaimable: months.reduce((s, m) => s + m.reclaimable, 0) };
}
