/**
 * The predicate of a text condition (label or payee) and the pattern ids it registers in the automata.
 * `found[field][pid] === ctx.stamp` when the automaton met pattern pid in the current transaction.
 */
import { containsText } from './text';
import { asStrings, foldLiteral, foldRegexSource } from './rule-order';
import type { EvalContext, Predicate } from './rule-match';
import type { Condition } from './types';

export type TextField = 'label' | 'payee';
export type Register = (field: TextField, text: string, wholeWord: boolean) => number | null;
export interface CompiledCondition {
	predicate: Predicate;
	pids: number[] | null;
}

const never: Predicate = () => false;

export function textPredicate(
	c: Condition,
	field: TextField,
	register: Register,
	found: Record<TextField, Int32Array>
): CompiledCondition {
	// A payee condition holds on the label's payee or the file's; a label `contains` also finds its
	// text in the file's payee (a camt entry may name its creditor only there).
	const get = field === 'label' ? (x: EvalContext) => x.label : (x: EvalContext) => x.payee;
	const onPayees = (test: (text: string) => boolean): Predicate =>
		field === 'label' ? (x) => test(x.label) : (x) => test(x.payee) || (x.filePayee !== '' && test(x.filePayee));
	if (c.op === 'regex') {
		let re: RegExp;
		try {
			re = new RegExp(foldRegexSource(String(c.value)), 'i');
		} catch {
			return { predicate: never, pids: null };
		}
		return { predicate: onPayees((t) => re.test(t)), pids: null };
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
			const flags = found;
			if (ids.length === 1) {
				const only = ids[0];
				return { predicate: (x) => flags[field][only] === x.stamp, pids: ids };
			}
			return { predicate: (x) => ids.some((p) => flags[field][p] === x.stamp), pids: ids };
		}
		const has = (t: string) => literals.some((l) => containsText(t, l, ww));
		return {
			predicate: (x) => has(get(x)) || (x.filePayee !== '' && has(x.filePayee)),
			pids: null
		};
	}
	// startsWith, equals, oneOf: checked directly; the literal still serves as an anchor.
	const anchorPids = literals.map((l) => register(field, l, false));
	const pids = anchorPids.every((p) => p !== null) ? (anchorPids as number[]) : null;
	if (c.op === 'startsWith') {
		const starts = (t: string) =>
			literals.some((l) => t.startsWith(l) && (!ww || t.length === l.length || !/[A-Z0-9]/.test(t[l.length])));
		return { predicate: onPayees(starts), pids };
	}
	if (c.op === 'equals' || c.op === 'oneOf') {
		const set = new Set(literals);
		return { predicate: onPayees((t) => set.has(t)), pids };
	}
	return { predicate: never, pids: null };
}
