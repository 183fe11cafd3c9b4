/**
 * Declarative eligibility conditions of a benefit, stored as data (JSON) in the benefits table and edited
 * by admins without code. The vocabulary follows the aides-jeunes catalogue (`conditions_generales`: a
 * type plus an operator and a value, `not`, `any`): age, children by age band, household composition,
 * housing status, zone, département, activity, disability rate, nationality, income by source, RFR,
 * savings, yes/no answers, month of the year, benefits declared as received.
 *
 * A number in a condition is either written in the condition (a count such as "2 children") or, for
 * anything that has a legal value, a reference `{ "param": "aspa.min_age" }` to the dated parameter table.
 *
 * Evaluation is three-valued: true, false, or null when an answer needed is missing (the engine then says
 * `maybe` and asks the condition's question). Conditions are the gates a benefit is open behind; the
 * benefit's named formula computes the amount (and its own legal resource tests).
 */
import Decimal from 'decimal.js';
import { centsToDecimal } from '$lib/money';
import type { Facts, ParamReader } from './context';
import {
	ACTIVITIES,
	BENEFIT_IDS,
	HOUSING_STATUSES,
	INCOME_KEYS,
	NATIONALITY_STATUSES,
	type Activity,
	type BenefitId,
	type HousingStatus,
	type IncomeKey,
	type Member,
	type NationalityStatus
} from './types';

export const OPERATORS = ['<', '<=', '>', '>=', '=', '!='] as const;
export type Operator = (typeof OPERATORS)[number];
/** Whose answer a member condition reads. */
export const WHO = ['applicant', 'partner', 'any_adult', 'all_adults'] as const;
export type Who = (typeof WHO)[number];
/** A number written in the condition, or a reference to a dated parameter. */
export type Operand = number | { param: string };

export const MEMBER_FLAGS = [
	'pregnant',
	'student',
	'scholarship',
	'rsdae',
	'areExhausted',
	'worked5of10Years'
] as const;
export const HOUSEHOLD_FLAGS = ['arrears', 'aidPaidToLandlord', 'childSupportUnpaid'] as const;
export type MemberFlag = (typeof MEMBER_FLAGS)[number];
export type HouseholdFlag = (typeof HOUSEHOLD_FLAGS)[number];

interface Texts {
	/** French sentence shown when the condition is not met (a default is written from the condition). */
	reason?: string;
	/** French question asked when an answer is missing. */
	question?: string;
}

export type Condition = Texts &
	(
		| { type: 'age'; who: Who; operator: Operator; value: Operand }
		| { type: 'children'; ageMin?: Operand; ageBelow?: Operand; operator: Operator; value: Operand }
		| { type: 'persons'; operator: Operator; value: Operand }
		| { type: 'couple'; value: boolean }
		| { type: 'single_parent'; value: boolean }
		| { type: 'housing'; includes?: HousingStatus[]; excludes?: HousingStatus[] }
		| { type: 'zone'; includes: number[] }
		| { type: 'departement'; includes?: string[]; excludes?: string[] }
		| { type: 'activity'; who: Who; includes?: Activity[]; excludes?: Activity[] }
		| { type: 'disability_rate'; who: Who; operator: Operator; value: Operand }
		| { type: 'nationality'; who: Who; includes?: NationalityStatus[]; excludes?: NationalityStatus[] }
		| { type: 'income'; who: Who | 'household'; sources: IncomeKey[]; operator: Operator; value: Operand }
		| { type: 'rfr'; operator: Operator; value: Operand }
		| { type: 'savings'; operator: Operator; value: Operand }
		| { type: 'member_flag'; who: Who; field: MemberFlag; value: boolean }
		| { type: 'household_flag'; field: HouseholdFlag; value: boolean }
		| { type: 'month_of_year'; includes: number[] }
		| { type: 'received'; benefit: BenefitId }
		| { type: 'not'; condition: Condition }
		| { type: 'any'; conditions: Condition[] }
		| { type: 'all'; conditions: Condition[] }
	);

