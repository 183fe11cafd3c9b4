/**
 * Fragility signals of fragility.md §6.a for the adviser's caseload: incidents and their fees (with cap
 * breaches to claim), rejected debits, seizures, overdraft days, gambling share, credit stacking and
 * split payments, silence. One detector per signal over the facts gathered in one pass; each signal has a
 * level, a plain French text and its evidence (the transactions behind it). A human decides.
 */
import { formatEur, type Cents } from '$lib/money';
import { formatMonthFr, type IsoDate } from '$lib/dates';
import { feeCapsAt } from '../projection/fee-caps';
import type { ClientFeeStatus } from '../projection/fee-caps';
import { dayNumber } from '../projection/calendar';
import { feeClaimMessage, formatBp, type Level, maxLevel, ratioBp } from './format';
import { type IndicatorParameters, indicatorParametersAt } from './parameters';
import { monthOf, signalFacts, type SignalFacts, type SignalTx } from './signal-facts';
import { budgetSignals, type BudgetSignalId } from './signals-budget';
import { situationSignals, type Registration, type SituationSignalId } from './signals-situation';
import type { HouseholdComposition } from './household';
import type { CategoryDef } from '$lib/categories';

export type { SignalTx } from './signal-facts';

export type SignalId =
	| 'F1_repeated_incidents'
	| 'F2_incident_burst'
	| 'F3_cheque_rejected'
	| 'F5_rejected_debits'
	| 'F6_seizure'
	| 'F7_incident_fees'
	| 'F7_fee_claim'
	| 'F8_overdraft'
	| 'F9_agios'
	| 'gambling'
	| 'F14_credit_stacking'
	| 'F18_silence'
	| BudgetSignalId
	| SituationSignalId;

export interface FragilitySignal {
	id: SignalId;
	level: Exclude<Level, 'ok'>;
	title: string;
	/** plain French */
	message: string;
	count?: number;
	/** cents (positive) */
	amount?: Cents;
	/** indexes (into the input's transactions) of the transactions that triggered the signal */
	evidence: number[];
}

export interface FragilityInput {
	/** transactions of the period analysed (e.g. the last 12 months) */
	txs: readonly SignalTx[];
	asOf: IsoDate;
	/** end-of-day balances of the main account over the period, if known */
	balances?: readonly { date: IsoDate; balance: Cents }[];
	/** authorised overdraft (positive cents) */
	overdraftLimit?: Cents | null;
	clientStatus?: ClientFeeStatus;
	/** date of the last statement import; null = never */
	lastImportDate?: IsoDate | null;
	/** monthly resources (cents), e.g. from computeIndicators; used for shares */
	monthlyResources?: Cents;
	params?: IndicatorParameters;
	/** FICP, FCC or surendettement registrations the adviser recorded (F4) */
	registrations?: readonly Registration[];
	/** the household's composition, for the indicator signals F10, F12, F13, F15 (none without it) */
	composition?: HouseholdComposition & { known: boolean };
	categories?: readonly CategoryDef[];
}

export interface FragilityReport {
	level: Level;
	/** F1/F2 (our reading of R312-4-3): the bank should already apply the reduced caps */
	regulatoryFragile: boolean;
	signals: FragilitySignal[];
	/** capped incidents and their fees per incident month (fees posted in M+1 are moved back to M) */
	incidentsByMonth: { month: string; count: number; fees: Cents }[];
}

interface DetectorContext {
	input: FragilityInput;
	facts: SignalFacts;
	p: IndicatorParameters;
	status: ClientFeeStatus;
	incidentsByMonth: FragilityReport['incidentsByMonth'];
	regulatoryFragile: boolean;
}

type Detector = (ctx: DetectorContext) => FragilitySignal | null;

function plural(n: number, word: string): string {
	return `${n} ${word}${n > 1 ? 's' : ''}`;
}

/** The longest run of consecutive months with at least one incident. */
function longestIncidentRun(months: FragilityReport['incidentsByMonth']): number {
	let run = 0;
	let best = 0;
	let prev: string | null = null;
	for (const m of months) {
		run = prev !== null && monthOf(`${prev}-01`, 1) === m.month ? run + 1 : 1;
		best = Math.max(best, run);
		prev = m.month;
	}
	return best;
}

