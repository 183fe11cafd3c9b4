/**
 * Types of the non-recours engine: the household profile of shared/contracts/profile.md (JSON, money as
 * strings), its validated form (money in integer cents), the dated parameters and the result JSON.
 */
import type { Cents } from '$lib/money';
import type { IsoDate, IsoMonth } from '$lib/dates';

/** Benefit ids of the contract, in display order. */
export const BENEFIT_IDS = [
	'rsa',
	'ppa',
	'al',
	'css',
	'aah',
	'aspa',
	'af',
	'cf',
	'ars',
	'asf',
	'paje_base',
	'cheque_energie',
	'prime_noel',
	'ass',
	'asi',
	'fsl'
] as const;
export type BenefitId = (typeof BENEFIT_IDS)[number];

export const HOUSING_STATUSES = [
	'tenant_private',
	'tenant_furnished',
	'tenant_social',
	'hostel',
	'owner',
	'owner_with_loan',
	'hosted_free',
	'homeless'
] as const;
export type HousingStatus = (typeof HOUSING_STATUSES)[number];

export const MEMBER_ROLES = ['applicant', 'partner', 'child', 'other'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const ACTIVITIES = [
	'employed',
	'self_employed',
	'unemployed_benefit',
	'unemployed_no_benefit',
	'student',
	'apprentice',
	'retired',
	'inactive'
] as const;
export type Activity = (typeof ACTIVITIES)[number];

export const NATIONALITY_STATUSES = ['fr', 'eea', 'permit_5y', 'other'] as const;
/** Extension: `fr`, `eea` (EU/EEA/Swiss), `permit_5y` (residence permit for 5 years or more), `other`. */
export type NationalityStatus = (typeof NATIONALITY_STATUSES)[number];

export const INCOME_KEYS = [
	'salary',
	'selfEmployed',
	'unemployment',
	'ass',
	'pension',
	'invalidityPension',
	'dailyAllowance',
	'alimony',
	'other'
] as const;
export type IncomeKey = (typeof INCOME_KEYS)[number];

/** Monthly net income by source, as contract money strings ("1200.00"). */
export type IncomeJson = Partial<Record<IncomeKey, string>>;

/** One person of the household, as in the JSON contract (plus optional extensions, marked). */
export interface MemberProfile {
	role: MemberRole;
	birthDate?: IsoDate | null;
	pregnant?: boolean | null;
	activity?: Activity | null;
	/** Rate recognised by the MDPH: 0, or e.g. 50, 80. */
	disabilityRate?: number | null;
	student?: boolean | null;
	income?: IncomeJson | null;
	/** Extension: "restriction substantielle et durable d'accès à l'emploi" recognised (AAH at 50–79 %). */
	rsdae?: boolean | null;
	/** Extension: student with a grant (housing-aid student forfait). */
	scholarship?: boolean | null;
	/** Extension: child still at school (ARS for 16–18 year olds). */
	atSchool?: boolean | null;
	/** Extension: unemployment insurance (ARE) rights exhausted (ASS). */
	areExhausted?: boolean | null;
	/** Extension: 5 years of work in the last 10 (ASS). */
	worked5of10Years?: boolean | null;
	/**
	 * Extension (2026-12): 3 214 hours of work (about two years full time) in the 3 years before the claim,
	 * the condition of the RSA for an under-25 without child nor pregnancy (RSA jeune actif).
	 */
	worked2of3Years?: boolean | null;
	/** Extension: nationality / residence status (RSA, ASPA). */
	nationality?: NationalityStatus | null;
}

/** The household profile of shared/contracts/profile.md. Money: monthly, net, "1234.56" strings. */
export interface HouseholdProfile {
	/** Required: the month evaluated, `YYYY-MM`. */
	month: IsoMonth;
	zone?: 1 | 2 | 3 | null;
	departement?: string | null;
	housing?: {
		status?: HousingStatus | null;
		/** Monthly rent without charges. */
		rent?: string | null;
		aidPaidToLandlord?: boolean | null;
		/** Extension: rent or energy arrears (FSL orientation). */
		arrears?: boolean | null;
	} | null;
	taxIncome?: { rfr?: string | null; incomeYear?: number | null } | null;
	/** Capital earning no taxable interest. */
	savings?: string | null;
	separatedSince?: IsoDate | null;
	childSupportUnpaid?: boolean | null;
	/** Required: at least the applicant. */
	members: MemberProfile[];
	/** Benefit ids the household says it already receives. */
	received?: BenefitId[] | null;
}

/** Monthly income in cents by source (0 when not declared inside a given income object). */
export type IncomeCents = Record<IncomeKey, Cents>;

/** A validated member; `null` means "not answered". */
export interface Member {
	index: number;
	role: MemberRole;
	birthDate: IsoDate | null;
	pregnant: boolean | null;
	activity: Activity | null;
	disabilityRate: number | null;
	student: boolean | null;
	/** null when the income was not given at all (unknown). */
	income: IncomeCents | null;
	rsdae: boolean | null;
	scholarship: boolean | null;
	atSchool: boolean | null;
	areExhausted: boolean | null;
	worked5of10Years: boolean | null;
	worked2of3Years: boolean | null;
	nationality: NationalityStatus | null;
}

/** The validated household: money in integer cents, unknown answers as null. */
export interface Household {
	month: IsoMonth;
	/** First day of `month`: the reference date for ages. */
	refDate: IsoDate;
	zone: 1 | 2 | 3 | null;
	departement: string | null;
	housingStatus: HousingStatus | null;
	/** Monthly rent without charges, cents. */
	rent: Cents | null;
	aidPaidToLandlord: boolean | null;
	arrears: boolean | null;
	/** Revenu fiscal de référence, cents per year. */
	rfr: Cents | null;
	incomeYear: number | null;
	/** Non-productive savings, cents. */
	savings: Cents | null;
	separatedSince: IsoDate | null;
	childSupportUnpaid: boolean | null;
	members: Member[];
	received: BenefitId[];
}

export interface ValidationError {
	/** Path of the field, e.g. `members[1].birthDate`. */
	field: string;
	/** French message naming the field. */
	message: string;
}

/** Unit of a parameter value: euros per month (or one-off), rate, count (integer or hours), euros per year. */
export type ParameterUnit = 'eur' | 'rate' | 'count' | 'eur_year';

/** One dated version of a parameter; an admin edits these rows without code. */
export interface BenefitParameter {
	/** Dotted key, e.g. `rsa.base_amount`. */
	key: string;
	/** Decimal string: euros "646.52", a rate "0.6", or a count "14". */
	value: string;
	unit: ParameterUnit;
	effectiveFrom: IsoDate;
	/** Last day in force (inclusive); null or absent = still in force. */
	effectiveTo?: IsoDate | null;
	/** French label. */
	label: string;
	/** Official source (URL or reference) as given in benefits.md. */
	source: string;
}

export type BenefitStatus = 'eligible' | 'maybe' | 'received' | 'info' | 'not_eligible';
export type BenefitPeriod = 'month' | 'year' | 'once';

/** A parameter cited by a result. */
export interface CitedParameter {
	key: string;
	value: string;
	effectiveFrom: IsoDate;
	effectiveTo: IsoDate | null;
	source: string;
}

/** A link to the actual claim: the online service, the form (cerfa) or, failing those, the official page. */
export interface ClaimLink {
	kind: 'online' | 'form' | 'info';
	/** French label of the link, e.g. "Demander le RSA en ligne (caf.fr)". */
	label: string;
	url: string;
}

export interface ClaimInfo {
	/** Organisme, e.g. "CAF (ou MSA)". */
	where: string;
	url: string;
	/** How to claim, in French. */
	how: string;
	/** Documents to bring, in French. */
	documents: string[];
	/**
	 * Extension (2026-12): the online service and the form to claim with, first the one to use. Absent in
	 * definitions published before; the engine then takes the seed's.
	 */
	links?: ClaimLink[];
}

/**
 * Extension (2026-12): what a household reads first, built from its own answers (no engine id, no
 * formula). The computation with its parameters stays in `reasons` and `parameters` ("Détail du calcul"
 * for advisers).
 */
export interface HouseholdExplanation {
	/** One plain French sentence: why this result (for `not_eligible`, which condition fails). */
	summary: string;
	/** `not_eligible` only: the "why not" sentence (the same as `summary`); null otherwise. */
	whyNot: string | null;
	/** What to do now, in one sentence. */
	nextStep: string;
	/** Documents to prepare (empty when there is nothing to claim). */
	documents: string[];
	/** The claim form or online service; null when there is nothing to claim. */
	link: ClaimLink | null;
}

/** One line of the result JSON (contract fields first, extensions after). */
export interface BenefitResult {
	benefit: BenefitId;
	label: string;
	status: BenefitStatus;
	/** Estimated amount actually paid (after CRDS where it applies), "573.49"; null when no estimate. */
	amount: string | null;
	period: BenefitPeriod;
	/** Plain French explanations, citing parameters and their dates. */
	reasons: string[];
	claim: ClaimInfo;
	/** CSS only: monthly participation for the whole household, "0.00" when free. */
	participation?: string;
	/** Extension: amount before CRDS, when CRDS applies. */
	grossAmount?: string | null;
	/** Extension: questions whose answers would sharpen the result. */
	questions: string[];
	/** Extension: bank evidence that the benefit is received ("virement CAF du 05/11/2026 de 304,84 €"). */
	evidence: string[];
	/** Extension: interim right only (RSA while the AAH is being claimed); left out of totals. */
	interim?: boolean;
	/** Extension: parameters used, with their dates and sources. */
	parameters: CitedParameter[];
	/** Extension (2026-12): the household's plain-language explanation, next step, documents and link. */
	forHousehold: HouseholdExplanation;
}

/** Observed CAF credits compared with the expected CAF benefits (rule 3 of benefits.md). */
export interface CafCheck {
	/** Average monthly CAF/MSA credits observed, cents. */
	observedMonthly: Cents;
	/** Sum of the expected monthly CAF benefits (eligible or received), cents. */
	expectedMonthly: Cents;
	/** Alert when |gap| > max(30 €, 15 %). */
	alert: boolean;
	message: string;
}

export interface BenefitsResult {
	month: IsoMonth;
	results: BenefitResult[];
	/** Extension. */
	cafCheck: CafCheck | null;
}

/** A recent bank credit used as evidence. */
export interface EvidenceCredit {
	date: IsoDate;
	/** Cents, positive for a credit. */
	amount: Cents;
	label: string;
	payee: string | null;
	category: string;
}

export interface BenefitEvidence {
	credits: EvidenceCredit[];
}

export type Payer = 'CAF' | 'MSA' | 'CPAM' | 'CARSAT' | 'FRANCE_TRAVAIL';

/** What the bank credits show for one benefit (or an unidentified CAF/MSA flow when `benefit` is null). */
export interface DetectedBenefit {
	benefit: BenefitId | null;
	payer: Payer;
	/** Matching credits, oldest first. */
	credits: EvidenceCredit[];
	/** Distinct months with a matching credit. */
	months: IsoMonth[];
	/** Average per month with a credit, cents. */
	monthlyAverage: Cents;
	/** True when the pattern is strong enough to say "received" (≥2 of the last 3 months, or one-off). */
	received: boolean;
	/** French sentences, e.g. "virement CAF du 05/11/2026 de 304,84 €". */
	evidence: string[];
}
