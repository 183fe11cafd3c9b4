// Evidence from bank credits: which benefits are already received, and the CAF total check.
import { describe, expect, it } from 'vitest';
import {
	classifyCredit,
	detectReceivedFromEvidence,
	evaluateBenefits,
	type BenefitEvidence,
	type EvidenceCredit,
	type HouseholdProfile
} from '$lib/server/benefits';
import { adult, child, get, plain } from './helpers';

function credit(
	date: string,
	amount: number,
	label: string,
	category = 'income.other',
	payee: string | null = null
): EvidenceCredit {
	return { date, amount, label, payee, category };
}

describe('classifyCredit', () => {
	it.each([
		['VIR CAF DE LA GIRONDE APL 092026', 'CAF', ['al']],
		['VIREMENT C.A.F. 33 RSA', 'CAF', ['rsa']],
		["VIR SEPA CAISSE D'ALLOCATIONS FAMILIALES PRIME D'ACTIVITÉ", 'CAF', ['ppa']],
		['CAF 93 ALLOCATIONS FAMILIALES', 'CAF', ['af']],
		['VIR MSA AAH', 'MSA', ['aah']],
		['CARSAT RHONE ALPES ASPA', 'CARSAT', ['aspa']],
		['VIR FRANCE TRAVAIL ALLOC SOLIDARITE SPECIFIQUE', 'FRANCE_TRAVAIL', ['ass']],
		['POLE EMPLOI ARE', 'FRANCE_TRAVAIL', []],
		['CPAM DE PARIS ASI', 'CPAM', ['asi']],
		['CAF PRESTATIONS', 'CAF', []]
	])('%s → %s %j', (label, payer, benefits) => {
		expect(classifyCredit(credit('2026-11-05', 1000, label))).toEqual({ payer, benefits });
	});
	it('ignores debits and non-benefit payers', () => {
		expect(classifyCredit(credit('2026-11-05', -1000, 'CAF APL'))).toBeNull();
		expect(classifyCredit(credit('2026-11-05', 1000, 'SALAIRE ACME'))).toBeNull();
	});
	it('uses the category when a CAF label names no benefit', () => {
		expect(classifyCredit(credit('2026-11-05', 1000, 'VIR CAF 33', 'income.housing_benefit'))?.benefits).toEqual([
			'al'
		]);
	});
});

describe('detectReceivedFromEvidence', () => {
	const evidence: BenefitEvidence = {
		credits: [
			credit('2026-10-05', 30484, 'VIR CAF DE LA GIRONDE APL'),
			credit('2026-11-05', 30484, 'VIR CAF DE LA GIRONDE APL'),
			credit('2026-11-06', 57349, 'VIR CAF RSA'),
			credit('2026-11-02', 120000, 'SALAIRE NOVEMBRE'),
			credit('2026-08-20', 89288, 'CAF ARS 2026')
		]
	};
	const detected = detectReceivedFromEvidence(evidence, { month: '2026-11' });
	it('a monthly benefit seen in 2 of the last months is received, with the evidence sentence', () => {
		const al = detected.find((d) => d.benefit === 'al');
		expect(al).toMatchObject({ payer: 'CAF', received: true, monthlyAverage: 30484, months: ['2026-10', '2026-11'] });
		expect(plain(al!.evidence[0])).toBe('virement CAF du 05/11/2026 de 304,84 €');
	});
	it('a single RSA credit is not enough', () => {
		expect(detected.find((d) => d.benefit === 'rsa')).toMatchObject({ received: false });
	});
	it('a one-off ARS credit is enough', () => {
		expect(detected.find((d) => d.benefit === 'ars')).toMatchObject({ received: true });
	});
	it('old credits (before the window) are ignored', () => {
		const old = detectReceivedFromEvidence(
			{ credits: [credit('2026-01-05', 30484, 'CAF APL'), credit('2026-02-05', 30484, 'CAF APL')] },
			{ month: '2026-11' }
		);
		expect(old).toEqual([]);
	});
});

describe('engine with evidence', () => {
	const c01: HouseholdProfile = {
		month: '2026-11',
		zone: 2,
		housing: { status: 'tenant_private', rent: '450.00', aidPaidToLandlord: false },
		taxIncome: { rfr: '0.00', incomeYear: 2025 },
		members: [adult('1986-01-15')]
	};
	it('AL received from CAF credits, RSA still to claim, CAF gap alerted', () => {
		const res = evaluateBenefits(c01, undefined, {
			evidence: { credits: [credit('2026-10-05', 30484, 'VIR CAF APL'), credit('2026-11-05', 30484, 'VIR CAF APL')] }
		});
		const al = get(res, 'al');
		expect(al.status).toBe('received');
		expect(plain(al.evidence[0])).toBe('virement CAF du 05/11/2026 de 304,84 €');
		expect(plain(al.reasons[0])).toContain('virement CAF du 05/11/2026 de 304,84 €');
		expect(get(res, 'rsa')).toMatchObject({ status: 'eligible', amount: '573.49' });
		// Observed 304.84 €/month vs expected 304.84 + 573.49 = 878.33: gap 573.49 > max(30, 15 %).
		expect(res.cafCheck).toMatchObject({ observedMonthly: 30484, expectedMonthly: 87833, alert: true });
		expect(get(res, 'rsa').reasons.at(-1)).toMatch(/Vérifier les droits CAF/);
	});
	it('unidentified CAF credits matching the expected total mark the CAF benefits received', () => {
		const res = evaluateBenefits(c01, undefined, {
			evidence: { credits: [credit('2026-10-05', 87833, 'VIR CAF 33'), credit('2026-11-05', 87833, 'VIR CAF 33')] }
		});
		expect(res.cafCheck?.alert).toBe(false);
		expect(get(res, 'rsa').status).toBe('received');
		expect(get(res, 'al').status).toBe('received');
		expect(get(res, 'cheque_energie').status).toBe('eligible');
	});
	it('declared received benefits (profile.received)', () => {
		const res = evaluateBenefits({
			month: '2026-07',
			zone: 2,
			housing: { status: 'tenant_private', rent: '650.00' },
			taxIncome: { rfr: '14040.00' },
			childSupportUnpaid: true,
			received: ['af', 'asf'],
			members: [adult('1990-03-03', { salary: '1300.00' }), child('2018-01-05'), child('2014-02-20')]
		});
		expect(get(res, 'af')).toMatchObject({ status: 'received', amount: '152.24' });
		expect(get(res, 'af').reasons[0]).toMatch(/Déclarée/);
		expect(get(res, 'asf').status).toBe('received');
		// ARS becomes automatic (CAF relationship, children under 16).
		expect(get(res, 'ars').status).toBe('info');
	});
	it('ASPA received from a CARSAT credit', () => {
		const res = evaluateBenefits(
			{
				month: '2026-07',
				housing: { status: 'owner' },
				taxIncome: { rfr: '9600.00' },
				members: [adult('1955-01-01', { pension: '800.00' }, { activity: 'retired' })]
			},
			undefined,
			{
				evidence: { credits: [credit('2026-06-09', 24360, 'CARSAT ASPA'), credit('2026-07-09', 24360, 'CARSAT ASPA')] }
			}
		);
		expect(get(res, 'aspa')).toMatchObject({ status: 'received', amount: '243.60' });
	});
});
