import { describe, expect, it } from 'vitest';
import { categorise, compileRules, DEFAULT_RULES, normaliseLabel } from '$lib/server/rules';

const odd: string[] = [
	'',
	' ',
	'\u0000\u0001\u0002\u001f\u007f',
	'X'.repeat(2000),
	'CARTE 12/01 ' + 'CARREFOUR '.repeat(200),
	'PRLV SEPA '.repeat(250),
	'😀🎉 CARTE 12/01 CAFÉ 😀',
	'\u202eCARTE 12/01 LIDL\u202c',
	'مرحبا بالعالم CARTE 12/01',
	'שלום PRLV SEPA EDF',
	'\ud800 lone high surrogate PRLV EDF',
	'lone low \udc00 surrogate',
	'\ud83d',
	'a\u0301\u0301\u0301\u0301 combining marks',
	'\u200b\u200d\ufeffzero width',
	'CARTE 99/99/99 X',
	'CARTE 00/00 X',
	'FR99ZZZ999999'.repeat(50),
	'MDT/'.repeat(300),
	'/DE /DE /DE /DE',
	'DE: DE: DE: ID: REF:',
	' | ',
	' | | | ',
	'Payee only | ',
	'\t\n\r'.repeat(100),
	'((((((((((((((((((((((((((((((',
	'a'.repeat(5000) + '!',
	'CB*'.repeat(500),
	'9'.repeat(2000)
];

describe('odd labels never crash', () => {
	const set = compileRules(DEFAULT_RULES);
	it.each(odd.map((s, i) => [i, s] as const))('label #%i', (_i, raw) => {
		for (const amount of [0, -1, 1, -999_999_999_99]) {
			const n = normaliseLabel(raw, { amount, bookingDate: '2026-01-15' });
			expect(typeof n.search).toBe('string');
			expect(n.search.length).toBeLessThanOrEqual(1000);
			const r = categorise(set, { rawLabel: raw, amount, date: '2026-01-15' });
			expect(typeof r.category).toBe('string');
			if (r.payee !== null) expect(r.payee.length).toBeLessThanOrEqual(100);
		}
	});

	it('copes with non-string and non-finite inputs from untyped callers', () => {
		const r = categorise(set, { rawLabel: 42 as unknown as string, amount: Number.NaN, date: 'not a date' });
		expect(r.category).toBe('uncategorised');
	});
});
