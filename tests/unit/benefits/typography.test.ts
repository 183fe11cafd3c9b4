// French typography of what the benefits show: the apostrophe between two letters is ’ (U+2019), never the
// straight ' — in the seed definitions (labels, descriptions, claims, conditions' reasons and questions),
// the parameters' labels and sources, and every text of the results of a spread of households.
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_BENEFIT_DEFINITIONS,
	DEFAULT_BENEFIT_PARAMETERS,
	evaluateBenefits,
	type HouseholdProfile
} from '$lib/server/benefits';
import { BENEFIT_LABELS } from '$lib/benefit-labels';
import { adult, child, partner } from './helpers';

const STRAIGHT = /\p{L}'\p{L}/u;
const straight = (texts: string[]) => texts.filter((t) => STRAIGHT.test(t));

const HOUSEHOLDS: HouseholdProfile[] = [
	{
		month: '2025-06',
		zone: 1,
		housing: { status: 'tenant_social', rent: '520.00' },
		taxIncome: { rfr: '0.00' },
		members: [adult('1999-02-01'), child('2025-01-10')]
	},
	{
		month: '2024-11',
		zone: 2,
		housing: { status: 'tenant_private', rent: '700.00', arrears: true },
		members: [
			adult('1983-01-01', { salary: '1400.00' }),
			partner('1985-01-01', {}, { activity: 'unemployed_no_benefit' }),
			child('2008-06-01'),
			child('2014-10-01'),
			child('2018-02-01')
		]
	},
	{
		month: '2026-03',
		housing: { status: 'owner' },
		members: [
			adult('1958-01-01', { pension: '700.00', salary: '500.00' }),
			partner('1966-01-01', {}, { disabilityRate: 60 })
		]
	},
	{ month: '2024-02', members: [adult('2004-01-01', { invalidityPension: '300.00' }, { student: true })] }
];

describe('the apostrophe of French user-facing texts', () => {
	it('is ’ in the seed definitions', () => {
		const texts = DEFAULT_BENEFIT_DEFINITIONS.flatMap((d) => [
			d.label,
			d.description,
			d.claim.where,
			d.claim.how,
			...d.claim.documents,
			...(d.claim.links ?? []).map((l) => l.label),
			JSON.stringify(d.conditions)
		]);
		expect(straight(texts)).toEqual([]);
	});
	it('is ’ in the parameters’ labels and sources, and in the benefit labels', () => {
		expect(straight(DEFAULT_BENEFIT_PARAMETERS.flatMap((p) => [p.label, p.source]))).toEqual([]);
		expect(straight(Object.values(BENEFIT_LABELS))).toEqual([]);
	});
	it('is ’ in every text of the results', () => {
		for (const profile of HOUSEHOLDS) {
			for (const r of evaluateBenefits(profile).results) {
				const h = r.forHousehold;
				const texts = [
					r.label,
					...r.reasons,
					...r.questions,
					h.summary,
					h.whyNot ?? '',
					h.nextStep,
					...h.documents,
					h.link?.label ?? ''
				];
				expect(straight(texts), `${profile.month} ${r.benefit}`).toEqual([]);
			}
		}
	});
});