export type ConditionType = Condition['type'];
export const CONDITION_TYPES: readonly ConditionType[] = [
	'age',
	'children',
	'persons',
	'couple',
	'single_parent',
	'housing',
	'zone',
	'departement',
	'activity',
	'disability_rate',
	'nationality',
	'income',
	'rfr',
	'savings',
	'member_flag',
	'household_flag',
	'month_of_year',
	'received',
	'not',
	'any',
	'all'
];

type Tri = boolean | null;

/** Outcome of a benefit's conditions for a household. */
export interface GateOutcome {
	/** false: a condition is not met; null: an answer is missing; true: every condition is met. */
	met: Tri;
	/** French reasons of the conditions not met. */
	reasons: string[];
	/** French questions of the conditions left undecided. */
	questions: string[];
}

// ── Validation ───────────────────────────────────────────────────────────────────────────────────

const WHO_FR: Record<Who | 'household', string> = {
	applicant: 'le demandeur',
	partner: 'le conjoint',
	any_adult: 'un des adultes',
	all_adults: 'chaque adulte',
	household: 'le foyer'
};

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks a JSON value is a list of well-formed conditions. Messages are French and name the place at
 * fault (`conditions[2].value`); parameter references must exist in `paramKeys`.
 */
export function validateConditions(value: unknown, paramKeys: ReadonlySet<string>): string[] {
	if (!Array.isArray(value)) return ['Les conditions doivent être une liste entre crochets [ … ].'];
	const errors: string[] = [];
	value.forEach((c, i) => validateOne(c, `conditions[${i}]`, paramKeys, errors, 0));
	return errors;
}

function validateOne(c: unknown, at: string, keys: ReadonlySet<string>, errors: string[], depth: number): void {
	if (depth > 6) {
		errors.push(`${at} : conditions imbriquées trop profondément.`);
		return;
	}
	if (!isObject(c)) {
		errors.push(`${at} : une condition s'écrit entre accolades { "type": … }.`);
		return;
	}
	const type = c.type as ConditionType;
	if (!CONDITION_TYPES.includes(type)) {
		errors.push(`${at}.type : type inconnu « ${String(c.type)} » (types possibles : ${CONDITION_TYPES.join(', ')}).`);
		return;
	}
	for (const t of ['reason', 'question'] as const) {
		if (c[t] !== undefined && (typeof c[t] !== 'string' || (c[t] as string).trim() === ''))
			errors.push(`${at}.${t} : texte attendu.`);
	}
	const allowed = new Set(['type', 'reason', 'question', ...FIELDS[type]]);
	for (const k of Object.keys(c))
		if (!allowed.has(k)) errors.push(`${at}.${k} : champ inconnu pour le type « ${type} ».`);
	const need = (field: string, ok: boolean, what: string) => {
		if (!ok) errors.push(`${at}.${field} : ${what}.`);
	};
	const operand = (field: string, required = true) => {
		const v = c[field];
		if (v === undefined && !required) return;
		if (typeof v === 'number' && Number.isFinite(v)) return;
		if (isObject(v) && typeof v.param === 'string' && Object.keys(v).length === 1) {
			if (!keys.has(v.param)) errors.push(`${at}.${field} : paramètre inconnu « ${v.param} ».`);
			return;
		}
		errors.push(`${at}.${field} : un nombre ou { "param": "clé.du.paramètre" } attendu.`);
	};
	const operator = () =>
		need('operator', OPERATORS.includes(c.operator as Operator), `opérateur attendu parmi ${OPERATORS.join(' ')}`);
	const who = (extra: readonly string[] = []) =>
		need('who', [...WHO, ...extra].includes(c.who as Who), `« who » attendu parmi ${[...WHO, ...extra].join(', ')}`);
	const list = (field: string, values: readonly unknown[] | null, required: boolean) => {
		const v = c[field];
		if (v === undefined) {
			if (required) errors.push(`${at}.${field} : liste attendue.`);
			return;
		}
		if (!Array.isArray(v) || v.length === 0) {
			errors.push(`${at}.${field} : liste non vide attendue.`);
			return;
		}
		for (const x of v) {
			if (values ? !values.includes(x) : typeof x !== 'string' || !/^(\d{2,3}|2A|2B)$/.test(x)) {
				errors.push(
					`${at}.${field} : valeur inconnue « ${String(x)} »${values ? ` (valeurs possibles : ${values.join(', ')})` : ' (numéro de département attendu, par exemple "75" ou "2A")'}.`
				);
			}
		}
	};
	const includesOrExcludes = (values: readonly string[] | null) => {
		list('includes', values, false);
		list('excludes', values, false);
		if (c.includes === undefined && c.excludes === undefined)
			errors.push(`${at} : « includes » ou « excludes » attendu.`);
	};
	const bool = (field: string) => need(field, typeof c[field] === 'boolean', 'true ou false attendu');
	switch (type) {
		case 'age':
		case 'disability_rate':
			who();
			operator();
			operand('value');
			break;
		case 'children':
			operand('ageMin', false);
			operand('ageBelow', false);
			operator();
			operand('value');
			break;
		case 'persons':
		case 'rfr':
		case 'savings':
			operator();
			operand('value');
			break;
		case 'couple':
		case 'single_parent':
			bool('value');
			break;
		case 'housing':
			includesOrExcludes(HOUSING_STATUSES);
			break;
		case 'zone':
			list('includes', [1, 2, 3], true);
			break;
		case 'departement':
			includesOrExcludes(null);
			break;
		case 'activity':
			who();
			includesOrExcludes(ACTIVITIES);
			break;
		case 'nationality':
			who();
			includesOrExcludes(NATIONALITY_STATUSES);
			break;
		case 'income':
			who(['household']);
			list('sources', INCOME_KEYS, true);
			operator();
			operand('value');
			break;
		case 'member_flag':
			who();
			need('field', MEMBER_FLAGS.includes(c.field as MemberFlag), `champ attendu parmi ${MEMBER_FLAGS.join(', ')}`);
			bool('value');
			break;
		case 'household_flag':
			need(
				'field',
				HOUSEHOLD_FLAGS.includes(c.field as HouseholdFlag),
				`champ attendu parmi ${HOUSEHOLD_FLAGS.join(', ')}`
			);
			bool('value');
			break;
		case 'month_of_year':
			list('includes', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], true);
			break;
		case 'received':
			need(
				'benefit',
				BENEFIT_IDS.includes(c.benefit as BenefitId),
				`prestation attendue parmi ${BENEFIT_IDS.join(', ')}`
			);
			break;
		case 'not':
			validateOne(c.condition, `${at}.condition`, keys, errors, depth + 1);
			break;
		case 'any':
		case 'all':
			if (!Array.isArray(c.conditions) || c.conditions.length === 0)
				errors.push(`${at}.conditions : liste non vide attendue.`);
			else c.conditions.forEach((x, j) => validateOne(x, `${at}.conditions[${j}]`, keys, errors, depth + 1));
			break;
	}
}

