/**
 * The coaching engine's plain inputs (what the existing engines already computed: benefits, fee check,
 * forecast, debts register, recurring series, budget indicators) and its output, the household's actions.
 * No database, no SvelteKit: the service gathers the inputs, the engine only chooses and words the actions.
 */
import type { Cents } from '$lib/money';
import type { IsoDate } from '$lib/dates';

export type ActionKind =
	| 'benefit_claim'
	| 'fee_refund'
	| 'oscf_request'
	| 'overdraft_avoid'
	| 'overdraft_exit'
	| 'priority_debt'
	| 'subscription_check'
	| 'safety_cushion'
	| 'manual';

export type Confidence = 'high' | 'medium' | 'low';

/** Where the next step leads; the service turns it into a link for the actor (household or adviser). */
export type StepTarget =
	| { kind: 'external'; url: string; label: string }
	/** `fragile`: the reduced caps of a client the bank should have identified as fragile */
	| { kind: 'fee_letter'; fragile: boolean }
	| { kind: 'benefits' }
	| { kind: 'forecast' }
	/** the letter asking the creditor of a recurring debit to take it after the income day */
	| { kind: 'debit_letter'; series: string }
	| { kind: 'debts' }
	| { kind: 'transactions' }
	| { kind: 'appointment' }
	| { kind: 'budget' }
	| { kind: 'none' };

export interface ActionStep {
	/** what to do now, one plain sentence */
	text: string;
	target: StepTarget;
	/** documents to bring or to check */
	documents: string[];
	/** the options, each with its effect (overdraft) */
	options: string[];
}

export interface PlanAction {
	/** stable across recomputations: the statuses and the hidden flags are stored by key */
	key: string;
	kind: ActionKind;
	title: string;
	/** cents per month, positive; null when the effect is one-off or unknown */
	monthlyImpact: Cents | null;
	/** cents, positive; null when none */
	oneOffImpact: Cents | null;
	confidence: Confidence;
	/** needs doing before a date (an overdraft, arrears of a priority debt) */
	urgent: boolean;
	/** the day the urgency refers to, if any */
	dueDate: IsoDate | null;
	/** plain French lines: the transactions, profile answers and parameters behind the action */
	evidence: string[];
	step: ActionStep;
}

export interface BenefitInput {
	benefit: string;
	label: string;
	status: 'eligible' | 'maybe';
	/** cents for the period; null when the engine gave no estimate */
	amount: Cents | null;
	period: 'month' | 'year' | 'once';
	summary: string;
	nextStep: string;
	where: string;
	documents: string[];
	link: { url: string; label: string } | null;
	reasons: string[];
}

export interface FeeInput {
	/** cents above the caps over the period checked */
	reclaimable: Cents;
	from: string | null;
	to: string | null;
	/** the breaches' plain French sentences */
	reasons: string[];
	/** the caps applied: the reduced "fragile" ones when the bank should already apply them */
	status: 'standard' | 'fragile' | 'ocf';
}

export interface OscfInput {
	/** F1/F2 of the fragility signals: the bank should treat the client as fragile */
	regulatoryFragile: boolean;
	/** the fragility signals' titles that say so */
	signals: string[];
	/** capped incident fees charged over the last 12 months (fragility report) */
	incidentFees12m: Cents;
	/** what the fee check finds above the OSCF caps over the same months */
	reclaimableIfOscf: Cents;
	/** what the fee check already finds above the caps that apply today (claimed by fee_refund) */
	reclaimableNow: Cents;
}

export interface OverdraftInput {
	/** first day the projected balance goes below zero */
	date: IsoDate;
	/** projected balance that day (negative cents) */
	balance: Cents;
	/** what the projected overdraft would cost in interest and fees (cents) */
	cost: Cents;
	message: string;
	/** projected debits of series until the next income (or that day without one), largest first */
	debits: MovableDebit[];
	/** the next projected income after that day */
	nextIncome: { label: string; date: IsoDate; amount: Cents } | null;
}

/** A projected debit of a recurring series (its key names the series for the letter). */
export interface MovableDebit {
	label: string;
	date: IsoDate;
	amount: Cents;
	/** the recurring series' key; null when the event is not a series' */
	series: string | null;
}

/** The account is already overdrawn on the first projected day (the forecast's current overdraft). */
export interface OverdrawnInput {
	since: IsoDate;
	/** false when the statements start overdrawn: "since at least" */
	sinceKnown: boolean;
	/** negative cents */
	balance: Cents;
	/** debit interest per day (cents) */
	interestPerDay: Cents;
	/** beyond the authorised overdraft: each debit presented may cost a commission d'intervention */
	beyondLimit: boolean;
	interventionFee: Cents;
	interventionMonthCap: Cents;
	/** first projected day back at zero or above */
	backToPositive: IsoDate | null;
	/** last projected day */
	horizon: IsoDate | null;
	message: string;
	/** projected debits of series before the next income, largest first */
	debits: MovableDebit[];
	nextIncome: { label: string; date: IsoDate; amount: Cents } | null;
}

export interface DebtInput {
	id: number;
	creditor: string;
	kind: string;
	kindLabel: string;
	priority: boolean;
	arrears: Cents;
	instalment: Cents;
	status: string;
}

export interface SeriesInput {
	key: string;
	payee: string;
	category: string;
	/** typical amount, negative cents for a debit */
	amount: Cents;
	occurrences: number;
	lastDate: IsoDate;
	/** the amounts in date order, negative for debits */
	amounts: Cents[];
}

export interface BudgetInput {
	month: string;
	resteAVivre: Cents;
	rsaFloor: Cents;
	fixedCharges: Cents;
	creditCharges: Cents;
}

export interface PlanInput {
	asOf: IsoDate;
	benefits: BenefitInput[];
	fees: FeeInput | null;
	oscf: OscfInput | null;
	overdraft: OverdraftInput | null;
	/** the account is overdrawn today */
	overdrawn: OverdrawnInput | null;
	debts: DebtInput[];
	/** active recurring debits (not dismissed) */
	series: SeriesInput[];
	budget: BudgetInput | null;
}
