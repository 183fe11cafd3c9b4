// Cross-check of the default parameter table against OpenFisca-France's parameter tree, month by month from
// 2024-01 to 2026-12. The OpenFisca values are copied (as facts, AGPL-3.0, credited) into
// fixtures/openfisca-parameters-a7038ee.json from openfisca_france/parameters/ at commit a7038ee
// (2026-07-23): one entry per BGV key with the OpenFisca file it was read from, the version in force on
// 2024-01-01 and every later one. Where BGV knowingly differs (OpenFisca behind the published text), the
// difference is listed below with its reason; any other difference fails.
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { addMonthsIso } from '$lib/dates';
import { DEFAULT_BENEFIT_PARAMETERS as P, parameterAt } from '$lib/server/benefits';
import fixture from './fixtures/openfisca-parameters-a7038ee.json';

interface OfEntry {
	path: string;
	/** [effective from, value] pairs. */
	values: string[][];
}
const OF = fixture.keys as Record<string, OfEntry>;

/** BGV key → first month where BGV knowingly differs, and why. */
const KNOWN_DIFFERENCES: Record<string, { from: string; why: string }> = {
	'css.free_ceiling.p1': {
		from: '2025-04',
		why: 'OpenFisca a7038ee still has 10 166 € (2024-04-01); the arrêté published in the JORF of 29/03/2025 sets 10 339 € from 2025-04-01 (+1,7 %)'
	}
};

function ofValueAt(entry: OfEntry, month: string): Decimal | null {
	const day = `${month}-01`;
	let value: string | null = null;
	for (const [from, v] of entry.values) if (from <= day) value = v;
	return value === null ? null : new Decimal(value);
}

function differences(key: string, entry: OfEntry): string[] {
	const out: string[] = [];
	const known = KNOWN_DIFFERENCES[key];
	for (let m = '2024-01'; m <= '2026-12'; m = addMonthsIso(m, 1)) {
		if (known && m >= known.from) break;
		const ours = parameterAt(P, key, m);
		const theirs = ofValueAt(entry, m);
		if (!theirs || !ours.equals(theirs)) out.push(`${key} ${m}: BGV ${ours.toString()}, OpenFisca ${theirs}`);
	}
	return out;
}

describe('default parameters against OpenFisca-France a7038ee', () => {
	it('cross-checks more than a hundred keys (amounts, ceilings, rates, housing barèmes, RLS)', () => {
		expect(Object.keys(OF).length).toBeGreaterThanOrEqual(120);
		for (const key of Object.keys(OF))
			expect(
				P.some((p) => p.key === key),
				key
			).toBe(true);
	});
	it('has the same value for every cross-checked key in every month from 2024-01 to 2026-12', () => {
		const problems = Object.entries(OF).flatMap(([key, entry]) => differences(key, entry));
		expect(problems).toEqual([]);
	});
	it('differs only where listed, and the listed differences are real', () => {
		for (const [key, { from }] of Object.entries(KNOWN_DIFFERENCES)) {
			const ours = parameterAt(P, key, from);
			expect(ours.equals(ofValueAt(OF[key], from)!), key).toBe(false);
		}
		// 10 166 × 1.017 = 10 338.82 → 10 339 (the April 2025 revaluation of 1,7 %).
		expect(new Decimal('10166').times('1.017').toDecimalPlaces(0).toString()).toBe('10339');
	});
	it('the cited OpenFisca revaluation dates are the ones BGV switches on', () => {
		// A few dates in words: RSA/PPA/BMAF/AAH/ASS on 1 April, ceilings on 1 January, SMIC on 1 November 2024,
		// housing barème on 1 October, RLS amounts on 1 June 2025.
		const switches: [string, string][] = [
			['rsa.base_amount', '2024-04-01'],
			['ppa.base_amount', '2025-04-01'],
			['bmaf', '2024-04-01'],
			['aah.amount', '2025-04-01'],
			['ass.daily_amount', '2024-04-01'],
			['af.ceiling_t1_base', '2025-01-01'],
			['smic.hourly', '2024-11-01'],
			['al.ceiling.z2.single', '2024-10-01'],
			['al.rls.z1.single', '2025-06-01']
		];
		for (const [key, day] of switches) {
			expect(
				OF[key].values.map(([d]) => d),
				key
			).toContain(day);
			expect(
				P.some((p) => p.key === key && p.effectiveFrom === day),
				key
			).toBe(true);
		}
	});
});
