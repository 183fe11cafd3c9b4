/**
 * Small French formatting helpers for indicator texts: basis points as "30,8 %", levels' wording.
 */
import Decimal from 'decimal.js';
import { formatEur, type Cents } from '$lib/money';

/** 3077 → "30,8 %" (one decimal, half up). */
export function formatBp(bp: number): string {
	return `${new Decimal(bp).dividedBy(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toString().replace('.', ',')} %`;
}

/** Ratio numer/denom in basis points, rounded half up; null when denom ≤ 0. */
export function ratioBp(numer: number, denom: number): number | null {
	if (denom <= 0) return null;
	return new Decimal(numer).times(10000).dividedBy(denom).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

/** Severity of a signal or indicator, in increasing order (fragility.md §6.a). */
export type Level = 'ok' | 'watch' | 'fragile' | 'high' | 'critical';

export const LEVEL_ORDER: Readonly<Record<Level, number>> = { ok: 0, watch: 1, fragile: 2, high: 3, critical: 4 };

/** The more severe of two levels. */
export function maxLevel(a: Level, b: Level): Level {
	return LEVEL_ORDER[a] >= LEVEL_ORDER[b] ? a : b;
}

/** The most recent months in words, the others counted: a long list of months reads as noise. */
export function feeClaimMessage(reasons: string[], claim: Cents): string {
	const shown = reasons.slice(-3).reverse().join(' ; ');
	const more = reasons.length - 3;
	const rest = more > 0 ? `, et ${more} autre${more > 1 ? 's' : ''} mois` : '';
	const total = claim > 0 ? `${formatEur(claim)} au total : ` : '';
	return `Des frais semblent dépasser les plafonds légaux (${total}${shown}${rest}) : une réclamation à la banque est possible.`;
}
