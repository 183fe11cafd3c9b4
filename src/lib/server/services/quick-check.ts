/**
 * The professional's quick check (`/check`): who may run it, and the answers → profile → result step shared
 * by the page's action and its PDF download. Nothing about the person is stored here.
 */
import { addMonthsIso, today } from '$lib/dates';
import { SECTION_ROLES } from '../auth/access';
import type { BenefitsResult, HouseholdProfile } from '../benefits';
import type { Db } from '../db';
import { evaluateProfile } from './benefits-service';
import { profileFromForm, type QuestionnaireValues } from './profile-form';

/** The roles allowed to run the quick check (those of the /check section). */
export const CHECK_ROLES = SECTION_ROLES.check;

export interface QuickCheck {
	values: QuestionnaireValues;
	errors: Record<string, string>;
	/** null when some answers must be corrected (see `errors`). */
	result: BenefitsResult | null;
	/** the profile read from the answers (null with `result`) */
	profile: HouseholdProfile | null;
}

/**
 * The month evaluated: the current month, or the one named by the form (`month`, e.g. a result shown just
 * before midnight on the last day of a month and downloaded after) when it is this month or the previous one.
 */
export function checkMonth(form: FormData, now: Date = new Date()): string {
	const current = today(now).slice(0, 7);
	const asked = form.get('month');
	return asked === addMonthsIso(current, -1) ? asked : current;
}

/** Reads the questionnaire and evaluates it with the stored parameters (no bank evidence: no household). */
export async function runQuickCheck(db: Db, form: FormData, month: string): Promise<QuickCheck> {
	const q = profileFromForm(form, month);
	if (!q.profile) return { values: q.values, errors: q.errors, result: null, profile: null };
	return { values: q.values, errors: {}, result: await evaluateProfile(db, q.profile, null), profile: q.profile };
}
