import { describe, expect, it } from 'vitest';
import { axisEuros, dateTickIndexes, euroTicks, linearScale, shortDateFr } from '$lib/chart';

describe('chart helpers', () => {
	it('scales linearly and handles a flat domain', () => {
		const s = linearScale(0, 100, 200, 0);
		expect(s(0)).toBe(200);
		expect(s(50)).toBe(100);
		expect(linearScale(5, 5, 0, 10)(5)).toBe(5);
	});
	it('gives round euro ticks inside the range', () => {
		expect(euroTicks(-45_000, 120_000, 4)).toEqual([0, 50_000, 100_000]);
		const t = euroTicks(-12_345, 98_765);
		expect(t.every((v) => v >= -12_345 && v <= 98_765)).toBe(true);
		expect(t).toContain(0);
	});
	it('spaces date ticks and starts with the first day', () => {
		expect(dateTickIndexes(90, 5)).toEqual([0, 18, 36, 54, 72]);
		expect(dateTickIndexes(0)).toEqual([]);
	});
	it('writes dates and euros the French way', () => {
		expect(shortDateFr('2026-12-01')).toBe('01/12');
		expect(axisEuros(-123_456)).toMatch(/^-1\s235\u00a0€$/);
	});
});