const FIELDS: Record<ConditionType, string[]> = {
	age: ['who', 'operator', 'value'],
	children: ['ageMin', 'ageBelow', 'operator', 'value'],
	persons: ['operator', 'value'],
	couple: ['value'],
	single_parent: ['value'],
	housing: ['includes', 'excludes'],
	zone: ['includes'],
	departement: ['includes', 'excludes'],
	activity: ['who', 'includes', 'excludes'],
	disability_rate: ['who', 'operator', 'value'],
	nationality: ['who', 'includes', 'excludes'],
	income: ['who', 'sources', 'operator', 'value'],
	rfr: ['operator', 'value'],
	savings: ['operator', 'value'],
	member_flag: ['who', 'field', 'value'],
	household_flag: ['field', 'value'],
	month_of_year: ['includes'],
	received: ['benefit'],
	not: ['condition'],
	any: ['conditions'],
	all: ['conditions']
};

/** Parameter keys a list of conditions refers to. */
export function conditionParams(conditions: readonly Condition[]): string[] {
	const out = new Set<string>();
	const walk = (v: unknown) => {
		if (Array.isArray(v)) v.forEach(walk);
		else if (isObject(v)) {
			if (typeof v.param === 'string' && Object.keys(v).length === 1) out.add(v.param);
			else Object.values(v).forEach(walk);
		}
	};
	walk(conditions);
	return [...out];
}

// ── French description ───────────────────────────────────────────────────────────────────────────

