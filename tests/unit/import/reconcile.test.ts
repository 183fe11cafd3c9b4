/**
 * reconcile() against a direct reading of its definition (every balance compared with the anchor plus the
 * sum of the amounts booked up to its date), on random statements with balances of every kind.
 */
import { describe, expect, it } from 'vitest';
import { reconcile, type ParsedBalance } from '$lib/server/import';

function random(seed: number) {
	return () => {
		seed = (seed * 1103515245 + 12345) & 0x7fffffff;
		return seed / 0x7fffffff;
	};
}

/** The same rule, read naively: anchor on the earliest opening (else earliest point), then compare. */
function naive(txs: { bookingDate: string; amount: number }[], balances: ParsedBalance[]) {
	const sum = (date: string, inclusive: boolean) =>
		txs.filter((t) => t.bookingDate < date || (inclusive && t.bookingDate === date)).reduce((s, t) => s + t.amount, 0);
	const state = (b: ParsedBalance) => (b.kind === 'opening' ? sum(b.date, false) : sum(b.date, true));
	const points = balances.filter((b) => b.kind !== 'running');
	const lastRunning = new Map<string, ParsedBalance>();
	for (const b of balances)
		if (b.kind === 'running' && (!lastRunning.has(b.date) || (b.line ?? 0) > (lastRunning.get(b.date)!.line ?? 0)))
			lastRunning.set(b.date, b);
	points.push(...lastRunning.values());
	if (points.length <= 1) return [];
	const sorted = [...points].sort((a, b) =>
		a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.kind === 'opening' ? -1 : b.kind === 'opening' ? 1 : 0
	);
	const anchorPoint = sorted.find((p) => p.kind === 'opening') ?? sorted[0];
	const anchor = anchorPoint.amount - state(anchorPoint);
	return points
		.filter((p) => p !== anchorPoint && anchor + state(p) !== p.amount)
		.map((p) => p.date)
		.sort();
}

describe('reconcile', () => {
	it('finds the same gaps as the definition, on 200 random statements', () => {
		for (let seed = 1; seed <= 200; seed++) {
			const r = random(seed);
			const day = () => `2026-0${1 + Math.floor(r() * 3)}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
			const txs = Array.from({ length: 1 + Math.floor(r() * 40) }, (_, i) => ({
				line: i + 2,
				bookingDate: day(),
				amount: Math.round((r() - 0.6) * 20000)
			}));
			txs.sort((a, b) => (a.bookingDate < b.bookingDate ? -1 : a.bookingDate > b.bookingDate ? 1 : a.line - b.line));
			const balances: ParsedBalance[] = [];
			const kinds: ParsedBalance['kind'][] = ['opening', 'closing', 'running'];
			for (let k = Math.floor(r() * 6); k > 0; k--) {
				balances.push({
					date: day(),
					amount: Math.round(r() * 100000),
					kind: kinds[Math.floor(r() * 3)],
					line: 2 + Math.floor(r() * 40)
				});
			}
			// a true running balance at one date too, so that some points agree with the anchor
			if (txs.length > 2) {
				const d = txs[1].bookingDate;
				balances.push({
					date: d,
					amount: 5000 + txs.filter((t) => t.bookingDate <= d).reduce((s, t) => s + t.amount, 0),
					kind: 'closing',
					line: 99
				});
			}
			const gaps = reconcile(txs, balances).map((g) => g.date);
			expect(gaps, `seed ${seed}`).toEqual(naive(txs, balances));
		}
	});

	it('reconciles 100,000 rows with a running balance on each at once', () => {
		const txs: { line: number; bookingDate: string; amount: number }[] = [];
		const balances: ParsedBalance[] = [];
		let balance = 1_000_00;
		for (let i = 0; i < 100_000; i++) {
			const d = new Date(Date.UTC(2000, 0, 1) + Math.floor(i / 20) * 86_400_000).toISOString().slice(0, 10);
			const amount = ((i * 7919) % 20_001) - 10_000;
			balance += amount;
			txs.push({ line: i + 2, bookingDate: d, amount });
			balances.push({ date: d, amount: balance, kind: 'running', line: i + 2 });
		}
		balances[50_000] = { ...balances[50_000], amount: balances[50_000].amount + 1 };
		// the 50,000th row's balance is off by a cent, but a later row of the same day is the day's balance
		expect(reconcile(txs, balances)).toEqual([]);
		balances[50_019] = { ...balances[50_019], amount: balances[50_019].amount + 1 };
		expect(reconcile(txs, balances).map((g) => [g.date, g.difference])).toEqual([[txs[50_019].bookingDate, 1]]);
	});
});
