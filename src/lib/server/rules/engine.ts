/**
 * The compiled rules engine. Rules are compiled once into closures plus two Aho–Corasick automata
 * (label, payee) and an operation-type index, so categorising a transaction costs one pass over its
 * label plus the few rules whose literal anchor occurs in it — not one regex per rule.
 *
 * Order of application (documented for users in README.md):
 *  1. Manual categorisation always wins: the calling service never overwrites a manual category
 *     (see `shouldApply`).
 *  2. Household rules run before default rules.
 *  3. Within a layer: higher `priority` first; then higher specificity (sum over conditions: length of
 *     the literal text for text conditions — the shortest one for a list —, 3 for a regex, 2 for an
 *     operation type or an amount comparison, 1 for a sign or a day); then more conditions; then id.
 *  4. For each field (category, payee, internal transfer) the first matching rule that sets it wins;
 *     fields are set independently. Tags from every matching rule accumulate.
 *  Text conditions see the label and the normalised payee, never a payee set by another rule.
 */
import { AhoCorasick, type PatternSpec } from './aho-corasick';
import { describeCondition } from './describe';
import { normaliseLabel } from './normalise';
import { containsText, foldText, sanitiseText } from './text';
import type {
	CategorisableTransaction,
	CategorisationResult,
	CategorySource,
	Condition,
	NormalisedLabel,
	OperationType,
	Rule,
	RuleScope
} from './types';
import { UNCATEGORISED } from '$lib/categories';

interface EvalContext {
	label: string;
	payee: string;
	opType: OperationType;
	amount: number;
	abs: number;
	day: number | null;
	account: string | null;
	stamp: number;
}

type Predicate = (ctx: EvalContext) => boolean;

interface CompiledRule {
	rule: Rule;
	rank: number;
	layer: RuleScope;
	predicates: Predicate[];
	/** Condition index used as the explanation of an ALL rule (its anchor). */
	anchorIndex: number;
	/** French descriptions of the conditions, filled on first use. */
	descriptions: (string | undefined)[];
}

type TextField = 'label' | 'payee';

/** Default tolerance of `approx` on amounts, in percent. */
export const DEFAULT_AMOUNT_TOLERANCE_PCT = 10;
/** Default tolerance of `approx` on the day of month, in days. */
export const DEFAULT_DAY_TOLERANCE = 2;

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

const foldCache = new Map<string, string>();

/** Folds a literal of a text condition the same way labels are folded (memoised: lists repeat a lot). */
export function foldLiteral(s: string): string {
	let folded = foldCache.get(s);
	if (folded === undefined) {
		folded = foldText(sanitiseText(s));
		if (foldCache.size > 50_000) foldCache.clear();
		foldCache.set(s, folded);
	}
	return folded;
}

/** Strips accents from a regex source (escapes are ASCII, so they are unaffected). */
export function foldRegexSource(source: string): string {
	return source.normalize('NFD').replace(/\p{M}+/gu, '');
}

function asStrings(v: Condition['value']): string[] {
	if (Array.isArray(v)) return (v as (string | number)[]).map((x) => String(x));
	return [String(v)];
}

function asNumber(v: Condition['value']): number {
	return typeof v === 'number' ? v : Number(v);
}

function asPair(v: Condition['value']): [number, number] {
	if (Array.isArray(v) && v.length === 2) {
		const a = Number(v[0]);
		const b = Number(v[1]);
		return a <= b ? [a, b] : [b, a];
	}
	return [NaN, NaN];
}

/** Specificity score of a condition (see module comment). */
function conditionWeight(c: Condition): number {
	switch (c.field) {
		case 'label':
		case 'payee':
			if (c.op === 'regex') return 3;
			return Math.min(...asStrings(c.value).map((s) => foldLiteral(s).length));
		case 'operationType':
			return 2;
		case 'amount':
			return c.op === 'sign' ? 1 : 2;
		case 'dayOfMonth':
			return 1;
		case 'account':
			return 3;
	}
	return 0;
}

function specificity(rule: Rule): number {
	return rule.conditions.reduce((sum, c) => sum + (Number.isFinite(conditionWeight(c)) ? conditionWeight(c) : 0), 0);
}