const OP_FR: Record<Operator, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '=': '=', '!=': '≠' };
const HOUSING_FR: Record<HousingStatus, string> = {
	tenant_private: 'locataire (parc privé)',
	tenant_furnished: 'locataire en meublé',
	tenant_social: 'locataire HLM',
	hostel: 'foyer',
	owner: 'propriétaire',
	owner_with_loan: 'propriétaire avec un crédit',
	hosted_free: 'hébergé gratuitement',
	homeless: 'sans domicile'
};
const ACTIVITY_FR: Record<Activity, string> = {
	employed: 'salarié',
	self_employed: 'indépendant',
	unemployed_benefit: 'au chômage indemnisé',
	unemployed_no_benefit: 'au chômage non indemnisé',
	student: 'étudiant',
	apprentice: 'apprenti',
	retired: 'retraité',
	inactive: 'sans activité'
};
const NATIONALITY_FR: Record<NationalityStatus, string> = {
	fr: 'français',
	eea: 'ressortissant UE/EEE/Suisse',
	permit_5y: 'titre de séjour depuis au moins 5 ans',
	other: 'autre situation'
};
const FLAG_FR: Record<MemberFlag | HouseholdFlag, string> = {
	pregnant: 'enceinte',
	student: 'étudiant',
	scholarship: 'boursier',
	rsdae: 'RSDAE reconnue par la MDPH',
	areExhausted: 'droits au chômage épuisés',
	worked5of10Years: '5 ans de travail dans les 10 dernières années',
	arrears: 'impayés de loyer ou d’énergie',
	aidPaidToLandlord: 'aide au logement versée au bailleur',
	childSupportUnpaid: 'pension alimentaire impayée'
};
const INCOME_FR: Record<IncomeKey, string> = {
	salary: 'salaires',
	selfEmployed: 'revenus d’indépendant',
	unemployment: 'allocations chômage',
	ass: 'ASS',
	pension: 'retraites',
	invalidityPension: 'pension d’invalidité',
	dailyAllowance: 'indemnités journalières',
	alimony: 'pensions alimentaires',
	other: 'autres revenus'
};
const MONTHS_FR = [
	'janvier',
	'février',
	'mars',
	'avril',
	'mai',
	'juin',
	'juillet',
	'août',
	'septembre',
	'octobre',
	'novembre',
	'décembre'
];

function operandFr(v: Operand | undefined, unit = ''): string {
	if (v === undefined) return '';
	return typeof v === 'number' ? `${String(v).replace('.', ',')}${unit}` : `[${v.param}]`;
}

function setFr<T extends string | number>(inc: T[] | undefined, exc: T[] | undefined, names: (x: T) => string): string {
	if (inc) return `parmi : ${inc.map(names).join(', ')}`;
	return `hors : ${(exc ?? []).map(names).join(', ')}`;
}

