/**
 * The quick check's questions in four short steps, one phone screen each: which step asks which field of
 * the questionnaire (profile-form.ts names them). Shared by the page and its action.
 */
export const QUESTION_STEPS = ['la personne', 'le couple', 'les enfants et le logement', 'les aides déjà reçues'];

export function stepOfField(name: string): number {
	if (name.startsWith('applicant')) return 1;
	if (name === 'couple' || name.startsWith('partner')) return 2;
	if (name === 'received') return 4;
	return 3;
}