interface SortKey {
	rule: Rule;
	layer: number;
	priority: number;
	specificity: number;
	count: number;
}

function sortKey(rule: Rule): SortKey {
	return {
		rule,
		layer: rule.scope === 'household' ? 0 : 1,
		priority: Number.isFinite(rule.priority) ? rule.priority : 0,
		specificity: specificity(rule),
		count: rule.conditions.length
	};
}

function compareKeys(a: SortKey, b: SortKey): number {
	if (a.layer !== b.layer) return a.layer - b.layer;
	if (a.priority !== b.priority) return b.priority - a.priority;
	if (a.specificity !== b.specificity) return b.specificity - a.specificity;
	if (a.count !== b.count) return b.count - a.count;
	return a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0;
}

/** Sorts rules in application order (see module comment): negative when `a` applies before `b`. */
export function compareRules(a: Rule, b: Rule): number {
	return compareKeys(sortKey(a), sortKey(b));
}

/** A compiled, immutable rule set. Not re-entrant (scratch buffers), which is fine: categorise is sync. */
export class RuleSet {
	readonly rules: readonly CompiledRule[];
	/**
	 * True when no rule looks at the amount beyond its sign, the day of the month or the account: the result
	 * then depends only on the normalised label (search text, payee, operation type) and the amount's sign.
	 */
	readonly contextFree: boolean;
	private readonly automata: Record<TextField, AhoCorasick>;
	private readonly anchored: Record<TextField, number[][]>;
	private readonly found: Record<TextField, Int32Array>;
	private readonly byOpType: Map<OperationType, number[]>;
	private readonly always: number[];
	private readonly candidateMark: Int32Array;
	private readonly candidates: number[] = [];
	private stamp = 0;
	private readonly onLabel: (pid: number) => void;
	private readonly onPayee: (pid: number) => void;

	constructor(input: readonly Rule[]) {
		const enabled = input.filter((r) => r.enabled !== false && Array.isArray(r.conditions) && r.conditions.length > 0);
		const sorted = enabled
			.map(sortKey)
			.sort(compareKeys)
			.map((k) => k.rule);
		const patterns: Record<TextField, PatternSpec[]> = { label: [], payee: [] };
		const patternIds: Record<TextField, Map<string, number>> = { label: new Map(), payee: new Map() };
		this.anchored = { label: [], payee: [] };
		this.byOpType = new Map();
		this.always = [];
		const found: Record<TextField, Int32Array> = { label: new Int32Array(0), payee: new Int32Array(0) };
		// The found arrays are replaced after the automata are built; predicates read them through `this`.
		this.found = found;

		const register = (field: TextField, text: string, wholeWord: boolean): number | null => {
			if (text.length === 0 || !PRINTABLE_ASCII.test(text)) return null;
			const key = `${wholeWord ? 1 : 0}${text}`;
			let pid = patternIds[field].get(key);
			if (pid === undefined) {
				pid = patterns[field].length;
				patterns[field].push({ text, wholeWord });
				patternIds[field].set(key, pid);
				this.anchored[field].push([]);
			}
			return pid;
		};

		const compiled: CompiledRule[] = [];
		sorted.forEach((rule, rank) => {
			const predicates: Predicate[] = [];
			// candidate anchors per condition: text pattern ids or operation types
			const textAnchors: { index: number; field: TextField; pids: number[]; weight: number }[] = [];
			const typeAnchors: { index: number; types: OperationType[] }[] = [];
			rule.conditions.forEach((c, index) => {
				const { predicate, pids } = this.compileCondition(c, register);
				predicates.push(predicate);
				if (c.negate) return;
				if ((c.field === 'label' || c.field === 'payee') && pids !== null) {
					textAnchors.push({ index, field: c.field, pids, weight: conditionWeight(c) });
				}
				if (c.field === 'operationType' && (c.op === 'equals' || c.op === 'oneOf')) {
					typeAnchors.push({ index, types: asStrings(c.value) as OperationType[] });
				}
			});
			let anchorIndex = 0;
			const indexable = !rule.negate;
			if (indexable && rule.match === 'all' && textAnchors.length > 0) {
				const best = textAnchors.reduce((a, b) => (b.weight > a.weight ? b : a));
				anchorIndex = best.index;
				for (const pid of best.pids) this.anchored[best.field][pid].push(rank);
			} else if (indexable && rule.match === 'all' && typeAnchors.length > 0) {
				anchorIndex = typeAnchors[0].index;
				for (const t of typeAnchors[0].types) this.addTypeAnchor(t, rank);
			} else if (
				indexable &&
				rule.match === 'any' &&
				textAnchors.length + typeAnchors.length === rule.conditions.length
			) {
				for (const a of textAnchors) for (const pid of a.pids) this.anchored[a.field][pid].push(rank);
				for (const a of typeAnchors) for (const t of a.types) this.addTypeAnchor(t, rank);
			} else {
				this.always.push(rank);
			}
			compiled.push({
				rule,
				rank,
				layer: rule.scope === 'household' ? 'household' : 'default',
				predicates,
				anchorIndex,
				descriptions: []
			});
		});
		this.rules = compiled;
		this.contextFree = compiled.every((cr) =>
			cr.rule.conditions.every(
				(c) => !((c.field === 'amount' && c.op !== 'sign') || c.field === 'dayOfMonth' || c.field === 'account')
			)
		);
		this.automata = { label: new AhoCorasick(patterns.label), payee: new AhoCorasick(patterns.payee) };
		found.label = new Int32Array(patterns.label.length);
		found.payee = new Int32Array(patterns.payee.length);
		this.candidateMark = new Int32Array(compiled.length);
		const push = (ranks: number[]) => {
			for (const r of ranks) {
				if (this.candidateMark[r] !== this.stamp) {
					this.candidateMark[r] = this.stamp;
					this.candidates.push(r);
				}
			}
		};
		this.onLabel = (pid) => push(this.anchored.label[pid]);
		this.onPayee = (pid) => push(this.anchored.payee[pid]);
	}

