/**
 * Compiled rules and their evaluation on one transaction: the context predicates read, numeric tests on the
 * amount and the day, and the helpers the engine uses to explain a match (see engine.ts).
 */
import { describeCondition } from './describe';
import { foldLiteral, asNumber, asPair, asStrings } from './rule-order';
import type { Condition, OperationType, Rule, RuleScope } from './types';

export interface EvalContext {
	label: string;
	payee: string;
	/** The file's payee, folded ('' when the file gives none). */
	filePayee: string;
	opType: OperationType;
	amount: number;
	abs: number;
	day: number | null;
	account: string | null;
	stamp: number;
}

export type Predicate = (ctx: EvalContext) => boolean;

export interface CompiledRule {
	rule: Rule;
	rank: number;
	layer: RuleScope;
	predicates: Predicate[];
	/** Condition index used as the explanation of an ALL rule (its anchor). */
	anchorIndex: number;
	/** French descriptions of the conditions, filled on first use. */
	descriptions: (string | undefined)[];
}

/** What the matching rules set, field by field (see module comment). */
export interface Outcome {
	category: string | null;
	categoryRule: CompiledRule | null;
	categoryCondition: number;
	payee: string | null;
	payeeRuleId: string | null;
	internal: boolean | null;
	tags: string[];
	firstRule: CompiledRule | null;
	firstCondition: number;
}

/**
 * True when the rule's anchor is a literal, at the end of the label, that ends with the completed `word`: a
 * literal of several words, or the word alone when the cut left five letters or more of it (`cutLength`) and
 * the known words that start with those letters all extend one of them (`onlyCompletion`: "CARREFOU" is
 * CARREFOUR or CARREFOURMARKET, but "ALLOC" may be ALLOCAB or ALLOCATION).
 */
export function spansCut(
	cr: CompiledRule,
	label: string,
	word: string,
	cutLength: number,
	onlyCompletion: boolean
): boolean {
	const c = cr.rule.conditions[cr.anchorIndex];
	if (!c || c.field !== 'label' || c.negate) return false;
	const values = Array.isArray(c.value) ? c.value.map(String) : [String(c.value)];
	return values.some((v) => {
		const f = foldLiteral(v);
		if (!label.endsWith(f)) return false;
		return f.endsWith(` ${word}`) || (f === word && cutLength >= 5 && onlyCompletion);
	});
}

export function describeOnce(cr: CompiledRule, index: number): string {
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
export function matches(cr: CompiledRule, ctx: EvalContext): number {
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

export function dayOf(date: string | undefined): number | null {
	if (typeof date !== 'string' || date.length < 10) return null;
	const d = Number(date.slice(8, 10));
	return Number.isInteger(d) && d >= 1 && d <= 31 ? d : null;
}

export function numericPredicate(
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