const incidentEvidence = (ctx: DetectorContext, months: string[]) =>
	months.flatMap((m) => ctx.facts.incidents.get(m)?.evidence ?? []);

const repeatedIncidents: Detector = (ctx) => {
	const run = longestIncidentRun(ctx.incidentsByMonth);
	if (run < ctx.p.incidentConsecutiveMonths) return null;
	return {
		id: 'F1_repeated_incidents',
		level: 'fragile',
		title: 'Incidents répétés',
		message: `Des incidents bancaires ${run} mois de suite : la banque doit vous reconnaître « client fragile » (frais plafonnés, offre spécifique).`,
		count: run,
		evidence: incidentEvidence(
			ctx,
			ctx.incidentsByMonth.map((m) => m.month)
		)
	};
};

const incidentBurst: Detector = (ctx) => {
	const burst = ctx.incidentsByMonth.filter((m) => m.count >= ctx.p.incidentBurst);
	if (burst.length === 0) return null;
	return {
		id: 'F2_incident_burst',
		level: 'fragile',
		title: "Beaucoup d'incidents en un mois",
		message: `${plural(Math.max(...burst.map((b) => b.count)), 'incident')} dans le même mois : c'est un critère légal de fragilité bancaire.`,
		count: burst.length,
		evidence: incidentEvidence(
			ctx,
			burst.map((b) => b.month)
		)
	};
};

const chequeRejected: Detector = ({ facts }) => {
	const cheque = facts.families.get('cheque_rejection');
	if (!cheque) return null;
	return {
		id: 'F3_cheque_rejected',
		level: 'high',
		title: 'Chèque rejeté',
		message: `${plural(cheque.count, 'chèque')} sans provision : risque d'interdiction de chéquier et d'inscription au fichier de la Banque de France.`,
		count: cheque.count,
		amount: cheque.amount,
		evidence: cheque.evidence
	};
};

const rejectedDebits: Detector = ({ facts }) => {
	const rejected = [...facts.rejected].sort((a, b) => a.day - b.day);
	if (rejected.length === 0) return null;
	let close = false;
	for (let i = 1; i < rejected.length; i++) if (rejected[i].day - rejected[i - 1].day <= 30) close = true;
	const n = rejected.length;
	return {
		id: 'F5_rejected_debits',
		level: close ? 'high' : 'watch',
		title: 'Prélèvements rejetés',
		message: `${plural(n, 'prélèvement')} rejeté${n > 1 ? 's' : ''} sur la période${close ? ', dont plusieurs à moins de 30 jours' : ''} : des factures restent impayées.`,
		count: n,
		evidence: rejected.map((r) => r.index)
	};
};

const seizure: Detector = ({ facts }) => {
	const parts = [facts.families.get('satd'), facts.families.get('judicial_seizure')].filter((x) => x !== undefined);
	if (parts.length === 0) return null;
	const count = parts.reduce((s, x) => s + x.count, 0);
	const amount = parts.reduce((s, x) => s + x.amount, 0);
	return {
		id: 'F6_seizure',
		level: 'high',
		title: 'Saisie sur le compte',
		message: `${plural(count, 'opération')} de saisie (SATD ou saisie-attribution) pour ${formatEur(amount)} : une dette est recouvrée de force.`,
		count,
		amount,
		evidence: parts.flatMap((x) => x.evidence)
	};
};

const incidentFees: Detector = (ctx) => {
	let total = 0;
	let worst = 0;
	const evidence: number[] = [];
	for (const f of ctx.facts.feesByPostingMonth.values()) {
		total += f.capped;
		worst = Math.max(worst, f.capped);
		evidence.push(...f.evidence);
	}
	if (total === 0) return null;
	return {
		id: 'F7_incident_fees',
		level: worst >= ctx.p.incidentFeesFragileMonthly ? 'fragile' : 'watch',
		title: "Frais d'incidents",
		message: `${formatEur(total)} de frais d'incidents sur la période (jusqu'à ${formatEur(worst)} en un mois).`,
		amount: total,
		count: ctx.incidentsByMonth.reduce((a, m) => a + m.count, 0),
		evidence
	};
};

