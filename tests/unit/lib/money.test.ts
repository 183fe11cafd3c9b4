import { describe, expect, it } from 'vitest';
import { centsToString, formatEur, MoneyParseError, parseAmount, parseMoneyString } from '$lib/money';

describe('parseAmount', () => {
	it.each([
		['1 234,56', 123456],
		['-20,00', -2000],
		['1.234,56', 123456],
		['1,234.56', 123456],
		['+12.5', 1250],
		['12,00-', -1200],
		['-.01', -1],
		['.01', 1],
		['1\u00a0100,50 EUR', 110050],
		['1\u202f100,50', 110050],
		['-2,152.09', -215209],
		['0', 0],
		['-0,00', 0],
		['226.68', 22668],
		['1 000', 100000],
		['12,3', 1230],
		['1234,560', 123456]
	])('reads %s as %i cents', (input, cents) => {
		expect(parseAmount(input)).toBe(cents);
	});

	it.each(['', 'abc', '12,345,67', '1.2.3', '12,345', '1,5,0', '12.345,678', '--5', '1 2,00'])(
		'rejects %s',
		(input) => {
			expect(() => parseAmount(input)).toThrow(MoneyParseError);
		}
	);

	it('honours an explicit decimal separator', () => {
		expect(parseAmount('1,234', { decimal: '.' })).toBe(123400);
		expect(parseAmount('1.234', { decimal: ',' })).toBe(123400);
	});
});

describe('centsToString / formatEur', () => {
	it('writes the contract string', () => {
		expect(centsToString(-125000)).toBe('-1250.00');
		expect(centsToString(5)).toBe('0.05');
		expect(centsToString(-5)).toBe('-0.05');
		expect(parseMoneyString('-12.34')).toBe(-1234);
		expect(parseMoneyString('450')).toBe(45000);
		expect(() => parseMoneyString('1.234')).toThrow();
	});
	it('formats fr-FR', () => {
		expect(formatEur(123456)).toBe('1\u202f234,56\u00a0€');
		expect(formatEur(-5)).toBe('-0,05\u00a0€');
		expect(formatEur(900719925474099)).toBe('9\u202f007\u202f199\u202f254\u202f740,99\u00a0€');
		expect(formatEur(1000, { signed: true })).toBe('+10,00\u00a0€');
	});
});

describe('calendar helpers', () => {
	it('adds months across years and days across month ends', async () => {
		const { addMonthsIso, addDaysIso } = await import('$lib/dates');
		expect(addMonthsIso('2026-01', -1)).toBe('2025-12');
		expect(addMonthsIso('2026-11', 3)).toBe('2027-02');
		expect(addMonthsIso('2026-05', -6)).toBe('2025-11');
		expect(addDaysIso('2026-03-01', -1)).toBe('2026-02-28');
		expect(addDaysIso('2026-10-24', 7)).toBe('2026-10-31');
	});
});
