/**
 * Label normalisation: reads a raw French bank label (any bank's shape) into an operation type, a clean
 * payee, the real card date, the SEPA creditor id (ICS) and mandate (RUM), and a folded search text.
 * See shared/domain/bank-formats.md §4. Pure and bounded: regexes are linear, labels are capped.
 * The parts live in label-type.ts (operation type), label-dates.ts (card date) and label-payee.ts (payee).
 */
import type { Cents } from '$lib/money';
import type { IsoDate } from '$lib/dates';
import { foldPrintableAscii, foldText, isPrintableAscii, isSingleCase, sanitiseText, titleCase } from './text';
import type { NormaliseContext, NormalisedLabel, OperationType } from './types';
import { detectType } from './label-type';
import { cardDateOf, dateCandidates, dateFromCandidates, type DateParts, type LabelMarks } from './label-dates';
import { payeeFrom } from './label-payee';

/** Longest label the normaliser analyses (longer labels are cut; the search text keeps this much). */
export const MAX_LABEL_LENGTH = 1000;

const RE_ICS = /(?:^|[^A-Z0-9])(FR\d{2}[A-Z0-9]{3}\d{6})(?![A-Z0-9])/;
const RE_RUM =
	/(?:\bMDT\/|\bMANDAT\s?(?:NO|N\.|N°)?\s?:?\s?|\bRUM\s?:?\s?|\bREF(?:ERENCE)?\.? (?:DU )?MANDAT\s?:?\s?)([A-Z0-9+][A-Z0-9+\-_.]{2,34})/;
const RE_LETTER = /[A-Za-z\u00c0-\u024f]/;

/** True when the text has "FR" and two digits somewhere: an ICS needs them. */
function mayHaveIcs(s: string): boolean {
	for (let i = s.indexOf('FR'); i !== -1; i = s.indexOf('FR', i + 1)) {
		const a = s.charCodeAt(i + 2);
		const b = s.charCodeAt(i + 3);
		if (a >= 48 && a <= 57 && b >= 48 && b <= 57) return true;
	}
	return false;
}

function readIcs(s: string, rare: boolean): string | null {
	if (!rare || !mayHaveIcs(s)) return null;
	const m = RE_ICS.exec(s);
	return m ? m[1] : null;
}

/** Every way of writing a mandate reference has one of these words. */
const RE_RUM_WORD = /MDT\/|MANDAT|RUM/;

function readRum(s: string, rare: boolean): string | null {
	if (!rare || !RE_RUM_WORD.test(s)) return null;
	const m = RE_RUM.exec(s);
	return m ? m[1] : null;
}

/**
 * Text that only some labels have and that some part needs (an ICS's "FR" and two digits, a mandate's
 * words, an invoice date's "DU " or "FACT "): one scan tells whether the parts need to look (LabelMarks.rare).
 */
const RE_RARE = /FR\d\d|DU |FACT |MANDAT|RUM|MDT\//;

/** Printable ASCII with single spaces and no space at either end: folding it is upper-casing it. */
const RE_NOT_SIMPLE = /[^\x20-\x7e]| {2}|^ | $/;

/** Which of the amount's properties normalisation looks at: none given, debit, zero or credit. */
export type SignClass = 'none' | 'debit' | 'zero' | 'credit';

export function signClass(amount: Cents | undefined): SignClass {
	if (amount === undefined) return 'none';
	return amount > 0 ? 'credit' : amount === 0 ? 'zero' : 'debit';
}

/** A representative amount of a sign class: normalisation gives the same result for every amount of the class. */
const CLASS_AMOUNT: Record<SignClass, Cents | undefined> = { none: undefined, debit: -1, zero: 0, credit: 1 };

/**
 * Everything normalisation reads from a label and the sign of its amount, the card date left as candidates
 * for the booking date to settle. Immutable: callers may cache it by (label, sign class).
 */
export interface LabelAnalysis {
	operationType: OperationType;
	payee: string | null;
	ics: string | null;
	rum: string | null;
	search: string;
	dates: readonly DateParts[];
}

/** The index of the first " | " (BoursoBank's "Payee | LABEL"), found from its rare '|'; -1 when none. */
function barIndex(s: string): number {
	for (let i = s.indexOf('|'); i !== -1; i = s.indexOf('|', i + 1)) {
		if (s.charCodeAt(i - 1) === 32 && s.charCodeAt(i + 1) === 32) return i - 1;
	}
	return -1;
}

/** What normaliseLabel and analyseLabel share: everything but the card date, and the folded body read. */
interface LabelRead extends LabelMarks {
	operationType: OperationType;
	payee: string | null;
	ics: string | null;
	rum: string | null;
	search: string;
	/** The folded label without a BoursoBank hint or leading stars: what the parts are read from. */
	body: string;
}

/** A label that is printable ASCII, single-spaced, trimmed, short enough, without a hint or leading stars. */
function isSimple(text: string): boolean {
	return (
		text.length <= MAX_LABEL_LENGTH &&
		text.charCodeAt(0) !== 42 /* * */ &&
		!RE_NOT_SIMPLE.test(text) &&
		barIndex(text) <= 0
	);
}

