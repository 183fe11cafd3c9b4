/**
 * The order in which rules apply (see engine.ts) and the folding of their literals: shared by the engine,
 * the rule validator and the benchmark.
 */
import { foldText, sanitiseText } from './text';
import type { Condition, Rule } from './types';

/** Default tolerance of `approx` on amounts, in percent. */
export const DEFAULT_AMOUNT_TOLERANCE_PCT = 10;
/** Default tolerance of `approx` on the day of month, in days. */
export const DEFAULT_DAY_TOLERANCE = 2;

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

export function asStrings(v: Condition['value']): string[] {
	if (Array.isArray(v)) return (v as (string | number)[]).map((x) => String(x));
	return [String(v)];
}

export function asNumber(v: Condition['value']): number {
	return typeof v === 'number' ? v : Number(v);
}

export function asPair(v: Condition['value']): [number, number] {
	if (Array.isArray(v) && v.length === 2) {
		const a = Number(v[0]);
		const b = Number(v[1]);
		return a <= b ? [a, b] : [b, a];
	}
	return [NaN, NaN];
}

/** Specificity score of a condition (see module comment). */
export function conditionWeight(c: Condition): number {
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

export function specificity(rule: Rule): number {
	return rule.conditions.reduce((sum, c) => sum + (Number.isFinite(conditionWeight(c)) ? conditionWeight(c) : 0), 0);
}

export interface SortKey {
	rule: Rule;
	layer: number;
	priority: number;
	specificity: number;
	count: number;
}

export function sortKey(rule: Rule): SortKey {
	return {
		rule,
		layer: rule.scope === 'household' ? 0 : 1,
		priority: Number.isFinite(rule.priority) ? rule.priority : 0,
		specificity: specificity(rule),
		count: rule.conditions.length
	};
}

export function compareKeys(a: SortKey, b: SortKey): number {
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
