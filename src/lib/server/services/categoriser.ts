/**
 * Categorises transactions with the rule engine: household rules first, then the shared default rules.
 * Compiled rule sets are cached per household and rebuilt when the rules table changes (checked with one
 * cheap query each time), so edits take effect without restart, also across several app processes.
 */
import type { Cents } from '$lib/money';
import { UNCATEGORISED } from '$lib/categories';
import type { Db } from '../db';
import { categorise, compileRules, type Rule, type RuleSet } from '../rules';
import { completeLabel, LabelNormaliser, type LabelAnalysis } from '../rules/normalise';

export interface CategoriserInput {
	rawLabel: string;
	amount: Cents;
	date: string;
	accountId: number;
	/** payee the file itself gives (OFX NAME, CAMT party, BoursoBank "Payee |") */
	filePayee?: string | null;
}

export interface CategoriserOutput {
	category: string;
	payee: string | null;
	ruleId: string | null;
	normalisedLabel: string;
	cardDate: string | null;
	tags: string[];
	internalTransfer: boolean;
	operationType: string | null;
}

export type Categoriser = (tx: CategoriserInput) => CategoriserOutput;

interface CacheEntry {
	stamp: string;
	set: RuleSet;
}
const cache = new Map<string, CacheEntry>();

/** A stamp that changes whenever a rule of these layers is added, edited, disabled or deleted. */
async function rulesStamp(db: Db, householdId: number | null): Promise<string> {
	const row = await db
		.selectFrom('categorisation_rule')
		.select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('updated_at').as('last')])
		.where((eb) =>
			householdId === null
				? eb('household_id', 'is', null)
				: eb.or([eb('household_id', 'is', null), eb('household_id', '=', householdId)])
		)
		.executeTakeFirstOrThrow();
	return `${row.n}|${row.last ?? ''}`;
}

/** The enabled rules of the default layer and, when given, of one household. */
export async function loadRules(db: Db, householdId: number | null): Promise<Rule[]> {
	const rows = await db
		.selectFrom('categorisation_rule')
		.select(['definition'])
		.where('enabled', '=', 1)
		.where((eb) =>
			householdId === null
				? eb('household_id', 'is', null)
				: eb.or([eb('household_id', 'is', null), eb('household_id', '=', householdId)])
		)
		.execute();
	return rows.map((r) => JSON.parse(r.definition) as Rule);
}

export async function loadRuleSet(db: Db, householdId: number | null): Promise<RuleSet> {
	const key = householdId === null ? 'default' : `h${householdId}`;
	const stamp = await rulesStamp(db, householdId);
	const hit = cache.get(key);
	if (hit && hit.stamp === stamp) return hit.set;
	const set = compileRules(await loadRules(db, householdId));
	cache.set(key, { stamp, set });
	if (cache.size > 500) cache.delete(cache.keys().next().value as string);
	return set;
}

/** What the rules decide for one label analysis when the rule set is context-free (see RuleSet.contextFree). */
interface RuleOutcome {
	category: string;
	payee: string | null;
	ruleId: string | null;
	tags: string[];
	internalTransfer: boolean;
}

/**
 * Wraps a compiled rule set as a Categoriser. Each categoriser keeps its own cache of label analyses
 * (a statement repeats the same labels many times), so normalising a repeated label costs a lookup; when
 * no rule looks at more than the label and the amount's sign, the rules' outcome is kept with the analysis.
 */
export function categoriserFor(set: RuleSet): Categoriser {
	const labels = new LabelNormaliser();
	const outcomes = new WeakMap<LabelAnalysis, RuleOutcome>();
	return (tx) => {
		const analysis = labels.analyse(tx.rawLabel, tx.amount);
		const normalised = completeLabel(analysis, tx.date);
		let outcome = set.contextFree && Number.isFinite(tx.amount) ? outcomes.get(analysis) : undefined;
		if (outcome === undefined) {
			const r = categorise(
				set,
				{ rawLabel: tx.rawLabel, amount: tx.amount, date: tx.date, accountId: tx.accountId },
				normalised
			);
			outcome = {
				category: r.category,
				payee: r.payee,
				ruleId: r.ruleId,
				tags: r.tags,
				internalTransfer: r.internalTransfer
			};
			if (set.contextFree && Number.isFinite(tx.amount)) outcomes.set(analysis, outcome);
		}
		return {
			category: outcome.category ?? UNCATEGORISED,
			payee: outcome.payee ?? tx.filePayee ?? normalised.payee ?? null,
			ruleId: outcome.ruleId,
			normalisedLabel: normalised.search,
			cardDate: normalised.cardDate,
			tags: [...outcome.tags],
			internalTransfer: outcome.internalTransfer,
			operationType: normalised.operationType
		};
	};
}

export async function loadCategoriser(db: Db, householdId: number | null): Promise<Categoriser> {
	return categoriserFor(await loadRuleSet(db, householdId));
}
