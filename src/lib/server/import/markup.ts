/**
 * A small tolerant tokenizer and tree builder for OFX 1.x SGML (unclosed leaf tags, one-line files),
 * OFX 2.x XML and camt XML. A leaf closes at the next tag; a stray close tag closes what it can. No
 * recursion, so hostile nesting cannot blow the stack; the open elements are a stack with a count per
 * name, so a close tag costs O(1) amortised whatever it closes (or ignores); depth, element count and
 * tag length are bounded, and every node keeps the line it opens on.
 */
import { ImportError } from './errors';
import { fr, MAX_DEPTH, MAX_ELEMENTS, MAX_TAG_CHARS, shown } from './limits';
import { decodeEntitiesTwice, decodeEntities } from './text';

export interface MarkupNode {
	/** Local name (namespace prefix dropped), upper-cased when `upperCase`. */
	name: string;
	attrs: Record<string, string>;
	text: string;
	children: MarkupNode[];
	parent: MarkupNode | null;
	/** 1-based line of the opening tag (1 for the root). */
	line: number;
}

// XML forbids `<` in attribute values: excluding it keeps a failed match from running past the next tag
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'|[^\s<>]+))*)\s*(\/?)>/y;
const ATTR = /([\w.:-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/g;
const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;

export interface MarkupOptions {
	upperCase?: boolean;
	doubleDecode?: boolean;
	/** Counts the open elements a close tag looks at or closes (tests check it grows linearly). */
	stats?: { closeSteps: number };
}

/** Builds a tree from SGML or XML text. Unknown constructs (comments, PIs, DOCTYPE, CDATA) are handled. */
export function parseMarkup(text: string, options: MarkupOptions = {}): MarkupNode {
	return parseMarkupDocument(text, options).root;
}

/** Open elements: a stack, and how many of each name it holds (a close tag of a name not open is ignored). */
class OpenElements {
	readonly stack: MarkupNode[];
	private readonly counts = new Map<string, number>();
	constructor(root: MarkupNode) {
		this.stack = [root];
	}
	get current(): MarkupNode {
		return this.stack[this.stack.length - 1];
	}
	get depth(): number {
		return this.stack.length - 1;
	}
	push(node: MarkupNode): void {
		this.stack.push(node);
		this.counts.set(node.name, (this.counts.get(node.name) ?? 0) + 1);
	}
	pop(): void {
		const node = this.stack.pop() as MarkupNode;
		this.counts.set(node.name, (this.counts.get(node.name) as number) - 1);
	}
	/** Closes the innermost open element with that name and everything opened inside it; returns the steps. */
	close(name: string): number {
		if (!this.counts.get(name)) return 1;
		let steps = 1;
		while (this.current.name !== name) {
			this.pop();
			steps++;
		}
		this.pop();
		return steps;
	}
}

/** Counts lines as the tokenizer moves forward (offsets never decrease): O(text length) in all. */
function lineCounter(text: string): (offset: number) => number {
	let line = 1;
	// the next newline not counted yet (kept between calls: a one-line file is not searched again per tag)
	let next = text.indexOf('\n');
	return (offset: number) => {
		while (next !== -1 && next < offset) {
			line++;
			next = text.indexOf('\n', next + 1);
		}
		return line;
	};
}

/**
 * Builds the tree and tells whether the text was cut short: it ends inside a tag, comment or CDATA
 * section, or some element is still open at the end. A complete OFX (1.x or 2.x) or camt document
 * closes its root and every aggregate; only SGML leaves (`<TRNAMT>-12.50`) may stay unclosed, and a
 * leaf is always inside an aggregate, so checking the open elements is enough. Throws an ImportError
 * with the line when elements nest deeper than MAX_DEPTH, exceed MAX_ELEMENTS, or a tag is too long.
 * `firstLine` is the line of the text's first character in the file.
 */
export function parseMarkupDocument(
	text: string,
	options: MarkupOptions = {},
	firstLine = 1
): { root: MarkupNode; truncated: boolean } {
	const tree = new TreeBuilder(text, options, firstLine);
	let i = 0;
	let cutInTag = false;
	const lastGt = text.lastIndexOf('>');
	while (i < text.length) {
		const lt = text.indexOf('<', i);
		if (lt === -1) {
			tree.pendingText += text.slice(i);
			break;
		}
		tree.pendingText += text.slice(i, lt);
		const skipped = skipSpecial(text, lt, tree.open.current);
		if (skipped !== null) {
			if (skipped.cut) cutInTag = true;
			i = skipped.next;
			continue;
		}
		TAG.lastIndex = lt;
		const m = TAG.exec(text);
		if (!m) {
			// a tag start with no '>' anywhere after it: the text stops in the middle of a tag
			if (lt > lastGt && /^<\/?[A-Za-z_]/.test(text.slice(lt, lt + 2))) cutInTag = true;
			tree.pendingText += '<';
			i = lt + 1;
			continue;
		}
		i = TAG.lastIndex;
		tree.tag(m, lt);
	}
	tree.flushText();
	return { root: tree.root, truncated: cutInTag || tree.open.depth > 0 };
}

/** The tree under construction: open elements, text waiting for its element, names seen, bounds. */
class TreeBuilder {
	readonly root: MarkupNode = { name: '#root', attrs: NO_ATTRS, text: '', children: [], parent: null, line: 1 };
	readonly open = new OpenElements(this.root);
	pendingText = '';
	private elements = 0;
	private readonly names = new Map<string, string>();
	private readonly decode: (s: string) => string;
	private readonly lineAt: (offset: number) => number;

	constructor(
		text: string,
		private readonly options: MarkupOptions,
		private readonly firstLine: number
	) {
		this.decode = options.doubleDecode ? decodeEntitiesTwice : decodeEntities;
		this.lineAt = lineCounter(text);
	}

	flushText(): void {
		const t = this.pendingText.trim();
		this.pendingText = '';
		const current = this.open.current;
		if (t !== '') current.text += (current.text ? ' ' : '') + this.decode(t);
	}

	/** Local name of a tag or attribute (namespace prefix dropped), upper-cased when asked; one string per name. */
	norm = (n: string): string => {
		let name = this.names.get(n);
		if (name === undefined) {
			const local = n.includes(':') ? n.slice(n.lastIndexOf(':') + 1) : n;
			name = this.options.upperCase ? local.toUpperCase() : local;
			if (this.names.size < 10_000) this.names.set(n, name);
		}
		return name;
	};

	private fail(message: string, offset: number): never {
		const line = this.lineAt(offset) + this.firstLine - 1;
		throw new ImportError(`Ligne ${line} : ${message} : ce fichier est mal formé.`, line);
	}

	/** An open, close or self-closing tag matched by TAG at `lt`. */
	tag(m: RegExpExecArray, lt: number): void {
		if (m[0].length > MAX_TAG_CHARS) this.fail(`balise de plus de ${fr(MAX_TAG_CHARS)} caractères`, lt);
		const name = this.norm(m[2]);
		const hadText = this.pendingText.trim() !== '';
		this.flushText();
		if (m[1] === '/') {
			const steps = this.open.close(name);
			if (this.options.stats) this.options.stats.closeSteps += steps;
			return;
		}
		// an element that got text and is followed by another open tag was an unclosed SGML leaf
		const leaf = this.open.current;
		if (hadText && leaf !== this.root && leaf.children.length === 0) this.open.pop();
		if (++this.elements > MAX_ELEMENTS) this.fail(`plus de ${fr(MAX_ELEMENTS)} balises`, lt);
		const parent = this.open.current;
		const node: MarkupNode = {
			name,
			attrs: m[3] ? readAttrs(m[3], this.norm, this.decode) : NO_ATTRS,
			text: '',
			children: [],
			parent,
			line: this.lineAt(lt) + this.firstLine - 1
		};
		parent.children.push(node);
		if (m[4] === '/') return;
		if (this.open.depth >= MAX_DEPTH) {
			this.fail(`balises imbriquées sur plus de ${fr(MAX_DEPTH)} niveaux (<${shown(name)}>)`, lt);
		}
		this.open.push(node);
	}
}

function readAttrs(source: string, norm: (n: string) => string, decode: (s: string) => string): Record<string, string> {
	const attrs: Record<string, string> = {};
	for (const a of source.matchAll(ATTR)) attrs[norm(a[1])] = decode(a[3] ?? a[4] ?? a[5] ?? '');
	return attrs;
}

/**
 * Comments, CDATA sections (their text goes to `current`), processing instructions and declarations at
 * `lt`: where the text goes on, and whether it stops inside one. Null for anything else.
 */
function skipSpecial(text: string, lt: number, current: MarkupNode): { next: number; cut: boolean } | null {
	if (text.startsWith('<!--', lt)) {
		const end = text.indexOf('-->', lt + 4);
		return end === -1 ? { next: text.length, cut: true } : { next: end + 3, cut: false };
	}
	if (text.startsWith('<![CDATA[', lt)) {
		const end = text.indexOf(']]>', lt + 9);
		current.text += text.slice(lt + 9, end === -1 ? text.length : end);
		return end === -1 ? { next: text.length, cut: true } : { next: end + 3, cut: false };
	}
	if (text.startsWith('<?', lt) || text.startsWith('<!', lt)) {
		const end = text.indexOf('>', lt + 2);
		return end === -1 ? { next: text.length, cut: true } : { next: end + 1, cut: false };
	}
	return null;
}

/** 1-based line of the last visible character (trailing blanks and NUL padding ignored). */
export function lastLine(text: string): number {
	let end = text.length;
	while (end > 0 && (text.charCodeAt(end - 1) === 0 || /\s/.test(text[end - 1]))) end--;
	let line = 1;
	for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
	return line;
}

/** First child with that name. */
export function child(node: MarkupNode | null | undefined, name: string): MarkupNode | null {
	if (!node) return null;
	for (const c of node.children) if (c.name === name) return c;
	return null;
}

/** Follows a path of child names (`BANKACCTFROM/ACCTID`). */
export function at(node: MarkupNode | null | undefined, path: string): MarkupNode | null {
	let n: MarkupNode | null = node ?? null;
	for (const part of path.split('/')) {
		n = child(n, part);
		if (!n) return null;
	}
	return n;
}

/** Trimmed text at a path, or null when absent or empty. */
export function textAt(node: MarkupNode | null | undefined, path: string): string | null {
	const n = at(node, path);
	const t = n?.text.trim() ?? '';
	return t === '' ? null : t;
}

/**
 * All descendants with that name, in document order; without looking inside a match unless `nested`
 * (a STMTTRN left open has the next one nested in it).
 */
export function findAll(node: MarkupNode, name: string, nested = false): MarkupNode[] {
	const out: MarkupNode[] = [];
	const stack: MarkupNode[] = [...node.children].reverse();
	while (stack.length) {
		const n = stack.pop() as MarkupNode;
		if (n.name === name) {
			out.push(n);
			if (!nested) continue;
		}
		for (let k = n.children.length - 1; k >= 0; k--) stack.push(n.children[k]);
	}
	return out;
}

/** First descendant with that name (depth-first), or null. */
export function findFirst(node: MarkupNode | null, name: string): MarkupNode | null {
	if (!node) return null;
	const stack: MarkupNode[] = [...node.children].reverse();
	while (stack.length) {
		const n = stack.pop() as MarkupNode;
		if (n.name === name) return n;
		for (let k = n.children.length - 1; k >= 0; k--) stack.push(n.children[k]);
	}
	return null;
}
