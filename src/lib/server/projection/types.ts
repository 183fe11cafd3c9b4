/**
 * Shared types of the recurring-series and projection engines (amounts in integer cents, negative =
 * debit; dates IsoDate). Kept apart so the UI, CLI and tests can import them without the algorithms.
 */
import type { Cents } from '$lib/money';
import type { IsoDate } from '$lib/dates';

/** How often a series repeats (the contract's `cadence` values, shared/contracts/cli.md). */
export type Cadence = 'weekly' | 'biweekly' | 'monthly' | 'bimonthly' | 'quarterly' | 'semiannual' | 'annual';

/** A booked transaction as the recurring detector needs it. */
export interface RecurringTxInput {
	id: number | string;
	date: IsoDate;
	/** cents, negative = debit */
	amount: Cents;
	/** payee found by the import or categorisation engine, if any */
	payee: string | null;
	/** label already upper-cased and cleaned by the import engine */
	normalisedLabel: string;
	/** category id (shared/contracts/categories.md) */
	category: string;
	accountId: number;
}

/** What the household or adviser decided about a detected series. */
export type SeriesReview = 'detected' | 'confirmed' | 'dismissed' | 'edited';

/** A detected recurring payment or income. */
export interface RecurringSeries {
	/** stable id (account, direction, payee; cadence/amount only to tell apart series of one payee) */
	key: string;
	accountId: number;
	payee: string;
	category: string;
	cadence: Cadence;
	/** typical amount: median of the last occurrences (cents, negative = debit) */
	amount: Cents;
	/** smallest signed amount seen in the series (cents) */
	amountMin: Cents;
	/** largest signed amount seen in the series (cents) */
	amountMax: Cents;
	/** nominal day of month (1-31, 31 = last day) for month-based cadences, null for weekly/biweekly */
	dayOfMonth: number | null;
	/** the nominal (unshifted) date of the last occurrence: the anchor of future occurrences */
	anchorDate: IsoDate;
	/** which way a date falling on a weekend or holiday moves (salaries before, direct debits after) */
	shift: 'before' | 'after';
	/**
	 * true when the data showed that shift moving an occurrence into another month; otherwise a shift that
	 * would leave the month goes the other way (a rent due Sunday 3 May stays in May)
	 */
	crossesMonth?: boolean;
	lastDate: IsoDate;
	/** next expected date (may be in the past when overdue); null once ended */
	nextDate: IsoDate | null;
	occurrences: number;
	/** expected occurrences that were skipped inside the detected history */
	missed: number;
	/** 0..1, two decimals */
	confidence: number;
	status: 'active' | 'ended';
	review: SeriesReview;
	transactionIds: (number | string)[];
	/** one plain French sentence saying why this was flagged as recurring */
	explanation: string;
}

/** A user decision on a series, stored by key and re-applied after each detection. */
export interface SeriesOverride {
	key: string;
	status: 'confirmed' | 'dismissed' | 'edited';
	/** cents, negative = debit */
	amount?: Cents;
	dayOfMonth?: number;
}
