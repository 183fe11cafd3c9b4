/**
 * Categorises transactions with the rule engine: household rules first, then the shared default rules.
 * Compiled rule sets are cached per household and rebuilt when the rules table changes (checked with one
 * cheap query each time), so edits take effect without restart, also across several app processes.
 */
import type { Cents } from '$lib/money';
import { UNCATEGORISED } from '$lib/categories';
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../db';
import type { Database } from '../db/schema';
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

/**
 * The rule layers a categorisation reads: the shared default rules (organisation null, kept by the
 * platform's admins), the organisation's own rules and its choices about shared rules (turned off or on for
 * its households), and one household's rules.
 */
export interface RuleLayers {
	organisationId: number | null;
	householdId: number | null;
}

/** The layers of a household: its own rules, its organisation's, the shared ones. */
export async function layersOf(db: Db, householdId: number | null): Promise<RuleLayers> {
	if (householdId === null) return { organisationId: null, householdId: null };
	const h = await db.selectFrom('household').select('organisation_id').where('id', '=', householdId).executeTakeFirst();
	return { organisationId: h?.organisation_id ?? null, householdId };
}

type RuleRowQuery = ExpressionBuilder<Database, 'categorisation_rule'>;

/** Shared rules, the organisation's own, the household's. */
function inLayers(eb: RuleRowQuery, layers: RuleLayers) {
	const shared = eb.and([eb('household_id', 'is', null), eb('organisation_id', 'is', null)]);
	const own =
		layers.organisationId === null
			? []
			: [eb.and([eb('household_id', 'is', null), eb('organisation_id', '=', layers.organisationId)])];
	const household = layers.householdId === null ? [] : [eb('household_id', '=', layers.householdId)];
	return eb.or([shared, ...own, ...household]);
}

/** A stamp that changes whenever a rule of these layers, or an organisation's choice about one, changes. */
async function rulesStamp(db: Db, layers: RuleLayers): Promise<string> {
	const row = await db
		.selectFrom('categorisation_rule')
		.select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('updated_at').as('last')])
		.where((eb) => inLayers(eb, layers))
		.executeTakeFirstOrThrow();
	let overrides = '';
	if (layers.organisationId !== null) {
		const o = await db
			.selectFrom('rule_override')
			.select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('updated_at').as('last')])
			.where('organisation_id', '=', layers.organisationId)
			.executeTakeFirstOrThrow();
		overrides = `|${o.n}|${o.last ?? ''}`;
	}
	return `${row.n}|${row.last ?? ''}${overrides}`;
}

/** The rules in force for these layers: enabled ones, with the organisation's choices about shared rules. */
export async function loadRules(db: Db, layers: RuleLayers): Promise<Rule[]> {
	const rows = await db
		.selectFrom('categorisation_rule')
		.select(['id', 'definition', 'enabled', 'organisation_id', 'household_id'])
		.where((eb) => inLayers(eb, layers))
		.execute();
	const choices = new Map<string, boolean>();
	if (layers.organisationId !== null) {
		const overrides = await db
			.selectFrom('rule_override')
			.select(['rule_id', 'enabled'])
			.where('organisation_id', '=', layers.organisationId)
			.execute();
		for (const o of overrides) choices.set(o.rule_id, o.enabled === 1);
	}
	return rows
		.filter((r) => {
			const shared = r.organisation_id === null && r.household_id === null;
			return shared && choices.has(r.id) ? choices.get(r.id) : r.enabled === 1;
		})
		.map((r) => JSON.parse(r.definition) as Rule);
}

function cacheKey(layers: RuleLayers): string {
	return layers.householdId !== null
		? `h${layers.householdId}`
		: layers.organisationId !== null
			? `o${layers.organisationId}`
			: 'default';
}

export async function loadRuleSet(db: Db, layers: RuleLayers): Promise<RuleSet> {
	const key = cacheKey(layers);
	const stamp = await rulesStamp(db, layers);
	const hit = cache.get(key);
	if (hit && hit.stamp === stamp) return hit.set;
	const set = compileRules(await loadRules(db, layers));
	cache.set(key, { stamp, set });
	if (cache.size > 500) cache.delete(cache.keys().next().value as string);
	return set;
}

/** What the rules decide for one label analysis when the rules it reaches read no amount, day or account. */
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
 * the rules a label reaches look at no more than the label and the amount's sign (every rule, when the set is
 * context-free; otherwise as the engine reports after each run), the rules' outcome is kept with the analysis.
 */
export function categoriserFor(set: RuleSet): Categoriser {
	const labels = new LabelNormaliser();
	// By label analysis, then by the file's payee ('' when none): the rules read both.
	const outcomes = new WeakMap<LabelAnalysis, Map<string, RuleOutcome>>();
	return (tx) => {
		const analysis = labels.analyse(tx.rawLabel, tx.amount);
		const normalised = completeLabel(analysis, tx.date);
		// Only outcomes that read no amount, day or account are kept: any transaction with the same analysis and
		// file payee reaches the same rules, so a kept outcome is valid for all of them.
		const cacheable = Number.isFinite(tx.amount);
		const payeeKey = tx.filePayee ?? '';
		let outcome = cacheable ? outcomes.get(analysis)?.get(payeeKey) : undefined;
		if (outcome === undefined) {
			const r = categorise(
				set,
				{ rawLabel: tx.rawLabel, amount: tx.amount, date: tx.date, accountId: tx.accountId, filePayee: tx.filePayee },
				normalised
			);
			outcome = {
				category: r.category,
				payee: r.payee,
				ruleId: r.ruleId,
				tags: r.tags,
				internalTransfer: r.internalTransfer
			};
			if (cacheable && (set.contextFree || !set.lastRunReadContext)) {
				const byPayee = outcomes.get(analysis);
				if (byPayee) byPayee.set(payeeKey, outcome);
				else outcomes.set(analysis, new Map([[payeeKey, outcome]]));
			}
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

export async function loadCategoriser(db: Db, layers: RuleLayers): Promise<Categoriser> {
	return categoriserFor(await loadRuleSet(db, layers));
}
