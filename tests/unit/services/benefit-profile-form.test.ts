// The questionnaire's two 2026-12 answers: the pension alimentaire received (ASF différentielle) and the
// RSA jeune actif hours, into the profile and back.
import { describe, expect, it } from 'vitest';
import { profileFromForm, valuesFromProfile } from '$lib/server/services/profile-form';

function form(entries: Record<string, string>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(entries)) f.set(k, v);
	return f;
}
const BASE = { applicantAge: '23', applicantActivity: 'inactive', couple: 'no', housing: 'hosted_free' };

describe('profile form: alimony and RSA jeune actif', () => {
	it('maps "yes" / "no" / nothing to true / false / null and the alimony to the applicant income', () => {
		const yes = profileFromForm(
			form({ ...BASE, applicantWorked2of3Years: 'yes', applicantAlimony: '150,50' }),
			'2026-07'
		);
		expect(yes.errors).toEqual({});
		expect(yes.profile!.members[0]).toMatchObject({ worked2of3Years: true, income: { alimony: '150.50' } });
		expect(
			profileFromForm(form({ ...BASE, applicantWorked2of3Years: 'no' }), '2026-07').profile!.members[0].worked2of3Years
		).toBe(false);
		expect(profileFromForm(form(BASE), '2026-07').profile!.members[0].worked2of3Years).toBeNull();
	});
	it('gives the values back to edit the profile', () => {
		const { profile } = profileFromForm(
			form({ ...BASE, applicantWorked2of3Years: 'yes', applicantAlimony: '150' }),
			'2026-07'
		);
		expect(valuesFromProfile(profile!)).toMatchObject({ applicantWorked2of3Years: 'yes', applicantAlimony: '150,00' });
	});
});
