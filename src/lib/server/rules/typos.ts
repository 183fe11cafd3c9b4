/**
 * Typo tolerance for merchant labels: "CB INTERMACHE", "CB CARREFOR MARKET", "PHARAMCIE DU CENTRE", or a
 * name cut by the bank ("FACTURE CARTE DU 140526 CARREFOU"). When no rule matches a card payment or a direct
 * debit, each unknown word of six letters or more of its payee is compared with the words of the rules' literals; a word
 * one edit away (a letter added or dropped, or two swapped) from exactly one of them is replaced, and the
 * rules run again on the corrected label. Never on transfers: people's names are not typos of brands.
 *
 * The index is a symmetric-deletion one (each word and its one-letter deletions), built on first use.
 */
import type { OperationType } from './types';

const MIN_LENGTH = 6;
const MAX_LENGTH = 24;
const RE_WORD = /[A-Z]+/g;

/** The operation types whose labels name a merchant or a creditor (so a misspelt word is likely a brand). */
export function typoEligible(type: OperationType): boolean {
	return type === 'card' || type === 'refund' || type === 'direct_debit';
}

/** True when a and b are at most one edit apart: a letter added or dropped, or two neighbours swapped. */
export function withinOneEdit(a: string, b: string): boolean {
	if (a === b) return true;
	const la = a.length;
	const lb = b.length;
	if (Math.abs(la - lb) > 1) return false;
	let i = 0;
	while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
	if (la === lb) {
		// Two letters swapped; a changed letter is not taken: it too often makes another word ("CREMERIE").
		return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
	}
	return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function deletions(word: string): string[] {
	const out: string[] = [];
	for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
	return out;
}

export class TypoIndex {
	private readonly words: Set<string>;
	private readonly byKey = new Map<string, string[]>();
	private sorted: string[] | null = null;

	/** @param texts folded literals of the rules (their words of six letters or more are indexed) */
	constructor(texts: Iterable<string>) {
		this.words = new Set();
		for (const text of texts) {
			for (const w of text.match(RE_WORD) ?? []) {
				if (w.length >= MIN_LENGTH && w.length <= MAX_LENGTH) this.words.add(w);
			}
		}
		for (const w of this.words) {
			for (const key of [w, ...deletions(w)]) {
				const list = this.byKey.get(key);
				if (list === undefined) this.byKey.set(key, [w]);
				else if (!list.includes(w)) list.push(w);
			}
		}
	}

	/** Corrections already looked up (null: none), by word: unknown merchants come back label after label. */
	private readonly seen = new Map<string, string | null>();

	/** The one known word within one edit of `token`, or null (known already, none, or several). */
	correct(token: string): string | null {
		if (token.length < MIN_LENGTH || token.length > MAX_LENGTH || this.words.has(token)) return null;
		let c = this.seen.get(token);
		if (c === undefined) {
			c = this.lookUp(token);
			if (this.seen.size >= 20_000) this.seen.clear();
			this.seen.set(token, c);
		}
		return c;
	}

	private lookUp(token: string): string | null {
		let found: string | null = null;
		for (const key of [token, ...deletions(token)]) {
			for (const w of this.byKey.get(key) ?? []) {
				if (w === found || !withinOneEdit(token, w)) continue;
				if (found !== null) return null; // ambiguous
				found = w;
			}
		}
		return found;
	}

	/** Known words that start with `prefix` and are longer (at most `limit` of them, in alphabetical order). */
	completions(prefix: string, limit = 40): string[] {
		this.sorted ??= [...this.words].sort();
		const words = this.sorted;
		let lo = 0;
		let hi = words.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (words[mid] < prefix) lo = mid + 1;
			else hi = mid;
		}
		const out: string[] = [];
		for (let i = lo; i < words.length && out.length < limit && words[i].startsWith(prefix); i++) {
			if (words[i].length > prefix.length) out.push(words[i]);
		}
		return out;
	}

	/**
	 * The label with the misspelt words of its payee corrected, or null when nothing was corrected. Only the
	 * payee's words are looked at (not the city, references or dates around it); `payee` is folded. The last
	 * word of a cut label is left alone when known words start with it.
	 */
	correctLabel(label: string, payee: string): string | null {
		let out: string | null = null;
		// The last word of a label cut at CUT_LENGTH may be a cut word rather than a typo ("BOULANGE" is
		// BOULANGERIE as much as BOULANGER): truncatedCompletions decides for it.
		const cut = label.length === CUT_LENGTH;
		for (const w of payee.match(RE_WORD) ?? []) {
			if (cut && label.endsWith(w) && this.completions(w, 1).length > 0) continue;
			const c = this.correct(w);
			if (c === null) continue;
			const text: string = out ?? label;
			const at = text.indexOf(w);
			if (at !== -1) out = text.slice(0, at) + c + text.slice(at + w.length);
		}
		return out;
	}
}

/** Length at which several banks cut labels ("PRLV SEPA TOULOUSE METROPOLE HAB"). */
export const CUT_LENGTH = 32;

/**
 * The ways to complete the last word of a label cut at CUT_LENGTH: [completed label, completed word], or
 * none when the label does not end with a word of two letters or more.
 */
export function truncatedCompletions(label: string, index: TypoIndex): [label: string, word: string][] {
	if (label.length !== CUT_LENGTH) return [];
	const m = /(?:^|[^A-Z0-9])([A-Z]{2,})$/.exec(label);
	if (!m) return [];
	const head = label.slice(0, label.length - m[1].length);
	return index.completions(m[1]).map((w) => [head + w, w]);
}
