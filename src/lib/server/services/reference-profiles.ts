/**
 * Typical situations every change to a benefit's rules or parameters is checked against, besides the
 * organisation's stored profiles: one per kind of household the screening must get right. Reference data of
 * the benefits administration, independent of the demo.
 */
import type { HouseholdProfile, MemberProfile } from '../benefits';

type Situation = Omit<HouseholdProfile, 'month'>;

function adult(
	birthDate: string,
	activity: MemberProfile['activity'],
	income: MemberProfile['income'] = {},
	extra: Partial<MemberProfile> = {}
): MemberProfile {
	return { role: 'applicant', birthDate, activity, disabilityRate: 0, income, ...extra };
}
const partner = (m: MemberProfile): MemberProfile => ({ ...m, role: 'partner' });
const child = (birthDate: string): MemberProfile => ({ role: 'child', birthDate });
const rent = (status: 'tenant_private' | 'tenant_social' | 'tenant_furnished', amount: string) => ({
	status,
	rent: amount,
	aidPaidToLandlord: false
});

const SITUATIONS: Record<string, Situation> = {
	'Parent seul sans emploi, deux enfants, pension non versée': {
		zone: 2,
		housing: rent('tenant_private', '620.00'),
		savings: '0.00',
		childSupportUnpaid: true,
		members: [adult('1988-03-14', 'unemployed_no_benefit'), child('2018-05-02'), child('2013-02-20')]
	},
	'Jeune salarié à temps partiel': {
		zone: 1,
		housing: rent('tenant_private', '480.00'),
		savings: '0.00',
		members: [adult('2003-06-11', 'employed', { salary: '880.00' })]
	},
	'Adulte handicapé sans revenu': {
		zone: 2,
		housing: rent('tenant_private', '710.00'),
		savings: '300.00',
		members: [adult('1979-09-30', 'inactive', { other: '0.00' }, { disabilityRate: 80 })]
	},
	'Parent seul salarié, un jeune enfant, logement social': {
		zone: 2,
		housing: rent('tenant_social', '495.00'),
		savings: '150.00',
		childSupportUnpaid: true,
		separatedSince: '2024-09-01',
		members: [adult('1991-01-22', 'employed', { salary: '1412.00' }), child('2022-04-10')]
	},
	'Retraitée seule, petite pension': {
		zone: 3,
		housing: rent('tenant_social', '412.00'),
		savings: '2400.00',
		members: [adult('1955-02-02', 'retired', { pension: '750.00' })]
	},
	'Étudiant salarié en meublé': {
		zone: 2,
		housing: rent('tenant_furnished', '390.00'),
		savings: '200.00',
		members: [adult('2005-10-05', 'student', { salary: '560.00' }, { student: true })]
	},
	'Couple, un salaire, quatre enfants': {
		zone: 1,
		housing: rent('tenant_social', '613.00'),
		savings: '0.00',
		members: [
			adult('1984-12-01', 'employed', { salary: '1426.00' }),
			partner(adult('1987-07-19', 'inactive')),
			child('2010-03-03'),
			child('2013-11-12'),
			child('2017-08-25'),
			child('2023-01-30')
		]
	},
	'Demandeur d’emploi indemnisé, seul': {
		zone: 2,
		housing: rent('tenant_private', '530.00'),
		savings: '900.00',
		members: [adult('1975-04-17', 'unemployed_benefit', { unemployment: '1134.60' }, { worked5of10Years: true })]
	}
};

/** The reference situations, evaluated for `month` (YYYY-MM). */
export function referenceProfiles(month: string): { name: string; profile: HouseholdProfile }[] {
	return Object.entries(SITUATIONS).map(([name, situation]) => ({
		name: `Profil type : ${name}`,
		profile: { month, ...situation }
	}));
}
