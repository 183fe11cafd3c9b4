/**
 * Fragility signals of fragility.md §6.a for the adviser's caseload: incidents and their fees (with cap
 * breaches to claim), rejected debits, seizures, overdraft days, gambling share, credit stacking and
 * split payments, silence. Each signal has a level and a plain French text; a human decides.
 */
import { formatEur, type Cents } from '$lib/money';
import { type IsoDate } from '$lib/dates';
import { feeCapsAt } from '../projection/fee-caps';
import type { ClientFeeStatus } from '../projection/fee-caps';
import { dayNumber } from '../projection/calendar';
import { CAPPED_INCIDENT_FAMILIES, classifyBankLine, lenderOf, type BankLineFamily } from './bank-lines';
import { formatBp, type Level, maxLevel, ratioBp } from './format';
import { type IndicatorParameters, indicatorParametersAt } from './parameters';

export interface SignalTx {
	date: IsoDate;
	/** cents, negative = debit */
	amount: Cents;
	category: string;
	normalisedLabel: string;
	payee?: string | null;
}

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
	| 'F18_silence';

export interface FragilitySignal {
	id: SignalId;
	level: Exclude<Level, 'ok'>;
	title: string;
	/** plain French */
	message: string;
	count?: number;
	/** cents (positive) */
	amount?: Cents;
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
}

export interface FragilityReport {
	level: Level;
	/** F1/F2 (our reading of R312-4-3): the bank should already apply the reduced caps */
	regulatoryFragile: boolean;
	signals: FragilitySignal[];
	/** capped incidents and their fees per incident month (fees posted in M+1 are moved back to M) */
	incidentsByMonth: { month: string; count: number; fees: Cents }[];
}

