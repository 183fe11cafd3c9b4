/**
 * Turns the short benefits questionnaire (the professional's quick check and the household's profile
 * page) into the profile JSON of shared/contracts/profile.md, with French errors per field.
 */
import { ACTIVITY_OPTIONS, HOUSING_OPTIONS } from '$lib/profile-options';
import { parseMoney } from './profile-money';
import { BENEFIT_IDS, type BenefitId, type HouseholdProfile, type MemberProfile } from '../benefits';

export interface QuestionnaireValues {
	[field: string]: string | string[];
}

export interface QuestionnaireResult {
	profile: HouseholdProfile | null;
	errors: Record<string, string>;
	values: QuestionnaireValues;
}

function str(form: FormData, name: string): string {
	const v = form.get(name);
	return typeof v === 'string' ? v.trim() : '';
}

function birthDateFromAge(age: number, month: string): string {
	const [y, m] = month.split('-').map(Number);
	return `${y - age - (m < 7 ? 1 : 0)}-07-01`;
}

const ACTIVITIES = ACTIVITY_OPTIONS.map(([v]) => v);
const HOUSING = HOUSING_OPTIONS.map(([v]) => v);

export function profileFromForm(form: FormData, month: string): QuestionnaireResult {
	const errors: Record<string, string> = {};
	const values: QuestionnaireValues = {};
	for (const [k, v] of form.entries())
		if (typeof v === 'string') values[k] = form.getAll(k).length > 1 ? form.getAll(k).map(String) : v;

	const money = (name: string, label: string): string => {
		const raw = str(form, name);
		if (raw === '') return '0.00';
		const r = parseMoney(raw);
		if (r === null) {
			errors[name] = `${label} : montant illisible « ${raw} » (exemple : 1 234,56).`;
			return '0.00';
		}
		return r;
	};
	const age = (name: string, label: string, min: number, max: number): number | null => {
		const raw = str(form, name);
		if (raw === '') {
			errors[name] = `${label} : indiquez l’âge.`;
			return null;
		}
		const n = Number(raw);
		if (!Number.isInteger(n) || n < min || n > max) {
			errors[name] = `${label} : âge entre ${min} et ${max} ans.`;
			return null;
		}
		return n;
	};
	const member = (prefix: string, role: 'applicant' | 'partner', label: string): MemberProfile | null => {
		const a = age(`${prefix}Age`, label, 16, 120);
		const activity = str(form, `${prefix}Activity`);
		if (!ACTIVITIES.includes(activity)) errors[`${prefix}Activity`] = `${label} : choisissez la situation.`;
		const disability = Number(str(form, `${prefix}Disability`) || '0');
		const worked = str(form, `${prefix}Worked2of3Years`);
		return {
			role,
			birthDate: a === null ? null : birthDateFromAge(a, month),
			activity: ACTIVITIES.includes(activity) ? (activity as MemberProfile['activity']) : null,
			disabilityRate: [0, 50, 80].includes(disability) ? disability : 0,
			student: activity === 'student',
			worked2of3Years: worked === 'yes' ? true : worked === 'no' ? false : null,
			income: {
				salary: money(`${prefix}Salary`, `${label}, salaire`),
				unemployment: money(`${prefix}Unemployment`, `${label}, allocation chômage`),
				pension: money(`${prefix}Pension`, `${label}, retraite ou pension`),
				alimony: money(`${prefix}Alimony`, `${label}, pension alimentaire reçue`),
				other: money(`${prefix}Other`, `${label}, autres revenus`)
			}
		};
	};

	const members: MemberProfile[] = [];
	const applicant = member('applicant', 'applicant', 'Vous');
	if (applicant) members.push(applicant);
	if (str(form, 'couple') === 'yes') {
		const partner = member('partner', 'partner', 'Conjoint');
		if (partner) members.push(partner);
	}
	const childrenRaw = str(form, 'children');
	if (childrenRaw !== '') {
		for (const part of childrenRaw.split(/[,;\s]+/).filter(Boolean)) {
			const n = Number(part);
			if (!Number.isInteger(n) || n < 0 || n > 25) {
				errors.children = `Âges des enfants : « ${part} » n’est pas un âge (exemple : 3, 8, 14).`;
				break;
			}
			members.push({
				role: 'child',
				birthDate: birthDateFromAge(n, month),
				activity: n >= 16 ? 'student' : null,
				income: {}
			});
		}
	}
	const housingStatus = str(form, 'housing');
	if (!HOUSING.includes(housingStatus)) errors.housing = 'Choisissez le logement.';
	const zone = Number(str(form, 'zone') || '2');
	const received = form
		.getAll('received')
		.map(String)
		.filter((b): b is BenefitId => (BENEFIT_IDS as readonly string[]).includes(b));
	const rfr = str(form, 'rfr');
	const profile: HouseholdProfile = {
		month,
		zone: zone === 1 || zone === 3 ? zone : 2,
		housing: {
			status: HOUSING.includes(housingStatus)
				? (housingStatus as NonNullable<HouseholdProfile['housing']>['status'])
				: null,
			rent: money('rent', 'Loyer'),
			aidPaidToLandlord: false
		},
		taxIncome: rfr
			? { rfr: money('rfr', 'Revenu fiscal de référence'), incomeYear: Number(month.slice(0, 4)) - 2 }
			: null,
		savings: money('savings', 'Épargne'),
		childSupportUnpaid: str(form, 'childSupportUnpaid') === 'on',
		members,
		received
	};
	return { profile: Object.keys(errors).length ? null : profile, errors, values };
}

/** The questionnaire's values for a stored profile (to edit it). */
export function valuesFromProfile(profile: HouseholdProfile): QuestionnaireValues {
	const values: QuestionnaireValues = {};
	const year = Number(profile.month.slice(0, 4));
	const ageOf = (m: MemberProfile) => (m.birthDate ? String(year - Number(m.birthDate.slice(0, 4))) : '');
	const euros = (s: string | null | undefined) => (s && s !== '0.00' ? s.replace('.', ',') : '');
	for (const [role, prefix] of [
		['applicant', 'applicant'],
		['partner', 'partner']
	] as const) {
		const m = profile.members.find((x) => x.role === role);
		if (!m) continue;
		values[`${prefix}Age`] = ageOf(m);
		values[`${prefix}Activity`] = m.activity ?? '';
		values[`${prefix}Disability`] = String(m.disabilityRate ?? 0);
		values[`${prefix}Salary`] = euros(m.income?.salary);
		values[`${prefix}Unemployment`] = euros(m.income?.unemployment);
		values[`${prefix}Pension`] = euros(m.income?.pension);
		values[`${prefix}Other`] = euros(m.income?.other);
		values[`${prefix}Alimony`] = euros(m.income?.alimony);
		values[`${prefix}Worked2of3Years`] = m.worked2of3Years === true ? 'yes' : m.worked2of3Years === false ? 'no' : '';
	}
	values.couple = profile.members.some((m) => m.role === 'partner') ? 'yes' : 'no';
	values.children = profile.members
		.filter((m) => m.role === 'child')
		.map(ageOf)
		.join(', ');
	values.housing = profile.housing?.status ?? '';
	values.rent = euros(profile.housing?.rent);
	values.zone = String(profile.zone ?? 2);
	values.savings = euros(profile.savings);
	values.rfr = euros(profile.taxIncome?.rfr);
	if (profile.childSupportUnpaid) values.childSupportUnpaid = 'on';
	values.received = [...(profile.received ?? [])];
	return values;
}