/** One condition in plain French, e.g. "âge de un des adultes ≥ [aspa.min_age] ans". */
export function describeCondition(c: Condition): string {
	switch (c.type) {
		case 'age':
			return `âge (${WHO_FR[c.who]}) ${OP_FR[c.operator]} ${operandFr(c.value, ' ans')}`;
		case 'children': {
			const band =
				c.ageMin !== undefined || c.ageBelow !== undefined
					? ` de ${operandFr(c.ageMin ?? 0)} ans${c.ageBelow !== undefined ? ` à moins de ${operandFr(c.ageBelow)} ans` : ' et plus'}`
					: '';
			return `nombre d’enfants à charge${band} ${OP_FR[c.operator]} ${operandFr(c.value)}`;
		}
		case 'persons':
			return `nombre de personnes du foyer ${OP_FR[c.operator]} ${operandFr(c.value)}`;
		case 'couple':
			return c.value ? 'vit en couple' : 'vit seul(e)';
		case 'single_parent':
			return c.value ? 'parent isolé' : 'pas parent isolé';
		case 'housing':
			return `logement ${setFr(c.includes, c.excludes, (x) => HOUSING_FR[x])}`;
		case 'zone':
			return `zone de logement ${c.includes.join(' ou ')}`;
		case 'departement':
			return `département ${setFr(c.includes, c.excludes, (x) => x)}`;
		case 'activity':
			return `activité (${WHO_FR[c.who]}) ${setFr(c.includes, c.excludes, (x) => ACTIVITY_FR[x])}`;
		case 'disability_rate':
			return `taux d’incapacité (${WHO_FR[c.who]}) ${OP_FR[c.operator]} ${operandFr(c.value, ' %')}`;
		case 'nationality':
			return `nationalité ou séjour (${WHO_FR[c.who]}) ${setFr(c.includes, c.excludes, (x) => NATIONALITY_FR[x])}`;
		case 'income':
			return `${c.sources.map((s) => INCOME_FR[s]).join(' + ')} par mois (${WHO_FR[c.who]}) ${OP_FR[c.operator]} ${operandFr(c.value, ' €')}`;
		case 'rfr':
			return `revenu fiscal de référence ${OP_FR[c.operator]} ${operandFr(c.value, ' €')}`;
		case 'savings':
			return `épargne ${OP_FR[c.operator]} ${operandFr(c.value, ' €')}`;
		case 'member_flag':
			return `${c.value ? '' : 'non : '}${FLAG_FR[c.field]} (${WHO_FR[c.who]})`;
		case 'household_flag':
			return `${c.value ? '' : 'non : '}${FLAG_FR[c.field]}`;
		case 'month_of_year':
			return `mois de ${c.includes.map((m) => MONTHS_FR[m - 1] ?? String(m)).join(' ou ')}`;
		case 'received':
			return `perçoit déjà : ${c.benefit}`;
		case 'not':
			return `non (${describeCondition(c.condition)})`;
		case 'any':
			return `au moins une de : ${c.conditions.map(describeCondition).join(' ; ')}`;
		case 'all':
			return `toutes : ${c.conditions.map(describeCondition).join(' ; ')}`;
	}
}

// ── Evaluation ───────────────────────────────────────────────────────────────────────────────────

function compare(a: Decimal, op: Operator, b: Decimal): boolean {
	const c = a.comparedTo(b);
	switch (op) {
		case '<':
			return c < 0;
		case '<=':
			return c <= 0;
		case '>':
			return c > 0;
		case '>=':
			return c >= 0;
		case '=':
			return c === 0;
		case '!=':
			return c !== 0;
	}
}

/** Combines a member test over the members `who` names (null = unknown answer). */
function overMembers(f: Facts, who: Who, test: (m: Member) => Tri): Tri {
	const people = who === 'applicant' ? [f.applicant] : who === 'partner' ? (f.partner ? [f.partner] : []) : f.adults;
	if (people.length === 0) return false;
	const values = people.map(test);
	if (who === 'all_adults') return values.includes(false) ? false : values.includes(null) ? null : true;
	return values.includes(true) ? true : values.includes(null) ? null : false;
}

function inSet<T>(v: T | null, inc: T[] | undefined, exc: T[] | undefined): Tri {
	if (v === null) return null;
	if (inc && !inc.includes(v)) return false;
	if (exc && exc.includes(v)) return false;
	return true;
}

