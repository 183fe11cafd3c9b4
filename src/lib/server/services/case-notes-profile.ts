/**
 * What the household's profile leaves unanswered, in plain French, so that every indicator computed from it
 * (benefits to claim, consumption units, poverty line, reste à vivre) carries a "profil incomplet" warning
 * instead of a confident figure. An empty profile makes the engines assume one adult alone with no answers.
 * Optional answers the questionnaire marks "si connu" (the revenu fiscal de référence) are not gaps: the
 * benefits engine already says which answers would sharpen each result.
 */
import type { Db } from '../db';
import type { HouseholdProfile } from '../benefits';
import { requirePermission, type HouseholdScope } from '../auth/access';
import { loadProfile } from './benefits-service';

export interface ProfileGaps {
	/** no profile was ever saved */
	empty: boolean;
	/** the missing answers, in French ("l'âge de la personne de référence", "le logement"…) */
	missing: string[];
}

const TENANT = new Set(['tenant_private', 'tenant_furnished', 'tenant_social', 'hostel']);

/** The answers the benefits and budget engines need that the profile does not give. Pure. */
export function profileGaps(profile: HouseholdProfile | null): ProfileGaps {
	if (!profile)
		return {
			empty: true,
			missing: ['la composition du foyer', 'les âges', 'les revenus', 'le logement et le loyer']
		};
	const missing: string[] = [];
	const applicant = profile.members.find((m) => m.role === 'applicant');
	if (!applicant) missing.push('la personne de référence');
	const adults = profile.members.filter((m) => m.role === 'applicant' || m.role === 'partner');
	if (adults.some((m) => !m.birthDate)) missing.push("l'âge des adultes");
	if (adults.some((m) => !m.activity)) missing.push('la situation professionnelle');
	if (profile.members.some((m) => m.role === 'child' && !m.birthDate)) missing.push("l'âge des enfants");
	const status = profile.housing?.status ?? null;
	if (!status) missing.push('le logement');
	else if (TENANT.has(status) && (!profile.housing?.rent || profile.housing.rent === '0.00'))
		missing.push('le montant du loyer');
	return { empty: false, missing };
}

/** The gaps of the household's stored profile. */
export async function householdProfileGaps(db: Db, scope: HouseholdScope): Promise<ProfileGaps> {
	requirePermission(scope, 'read');
	return profileGaps(await loadProfile(db, scope));
}
