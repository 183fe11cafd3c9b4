/** Conditions in plain French, for the admin pages and the reasons of a result (see condition-types.ts). */
import type { Activity, HousingStatus, IncomeKey, NationalityStatus } from './types';
import type { Condition, HouseholdFlag, MemberFlag, Operand, Operator, Who } from './condition-types';

const WHO_FR: Record<Who | 'household', string> = {
	applicant: 'le demandeur',
	partner: 'le conjoint',
	any_adult: 'un des adultes',
	all_adults: 'chaque adulte',
	household: 'le foyer'
};

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
export const FLAG_FR: Record<MemberFlag | HouseholdFlag, string> = {
	pregnant: 'enceinte',
	student: 'étudiant',
	scholarship: 'boursier',
	rsdae: 'RSDAE reconnue par la MDPH',
	areExhausted: 'droits au chômage épuisés',
	worked5of10Years: '5 ans de travail dans les 10 dernières années',
	worked2of3Years: '3 214 heures de travail dans les 3 dernières années',
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
			return c.value ? 'vit en couple' : 'vit sans conjoint';
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