	private addTypeAnchor(t: OperationType, rank: number): void {
		const list = this.byOpType.get(t);
		if (list) list.push(rank);
		else this.byOpType.set(t, [rank]);
	}

	private compileCondition(
		c: Condition,
		register: (field: TextField, text: string, wholeWord: boolean) => number | null
	): { predicate: Predicate; pids: number[] | null } {
		const base = this.basePredicate(c, register);
		const predicate: Predicate = c.negate ? (ctx) => !base.predicate(ctx) : base.predicate;
		return { predicate, pids: base.pids };
	}

	private basePredicate(
		c: Condition,
		register: (field: TextField, text: string, wholeWord: boolean) => number | null
	): { predicate: Predicate; pids: number[] | null } {
		const never: Predicate = () => false;
		switch (c.field) {
			case 'label':
			case 'payee': {
				const field = c.field;
				const get = field === 'label' ? (x: EvalContext) => x.label : (x: EvalContext) => x.payee;
				if (c.op === 'regex') {
					let re: RegExp;
					try {
						re = new RegExp(foldRegexSource(String(c.value)), 'i');
					} catch {
						return { predicate: never, pids: null };
					}
					return { predicate: (x) => re.test(get(x)), pids: null };
				}
				const literals = asStrings(c.value)
					.map(foldLiteral)
					.filter((s) => s.length > 0);
				if (literals.length === 0) return { predicate: never, pids: null };
				const ww = c.wholeWord === true;
				if (c.op === 'contains') {
					const pids = literals.map((l) => register(field, l, ww));
					const allIndexed = pids.every((p) => p !== null);
					if (allIndexed) {
						const ids = pids as number[];
						const flags = this.found;
						if (ids.length === 1) {
							const only = ids[0];
							return { predicate: (x) => flags[field][only] === x.stamp, pids: ids };
						}
						return { predicate: (x) => ids.some((p) => flags[field][p] === x.stamp), pids: ids };
					}
					return {
						predicate: (x) => literals.some((l) => containsText(get(x), l, ww)),
						pids: null
					};
				}
				// startsWith, equals, oneOf: checked directly; the literal still serves as an anchor.
				const anchorPids = literals.map((l) => register(field, l, false));
				const pids = anchorPids.every((p) => p !== null) ? (anchorPids as number[]) : null;
				if (c.op === 'startsWith') {
					return {
						predicate: (x) => {
							const t = get(x);
							return literals.some(
								(l) => t.startsWith(l) && (!ww || t.length === l.length || !/[A-Z0-9]/.test(t[l.length]))
							);
						},
						pids
					};
				}
				if (c.op === 'equals' || c.op === 'oneOf') {
					const set = new Set(literals);
					return { predicate: (x) => set.has(get(x)), pids };
				}
				return { predicate: never, pids: null };
			}
			case 'operationType': {
				const set = new Set(asStrings(c.value));
				if (c.op === 'equals' || c.op === 'oneOf') return { predicate: (x) => set.has(x.opType), pids: null };
				return { predicate: never, pids: null };
			}
			case 'account': {
				const set = new Set(asStrings(c.value));
				if (c.op === 'equals' || c.op === 'oneOf') {
					return { predicate: (x) => x.account !== null && set.has(x.account), pids: null };
				}
				return { predicate: never, pids: null };
			}
			case 'amount':
				return { predicate: numericPredicate(c, (x) => x.abs, DEFAULT_AMOUNT_TOLERANCE_PCT, true), pids: null };
			case 'dayOfMonth':
				return { predicate: numericPredicate(c, (x) => x.day, DEFAULT_DAY_TOLERANCE, false), pids: null };
		}
		return { predicate: never, pids: null };
	}

