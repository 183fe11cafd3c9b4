/**
 * Household profiles of the demo (shared/contracts/profile.md), matching each situation, so that the
 * benefits check has something to find: ASPA not claimed by Mme Rousseau, ASF by Nadia Haddad, etc.
 */
import type { HouseholdProfile, MemberProfile } from '$lib/server/benefits';

type Draft = Omit<HouseholdProfile, 'month'>;
const adult = (
	birthDate: string,
	activity: MemberProfile['activity'],
	income: MemberProfile['income'] = {},
	extra: Partial<MemberProfile> = {}
): MemberProfile => ({
	role: 'applicant',
	birthDate,
	activity,
	disabilityRate: 0,
	income,
	...extra
});
const partner = (m: MemberProfile): MemberProfile => ({ ...m, role: 'partner' });
const child = (birthDate: string): MemberProfile => ({ role: 'child', birthDate });

export const DEMO_PROFILES: Record<string, Draft> = {
	'Famille Martin': {
		zone: 2,
		housing: { status: 'tenant_private', rent: '620.00', aidPaidToLandlord: false },
		savings: '0.00',
		childSupportUnpaid: true,
		members: [adult('1988-03-14', 'unemployed_no_benefit'), child('2018-05-02'), child('2013-02-20')],
		received: ['rsa', 'af', 'al']
	},
	'Lucas Petit': {
		zone: 1,
		housing: { status: 'tenant_private', rent: '480.00', aidPaidToLandlord: false },
		savings: '0.00',
		members: [adult('2003-06-11', 'employed', { salary: '880.00' })],
		received: ['ppa']
	},
	'Karim Benali': {
		zone: 2,
		housing: { status: 'tenant_private', rent: '710.00', aidPaidToLandlord: false },
		savings: '300.00',
		members: [adult('1979-09-30', 'inactive', { other: '0.00' }, { disabilityRate: 80 })],
		received: ['aah', 'al']
	},
	'Nadia Haddad': {
		zone: 2,
		housing: { status: 'tenant_social', rent: '495.00', aidPaidToLandlord: false },
		savings: '150.00',
		childSupportUnpaid: true,
		separatedSince: '2024-09-01',
		members: [adult('1991-01-22', 'employed', { salary: '1412.00' }), child('2022-04-10')],
		received: ['paje_base']
	},
	'Mme Rousseau': {
		zone: 3,
		housing: { status: 'tenant_social', rent: '412.00', aidPaidToLandlord: false },
		savings: '2400.00',
		members: [adult('1955-02-02', 'retired', { pension: '750.00' })],
		received: []
	},
	'Thomas Fontaine': {
		zone: 2,
		housing: { status: 'tenant_furnished', rent: '390.00', aidPaidToLandlord: false },
		savings: '200.00',
		members: [adult('2005-10-05', 'student', { salary: '560.00' }, { student: true })],
		received: ['al']
	},
	'Famille Diallo': {
		zone: 1,
		housing: { status: 'tenant_social', rent: '613.00', aidPaidToLandlord: false },
		savings: '0.00',
		members: [
			adult('1984-12-01', 'employed', { salary: '1426.00' }),
			partner(adult('1987-07-19', 'inactive')),
			child('2010-03-03'),
			child('2013-11-12'),
			child('2017-08-25'),
			child('2023-01-30')
		],
		received: ['af', 'cf', 'ppa']
	},
	'Julien Garnier': {
		zone: 2,
		housing: { status: 'tenant_private', rent: '530.00', aidPaidToLandlord: false },
		savings: '900.00',
		members: [adult('1975-04-17', 'unemployed_benefit', { unemployment: '1134.60' }, { worked5of10Years: true })],
		received: []
	}
};

/** A demo profile evaluated for `month` (YYYY-MM). */
export function demoProfile(name: string, month: string): HouseholdProfile | null {
	const draft = DEMO_PROFILES[name];
	return draft ? { month, ...draft } : null;
}