function monthOf(date: IsoDate, shift = 0): string {
	const idx = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + shift;
	return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

function plural(n: number, word: string): string {
	return `${n} ${word}${n > 1 ? 's' : ''}`;
}

/** Computes the §6.a signals for one household. */
export function fragilitySignals(input: FragilityInput): FragilityReport {
	const p = input.params ?? indicatorParametersAt(input.asOf);
	const status = input.clientStatus ?? 'standard';
	const signals: FragilitySignal[] = [];
	const incidents = new Map<string, { count: number; fees: Cents }>();
	const feesByPostingMonth = new Map<string, { ci: Cents; capped: Cents; ciLines: Cents[] }>();
	const rejectedDates: number[] = [];
	const families = new Map<BankLineFamily, { count: number; amount: Cents }>();
	let gambling = 0;
	const lenders = new Set<string>();
	const splitsByMonth = new Map<string, number>();
	const months = new Set<string>();
	for (const t of input.txs) {
		months.add(monthOf(t.date));
		const label = `${t.payee ?? ''} ${t.normalisedLabel}`;
		let family = classifyBankLine(t.normalisedLabel, t.amount);
		if (!family && t.category === 'bank.seizure' && t.amount < 0) family = 'satd';
		if (!family && t.category === 'bank.rejected' && t.amount > 0) family = 'rejected_debit';
		if (family) {
			const f = families.get(family) ?? { count: 0, amount: 0 };
			f.count++;
			f.amount += Math.abs(t.amount);
			families.set(family, f);
			if (CAPPED_INCIDENT_FAMILIES.has(family)) {
				const m = monthOf(t.date, -1);
				const inc = incidents.get(m) ?? { count: 0, fees: 0 };
				inc.count++;
				inc.fees += -t.amount;
				incidents.set(m, inc);
				const pm = monthOf(t.date);
				const fee = feesByPostingMonth.get(pm) ?? { ci: 0, capped: 0, ciLines: [] };
				fee.capped += -t.amount;
				if (family === 'intervention') {
					fee.ci += -t.amount;
					fee.ciLines.push(-t.amount);
				}
				feesByPostingMonth.set(pm, fee);
			}
			if (family === 'rejected_debit') rejectedDates.push(dayNumber(t.date));
		}
		if (t.category === 'daily.gambling') gambling -= t.amount;
		if (t.amount < 0) {
			const lender = lenderOf(label);
			if (lender) {
				lenders.add(lender.lender);
				if (lender.split) splitsByMonth.set(monthOf(t.date), (splitsByMonth.get(monthOf(t.date)) ?? 0) + 1);
			}
		}
	}
	const incidentsByMonth = [...incidents]
		.sort((a, b) => (a[0] < b[0] ? -1 : 1))
		.map(([month, v]) => ({ month, count: v.count, fees: v.fees }));
	// F1 / F2
	let regulatoryFragile = false;
	let run = 0;
	let bestRun = 0;
	let prev: string | null = null;
	for (const m of incidentsByMonth) {
		run = prev !== null && monthOf(`${prev}-01`, 1) === m.month ? run + 1 : 1;
		bestRun = Math.max(bestRun, run);
		prev = m.month;
	}
	if (bestRun >= p.incidentConsecutiveMonths) {
		regulatoryFragile = true;
		signals.push({
			id: 'F1_repeated_incidents',
			level: 'fragile',
			title: 'Incidents répétés',
			message: `Des incidents bancaires ${bestRun} mois de suite : la banque doit vous reconnaître « client fragile » (frais plafonnés, offre spécifique).`,
			count: bestRun
		});
	}
	const burst = incidentsByMonth.filter((m) => m.count >= p.incidentBurst);
	if (burst.length > 0) {
		regulatoryFragile = true;
		signals.push({
			id: 'F2_incident_burst',
			level: 'fragile',
			title: "Beaucoup d'incidents en un mois",
			message: `${plural(Math.max(...burst.map((b) => b.count)), 'incident')} dans le même mois : c'est un critère légal de fragilité bancaire.`,
			count: burst.length
		});
	}
	const cheque = families.get('cheque_rejection');
	if (cheque) {
		signals.push({
			id: 'F3_cheque_rejected',
			level: 'high',
			title: 'Chèque rejeté',
			message: `${plural(cheque.count, 'chèque')} sans provision : risque d'interdiction de chéquier et d'inscription au fichier de la Banque de France.`,
			count: cheque.count,
			amount: cheque.amount
		});
	}
	// F5 rejected debits
	if (rejectedDates.length > 0) {
		rejectedDates.sort((a, b) => a - b);
		let close = false;
		for (let i = 1; i < rejectedDates.length; i++) if (rejectedDates[i] - rejectedDates[i - 1] <= 30) close = true;
		signals.push({
			id: 'F5_rejected_debits',
			level: close ? 'high' : 'watch',
			title: 'Prélèvements rejetés',
			message: `${plural(rejectedDates.length, 'prélèvement')} rejeté${rejectedDates.length > 1 ? 's' : ''} sur la période${close ? ', dont plusieurs à moins de 30 jours' : ''} : des factures restent impayées.`,
			count: rejectedDates.length
		});
	}
	// F6 seizures
	const satd = families.get('satd');
	const judicial = families.get('judicial_seizure');
	if (satd || judicial) {
		const count = (satd?.count ?? 0) + (judicial?.count ?? 0);
		const amount = (satd?.amount ?? 0) + (judicial?.amount ?? 0);
		signals.push({
			id: 'F6_seizure',
			level: 'high',
			title: 'Saisie sur le compte',
			message: `${plural(count, 'opération')} de saisie (SATD ou saisie-attribution) pour ${formatEur(amount)} : une dette est recouvrée de force.`,
			count,
			amount
		});
	}
	// F7 fees and claims
	let feeTotal = 0;
	let worstMonth = 0;
	let claim = 0;
	const claimReasons: string[] = [];
	for (const [month, f] of feesByPostingMonth) {
		feeTotal += f.capped;
		worstMonth = Math.max(worstMonth, f.capped);
		const caps = feeCapsAt(`${month}-01` < '2014-01-01' ? '2014-01-01' : `${month}-01`);
		const ciOver = Math.max(0, f.ci - caps.interventionPerMonth[status]);
		const monthCap = caps.incidentFeesPerMonth[status === 'standard' && regulatoryFragile ? 'fragile' : status];
		const allOver = monthCap === null ? 0 : Math.max(0, f.capped - monthCap);
		const over = Math.max(ciOver, allOver);
		if (over > 0) {
			claim += over;
			claimReasons.push(`${month} : ${formatEur(over)}`);
		}
		if (
			f.ciLines.some(
				(c) => c > caps.interventionPerOperation[status] && c % caps.interventionPerOperation[status] !== 0
			)
		) {
			claimReasons.push(
				`${month} : commission d'intervention au-dessus de ${formatEur(caps.interventionPerOperation[status])}`
			);
		}
	}
	if (feeTotal > 0) {
		signals.push({
			id: 'F7_incident_fees',
			level: worstMonth >= p.incidentFeesFragileMonthly ? 'fragile' : 'watch',
			title: "Frais d'incidents",
			message: `${formatEur(feeTotal)} de frais d'incidents sur la période (jusqu'à ${formatEur(worstMonth)} en un mois).`,
			amount: feeTotal,
			count: incidentsByMonth.reduce((a, m) => a + m.count, 0)
		});
	}
	if (claimReasons.length > 0) {
		signals.push({
			id: 'F7_fee_claim',
			level: 'fragile',
			title: 'Frais au-dessus des plafonds',
			message: `Des frais semblent dépasser les plafonds légaux (${claimReasons.join(' ; ')}) : une réclamation à la banque est possible.`,
			amount: claim
		});
	}
	// F8 overdraft
	if (input.balances && input.balances.length > 0) {
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
		let running = 0;
		let best = 0;
		for (const [, e] of [...byMonth].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
			running = e.neg >= p.overdraftDaysPerMonth || e.last < 0 ? running + 1 : 0;
			best = Math.max(best, running);
		}
		if (negDays > 0) {
			signals.push({
				id: 'F8_overdraft',
				level: best >= p.overdraftMonthsRunning ? 'fragile' : 'watch',
				title: 'Découvert',
				message:
					`${plural(negDays, 'jour')} à découvert sur la période` +
					(best >= p.overdraftMonthsRunning ? `, ${best} mois de suite : le découvert est devenu habituel` : '') +
					(beyond > 0 ? `, dont ${plural(beyond, 'jour')} au-delà du découvert autorisé.` : '.'),
				count: negDays
			});
		}
	}
	// F9 agios
	const agios = families.get('agios');
	const monthsCount = Math.max(1, months.size);
	if (agios) {
		const share = input.monthlyResources ? ratioBp(agios.amount, input.monthlyResources * monthsCount) : null;
		signals.push({
			id: 'F9_agios',
			level: 'watch',
			title: 'Agios',
			message: `${formatEur(agios.amount)} d'intérêts de découvert sur la période${share !== null ? ` (${formatBp(share)} des ressources)` : ''}.`,
			amount: agios.amount
		});
	}
	// gambling
	if (gambling > 0) {
		const share = input.monthlyResources ? ratioBp(gambling, input.monthlyResources * monthsCount) : null;
		const level: Exclude<Level, 'ok'> =
			share !== null && share >= p.gamblingShare.high
				? 'high'
				: share !== null && share >= p.gamblingShare.watch
					? 'fragile'
					: 'watch';
		signals.push({
			id: 'gambling',
			level,
			title: "Jeux d'argent",
			message: `${formatEur(gambling)} dépensés en jeux d'argent sur la période${share !== null ? `, soit ${formatBp(share)} des ressources` : ''}.`,
			amount: gambling
		});
	}
	// F14 credit stacking, split payments
	const maxSplits = Math.max(0, ...splitsByMonth.values());
	if (lenders.size > 0) {
		const stacking = lenders.size >= p.creditStackingLenders || maxSplits >= p.splitPaymentsPerMonth;
		signals.push({
			id: 'F14_credit_stacking',
			level: stacking ? 'high' : 'watch',
			title: 'Crédits et paiements fractionnés',
			message:
				`Remboursements à ${plural(lenders.size, 'organisme')} de crédit ou de paiement fractionné (${[...lenders].sort().join(', ')})` +
				(maxSplits > 0
					? `, jusqu'à ${plural(maxSplits, 'paiement')} fractionné${maxSplits > 1 ? 's' : ''} dans un mois.`
					: '.'),
			count: lenders.size
		});
	}
	// F18 silence
	if (input.lastImportDate !== undefined) {
		const days = input.lastImportDate === null ? Infinity : dayNumber(input.asOf) - dayNumber(input.lastImportDate);
		if (days >= p.silenceDays) {
			signals.push({
				id: 'F18_silence',
				level: 'watch',
				title: 'Plus de relevés importés',
				message:
					input.lastImportDate === null
						? "Aucun relevé n'a encore été importé."
						: `Aucun relevé importé depuis ${days} jours : prendre des nouvelles du foyer.`
			});
		}
	}
	let level: Level = 'ok';
	for (const s of signals) level = maxLevel(level, s.level);
	return { level, regulatoryFragile, signals, incidentsByMonth };
}
