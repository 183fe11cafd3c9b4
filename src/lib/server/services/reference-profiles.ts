/** Reference profiles every rules change is checked against, besides the organisation's stored profiles. */
import { DEMO_PROFILES, demoProfile } from '$db/seeds/demo-profiles';
import type { HouseholdProfile } from '../benefits';

export function referenceProfiles(month: string): { name: string; profile: HouseholdProfile }[] {
	return Object.keys(DEMO_PROFILES).map((name) => ({
		name: `Profil type : ${name}`,
		profile: demoProfile(name, month)!
	}));
}
