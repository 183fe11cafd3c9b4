/**
 * The numbers the coaching rules use, each with its source and the day it was last checked. A rule never
 * writes a number inline: it reads it here, so that a change of law or of CRÉSUS practice is one edit.
 */
import type { Cents } from '$lib/money';

export const COACHING_PARAMETERS_CHECKED = '2026-12-04';

/**
 * Price of the offre spécifique clients fragiles: at most 3 € per month (CMF R312-4-3, décret n° 2020-889 du
 * 20/07/2020; Charte d’inclusion bancaire, arrêté du 16/09/2020).
 */
export const OSCF_MAX_MONTHLY_PRICE: Cents = 300;

/** Months of fees the OSCF saving is measured on: the last 12 months (the caps are yearly). */
export const OSCF_LOOKBACK_MONTHS = 12;

/**
 * Overdraft seen this many days ahead or fewer is urgent (the projection's own alert window, projection/alerts.ts
 * `overdraftWithinDays` default: 14 days).
 */
export const OVERDRAFT_URGENT_DAYS = 14;

/**
 * The monthly effect of leaving an overdraft is counted as 30 days of its debit interest (the forecast's
 * interest per day, projection/overdrawn.ts); commissions d'intervention come on top and are only said.
 */
export const OVERDRAWN_MONTH_DAYS = 30;

/**
 * For an account already overdrawn, a debit is worth moving after the next income only when the forecast
 * has the account back above zero within this many days of that income (the income clears the overdraft;
 * a credit booked a day or two late still counts). BGV's reading of the forecast, not a legal number.
 */
export const OVERDRAWN_INCOME_CLEARS_DAYS = 3;

/** A series is "new" while it has at most this many occurrences (CRÉSUS practice: check a new debit early). */
export const NEW_SERIES_MAX_OCCURRENCES = 3;

/** A price rise is flagged from 5 % and 1 € per occurrence (CRÉSUS practice, below is noise of rounding). */
export const PRICE_RISE_MIN_BP = 500;
export const PRICE_RISE_MIN: Cents = 100;

/**
 * Categories where two series for one household usually mean a duplicate (two phone lines, two insurances
 * for one person). Category ids of
 * rules/default-rules.ts.
 */
export const DUPLICATE_CATEGORIES: Readonly<Record<string, string>> = {
	'fixed.telecom': 'téléphone et internet',
	'housing.insurance': 'assurance habitation',
	'fixed.vehicle_insurance': 'assurance auto',
	'fixed.health_insurance': 'mutuelle santé',
	'fixed.subscriptions': 'abonnements'
};

/**
 * Safety cushion (CRÉSUS practice, "épargne de précaution"): put aside a tenth of what the reste à vivre
 * leaves above the RSA floor, between 10 € and 50 € per month, until it covers one month of fixed charges.
 */
export const CUSHION_SHARE_BP = 1000;
export const CUSHION_MIN_MONTHLY: Cents = 1000;
export const CUSHION_MAX_MONTHLY: Cents = 5000;

/** A postponed action comes back after this many days unless a day is chosen, and a year at most. */
export const PLAN_POSTPONE_DEFAULT_DAYS = 30;
export const PLAN_POSTPONE_MAX_DAYS = 366;

/**
 * The adviser's morning digest lists a new action when it is urgent or worth at least this much over a
 * year (12 months of its monthly effect plus its one-off effect): CRÉSUS practice, below is not news.
 */
export const DIGEST_MIN_YEARLY: Cents = 10000;

/** How many actions the plan shows before the fold (issue 19). */
export const PLAN_SHOWN_FIRST = 5;

/**
 * Series never flagged as "new subscription": housing, credit and taxes have their own actions (debts
 * register), and a transfer to savings is not a spending.
 */
export const NOT_SUBSCRIPTION_PREFIXES: readonly string[] = [
	'housing.rent',
	'housing.mortgage',
	'credit.',
	'fixed.taxes',
	'savings',
	'transfer'
];
