/**
 * Compact notation for the default rule data: one entry per merchant or label pattern becomes one
 * JSON rule with a stable id `fr.<family>.<slug>`. Keeps default-rules.ts readable as a list.
 */
import type { Condition, OperationType, Rule } from './types';

export interface FamilyOptions {
	/** Sign the amount must have. */
	sign?: 'debit' | 'credit';
	/** Operation type(s) the label must have. */
	type?: OperationType | OperationType[];
	priority?: number;
	/** Payee to set. */
	payee?: string;
	internal?: boolean;
	tag?: string;
	/** Whole-word matching (default true). */
	whole?: boolean;
	/** Extra condition: the label must also contain one of these. */
	and?: string[];
	/** The label must contain none of these. */
	not?: string[];
	/** Match on the normalised payee with startsWith instead of the label with contains. */
	payeeStartsWith?: boolean;
	description?: string;
}

export type FamilyEntry = string | [slug: string, patterns: string | string[], options?: FamilyOptions];

/** Lower-case ASCII slug of a pattern: "E.LECLERC" → "e_leclerc". */
export function slugify(s: string): string {
	return s
		.normalize('NFD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/\+/g, 'plus')
		.replace(/&/g, 'and')
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
}

/**
 * Builds one rule per pattern, all setting `category`. Ids: `fr.<family>.<slug>` for a single-pattern
 * entry, `fr.<family>.<entry slug>.<pattern slug>` inside a group. One rule per pattern keeps the
 * specificity order exact (a longer literal beats a shorter one at equal priority).
 */
export function family(
	name: string,
	category: string,
	entries: readonly FamilyEntry[],
	common: FamilyOptions = {}
): Rule[] {
	const rules: Rule[] = [];
	const seen = new Set<string>();
	const seenPatterns = new Set<string>();
	for (const entry of entries) {
		const [slug, patterns, own] =
			typeof entry === 'string' ? [slugify(entry), entry, {} as FamilyOptions] : [entry[0], entry[1], entry[2] ?? {}];
		const o: FamilyOptions = { ...common, ...own };
		const values = Array.isArray(patterns) ? patterns : [patterns];
		for (const value of values) {
			const patternKey = `${slug}\u0000${value}`;
			if (seenPatterns.has(patternKey)) continue; // the same pattern twice in a group
			seenPatterns.add(patternKey);
			const base = values.length === 1 ? `fr.${name}.${slug}` : `fr.${name}.${slug}.${slugify(value)}`;
			// Different patterns with the same slug ("UBER EATS", "UBER *EATS") get _2, _3… in list order.
			let id = base;
			for (let k = 2; seen.has(id); k++) id = `${base}_${k}`;
			seen.add(id);
			// The other spellings of a pattern are literals of the same rule (its id stays the pattern's).
			const others = spellings(value).filter((w) => !values.includes(w));
			rules.push(buildRule(id, category, others.length === 0 ? value : [value, ...others], o));
		}
	}
	return rules;
}

/**
 * Other ways banks print a pattern: hyphens and apostrophes as spaces or dropped ("SEINE SAINT DENIS HABITAT",
 * "MCDONALDS"), a dot between letters as a space ("BOOKING COM"), "&" with or without spaces ("B & M"), a final
 * number glued to the name ("ASSU2000").
 */
export function spellings(v: string): string[] {
	const tidy = (x: string) => x.replace(/ {2,}/g, ' ').trim();
	const out = new Set<string>([
		tidy(v.replace(/-/g, ' ')),
		tidy(v.replace(/['’]/g, ' ')),
		tidy(v.replace(/['’]/g, '')),
		tidy(v.replace(/([A-Z])\.([A-Z])/g, '$1 $2')),
		tidy(v.replace(/ ?& ?/g, ' & ')),
		tidy(v.replace(/ & /g, '&')),
		// A name ending in a number is often printed glued to it ("ASSU2000", "OPTIC2000", "CENTURY21").
		tidy(v.replace(/([A-Z]) (\d+)$/, '$1$2'))
	]);
	out.delete(v);
	out.delete('');
	return [...out];
}

function buildRule(id: string, category: string, value: string | string[], o: FamilyOptions): Rule {
	const whole = o.whole ?? true;
	const conditions: Condition[] = [];
	if (o.payeeStartsWith) {
		conditions.push({ field: 'payee', op: 'startsWith', value, wholeWord: whole });
	} else {
		conditions.push({ field: 'label', op: 'contains', value, wholeWord: whole });
	}
	if (o.and) conditions.push({ field: 'label', op: 'contains', value: o.and, wholeWord: true });
	if (o.not) conditions.push({ field: 'label', op: 'contains', value: o.not, wholeWord: true, negate: true });
	if (o.sign) conditions.push({ field: 'amount', op: 'sign', value: o.sign });
	if (o.type) {
		conditions.push(
			Array.isArray(o.type)
				? { field: 'operationType', op: 'oneOf', value: o.type }
				: { field: 'operationType', op: 'equals', value: o.type }
		);
	}
	const rule: Rule = {
		id,
		scope: 'default',
		priority: o.priority ?? 0,
		match: 'all',
		conditions,
		actions: { category }
	};
	if (o.payee !== undefined) rule.actions.payee = o.payee;
	if (o.internal !== undefined) rule.actions.internalTransfer = o.internal;
	if (o.tag !== undefined) rule.actions.tag = o.tag;
	if (o.description !== undefined) rule.description = o.description;
	return rule;
}
