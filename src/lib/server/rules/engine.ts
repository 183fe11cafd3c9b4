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
import { displayPayee } from './display';
import { truncatedCompletions, TypoIndex, typoEligible } from './typos';
import { filePayeeName, normaliseLabel } from './normalise';
import { textPredicate, type TextField } from './text-predicate';
import type {
	CategorisableTransaction,
	CategorisationResult,
	CategorySource,
	Condition,
	NormalisedLabel,
	OperationType,
	Rule
} from './types';
import { UNCATEGORISED } from '$lib/categories';
import {
	asStrings,
	compareKeys,
	conditionWeight,
	DEFAULT_AMOUNT_TOLERANCE_PCT,
	DEFAULT_DAY_TOLERANCE,
	foldLiteral,
	sortKey
} from './rule-order';
import {
	dayOf,
	describeOnce,
	matches,
	numericPredicate,
	spansCut,
	type CompiledRule,
	type EvalContext,
	type Outcome,
	type Predicate
} from './rule-match';

export {
	compareRules,
	foldLiteral,
	foldRegexSource,
	DEFAULT_AMOUNT_TOLERANCE_PCT,
	DEFAULT_DAY_TOLERANCE
} from './rule-order';

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/** A compiled, immutable rule set. Not re-entrant (scratch buffers), which is fine: categorise is sync. */
export class RuleSet {
	readonly rules: readonly CompiledRule[];
	/**
	 * True when no rule looks at the amount beyond its sign, the day of the month or the account: the result
	 * then depends only on the normalised label (search text, payee, operation type) and the amount's sign.
	 */
	readonly contextFree: boolean;
	/**
	 * Whether the last `run` looked at a rule that reads the amount beyond its sign, the day or the account (matched
	 * or not). When it did not, its outcome depends on no more than what `contextFree` says, even in a set that is
	 * not context-free: the rules a transaction looks at follow from its label, payees and operation type alone, so
	 * a caller may keep that outcome for the same label analysis and file payee (see services/categoriser.ts).
	 */
	lastRunReadContext = false;
	/** By rank: 1 when the rule reads the amount beyond its sign, the day or the account. */
	private readonly contextual: Uint8Array;
	private readonly automata: Record<TextField, AhoCorasick>;
	private readonly anchored: Record<TextField, number[][]>;
	private readonly found: Record<TextField, Int32Array>;
	private readonly byOpType: Map<OperationType, number[]>;
	private readonly always: number[];
	private readonly candidateMark: Int32Array;
	private readonly candidates: number[] = [];
	private stamp = 0;
	/** Folded literals of the text conditions: the words typo correction knows (index built on first use). */
	private readonly literals: string[] = [];
	private typos: TypoIndex | null = null;
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
				this.literals.push(text);
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
		this.contextual = Uint8Array.from(compiled, (cr) =>
			cr.rule.conditions.some(
				(c) => (c.field === 'amount' && c.op !== 'sign') || c.field === 'dayOfMonth' || c.field === 'account'
			)
				? 1
				: 0
		);
		this.contextFree = this.contextual.every((x) => x === 0);
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
			case 'payee':
				return textPredicate(c, c.field, register, this.found);
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
		const payeeText = normalised.payee === null ? '' : foldLiteral(normalised.payee);
		const filePayee = typeof tx.filePayee === 'string' && tx.filePayee !== '' ? foldLiteral(tx.filePayee) : '';
		const amount = Number.isFinite(tx.amount) ? tx.amount : 0;
		const ctx: EvalContext = {
			label: normalised.search,
			payee: payeeText,
			filePayee,
			opType: normalised.operationType,
			amount,
			abs: Math.abs(amount),
			day: dayOf(tx.date),
			account: tx.accountId === undefined || tx.accountId === null ? null : String(tx.accountId),
			stamp: 0
		};
		this.lastRunReadContext = false;
		let o = this.evaluate(ctx);
		if (o.category === null) o = this.repaired(ctx) ?? o;
		const explained = o.categoryRule ?? o.firstRule;
		const explainedCondition = o.categoryRule ? o.categoryCondition : o.firstCondition;
		return {
			category: o.category ?? UNCATEGORISED,
			payee: o.payee ?? displayPayee(filePayeeName(tx.filePayee) ?? normalised.payee),
			ruleId: o.categoryRule ? o.categoryRule.rule.id : null,
			tags: o.tags,
			internalTransfer: o.internal ?? false,
			explanation: explained
				? {
						ruleId: explained.rule.id,
						layer: explained.layer,
						conditionIndex: explainedCondition,
						matched: describeOnce(explained, explainedCondition),
						payeeRuleId: o.payeeRuleId
					}
				: null,
			normalised
		};
	}

	/**
	 * When no rule knows a label, the outcome on the label repaired (see typos.ts): a misspelt brand corrected
	 * (card payments and direct debits only), or the last word of a label cut at 32 characters completed —
	 * kept only if a rule literal of several words ends with the completed word (or the word alone, when it is
	 * the only known completion), and all such completions agree on the category. Null when nothing helps.
	 */
	private repaired(ctx: EvalContext): Outcome | null {
		const index = this.typoIndex();
		if (typoEligible(ctx.opType)) {
			const corrected = ctx.payee === '' ? null : index.correctLabel(ctx.label, ctx.payee);
			if (corrected !== null) {
				const again = this.evaluate({ ...ctx, label: corrected });
				if (again.category !== null) return again;
			}
		}
		let found: Outcome | null = null;
		const completions = truncatedCompletions(ctx.label, index);
		// One word, or words that all extend the shortest ("CARREFOUR", "CARREFOURMARKET"): not "ALLOCAB" beside
		// "ALLOCATION", where the cut letters could be either.
		let shortest = '';
		for (const [, w] of completions) if (shortest === '' || w.length < shortest.length) shortest = w;
		const only = completions.every(([, w]) => w.startsWith(shortest));
		for (const [label, word] of completions) {
			const again = this.evaluate({ ...ctx, label });
			const cutLength = word.length - (label.length - ctx.label.length);
			if (again.categoryRule === null || !spansCut(again.categoryRule, label, word, cutLength, only)) continue;
			if (found !== null && found.category !== again.category) return null;
			found ??= again;
		}
		return found;
	}

	private typoIndex(): TypoIndex {
		this.typos ??= new TypoIndex(this.literals);
		return this.typos;
	}

	private nextStamp(): number {
		this.stamp = (this.stamp + 1) | 0;
		if (this.stamp === 0) {
			this.found.label.fill(0);
			this.found.payee.fill(0);
			this.candidateMark.fill(0);
			this.stamp = 1;
		}
		return this.stamp;
	}

	/** The rules that match the context, first to last: what each field gets and from which rule. */
	private evaluate(ctx: EvalContext): Outcome {
		const stamp = this.nextStamp();
		ctx.stamp = stamp;
		const candidates = this.candidates;
		candidates.length = 0;
		this.automata.label.scan(ctx.label, this.found.label, stamp, this.onLabel);
		if (ctx.payee.length > 0) this.automata.payee.scan(ctx.payee, this.found.payee, stamp, this.onPayee);
		if (ctx.filePayee.length > 0) {
			this.automata.label.scan(ctx.filePayee, this.found.label, stamp, this.onLabel);
			this.automata.payee.scan(ctx.filePayee, this.found.payee, stamp, this.onPayee);
		}
		const typed = this.byOpType.get(ctx.opType);
		if (typed) this.onTyped(typed);
		this.onTyped(this.always);
		if (candidates.length > 1) candidates.sort((a, b) => a - b);
		const o: Outcome = {
			category: null,
			categoryRule: null,
			categoryCondition: 0,
			payee: null,
			payeeRuleId: null,
			internal: null,
			tags: [],
			firstRule: null,
			firstCondition: 0
		};
		for (const rank of candidates) {
			const cr = this.rules[rank];
			if (this.contextual[rank] === 1) this.lastRunReadContext = true;
			const hit = matches(cr, ctx);
			if (hit < 0) continue;
			const a = cr.rule.actions;
			if (o.firstRule === null) {
				o.firstRule = cr;
				o.firstCondition = hit;
			}
			if (o.category === null && a.category !== undefined) {
				o.category = a.category;
				o.categoryRule = cr;
				o.categoryCondition = hit;
			}
			if (o.payee === null && a.payee !== undefined) {
				o.payee = a.payee;
				o.payeeRuleId = cr.rule.id;
			}
			if (o.internal === null && a.internalTransfer !== undefined) o.internal = a.internalTransfer;
			if (a.tag !== undefined && !o.tags.includes(a.tag)) o.tags.push(a.tag);
		}
		return o;
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
