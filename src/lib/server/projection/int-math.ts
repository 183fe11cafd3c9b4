/**
 * Exact integer helpers for cents: division with explicit half-away-from-zero rounding and medians
 * that stay whole cents, so no money value ever carries a fraction.
 */

/** round(numer / denom), halves away from zero; numer and denom safe integers, denom > 0. */
export function divRound(numer: number, denom: number): number {
	if (!Number.isSafeInteger(numer) || !Number.isSafeInteger(denom) || denom <= 0) {
		throw new RangeError(`divRound needs integers and a positive divisor: ${numer}/${denom}`);
	}
	const q = Math.trunc(numer / denom);
	const r = numer - q * denom;
	if (2 * Math.abs(r) >= denom) return q + Math.sign(numer);
	return q;
}

/** Median of integers; for an even count, the mean of the two middle values rounded half away from zero. */
export function medianInt(values: readonly number[]): number {
	if (values.length === 0) throw new RangeError('median of nothing');
	const s = [...values].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 === 1 ? s[mid] : divRound(s[mid - 1] + s[mid], 2);
}

/** Median of plain numbers (ratios, day gaps). */
export function median(values: readonly number[]): number {
	if (values.length === 0) return 0;
	const s = [...values].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The most frequent value; ties go to `tieBreak` (larger or smaller value). */
export function mode(values: readonly number[], tieBreak: 'larger' | 'smaller' = 'larger'): number {
	const counts = new Map<number, number>();
	for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
	let best = values[0];
	let bestCount = 0;
	for (const [v, c] of counts) {
		if (c > bestCount || (c === bestCount && (tieBreak === 'larger' ? v > best : v < best))) {
			best = v;
			bestCount = c;
		}
	}
	return best;
}

/**
 * Mean of integers once values beyond two standard deviations of the median are brought back to that
 * bound (the deviation estimated from the median absolute deviation), rounded to an integer; 0 for none.
 */
export function robustMean(values: readonly number[]): number {
	if (values.length === 0) return 0;
	const med = median(values);
	const spread = 2 * 1.4826 * median(values.map((v) => Math.abs(v - med)));
	const clipped = values.map((v) => Math.round(Math.min(med + spread, Math.max(med - spread, v))));
	return divRound(
		clipped.reduce((a, b) => a + b, 0),
		clipped.length
	);
}
