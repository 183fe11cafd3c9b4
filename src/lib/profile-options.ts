/**
 * The answers the benefits questionnaires offer (full form, quick check, short profile), with their French
 * labels: one list, so that every form and the PDF's restated answers say the same thing.
 */
export const ACTIVITY_OPTIONS: readonly (readonly [string, string])[] = [
	['employed', 'Salarié ou salariée'],
	['self_employed', 'Indépendant ou indépendante'],
	['unemployed_benefit', 'Au chômage, avec des indemnités'],
	['unemployed_no_benefit', 'Au chômage, sans indemnité'],
	['student', 'Étudiant ou étudiante'],
	['apprentice', 'Apprenti ou apprentie'],
	['retired', 'Retraité ou retraitée'],
	['inactive', 'Sans activité']
];

export const HOUSING_OPTIONS: readonly (readonly [string, string])[] = [
	['tenant_private', 'Locataire (parc privé)'],
	['tenant_furnished', 'Locataire meublé'],
	['tenant_social', 'Locataire HLM'],
	['hostel', 'Foyer, résidence sociale'],
	['owner', 'Propriétaire'],
	['owner_with_loan', 'Propriétaire avec un prêt'],
	['hosted_free', 'Hébergé gratuitement'],
	['homeless', 'Sans domicile']
];

export const RECEIVED_OPTIONS: readonly (readonly [string, string])[] = [
	['rsa', 'RSA'],
	['ppa', 'Prime d’activité'],
	['al', 'Aide au logement (APL, ALF, ALS)'],
	['css', 'Complémentaire santé solidaire'],
	['aah', 'AAH'],
	['aspa', 'Minimum vieillesse (ASPA)'],
	['af', 'Allocations familiales'],
	['cf', 'Complément familial'],
	['asf', 'Allocation de soutien familial'],
	['paje_base', 'PAJE'],
	['cheque_energie', 'Chèque énergie'],
	['ass', 'ASS']
];

/** The label of `value` in `options`, first letter lowered for use inside a sentence; null if unknown. */
export function optionInSentence(options: readonly (readonly [string, string])[], value: string | null | undefined) {
	const label = options.find(([v]) => v === value)?.[1];
	return label ? label.charAt(0).toLowerCase() + label.slice(1) : null;
}