/** Fees above the caps in force each month (the reduced caps once the client is fragile). */
const feeClaim: Detector = (ctx) => {
	const { status } = ctx;
	let claim = 0;
	const reasons: string[] = [];
	const evidence: number[] = [];
	for (const [month, f] of ctx.facts.feesByPostingMonth) {
		const caps = feeCapsAt(`${month}-01` < '2014-01-01' ? '2014-01-01' : `${month}-01`);
		const ciOver = Math.max(0, f.ci - caps.interventionPerMonth[status]);
		const monthCap = caps.incidentFeesPerMonth[status === 'standard' && ctx.regulatoryFragile ? 'fragile' : status];
		const over = Math.max(ciOver, monthCap === null ? 0 : Math.max(0, f.capped - monthCap));
		const perOperation = caps.interventionPerOperation[status];
		const lineOver = f.ciLines.some((c) => c > perOperation && c % perOperation !== 0);
		if (over > 0) {
			claim += over;
			reasons.push(`${formatMonthFr(month)} : ${formatEur(over)}`);
		}
		if (lineOver)
			reasons.push(`${formatMonthFr(month)} : commission d’intervention au-dessus de ${formatEur(perOperation)}`);
		if (over > 0 || lineOver) evidence.push(...f.evidence);
	}
	if (reasons.length === 0) return null;
	return {
		id: 'F7_fee_claim',
		level: 'fragile',
		title: 'Frais au-dessus des plafonds',
		message: feeClaimMessage(reasons, claim),
		amount: claim,
		evidence
	};
};

const overdraft: Detector = ({ input, p }) => {
	if (!input.balances || input.balances.length === 0) return null;
	const limit = Math.max(0, input.overdraftLimit ?? 0);
	const byMonth = new Map<string, { neg: number; last: Cents; lastDate: IsoDate }>();
	let negDays = 0;
	let beyond = 0;
	for (const b of input.balances) {
		const m = monthOf(b.date);
		const e = byMonth.get(m) ?? { neg: 0, last: 0, lastDate: '' };
		if (b.balance < 0) {
			e.neg++;
			negDays++;
		}
		if (b.balance < -limit) beyond++;
		if (b.date >= e.lastDate) {
			e.last = b.balance;
			e.lastDate = b.date;
		}
		byMonth.set(m, e);
	}
	if (negDays === 0) return null;
	let running = 0;
	let best = 0;
	for (const [, e] of [...byMonth].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
		running = e.neg >= p.overdraftDaysPerMonth || e.last < 0 ? running + 1 : 0;
		best = Math.max(best, running);
	}
	const habitual = best >= p.overdraftMonthsRunning;
	return {
		id: 'F8_overdraft',
		level: habitual ? 'fragile' : 'watch',
		title: 'Découvert',
		message:
			`${plural(negDays, 'jour')} à découvert sur la période` +
			(habitual ? `, ${best} mois de suite : le découvert est devenu habituel` : '') +
			(beyond > 0 ? `, dont ${plural(beyond, 'jour')} au-delà du découvert autorisé.` : '.'),
		count: negDays,
		evidence: []
	};
};

/** A share of the resources over the months analysed, in basis points, or null when resources are unknown. */
function shareOfResources(ctx: DetectorContext, amount: Cents): number | null {
	const months = Math.max(1, ctx.facts.months.size);
	return ctx.input.monthlyResources ? ratioBp(amount, ctx.input.monthlyResources * months) : null;
}

const agios: Detector = (ctx) => {
	const a = ctx.facts.families.get('agios');
	if (!a) return null;
	const share = shareOfResources(ctx, a.amount);
	return {
		id: 'F9_agios',
		level: 'watch',
		title: 'Agios',
		message: `${formatEur(a.amount)} d'intérêts de découvert sur la période${share !== null ? ` (${formatBp(share)} des ressources)` : ''}.`,
		amount: a.amount,
		evidence: a.evidence
	};
};

