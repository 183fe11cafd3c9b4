/**
 * Small, pure helpers for server-rendered SVG charts: a linear scale, "nice" euro ticks and dated ticks.
 * Amounts are integer cents; positions are SVG user units.
 */

/** Maps [d0, d1] onto [r0, r1] linearly; a flat domain maps to the middle of the range. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
	if (d0 === d1) return () => (r0 + r1) / 2;
	return (v) => r0 + ((v - d0) * (r1 - r0)) / (d1 - d0);
}

/** About `count` round tick values (in cents, multiples of 1, 2 or 5 × 10^k euros) covering [min, max]. */
export function euroTicks(min: number, max: number, count = 4): number[] {
	if (min === max) return [min];
	const rough = (max - min) / Math.max(1, count);
	const pow = 10 ** Math.floor(Math.log10(rough));
	const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= rough) ?? 10 * pow;
	const ticks: number[] = [];
	for (let v = Math.ceil(min / step) * step; v <= max; v += step) ticks.push(Math.round(v) + 0);
	return ticks;
}

/** Indexes of about `count` evenly spaced days, always including the first one. */
export function dateTickIndexes(length: number, count = 5): number[] {
	if (length <= 0) return [];
	const step = Math.max(1, Math.ceil(length / count));
	const out: number[] = [];
	for (let i = 0; i < length; i += step) out.push(i);
	return out;
}

/** "2026-12-01" → "01/12" (fr-FR day/month). */
export function shortDateFr(iso: string): string {
	const [, m, d] = iso.split('-');
	return `${d}/${m}`;
}

/** Whole euros for an axis label: 123456 → "1 234 €" (non-breaking spaces). */
export function axisEuros(cents: number): string {
	return `${Math.round(cents / 100).toLocaleString('fr-FR')}\u00a0€`;
}