	/** Runs the rule set on one transaction. */
	run(tx: CategorisableTransaction, normalised: NormalisedLabel): CategorisationResult {
		this.stamp = (this.stamp + 1) | 0;
		if (this.stamp === 0) {
			this.found.label.fill(0);
			this.found.payee.fill(0);
			this.candidateMark.fill(0);
			this.stamp = 1;
		}
		const stamp = this.stamp;
		const payeeText = normalised.payee === null ? '' : foldLiteral(normalised.payee);
		const amount = Number.isFinite(tx.amount) ? tx.amount : 0;
		const ctx: EvalContext = {
			label: normalised.search,
			payee: payeeText,
			opType: normalised.operationType,
			amount,
			abs: Math.abs(amount),
			day: dayOf(tx.date),
			account: tx.accountId === undefined || tx.accountId === null ? null : String(tx.accountId),
			stamp
		};
		const candidates = this.candidates;
		candidates.length = 0;
		this.automata.label.scan(ctx.label, this.found.label, stamp, this.onLabel);
		if (payeeText.length > 0) this.automata.payee.scan(payeeText, this.found.payee, stamp, this.onPayee);
		const typed = this.byOpType.get(ctx.opType);
		if (typed) this.onTyped(typed);
		this.onTyped(this.always);
		if (candidates.length > 1) candidates.sort((a, b) => a - b);

		let category: string | null = null;
		let categoryRule: CompiledRule | null = null;
		let categoryCondition = 0;
		let payee: string | null = null;
		let payeeRuleId: string | null = null;
		let internal: boolean | null = null;
		const tags: string[] = [];
		let firstRule: CompiledRule | null = null;
		let firstCondition = 0;
		for (const rank of candidates) {
			const cr = this.rules[rank];
			const hit = matches(cr, ctx);
			if (hit < 0) continue;
			const a = cr.rule.actions;
			if (firstRule === null) {
				firstRule = cr;
				firstCondition = hit;
			}
			if (category === null && a.category !== undefined) {
				category = a.category;
				categoryRule = cr;
				categoryCondition = hit;
			}
			if (payee === null && a.payee !== undefined) {
				payee = a.payee;
				payeeRuleId = cr.rule.id;
			}
			if (internal === null && a.internalTransfer !== undefined) internal = a.internalTransfer;
			if (a.tag !== undefined && !tags.includes(a.tag)) tags.push(a.tag);
		}
		const explained = categoryRule ?? firstRule;
		const explainedCondition = categoryRule ? categoryCondition : firstCondition;
		return {
			category: category ?? UNCATEGORISED,
			payee: payee ?? normalised.payee,
			ruleId: categoryRule ? categoryRule.rule.id : null,
			tags,
			internalTransfer: internal ?? false,
			explanation: explained
				? {
						ruleId: explained.rule.id,
						layer: explained.layer,
						conditionIndex: explainedCondition,
						matched: describeOnce(explained, explainedCondition),
						payeeRuleId
					}
				: null,
			normalised
		};
	}

