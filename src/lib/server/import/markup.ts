/**
 * A small tolerant tokenizer and tree builder for OFX 1.x SGML (unclosed leaf tags, one-line files),
 * OFX 2.x XML and camt XML. A leaf closes at the next tag; a stray close tag closes what it can. No
 * recursion, so hostile nesting cannot blow the stack.
 */
import { decodeEntitiesTwice, decodeEntities } from './text';

export interface MarkupNode {
	/** Local name (namespace prefix dropped), upper-cased when `upperCase`. */
	name: string;
	attrs: Record<string, string>;
	text: string;
	children: MarkupNode[];
	parent: MarkupNode | null;
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))*)\s*(\/?)>/y;
const ATTR = /([\w.:-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/g;

export interface MarkupOptions {
	upperCase?: boolean;
	doubleDecode?: boolean;
}

/** Builds a tree from SGML or XML text. Unknown constructs (comments, PIs, DOCTYPE, CDATA) are handled. */
export function parseMarkup(text: string, options: MarkupOptions = {}): MarkupNode {
	return parseMarkupDocument(text, options).root;
}

/**
 * Builds the tree and tells whether the text was cut short: it ends inside a tag, comment or CDATA
 * section, or some element is still open at the end. A complete OFX (1.x or 2.x) or camt document
 * closes its root and every aggregate; only SGML leaves (`<TRNAMT>-12.50`) may stay unclosed, and a
 * leaf is always inside an aggregate, so checking the open elements is enough.
 */
export function parseMarkupDocument(
	text: string,
	options: MarkupOptions = {}
): { root: MarkupNode; truncated: boolean } {
	const root: MarkupNode = { name: '#root', attrs: {}, text: '', children: [], parent: null };
	const decode = options.doubleDecode ? decodeEntitiesTwice : decodeEntities;
	let current = root;
	let pendingText = '';
	let i = 0;
	let cutInTag = false;
	const lastGt = text.lastIndexOf('>');
	const flushText = () => {
		const t = pendingText.trim();
		pendingText = '';
		if (t !== '') current.text += (current.text ? ' ' : '') + decode(t);
	};
	const norm = (n: string) => {
		const local = n.includes(':') ? n.slice(n.lastIndexOf(':') + 1) : n;
		return options.upperCase ? local.toUpperCase() : local;
	};
	while (i < text.length) {
		const lt = text.indexOf('<', i);
		if (lt === -1) {
			pendingText += text.slice(i);
			break;
		}
		pendingText += text.slice(i, lt);
		if (text.startsWith('<!--', lt)) {
			const end = text.indexOf('-->', lt + 4);
			if (end === -1) cutInTag = true;
			i = end === -1 ? text.length : end + 3;
			continue;
		}
		if (text.startsWith('<![CDATA[', lt)) {
			const end = text.indexOf(']]>', lt + 9);
			if (end === -1) cutInTag = true;
			const body = text.slice(lt + 9, end === -1 ? text.length : end);
			current.text += body;
			i = end === -1 ? text.length : end + 3;
			continue;
		}
		if (text.startsWith('<?', lt) || text.startsWith('<!', lt)) {
			const end = text.indexOf('>', lt + 2);
			if (end === -1) cutInTag = true;
			i = end === -1 ? text.length : end + 1;
			continue;
		}
		TAG.lastIndex = lt;
		const m = TAG.exec(text);
		if (!m) {
			// a tag start with no '>' anywhere after it: the text stops in the middle of a tag
			if (lt > lastGt && /^<\/?[A-Za-z_]/.test(text.slice(lt, lt + 2))) cutInTag = true;
			pendingText += '<';
			i = lt + 1;
			continue;
		}
		i = TAG.lastIndex;
		const closing = m[1] === '/';
		const name = norm(m[2]);
		const hadText = pendingText.trim() !== '';
		flushText();
		if (closing) {
			// close up to the matching open element; ignore a close tag with no open element
			let n: MarkupNode | null = current;
			while (n && n !== root && n.name !== name) n = n.parent;
			if (n && n !== root) current = n.parent as MarkupNode;
			continue;
		}
		// an element that got text and is followed by another open tag was an unclosed SGML leaf
		if (hadText && current !== root && current.children.length === 0) current = current.parent as MarkupNode;
		const attrs: Record<string, string> = {};
		if (m[3]) {
			for (const a of m[3].matchAll(ATTR)) attrs[norm(a[1])] = decode(a[3] ?? a[4] ?? a[5] ?? '');
		}
		const node: MarkupNode = { name, attrs, text: '', children: [], parent: current };
		current.children.push(node);
		if (m[4] !== '/') current = node;
	}
	flushText();
	return { root, truncated: cutInTag || current !== root };
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
