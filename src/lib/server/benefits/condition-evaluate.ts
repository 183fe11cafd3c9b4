/**
 * Evaluation of the declarative conditions for a household (see condition-types.ts): true, false, or null
 * when an answer needed is missing; a benefit's gate holds when every condition does.
 */
import Decimal from 'decimal.js';
import { centsToDecimal } from '$lib/money';
import type { Facts, ParamReader } from './context';
import type { Member } from './types';
import type { Condition, ConditionType, GateOutcome, Operand, Operator, Tri, Who } from './condition-types';
import { describeCondition, FLAG_FR } from './condition-describe';

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
