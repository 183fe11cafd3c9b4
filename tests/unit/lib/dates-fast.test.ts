// addDaysIso, isoToDate and dateToIso are written without date-fns (hot paths of the forecast and the
// caseload): they must give date-fns' answers on every day from 1999 to 2032, daylight saving time included.
import { it, expect } from 'vitest';
import { addDays, format, parse } from 'date-fns';
import { addDaysIso, dateToIso, isoToDate } from '$lib/dates';
it('match date-fns on every day of 33 years, and refuse what is not a date', () => {
	const old = (s: string, n: number) => format(addDays(parse(s, 'yyyy-MM-dd', new Date(2000, 0, 1)), n), 'yyyy-MM-dd');
	let d = '1999-12-20';
	for (let i = 0; i < 12000; i++) {
		for (const n of [0, 1, -1, 7, -31, 30, 365, -400, 1000]) expect(addDaysIso(d, n)).toBe(old(d, n));
		expect(dateToIso(isoToDate(d))).toBe(d);
		expect(isoToDate(d).getTime()).toBe(parse(d, 'yyyy-MM-dd', new Date(2000, 0, 1)).getTime());
		d = old(d, 1);
	}
	expect(() => addDaysIso('2026-02-30', 1)).toThrow(RangeError);
	expect(() => isoToDate('2026-13-01')).toThrow(RangeError);
	expect(() => addDaysIso('x', 1)).toThrow(RangeError);
});
