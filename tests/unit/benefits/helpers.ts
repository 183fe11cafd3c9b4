// Small builders for benefit-engine tests (not a test file).
import type { BenefitId, BenefitResult, BenefitsResult, MemberProfile } from '$lib/server/benefits';

export const ZERO_INCOME = {
	salary: '0.00',
	selfEmployed: '0.00',
	unemployment: '0.00',
	ass: '0.00',
	pension: '0.00',
	invalidityPension: '0.00',
	dailyAllowance: '0.00',
	alimony: '0.00',
	other: '0.00'
};

export function adult(
	birthDate: string,
	income: Partial<typeof ZERO_INCOME> = {},
	extra: Partial<MemberProfile> = {}
): MemberProfile {
	const inc = { ...ZERO_INCOME, ...income };
	return {
		role: 'applicant',
		birthDate,
		pregnant: false,
		activity: inc.salary === '0.00' ? 'inactive' : 'employed',
		disabilityRate: 0,
		student: false,
		income: inc,
		...extra
	};
}

export function partner(
	birthDate: string,
	income: Partial<typeof ZERO_INCOME> = {},
	extra: Partial<MemberProfile> = {}
): MemberProfile {
	return { ...adult(birthDate, income, extra), role: 'partner' };
}

export function child(birthDate: string): MemberProfile {
	return { role: 'child', birthDate };
}

export function get(result: BenefitsResult, id: BenefitId): BenefitResult {
	const r = result.results.find((x) => x.benefit === id);
	if (!r) throw new Error(`no result for ${id}`);
	return r;
}

/** Replaces the narrow/normal no-break spaces of French formatting by plain spaces. */
export function plain(s: string): string {
	return s.replace(/[\u00a0\u202f]/g, ' ');
}
