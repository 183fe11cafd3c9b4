/**
 * Types of the categorisation engine: normalised labels, JSON-serialisable rules and results.
 * Rules are stored as JSON by the app; everything here is plain data.
 */
import type { Cents } from '$lib/money';
import type { IsoDate } from '$lib/dates';

/** What kind of bank operation a label describes (from its prefix, the sign breaking ties). */
export type OperationType =
	| 'card'
	| 'direct_debit'
	| 'transfer_in'
	| 'transfer_out'
	| 'cash_withdrawal'
	| 'cheque'
	| 'bank_fee'
	| 'loan_instalment'
	| 'refund'
	| 'other';

export const OPERATION_TYPES: readonly OperationType[] = [
	'card',
	'direct_debit',
	'transfer_in',
	'transfer_out',
	'cash_withdrawal',
	'cheque',
	'bank_fee',
	'loan_instalment',
	'refund',
	'other'
];

/** A raw bank label broken into the parts the rules match on. */
export interface NormalisedLabel {
	operationType: OperationType;
	/** Clean, nicely cased counterparty name ("Carrefour Market"), or null when none can be read. */
	payee: string | null;
	/** Real operation (card) date read from the label, year inferred from the booking date. */
	cardDate: IsoDate | null;
	/** SEPA creditor identifier (ICS), e.g. "FR19ZZZ000001". */
	ics: string | null;
	/** SEPA mandate reference (RUM). */
	rum: string | null;
	/** Whole label upper-cased, accents stripped, whitespace collapsed: what text conditions match. */
	search: string;
}

/** Optional facts that help normalisation. */
export interface NormaliseContext {
	/** Signed amount in cents (negative = debit): decides transfer in vs out, card refund. */
	amount?: Cents;
	/** Booking date: gives the year of a card date written without one. */
	bookingDate?: IsoDate;
}

export type Field = 'payee' | 'label' | 'operationType' | 'amount' | 'dayOfMonth' | 'account';

export type Operator =
	'contains' | 'startsWith' | 'equals' | 'regex' | 'oneOf' | 'sign' | 'between' | 'approx' | 'gt' | 'lt';

export const FIELDS: readonly Field[] = ['payee', 'label', 'operationType', 'amount', 'dayOfMonth', 'account'];
export const OPERATORS: readonly Operator[] = [
	'contains',
	'startsWith',
	'equals',
	'regex',
	'oneOf',
	'sign',
	'between',
	'approx',
	'gt',
	'lt'
];

/**
 * One test on a transaction.
 * - Text fields (`payee`, `label`): contains / startsWith / equals / regex / oneOf, case- and
 *   accent-insensitive. `contains` and `startsWith` accept a list (any of them).
 *   `wholeWord` makes contains/startsWith require non-alphanumeric characters around the match.
 * - `amount`: `sign` with 'debit' | 'credit'; equals / approx / between / gt / lt compare the
 *   **absolute** amount in cents (combine with `sign`). `approx` is ±10 % unless `tolerance` (percent).
 * - `dayOfMonth` (booking date): equals / oneOf / between / gt / lt / approx (± `tolerance` days, default 2).
 * - `operationType`, `account`: equals / oneOf.
 */
export interface Condition {
	field: Field;
	op: Operator;
	value: string | number | string[] | [number, number];
	negate?: boolean;
	wholeWord?: boolean;
	tolerance?: number;
}

export interface RuleActions {
	/** Category id to set. */
	category?: string;
	/** Payee name to set. */
	payee?: string;
	/** Tag to add (tags from every matching rule accumulate). */
	tag?: string;
	/** Mark the transaction as a move between the household's own accounts. */
	internalTransfer?: boolean;
}

export type RuleScope = 'default' | 'household';

export interface Rule {
	/** Stable id, e.g. 'fr.groceries.carrefour'. */
	id: string;
	scope: RuleScope;
	/** Higher runs first within its layer. */
	priority: number;
	match: 'all' | 'any';
	/** Inverts the whole rule's match. */
	negate?: boolean;
	conditions: Condition[];
	actions: RuleActions;
	enabled?: boolean;
	description?: string;
}

/** The transaction facts the engine needs. */
export interface CategorisableTransaction {
	rawLabel: string;
	/** Signed cents, negative = debit. */
	amount: Cents;
	/** Booking date. */
	date?: IsoDate;
	accountId?: string | number;
	/**
	 * The counterparty the file names beside the label (OFX NAME, camt party, BPCE "Libellé simplifié",
	 * a neo-bank's counterparty column), when it gives one. Text conditions see it too: `payee` conditions
	 * match the file's payee or the label's, `label` contains-conditions the label or the file's payee.
	 */
	filePayee?: string | null;
}

/** Why a transaction got its category (or payee when no category was set). */
export interface Explanation {
	ruleId: string;
	layer: RuleScope;
	/** Index in the rule's conditions of the condition that decided (the anchor or the first true one). */
	conditionIndex: number;
	/** French text of that condition, e.g. « libellé contient « CARREFOUR » ». */
	matched: string;
	/** Rule that set the payee, when one did. */
	payeeRuleId: string | null;
}

export interface CategorisationResult {
	/** Category id, or 'uncategorised'. */
	category: string;
	/** Payee from a rule action, else the file's payee (tidied), else the normalised payee. */
	payee: string | null;
	/** Rule that set the category, or null. */
	ruleId: string | null;
	tags: string[];
	internalTransfer: boolean;
	explanation: Explanation | null;
	normalised: NormalisedLabel;
}

/** Where a transaction's current category came from. */
export type CategorySource = 'manual' | 'rule' | 'none';