/** Evaluates one condition: true, false, or null when an answer is missing. */
export function evaluateCondition(c: Condition, f: Facts, r: ParamReader): Tri {
	const num = (v: Operand | undefined, fallback: number): Decimal =>
		v === undefined ? new Decimal(fallback) : typeof v === 'number' ? new Decimal(v) : r.get(v.param);
	const h = f.h;
	switch (c.type) {
		case 'age':
			return overMembers(f, c.who, (m) => {
				const a = f.age(m);
				return a === null ? null : compare(new Decimal(a), c.operator, num(c.value, 0));
			});
		case 'children': {
			const min = num(c.ageMin, 0).toNumber();
			const below = c.ageBelow === undefined ? Infinity : num(c.ageBelow, 0).toNumber();
			const { known, unknown } = f.childrenAged(min, below);
			const target = num(c.value, 0);
			const low = compare(new Decimal(known.length), c.operator, target);
			const high = compare(new Decimal(known.length + unknown.length), c.operator, target);
			return low === high ? low : null;
		}
		case 'persons':
			return compare(new Decimal(f.size), c.operator, num(c.value, 0));
		case 'couple':
			return f.couple === c.value;
		case 'single_parent':
			return f.singleParent === c.value;
		case 'housing':
			return inSet(h.housingStatus, c.includes, c.excludes);
		case 'zone':
			return h.zone === null ? null : c.includes.includes(h.zone);
		case 'departement':
			return inSet(h.departement, c.includes, c.excludes);
		case 'activity':
			return overMembers(f, c.who, (m) => inSet(m.activity, c.includes, c.excludes));
		case 'disability_rate':
			return overMembers(f, c.who, (m) =>
				m.disabilityRate === null ? null : compare(new Decimal(m.disabilityRate), c.operator, num(c.value, 0))
			);
		case 'nationality':
			return overMembers(f, c.who, (m) => inSet(m.nationality, c.includes, c.excludes));
		case 'income': {
			if (c.who === 'household') {
				if (f.adultsWithUnknownIncome.length > 0) return null;
				return compare(f.allIncome(c.sources), c.operator, num(c.value, 0));
			}
			return overMembers(f, c.who, (m) =>
				m.income === null ? null : compare(f.income(m, c.sources), c.operator, num(c.value, 0))
			);
		}
		case 'rfr':
			return h.rfr === null ? null : compare(centsToDecimal(h.rfr), c.operator, num(c.value, 0));
		case 'savings':
			return h.savings === null ? null : compare(centsToDecimal(h.savings), c.operator, num(c.value, 0));
		case 'member_flag':
			return overMembers(f, c.who, (m) => {
				const v = m[c.field];
				return v === null ? null : v === c.value;
			});
		case 'household_flag': {
			const v = h[c.field];
			return v === null ? null : v === c.value;
		}
		case 'month_of_year':
			return c.includes.includes(Number(h.month.slice(5, 7)));
		case 'received':
			return h.received.includes(c.benefit);
		case 'not': {
			const v = evaluateCondition(c.condition, f, r);
			return v === null ? null : !v;
		}
		case 'any': {
			const v = c.conditions.map((x) => evaluateCondition(x, f, r));
			return v.includes(true) ? true : v.includes(null) ? null : false;
		}
		case 'all': {
			const v = c.conditions.map((x) => evaluateCondition(x, f, r));
			return v.includes(false) ? false : v.includes(null) ? null : true;
		}
	}
}

const DEFAULT_QUESTION: Partial<Record<ConditionType, string>> = {
	age: 'Quelle est la date de naissance des adultes du foyer ?',
	children: 'Quelle est la date de naissance de chaque enfant ?',
	housing: 'Quelle est la situation de logement (locataire, propriétaire, hébergé…) ?',
	zone: 'Dans quelle commune se trouve le logement (zone 1, 2 ou 3) ?',
	departement: 'Dans quel département vit le foyer ?',
	activity: 'Quelle est la situation professionnelle des adultes ?',
	disability_rate: 'La MDPH a-t-elle reconnu un taux d’incapacité ? Lequel ?',
	nationality: 'Quelle est la nationalité ou la situation de séjour ?',
	income: 'Quels sont les revenus mensuels des adultes du foyer ?',
	rfr: 'Quel est le revenu fiscal de référence du dernier avis d’imposition ?',
	savings: 'Quel est le montant de l’épargne ?'
};

function questionFor(c: Condition): string {
	if (c.question) return c.question;
	if (c.type === 'member_flag' || c.type === 'household_flag') return `Question à poser : ${FLAG_FR[c.field]} ?`;
	if (c.type === 'not') return questionFor(c.condition);
	return DEFAULT_QUESTION[c.type] ?? `À vérifier : ${describeCondition(c)}.`;
}

/** Evaluates every condition of a benefit (all must hold). */
export function evaluateGate(conditions: readonly Condition[], f: Facts, r: ParamReader): GateOutcome {
	const reasons: string[] = [];
	const questions: string[] = [];
	let met: Tri = true;
	for (const c of conditions) {
		const v = evaluateCondition(c, f, r);
		if (v === false) {
			met = false;
			reasons.push(c.reason ?? `Condition non remplie : ${describeCondition(c)}.`);
		} else if (v === null) {
			if (met === true) met = null;
			questions.push(questionFor(c));
		}
	}
	return { met, reasons, questions };
}
