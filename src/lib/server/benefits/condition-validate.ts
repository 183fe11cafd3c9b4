/**
 * Validation of the declarative conditions an admin writes (see condition-types.ts): well-formed JSON,
 * known types, operators, answers and parameter keys, with French messages naming the place at fault.
 */
import { ACTIVITIES, BENEFIT_IDS, HOUSING_STATUSES, INCOME_KEYS, NATIONALITY_STATUSES, type BenefitId } from './types';
import {
	CONDITION_TYPES,
	HOUSEHOLD_FLAGS,
	MEMBER_FLAGS,
	OPERATORS,
	WHO,
	type Condition,
	type ConditionType,
	type HouseholdFlag,
	type MemberFlag,
	type Operator,
	type Who
} from './condition-types';

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
		errors.push(`${at} : une condition s’écrit entre accolades { "type": … }.`);
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
	const check = new Checker(c, at, keys, errors);
	CHECKS[type](check, c, (x, where) => validateOne(x, `${at}${where}`, keys, errors, depth + 1));
}

/** The field checks of one condition, each adding French messages to `errors`. */
class Checker {
	constructor(
		private readonly c: Record<string, unknown>,
		private readonly at: string,
		private readonly keys: ReadonlySet<string>,
		private readonly errors: string[]
	) {}

	need(field: string, ok: boolean, what: string): void {
		if (!ok) this.errors.push(`${this.at}.${field} : ${what}.`);
	}

	operand(field: string, required = true): void {
		const v = this.c[field];
		if (v === undefined && !required) return;
		if (typeof v === 'number' && Number.isFinite(v)) return;
		if (isObject(v) && typeof v.param === 'string' && Object.keys(v).length === 1) {
			if (!this.keys.has(v.param)) this.errors.push(`${this.at}.${field} : paramètre inconnu « ${v.param} ».`);
			return;
		}
		this.errors.push(`${this.at}.${field} : un nombre ou { "param": "clé.du.paramètre" } attendu.`);
	}

	operator(): void {
		this.need(
			'operator',
			OPERATORS.includes(this.c.operator as Operator),
			`opérateur attendu parmi ${OPERATORS.join(' ')}`
		);
	}

	who(extra: readonly string[] = []): void {
		const all = [...WHO, ...extra];
		this.need('who', all.includes(this.c.who as Who), `« who » attendu parmi ${all.join(', ')}`);
	}

	list(field: string, values: readonly unknown[] | null, required: boolean): void {
		const v = this.c[field];
		if (v === undefined) {
			if (required) this.errors.push(`${this.at}.${field} : liste attendue.`);
			return;
		}
		if (!Array.isArray(v) || v.length === 0) {
			this.errors.push(`${this.at}.${field} : liste non vide attendue.`);
			return;
		}
		for (const x of v) {
			if (values ? !values.includes(x) : typeof x !== 'string' || !/^(\d{2,3}|2A|2B)$/.test(x)) {
				this.errors.push(
					`${this.at}.${field} : valeur inconnue « ${String(x)} »${values ? ` (valeurs possibles : ${values.join(', ')})` : ' (numéro de département attendu, par exemple "75" ou "2A")'}.`
				);
			}
		}
	}

	includesOrExcludes(values: readonly string[] | null): void {
		this.list('includes', values, false);
		this.list('excludes', values, false);
		if (this.c.includes === undefined && this.c.excludes === undefined)
			this.errors.push(`${this.at} : « includes » ou « excludes » attendu.`);
	}

	bool(field: string): void {
		this.need(field, typeof this.c[field] === 'boolean', 'true ou false attendu');
	}

	/** A non-empty list of nested conditions. */
	nested(field: string, validate: (x: unknown, where: string) => void): void {
		const v = this.c[field];
		if (!Array.isArray(v) || v.length === 0) this.errors.push(`${this.at}.${field} : liste non vide attendue.`);
		else v.forEach((x, j) => validate(x, `.${field}[${j}]`));
	}
}

type Check = (k: Checker, c: Record<string, unknown>, nested: (x: unknown, where: string) => void) => void;

const comparison: Check = (k) => {
	k.operator();
	k.operand('value');
};
const memberComparison: Check = (k, c, n) => {
	k.who();
	comparison(k, c, n);
};

/** What each condition type requires beyond its `type`. */
const CHECKS: Record<ConditionType, Check> = {
	age: memberComparison,
	disability_rate: memberComparison,
	children: (k, c, n) => {
		k.operand('ageMin', false);
		k.operand('ageBelow', false);
		comparison(k, c, n);
	},
	persons: comparison,
	rfr: comparison,
	savings: comparison,
	couple: (k) => k.bool('value'),
	single_parent: (k) => k.bool('value'),
	housing: (k) => k.includesOrExcludes(HOUSING_STATUSES),
	zone: (k) => k.list('includes', [1, 2, 3], true),
	departement: (k) => k.includesOrExcludes(null),
	activity: (k) => {
		k.who();
		k.includesOrExcludes(ACTIVITIES);
	},
	nationality: (k) => {
		k.who();
		k.includesOrExcludes(NATIONALITY_STATUSES);
	},
	income: (k, c, n) => {
		k.who(['household']);
		k.list('sources', INCOME_KEYS, true);
		comparison(k, c, n);
	},
	member_flag: (k, c) => {
		k.who();
		k.need('field', MEMBER_FLAGS.includes(c.field as MemberFlag), `champ attendu parmi ${MEMBER_FLAGS.join(', ')}`);
		k.bool('value');
	},
	household_flag: (k, c) => {
		k.need(
			'field',
			HOUSEHOLD_FLAGS.includes(c.field as HouseholdFlag),
			`champ attendu parmi ${HOUSEHOLD_FLAGS.join(', ')}`
		);
		k.bool('value');
	},
	month_of_year: (k) => k.list('includes', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], true),
	received: (k, c) =>
		k.need(
			'benefit',
			BENEFIT_IDS.includes(c.benefit as BenefitId),
			`prestation attendue parmi ${BENEFIT_IDS.join(', ')}`
		),
	not: (_k, c, n) => n(c.condition, '.condition'),
	any: (k, _c, n) => k.nested('conditions', n),
	all: (k, _c, n) => k.nested('conditions', n)
};

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
