/**
 * One pass over a household's transactions that gathers what the fragility signals look at: incidents by
 * month, fees by posting month, rejected debits, bank-line families, gambling, lenders and split payments.
 * Each fact keeps the indexes of the transactions behind it, so a signal can show its evidence.
 */
import type { Cents } from '$lib/money';
import type { IsoDate } from '$lib/dates';
import { dayNumber } from '../projection/calendar';
import { CAPPED_INCIDENT_FAMILIES, classifyBankLine, lenderOf, type BankLineFamily } from './bank-lines';

export interface SignalTx {
	date: IsoDate;
	/** cents, negative = debit */
	amount: Cents;
	category: string;
	normalisedLabel: string;
	payee?: string | null;
}

/** A count and a sum with the transactions behind them (indexes into the input). */
export interface Tally {
	count: number;
	/** cents, positive */
	amount: Cents;
	evidence: number[];
}

export interface MonthFees {
	/** commissions d'intervention charged that month (cents) and each line */
	ci: Cents;
	ciLines: Cents[];
	/** every fee covered by the monthly incident caps (cents) */
	capped: Cents;
	evidence: number[];
}

export interface SignalFacts {
	/** capped incidents per incident month (a fee posted in M+1 counts for M) */
	incidents: Map<string, Tally>;
	/** capped fees per posting month */
	feesByPostingMonth: Map<string, MonthFees>;
	families: Map<BankLineFamily, Tally>;
	/** rejected debits: day numbers and transaction indexes, in input order */
	rejected: { day: number; index: number }[];
	gambling: Tally;
	lenders: Map<string, number[]>;
	splitsByMonth: Map<string, number>;
	/** months that have at least one transaction */
	months: Set<string>;
}

export function monthOf(date: IsoDate, shift = 0): string {
	const idx = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + shift;
	return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

function tally(map: Map<string, Tally>, key: string, amount: Cents, index: number): void {
	const t = map.get(key) ?? { count: 0, amount: 0, evidence: [] };
	t.count++;
	t.amount += amount;
	t.evidence.push(index);
	map.set(key, t);
}

function familyOf(t: SignalTx): BankLineFamily | null {
	const family = classifyBankLine(t.normalisedLabel, t.amount);
	if (family) return family;
	if (t.category === 'bank.seizure' && t.amount < 0) return 'satd';
	if (t.category === 'bank.rejected' && t.amount > 0) return 'rejected_debit';
	return null;
}

function addIncidentFee(facts: SignalFacts, family: BankLineFamily, t: SignalTx, index: number): void {
	tally(facts.incidents, monthOf(t.date, -1), -t.amount, index);
	const pm = monthOf(t.date);
	const fee = facts.feesByPostingMonth.get(pm) ?? { ci: 0, capped: 0, ciLines: [], evidence: [] };
	fee.capped += -t.amount;
	fee.evidence.push(index);
	if (family === 'intervention') {
		fee.ci += -t.amount;
		fee.ciLines.push(-t.amount);
	}
	facts.feesByPostingMonth.set(pm, fee);
}

/** Gathers the facts of the transactions, in one pass. */
export function signalFacts(txs: readonly SignalTx[]): SignalFacts {
	const facts: SignalFacts = {
		incidents: new Map(),
		feesByPostingMonth: new Map(),
		families: new Map(),
		rejected: [],
		gambling: { count: 0, amount: 0, evidence: [] },
		lenders: new Map(),
		splitsByMonth: new Map(),
		months: new Set()
	};
	for (let i = 0; i < txs.length; i++) {
		const t = txs[i];
		facts.months.add(monthOf(t.date));
		const family = familyOf(t);
		if (family) {
			tally(facts.families as Map<string, Tally>, family, Math.abs(t.amount), i);
			if (CAPPED_INCIDENT_FAMILIES.has(family)) addIncidentFee(facts, family, t, i);
			if (family === 'rejected_debit') facts.rejected.push({ day: dayNumber(t.date), index: i });
		}
		if (t.category === 'daily.gambling') {
			facts.gambling.count++;
			facts.gambling.amount -= t.amount;
			facts.gambling.evidence.push(i);
		}
		if (t.amount < 0) {
			const lender = lenderOf(`${t.payee ?? ''} ${t.normalisedLabel}`);
			if (lender) {
				facts.lenders.set(lender.lender, [...(facts.lenders.get(lender.lender) ?? []), i]);
				if (lender.split) facts.splitsByMonth.set(monthOf(t.date), (facts.splitsByMonth.get(monthOf(t.date)) ?? 0) + 1);
			}
		}
	}
	return facts;
}