const gambling: Detector = (ctx) => {
	const g = ctx.facts.gambling;
	if (g.amount <= 0) return null;
	const share = shareOfResources(ctx, g.amount);
	const { high, watch } = ctx.p.gamblingShare;
	const level = share !== null && share >= high ? 'high' : share !== null && share >= watch ? 'fragile' : 'watch';
	return {
		id: 'gambling',
		level,
		title: "Jeux d'argent",
		message: `${formatEur(g.amount)} dépensés en jeux d'argent sur la période${share !== null ? `, soit ${formatBp(share)} des ressources` : ''}.`,
		amount: g.amount,
		evidence: g.evidence
	};
};

const creditStacking: Detector = ({ facts, p }) => {
	const lenders = facts.lenders;
	if (lenders.size === 0) return null;
	const maxSplits = Math.max(0, ...facts.splitsByMonth.values());
	const stacking = lenders.size >= p.creditStackingLenders || maxSplits >= p.splitPaymentsPerMonth;
	return {
		id: 'F14_credit_stacking',
		level: stacking ? 'high' : 'watch',
		title: 'Crédits et paiements fractionnés',
		message:
			`Remboursements à ${plural(lenders.size, 'organisme')} de crédit ou de paiement fractionné (${[...lenders.keys()].sort().join(', ')})` +
			(maxSplits > 0
				? `, jusqu'à ${plural(maxSplits, 'paiement')} fractionné${maxSplits > 1 ? 's' : ''} dans un mois.`
				: '.'),
		count: lenders.size,
		evidence: [...lenders.values()].flat()
	};
};

const silence: Detector = ({ input, p }) => {
	if (input.lastImportDate === undefined) return null;
	const days = input.lastImportDate === null ? Infinity : dayNumber(input.asOf) - dayNumber(input.lastImportDate);
	if (days < p.silenceDays) return null;
	return {
		id: 'F18_silence',
		level: 'watch',
		title: 'Plus de relevés importés',
		message:
			input.lastImportDate === null
				? "Aucun relevé n'a encore été importé."
				: `Aucun relevé importé depuis ${days} jours : prendre des nouvelles du foyer.`,
		evidence: []
	};
};

/** The detectors, in the order their signals are listed. */
const DETECTORS: readonly Detector[] = [
	repeatedIncidents,
	incidentBurst,
	chequeRejected,
	rejectedDebits,
	seizure,
	incidentFees,
	feeClaim,
	overdraft,
	agios,
	gambling,
	creditStacking,
	silence
];

/** Computes the §6.a signals for one household. */
export function fragilitySignals(input: FragilityInput): FragilityReport {
	const p = input.params ?? indicatorParametersAt(input.asOf);
	const facts = signalFacts(input.txs);
	const incidentsByMonth = [...facts.incidents]
		.sort((a, b) => (a[0] < b[0] ? -1 : 1))
		.map(([month, v]) => ({ month, count: v.count, fees: v.amount }));
	const ctx: DetectorContext = {
		input,
		facts,
		p,
		status: input.clientStatus ?? 'standard',
		incidentsByMonth,
		regulatoryFragile: false
	};
	const situation = situationSignals(input, p);
	// F1/F2 (incidents) and F4 (a file registration) make the client fragile in law, which lowers the
	// caps the fee claim compares with.
	ctx.regulatoryFragile =
		repeatedIncidents(ctx) !== null ||
		incidentBurst(ctx) !== null ||
		situation.some((s) => s.id === 'F4_file_registration');
	const signals = DETECTORS.map((d) => d(ctx)).filter((s): s is FragilitySignal => s !== null);
	// The situation signals (F4, F10…F15) and the cash-flow ones (F11, F16, F17) come before silence,
	// which stays last.
	const cashFlow = budgetSignals(input.txs, input.asOf, p);
	const silenceAt = signals.findIndex((s) => s.id === 'F18_silence');
	signals.splice(silenceAt < 0 ? signals.length : silenceAt, 0, ...situation, ...cashFlow);
	let level: Level = 'ok';
	for (const s of signals) level = maxLevel(level, s.level);
	return { level, regulatoryFragile: ctx.regulatoryFragile, signals, incidentsByMonth };
}