function readLabel(raw: string, amount: Cents | undefined): LabelRead {
	const text = typeof raw === 'string' ? raw : String(raw);
	if (isSimple(text)) {
		// The common case: folding is upper-casing, and the parts are read from the whole label.
		const search = text.toUpperCase();
		return readParts(search, search, null, amount);
	}
	const ascii = isPrintableAscii(text);
	let clean = ascii ? text : sanitiseText(text);
	if (clean.length > MAX_LABEL_LENGTH) clean = clean.slice(0, MAX_LABEL_LENGTH);
	let hint: string | null = null;
	let body = clean;
	const bar = barIndex(clean);
	if (bar > 0) {
		hint = clean.slice(0, bar).replace(/\s+/g, ' ').trim();
		body = clean.slice(bar + 3);
	}
	const search = ascii ? foldPrintableAscii(clean) : foldText(clean);
	let s = bar > 0 ? foldText(body) : search;
	if (s.charCodeAt(0) === 42 /* * */) s = s.replace(/^\*+\s*/, '');
	return readParts(search, s, hint, amount);
}

/** The parts read from the folded body `s` (hint: the BoursoBank payee before " | ", if any). */
function readParts(search: string, s: string, hint: string | null, amount: Cents | undefined): LabelRead {
	const slash = s.indexOf('/');
	const rare = RE_RARE.test(s);
	const operationType = detectType(s, amount);
	let payee: string | null;
	if (hint !== null && hint.length > 0 && RE_LETTER.test(hint)) {
		payee = isSingleCase(hint) ? titleCase(hint) : hint;
	} else {
		payee = payeeFrom(s, operationType, slash);
	}
	return {
		operationType,
		payee,
		ics: readIcs(s, rare),
		rum: readRum(s, rare),
		search,
		body: s,
		slash,
		dot: s.indexOf('.'),
		rare
	};
}

/** Analyses a raw label for an amount of the given sign class (see normaliseLabel). */
export function analyseLabel(raw: string, sign: SignClass): LabelAnalysis {
	const r = readLabel(raw, CLASS_AMOUNT[sign]);
	return {
		operationType: r.operationType,
		payee: r.payee,
		ics: r.ics,
		rum: r.rum,
		search: r.search,
		dates: dateCandidates(r.body, r.operationType, r)
	};
}

/** The normalised label from an analysis and the booking date. */
export function completeLabel(a: LabelAnalysis, bookingDate: IsoDate | undefined): NormalisedLabel {
	return {
		operationType: a.operationType,
		payee: a.payee,
		cardDate: a.dates.length === 0 ? null : dateFromCandidates(a.dates, bookingDate),
		ics: a.ics,
		rum: a.rum,
		search: a.search
	};
}

/**
 * Normalises a raw bank label.
 * @param raw the label as exported by the bank (any case, possibly multi-line, Bourso "Payee | LABEL")
 * @param context amount in cents (negative = debit) and booking date, both optional but improve the result
 */
export function normaliseLabel(raw: string, context: NormaliseContext = {}): NormalisedLabel {
	const r = readLabel(raw, CLASS_AMOUNT[signClass(context.amount)]);
	return {
		operationType: r.operationType,
		payee: r.payee,
		cardDate: cardDateOf(r.body, r.operationType, r, context.bookingDate),
		ics: r.ics,
		rum: r.rum,
		search: r.search
	};
}

/**
 * normaliseLabel with a bounded cache of analyses by (label, sign class): bank labels repeat a lot within
 * a statement (and card dates are settled per booking date, so the result is the same as without cache).
 */
export class LabelNormaliser {
	private readonly caches: Record<SignClass, Map<string, LabelAnalysis>> = {
		none: new Map(),
		debit: new Map(),
		zero: new Map(),
		credit: new Map()
	};

	constructor(private readonly maxEntries = 20_000) {}

	normalise(raw: string, context: NormaliseContext = {}): NormalisedLabel {
		if (typeof raw !== 'string') return normaliseLabel(raw, context);
		return completeLabel(this.analyse(raw, context.amount), context.bookingDate);
	}

	/** The (cached, shared: do not modify) analysis of a label for an amount of this sign. */
	analyse(raw: string, amount: Cents | undefined): LabelAnalysis {
		const sign = signClass(amount);
		const cache = this.caches[sign];
		let a = cache.get(raw);
		if (a === undefined) {
			a = analyseLabel(raw, sign);
			if (cache.size >= this.maxEntries) cache.clear();
			cache.set(raw, a);
		}
		return a;
	}
}

/** File payees already tidied: a file names the same few counterparties again and again. */
const filePayees = new Map<string, string | null>();

function tidyFilePayee(raw: string): string | null {
	let text = sanitiseText(raw).replace(/\s+/g, ' ').trim();
	if (text.length > 100) text = text.slice(0, 100).trim();
	if (text === '' || !RE_LETTER.test(text)) return null;
	// Mixed case is the file's own spelling ("Octopus Energy France", "RED by SFR"): kept as given.
	if (!isSingleCase(text)) return text;
	// One case only: read like a label (prefixes, card masks, dates and references go), then cased.
	return payeeFrom(foldText(text), 'other') ?? titleCase(text);
}

/**
 * The payee a file gives beside the label (OFX NAME, camt party, a counterparty column), tidied for display:
 * null when it has no letters.
 */
export function filePayeeName(raw: string | null | undefined): string | null {
	if (typeof raw !== 'string' || raw === '') return null;
	let name = filePayees.get(raw);
	if (name === undefined) {
		name = tidyFilePayee(raw);
		if (filePayees.size >= 5000) filePayees.clear();
		filePayees.set(raw, name);
	}
	return name;
}
