/**
 * Aho–Corasick automaton over folded text: finds every literal pattern of the rule set in one pass over
 * a label, so the cost per transaction does not grow with the number of default rules. Sparse trie
 * (child/sibling lists, a direct table at the root) so that building 3,000 patterns takes a few ms;
 * the transition table is then filled lazily, on first use of each (state, character) pair.
 */
import { isWholeWordAt } from './text';

const ASCII = 128; // patterns are ASCII; other code units never match a pattern character

export interface PatternSpec {
	text: string;
	wholeWord: boolean;
}

/** A compiled automaton. Patterns must be non-empty ASCII (callers keep other ones out). */
export class AhoCorasick {
	readonly size: number;
	private readonly rootNext: Int32Array;
	private readonly firstChild: Int32Array;
	private readonly nextSibling: Int32Array;
	private readonly label: Uint8Array;
	private readonly fail: Int32Array;
	private readonly outStart: Int32Array;
	private readonly outList: Int32Array;
	private readonly lengths: Int32Array;
	private readonly whole: Uint8Array;
	private readonly classOf: Uint8Array;
	private readonly width: number;
	private readonly delta: Int32Array;

	constructor(patterns: readonly PatternSpec[]) {
		this.size = patterns.length;
		this.lengths = Int32Array.from(patterns, (p) => p.text.length);
		this.whole = Uint8Array.from(patterns, (p) => (p.wholeWord ? 1 : 0));
		const firstChild: number[] = [-1];
		const nextSibling: number[] = [-1];
		const label: number[] = [0];
		const own: (number[] | null)[] = [null];
		const rootNext = new Int32Array(ASCII).fill(-1);
		const child = (node: number, c: number): number => {
			if (node === 0) return rootNext[c];
			for (let k = firstChild[node]; k !== -1; k = nextSibling[k]) if (label[k] === c) return k;
			return -1;
		};
		patterns.forEach((p, pid) => {
			let node = 0;
			for (let i = 0; i < p.text.length; i++) {
				const c = p.text.charCodeAt(i);
				if (c >= ASCII || c === 0) throw new RangeError('pattern not ASCII');
				let next = child(node, c);
				if (next === -1) {
					next = label.length;
					label.push(c);
					firstChild.push(-1);
					nextSibling.push(firstChild[node]);
					own.push(null);
					firstChild[node] = next;
					if (node === 0) rootNext[c] = next;
				}
				node = next;
			}
			(own[node] ??= []).push(pid);
		});
		const nodes = label.length;
		this.firstChild = Int32Array.from(firstChild);
		this.nextSibling = Int32Array.from(nextSibling);
		this.label = Uint8Array.from(label);
		this.rootNext = new Int32Array(ASCII);
		for (let k = firstChild[0]; k !== -1; k = nextSibling[k]) this.rootNext[label[k]] = k;
		// BFS for failure links; outputs are merged along them.
		const fail = new Int32Array(nodes);
		const outputs: (number[] | null)[] = own;
		const queue = new Int32Array(nodes);
		let head = 0;
		let tail = 0;
		for (let k = firstChild[0]; k !== -1; k = nextSibling[k]) queue[tail++] = k;
		while (head < tail) {
			const node = queue[head++];
			const f = fail[node];
			const fo = outputs[f];
			if (fo && node !== 0) outputs[node] = outputs[node] ? (outputs[node] as number[]).concat(fo) : fo;
			for (let k = firstChild[node]; k !== -1; k = nextSibling[k]) {
				fail[k] = node === 0 ? 0 : this.step(f, label[k], fail);
				queue[tail++] = k;
			}
		}
		this.fail = fail;
		// Lazy dense transitions over character classes (class 0 = a character no pattern uses).
		this.classOf = new Uint8Array(ASCII);
		let classes = 1;
		for (let n = 1; n < nodes; n++) if (this.classOf[label[n]] === 0) this.classOf[label[n]] = classes++;
		this.width = classes;
		this.delta = new Int32Array(nodes * classes); // next state + 1; 0 = not computed yet
		this.outStart = new Int32Array(nodes + 1);
		let total = 0;
		for (let n = 0; n < nodes; n++) {
			this.outStart[n] = total;
			total += outputs[n]?.length ?? 0;
		}
		this.outStart[nodes] = total;
		this.outList = new Int32Array(total);
		for (let n = 0, k = 0; n < nodes; n++) for (const pid of outputs[n] ?? []) this.outList[k++] = pid;
	}

	/** The goto function: the state after reading character code `c` in `state`. */
	private step(state: number, c: number, fail: Int32Array = this.fail): number {
		if (c >= ASCII) return 0;
		for (;;) {
			if (state === 0) return this.rootNext[c];
			for (let k = this.firstChild[state]; k !== -1; k = this.nextSibling[k]) if (this.label[k] === c) return k;
			state = fail[state];
		}
	}

	/**
	 * Marks in `found` (found[pid] = stamp) every pattern that occurs in `text`, honouring whole-word
	 * patterns, and calls `onNew(pid)` the first time a pattern is found for this stamp.
	 */
	scan(text: string, found: Int32Array, stamp: number, onNew: (pid: number) => void): void {
		const outStart = this.outStart;
		const outList = this.outList;
		const classOf = this.classOf;
		const delta = this.delta;
		const width = this.width;
		let state = 0;
		for (let i = 0; i < text.length; i++) {
			const code = text.charCodeAt(i);
			const cls = code < ASCII ? classOf[code] : 0;
			if (cls === 0) {
				state = 0;
				continue;
			}
			const idx = state * width + cls;
			let next = delta[idx] - 1;
			if (next < 0) {
				next = this.step(state, code);
				delta[idx] = next + 1;
			}
			state = next;
			const from = outStart[state];
			const to = outStart[state + 1];
			for (let k = from; k < to; k++) {
				const pid = outList[k];
				if (found[pid] === stamp) continue;
				const len = this.lengths[pid];
				if (this.whole[pid] === 1 && !isWholeWordAt(text, i - len + 1, len)) continue;
				found[pid] = stamp;
				onNew(pid);
			}
		}
	}
}
