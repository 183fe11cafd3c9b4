/**
 * Validation of the household profile JSON (shared/contracts/profile.md): every problem is reported with
 * its field path and a French message; a valid profile is also returned with money in integer cents.
 */
import { isIsoDate } from '$lib/dates';
import { parseMoneyString, type Cents } from '$lib/money';
import {
	ACTIVITIES,
	BENEFIT_IDS,
	HOUSING_STATUSES,
	INCOME_KEYS,
	MEMBER_ROLES,
	NATIONALITY_STATUSES,
	type BenefitId,
	type Household,
	type HouseholdProfile,
	type IncomeCents,
	type Member,
	type ValidationError
} from './types';

/** Thrown by the engine when given an invalid profile. */
export class ProfileValidationError extends Error {
	constructor(readonly errors: ValidationError[]) {
		super(`Profil invalide : ${errors.map((e) => `${e.field} — ${e.message}`).join(' ; ')}`);
		this.name = 'ProfileValidationError';
	}
}

const INCOME_LABELS: Record<(typeof INCOME_KEYS)[number], string> = {
	salary: 'le salaire',
	selfEmployed: 'le revenu d’indépendant',
	unemployment: 'l’allocation chômage (ARE)',
	ass: 'l’ASS',
	pension: 'la retraite',
	invalidityPension: 'la pension d’invalidité',
	dailyAllowance: 'les indemnités journalières',
	alimony: 'la pension alimentaire reçue',
	other: 'les autres revenus'
};

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class Collector {
	errors: ValidationError[] = [];
	add(field: string, message: string): void {
		this.errors.push({ field, message });
	}

	/** Optional money string ≥ 0 (or any sign if allowNegative) → cents, null if absent. */
	money(v: unknown, field: string, what: string, allowNegative = false): Cents | null {
		if (v === undefined || v === null) return null;
		if (typeof v !== 'string') {
			this.add(field, `${capital(what)} doit être un montant écrit entre guillemets, par exemple "450.00".`);
			return null;
		}
		try {
			const cents = parseMoneyString(v);
			if (cents < 0 && !allowNegative) {
				this.add(field, `${capital(what)} ne peut pas être négatif (reçu « ${v} »).`);
				return null;
			}
			return cents;
		} catch {
			this.add(field, `${capital(what)} doit être un montant au format 1234.56 (reçu « ${v} »).`);
			return null;
		}
	}

	bool(v: unknown, field: string, what: string): boolean | null {
		if (v === undefined || v === null) return null;
		if (typeof v !== 'boolean') {
			this.add(field, `${capital(what)} doit valoir true ou false.`);
			return null;
		}
		return v;
	}

	date(v: unknown, field: string, what: string): string | null {
		if (v === undefined || v === null) return null;
		if (typeof v !== 'string' || !isIsoDate(v)) {
			this.add(field, `${capital(what)} doit être une date réelle au format AAAA-MM-JJ (reçu « ${String(v)} »).`);
			return null;
		}
		return v;
	}

	oneOf<T extends string>(v: unknown, allowed: readonly T[], field: string, what: string): T | null {
		if (v === undefined || v === null) return null;
		if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
			this.add(field, `${capital(what)} doit être l’une des valeurs ${allowed.join(', ')} (reçu « ${String(v)} »).`);
			return null;
		}
		return v as T;
	}
}

