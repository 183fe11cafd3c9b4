import { describe, expect, it } from 'vitest';
import {
	DEFAULT_BENEFIT_DEFINITIONS,
	DEFAULT_BENEFIT_PARAMETERS,
	describeCondition,
	evaluateBenefits,
	validateConditions,
	validateDefinition,
	type BenefitDefinition,
	type Condition,
	type HouseholdProfile
} from '$lib/server/benefits';
import { adult, child, get } from './helpers';

const KEYS = new Set(DEFAULT_BENEFIT_PARAMETERS.map((p) => p.key));
const M = '2026-07';
/** The definitions with one benefit's conditions replaced. */
function withConditions(id: string, conditions: Condition[]): BenefitDefinition[] {
	return DEFAULT_BENEFIT_DEFINITIONS.map((d) => (d.id === id ? { ...d, conditions } : d));
}
// C01 of benefits.md: single, 40, no income, rent 450, zone 2 → RSA 573.49.
const c01: HouseholdProfile = {
	month: M,
	zone: 2,
	departement: '59',
	housing: { status: 'tenant_private', rent: '450.00' },
	taxIncome: { rfr: '0.00' },
	members: [adult('1986-01-15')]
};

describe('declarative conditions', () => {
	it('the seeded definitions validate and give the same results as the formulas alone', () => {
		for (const d of DEFAULT_BENEFIT_DEFINITIONS) expect(validateDefinition(d, KEYS), d.id).toEqual([]);
		const none = DEFAULT_BENEFIT_DEFINITIONS.map((d) => ({ ...d, conditions: [] }));
		const profiles: HouseholdProfile[] = [
			c01,
			{ ...c01, members: [adult('1986-01-15', { salary: '1200.00' }), child('2015-03-01'), child('2019-05-01')] },
			{ ...c01, members: [adult('1950-01-01', { pension: '700.00' }, { activity: 'retired' })] }
		];
		for (const p of profiles) {
			const a = evaluateBenefits(p, DEFAULT_BENEFIT_PARAMETERS, { definitions: none }).results.map((r) => [
				r.benefit,
				r.status,
				r.amount
			]);
			const b = evaluateBenefits(p).results.map((r) => [r.benefit, r.status, r.amount]);
			expect(b).toEqual(a);
		}
	});

	it('a condition not met turns the benefit down with its reason', () => {
		expect(get(evaluateBenefits(c01), 'rsa').amount).toBe('573.49');
		const defs = withConditions('rsa', [
			{ type: 'departement', excludes: ['59'], reason: 'Expérimentation locale : le Nord verse le RSA autrement.' }
		]);
		const rsa = get(evaluateBenefits(c01, DEFAULT_BENEFIT_PARAMETERS, { definitions: defs }), 'rsa');
		expect(rsa.status).toBe('not_eligible');
		expect(rsa.amount).toBeNull();
		expect(rsa.reasons).toEqual(['Expérimentation locale : le Nord verse le RSA autrement.']);
	});

	it('a missing answer gives maybe with the question to ask', () => {
		const defs = withConditions('rsa', [{ type: 'nationality', who: 'applicant', excludes: ['other'] }]);
		const rsa = get(evaluateBenefits(c01, DEFAULT_BENEFIT_PARAMETERS, { definitions: defs }), 'rsa');
		expect(rsa.status).toBe('maybe');
		expect(rsa.amount).toBe('573.49');
		expect(rsa.questions).toContain('Quelle est la nationalité ou la situation de séjour ?');
	});

	it('reads legal numbers from the dated parameters and cites them', () => {
		// ASPA from aspa.min_age (65): 64 years old in 2026-07 is below, 66 is above.
		const young = { ...c01, members: [adult('1962-01-01', { pension: '700.00' })] };
		const defs = withConditions('aspa', [
			{ type: 'age', who: 'any_adult', operator: '>=', value: { param: 'aspa.min_age' }, reason: 'Trop jeune.' }
		]);
		expect(get(evaluateBenefits(young, DEFAULT_BENEFIT_PARAMETERS, { definitions: defs }), 'aspa').status).toBe(
			'not_eligible'
		);
		const old = get(
			evaluateBenefits(
				{ ...young, members: [adult('1960-01-01', { pension: '700.00' })] },
				DEFAULT_BENEFIT_PARAMETERS,
				{ definitions: defs }
			),
			'aspa'
		);
		expect(old.status).toBe('eligible');
		expect(old.parameters.map((p) => p.key)).toContain('aspa.min_age');
	});

	it('children by age band, any/not combinations, month of year', () => {
		const family = { ...c01, members: [adult('1986-01-15'), child('2024-01-01'), child('2012-01-01')] };
		const only = (c: Condition) => withConditions('fsl', [c]);
		const fsl = (c: Condition) =>
			get(
				evaluateBenefits({ ...family, housing: { ...family.housing, arrears: true } }, DEFAULT_BENEFIT_PARAMETERS, {
					definitions: only(c)
				}),
				'fsl'
			).status;
		expect(fsl({ type: 'children', ageBelow: 3, operator: '=', value: 1 })).toBe('eligible');
		expect(fsl({ type: 'children', ageMin: 3, ageBelow: 6, operator: '>=', value: 1 })).toBe('not_eligible');
		expect(
			fsl({
				type: 'any',
				conditions: [
					{ type: 'couple', value: true },
					{ type: 'single_parent', value: true }
				]
			})
		).toBe('eligible');
		expect(fsl({ type: 'not', condition: { type: 'single_parent', value: true } })).toBe('not_eligible');
		expect(fsl({ type: 'month_of_year', includes: [7] })).toBe('eligible');
		expect(fsl({ type: 'month_of_year', includes: [12] })).toBe('not_eligible');
		expect(fsl({ type: 'income', who: 'household', sources: ['salary'], operator: '<', value: 1000 })).toBe('eligible');
	});

	it('the payment threshold named by the definition applies to the amount found', () => {
		const defs = DEFAULT_BENEFIT_DEFINITIONS.map((d) =>
			d.id === 'rsa' ? { ...d, paymentThresholdKey: 'aspa.ceiling_single_annual' } : d
		);
		const rsa = get(evaluateBenefits(c01, DEFAULT_BENEFIT_PARAMETERS, { definitions: defs }), 'rsa');
		expect(rsa.status).toBe('not_eligible');
		expect(rsa.reasons.at(-1)).toMatch(/^Sous le seuil de versement \(ASPA/);
	});

	it('validation names the place at fault in French', () => {
		const errors = validateConditions(
			[
				{ type: 'age', who: 'someone', operator: '=>', value: { param: 'nope' } },
				{ type: 'housing' },
				{ type: 'colour' },
				{ type: 'zone', includes: [4] }
			],
			KEYS
		);
		expect(errors).toEqual([
			expect.stringMatching(/^conditions\[0\]\.who : « who » attendu/),
			expect.stringMatching(/^conditions\[0\]\.operator : opérateur attendu/),
			'conditions[0].value : paramètre inconnu « nope ».',
			'conditions[1] : « includes » ou « excludes » attendu.',
			expect.stringMatching(/^conditions\[2\]\.type : type inconnu « colour »/),
			expect.stringMatching(/^conditions\[3\]\.includes : valeur inconnue « 4 »/)
		]);
		expect(validateConditions({ type: 'age' }, KEYS)).toEqual([
			'Les conditions doivent être une liste entre crochets [ … ].'
		]);
	});

	it('a definition must keep its own formula and valid texts', () => {
		const rsa = DEFAULT_BENEFIT_DEFINITIONS.find((d) => d.id === 'rsa')!;
		const errors = validateDefinition(
			{
				...rsa,
				formula: 'aspa_differentiel',
				label: '',
				claim: { ...rsa.claim, url: 'caf.fr' },
				evidence: { payers: [], phrases: ['rsa'] }
			},
			KEYS
		);
		expect(errors).toEqual(
			expect.arrayContaining([
				'Libellé : texte obligatoire.',
				'Lien : adresse https:// attendue.',
				expect.stringMatching(/^Repérage : « rsa » doit être écrit en majuscules/),
				'Formule : « aspa_differentiel » calcule une autre prestation (aspa).'
			])
		);
	});

	it('describes conditions in plain French', () => {
		expect(describeCondition({ type: 'age', who: 'any_adult', operator: '>=', value: { param: 'aspa.min_age' } })).toBe(
			'âge (un des adultes) ≥ [aspa.min_age]'
		);
		expect(describeCondition({ type: 'children', ageBelow: 3, operator: '>=', value: 1 })).toBe(
			'nombre d’enfants à charge de 0 ans à moins de 3 ans ≥ 1'
		);
		expect(describeCondition({ type: 'housing', includes: ['tenant_social'] })).toBe('logement parmi : locataire HLM');
	});

	it('evidence phrases are data: a new bank wording is recognised once added', () => {
		const credits = ['2026-05-05', '2026-06-05', '2026-07-05'].map((date) => ({
			date,
			amount: 57349,
			label: 'VIR CAF DU NORD SOLIDARITE ACTIVE',
			payee: null,
			category: 'income.benefits'
		}));
		const before = get(evaluateBenefits(c01, DEFAULT_BENEFIT_PARAMETERS, { evidence: { credits } }), 'rsa');
		expect(before.status).toBe('eligible');
		const defs = DEFAULT_BENEFIT_DEFINITIONS.map((d) =>
			d.id === 'rsa' ? { ...d, evidence: { ...d.evidence, phrases: [...d.evidence.phrases, 'SOLIDARITE ACTIVE'] } } : d
		);
		const after = get(
			evaluateBenefits(c01, DEFAULT_BENEFIT_PARAMETERS, { evidence: { credits }, definitions: defs }),
			'rsa'
		);
		expect(after.status).toBe('received');
	});
});