	private onTyped(ranks: number[]): void {
		const stamp = this.stamp;
		for (const r of ranks) {
			if (this.candidateMark[r] !== stamp) {
				this.candidateMark[r] = stamp;
				this.candidates.push(r);
			}
		}
	}
}

function describeOnce(cr: CompiledRule, index: number): string {
	let text = cr.descriptions[index];
	if (text === undefined) {
		const c = cr.rule.conditions[index];
		text = c ? describeCondition(c) : 'règle inversée';
		if (cr.rule.negate) text = `règle inversée : ${text}`;
		cr.descriptions[index] = text;
	}
	return text;
}

/** Returns the explaining condition index when the rule matches, or -1. */
function matches(cr: CompiledRule, ctx: EvalContext): number {
	const preds = cr.predicates;
	let result: number;
	if (cr.rule.match === 'any') {
		result = -1;
		for (let i = 0; i < preds.length; i++) {
			if (preds[i](ctx)) {
				result = i;
				break;
			}
		}
	} else {
		result = cr.anchorIndex;
		for (let i = 0; i < preds.length; i++) {
			if (!preds[i](ctx)) {
				result = -1;
				break;
			}
		}
	}
	if (cr.rule.negate) return result < 0 ? 0 : -1;
	return result;
}

function dayOf(date: string | undefined): number | null {
	if (typeof date !== 'string' || date.length < 10) return null;
	const d = Number(date.slice(8, 10));
	return Number.isInteger(d) && d >= 1 && d <= 31 ? d : null;
}

function numericPredicate(
	c: Condition,
	get: (x: EvalContext) => number | null,
	defaultTolerance: number,
	percent: boolean
): Predicate {
	if (c.op === 'sign') {
		const credit = c.value === 'credit' || c.value === '+';
		return credit ? (x) => x.amount > 0 : (x) => x.amount < 0;
	}
	if (c.op === 'between') {
		const [lo, hi] = asPair(c.value);
		return (x) => {
			const v = get(x);
			return v !== null && v >= lo && v <= hi;
		};
	}
	if (c.op === 'oneOf') {
		const set = new Set(asStrings(c.value).map(Number));
		return (x) => {
			const v = get(x);
			return v !== null && set.has(v);
		};
	}
	const target = asNumber(c.value);
	if (!Number.isFinite(target)) return () => false;
	switch (c.op) {
		case 'equals':
			return (x) => get(x) === target;
		case 'gt':
			return (x) => {
				const v = get(x);
				return v !== null && v > target;
			};
		case 'lt':
			return (x) => {
				const v = get(x);
				return v !== null && v < target;
			};
		case 'approx': {
			const tol = c.tolerance ?? defaultTolerance;
			if (percent) {
				// |v − t| ≤ t × tol %, in integers: |v − t| × 10 000 ≤ t × round(tol × 100)
				const scaled = Math.round(tol * 100);
				const t = Math.abs(target);
				return (x) => {
					const v = get(x);
					return v !== null && Math.abs(v - t) * 10_000 <= t * scaled;
				};
			}
			return (x) => {
				const v = get(x);
				return v !== null && Math.abs(v - target) <= tol;
			};
		}
		default:
			return () => false;
	}
}

/** Compiles rules (any order, any layer) into a RuleSet. Disabled rules and rules without conditions are left out. */
export function compileRules(rules: readonly Rule[]): RuleSet {
	return new RuleSet(rules);
}

/**
 * Categorises one transaction.
 * @param tx raw label, signed amount in cents (negative = debit), optional booking date and account
 * @param normalised the label already normalised (saves the work when the caller has it)
 */
export function categorise(
	set: RuleSet,
	tx: CategorisableTransaction,
	normalised?: NormalisedLabel
): CategorisationResult {
	const n = normalised ?? normaliseLabel(tx.rawLabel, { amount: tx.amount, bookingDate: tx.date });
	return set.run(tx, n);
}

/**
 * Whether re-applying rules may overwrite a transaction's category: never over a manual choice.
 * @param existingSource where the current category came from
 */
export function shouldApply(existingSource: CategorySource): boolean {
	return existingSource !== 'manual';
}