function capital(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

function parseMember(raw: unknown, i: number, c: Collector, month: string | null): Member | null {
	const base = `members[${i}]`;
	if (!isObj(raw)) {
		c.add(base, `La personne n° ${i + 1} doit être un objet JSON.`);
		return null;
	}
	const role = c.oneOf(raw.role, MEMBER_ROLES, `${base}.role`, 'le rôle de la personne');
	if (raw.role === undefined || raw.role === null)
		c.add(`${base}.role`, 'Le rôle de la personne est obligatoire (applicant, partner, child ou other).');
	const birthDate = c.date(raw.birthDate, `${base}.birthDate`, 'la date de naissance');
	if (birthDate && month && birthDate.slice(0, 7) > month) {
		c.add(`${base}.birthDate`, `La date de naissance (${birthDate}) est postérieure au mois évalué (${month}).`);
	}
	let disabilityRate: number | null = null;
	if (raw.disabilityRate !== undefined && raw.disabilityRate !== null) {
		if (
			typeof raw.disabilityRate !== 'number' ||
			!Number.isInteger(raw.disabilityRate) ||
			raw.disabilityRate < 0 ||
			raw.disabilityRate > 100
		) {
			c.add(
				`${base}.disabilityRate`,
				`Le taux d’incapacité doit être un entier entre 0 et 100 (reçu « ${String(raw.disabilityRate)} »).`
			);
		} else disabilityRate = raw.disabilityRate;
	}
	let income: IncomeCents | null = null;
	if (raw.income !== undefined && raw.income !== null) {
		if (!isObj(raw.income)) c.add(`${base}.income`, 'Les revenus doivent être un objet JSON (salary, pension…).');
		else {
			const inc = {} as IncomeCents;
			for (const key of Object.keys(raw.income)) {
				if (!(INCOME_KEYS as readonly string[]).includes(key)) {
					c.add(`${base}.income.${key}`, `Source de revenu inconnue « ${key} » (attendu : ${INCOME_KEYS.join(', ')}).`);
				}
			}
			for (const key of INCOME_KEYS) {
				inc[key] = c.money(raw.income[key], `${base}.income.${key}`, INCOME_LABELS[key], key === 'selfEmployed') ?? 0;
			}
			income = inc;
		}
	}
	if (!role) return null;
	return {
		index: i,
		role,
		birthDate,
		pregnant: c.bool(raw.pregnant, `${base}.pregnant`, 'la grossesse'),
		activity: c.oneOf(raw.activity, ACTIVITIES, `${base}.activity`, 'la situation professionnelle'),
		disabilityRate,
		student: c.bool(raw.student, `${base}.student`, 'le statut étudiant'),
		income,
		rsdae: c.bool(raw.rsdae, `${base}.rsdae`, 'la RSDAE'),
		scholarship: c.bool(raw.scholarship, `${base}.scholarship`, 'le statut de boursier'),
		atSchool: c.bool(raw.atSchool, `${base}.atSchool`, 'la scolarité'),
		areExhausted: c.bool(raw.areExhausted, `${base}.areExhausted`, 'la fin des droits ARE'),
		worked5of10Years: c.bool(raw.worked5of10Years, `${base}.worked5of10Years`, 'la durée d’activité (5 ans sur 10)'),
		worked2of3Years: c.bool(
			raw.worked2of3Years,
			`${base}.worked2of3Years`,
			'la durée d’activité des 3 dernières années (3 214 heures)'
		),
		nationality: c.oneOf(
			raw.nationality,
			NATIONALITY_STATUSES,
			`${base}.nationality`,
			'la nationalité ou le titre de séjour'
		)
	};
}

function parsePlace(json: Obj, c: Collector): Pick<Household, 'zone' | 'departement'> {
	let zone: 1 | 2 | 3 | null = null;
	if (json.zone !== undefined && json.zone !== null) {
		if (json.zone === 1 || json.zone === 2 || json.zone === 3) zone = json.zone;
		else c.add('zone', `La zone des aides au logement doit valoir 1, 2 ou 3 (reçu « ${String(json.zone)} »).`);
	}
	let departement: string | null = null;
	if (json.departement !== undefined && json.departement !== null) {
		if (typeof json.departement === 'string' && /^(\d{2}|2A|2B|97\d)$/.test(json.departement))
			departement = json.departement;
		else
			c.add(
				'departement',
				`Le département doit être un code comme "33", "2A" ou "974" (reçu « ${String(json.departement)} »).`
			);
	}
	return { zone, departement };
}

function parseHousing(
	json: Obj,
	c: Collector
): Pick<Household, 'housingStatus' | 'rent' | 'aidPaidToLandlord' | 'arrears'> {
	const out = { housingStatus: null, rent: null, aidPaidToLandlord: null, arrears: null } as Pick<
		Household,
		'housingStatus' | 'rent' | 'aidPaidToLandlord' | 'arrears'
	>;
	if (json.housing === undefined || json.housing === null) return out;
	if (!isObj(json.housing)) {
		c.add('housing', 'Le logement doit être un objet JSON (status, rent…).');
		return out;
	}
	const h = json.housing;
	out.housingStatus = c.oneOf(h.status, HOUSING_STATUSES, 'housing.status', 'le statut d’occupation du logement');
	out.rent = c.money(h.rent, 'housing.rent', 'le loyer hors charges');
	out.aidPaidToLandlord = c.bool(
		h.aidPaidToLandlord,
		'housing.aidPaidToLandlord',
		'le versement de l’aide au bailleur'
	);
	out.arrears = c.bool(h.arrears, 'housing.arrears', 'les impayés de loyer ou d’énergie');
	return out;
}

function parseTaxIncome(json: Obj, c: Collector): Pick<Household, 'rfr' | 'incomeYear'> {
	const out: Pick<Household, 'rfr' | 'incomeYear'> = { rfr: null, incomeYear: null };
	if (json.taxIncome === undefined || json.taxIncome === null) return out;
	if (!isObj(json.taxIncome)) {
		c.add('taxIncome', 'L’avis d’imposition doit être un objet JSON (rfr, incomeYear).');
		return out;
	}
	out.rfr = c.money(json.taxIncome.rfr, 'taxIncome.rfr', 'le revenu fiscal de référence');
	const y = json.taxIncome.incomeYear;
	if (y !== undefined && y !== null) {
		if (typeof y !== 'number' || !Number.isInteger(y) || y < 1990 || y > 2100) {
			c.add('taxIncome.incomeYear', `L’année des revenus doit être une année comme 2024 (reçu « ${String(y)} »).`);
		} else out.incomeYear = y;
	}
	return out;
}

function parseMembers(json: Obj, c: Collector, month: string | null): Member[] {
	const members: Member[] = [];
	if (!Array.isArray(json.members) || json.members.length === 0) {
		c.add('members', 'La liste des personnes du foyer est obligatoire et doit contenir au moins le demandeur.');
		return members;
	}
	json.members.forEach((m, i) => {
		const member = parseMember(m, i, c, month);
		if (member) members.push(member);
	});
	const applicants = members.filter((m) => m.role === 'applicant').length;
	const partners = members.filter((m) => m.role === 'partner').length;
	if (applicants !== 1)
		c.add('members', `Le foyer doit compter exactement un demandeur (role "applicant"), trouvé ${applicants}.`);
	if (partners > 1) c.add('members', `Le foyer compte au plus un conjoint (role "partner"), trouvé ${partners}.`);
	return members;
}

function parseReceived(json: Obj, c: Collector): BenefitId[] {
	const received: BenefitId[] = [];
	if (json.received === undefined || json.received === null) return received;
	if (!Array.isArray(json.received)) {
		c.add('received', 'Les prestations déjà perçues doivent être une liste d’identifiants.');
		return received;
	}
	json.received.forEach((id, i) => {
		if (typeof id === 'string' && (BENEFIT_IDS as readonly string[]).includes(id)) {
			if (!received.includes(id as BenefitId)) received.push(id as BenefitId);
		} else c.add(`received[${i}]`, `Prestation inconnue « ${String(id)} » (attendu : ${BENEFIT_IDS.join(', ')}).`);
	});
	return received;
}

/**
 * Validates a profile JSON. Returns the typed profile and its cents form (`household`), or the list of
 * errors with field paths (e.g. `members[1].birthDate`) and French messages.
 */
export function parseProfile(
	json: unknown
): { profile: HouseholdProfile; household: Household } | { errors: ValidationError[] } {
	const c = new Collector();
	if (!isObj(json)) return { errors: [{ field: '', message: 'Le profil doit être un objet JSON.' }] };
	let month: string | null = null;
	if (typeof json.month !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(json.month)) {
		c.add('month', `Le mois évalué est obligatoire, au format AAAA-MM (reçu « ${String(json.month)} »).`);
	} else month = json.month;
	const place = parsePlace(json, c);
	const housing = parseHousing(json, c);
	const tax = parseTaxIncome(json, c);
	const savings = c.money(json.savings, 'savings', 'l’épargne');
	const separatedSince = c.date(json.separatedSince, 'separatedSince', 'la date de séparation');
	const childSupportUnpaid = c.bool(
		json.childSupportUnpaid,
		'childSupportUnpaid',
		'le non-paiement de la pension alimentaire'
	);
	const members = parseMembers(json, c, month);
	const received = parseReceived(json, c);
	if (c.errors.length > 0 || month === null) return { errors: c.errors };
	const household: Household = {
		month,
		refDate: `${month}-01`,
		...place,
		...housing,
		...tax,
		savings,
		separatedSince,
		childSupportUnpaid,
		members,
		received
	};
	return { profile: json as unknown as HouseholdProfile, household };
}

/** Like parseProfile, but throws ProfileValidationError; for callers that hold an already typed profile. */
export function toHousehold(profile: HouseholdProfile): Household {
	const parsed = parseProfile(profile);
	if ('errors' in parsed) throw new ProfileValidationError(parsed.errors);
	return parsed.household;
}
