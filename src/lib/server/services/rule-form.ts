/**
 * Reads the simple rule form (one text condition, an optional sign, the actions) used by the household's
 * and the admin's rule pages, and validates it with the engine's validator (French errors per field).
 */
import { randomBytes } from 'node:crypto';
import { describeCondition, validateRule, type Condition, type Rule } from '../rules';

export interface RuleFormValues {
	field: string;
	op: string;
	value: string;
	sign: string;
	category: string;
	payee: string;
	priority: string;
}

export function ruleFormValues(form: FormData): RuleFormValues {
	const get = (k: string) => String(form.get(k) ?? '').trim();
	return {
		field: get('field') || 'payee',
		op: get('op') || 'contains',
		value: get('value'),
		sign: get('sign'),
		category: get('category'),
		payee: get('payee'),
		priority: get('priority')
	};
}

/** The rule described by the form, or the French errors keyed by form field. */
export function ruleFromForm(
	values: RuleFormValues,
	scope: Rule['scope'],
	categoryIds: Iterable<string>
): { rule: Rule } | { errors: Record<string, string> } {
	const conditions: Condition[] = [];
	if (values.value === '') return { errors: { value: 'Indiquez le texte à rechercher.' } };
	conditions.push({
		field: values.field === 'label' ? 'label' : 'payee',
		op: (['contains', 'startsWith', 'equals'].includes(values.op) ? values.op : 'contains') as Condition['op'],
		value: values.value
	});
	if (values.sign === 'debit' || values.sign === 'credit')
		conditions.push({ field: 'amount', op: 'sign', value: values.sign });
	const actions: Rule['actions'] = {};
	if (values.category) actions.category = values.category;
	if (values.payee) actions.payee = values.payee;
	if (!actions.category && !actions.payee)
		return { errors: { category: 'Choisissez une catégorie ou un nom de bénéficiaire.' } };
	// The server names every new rule: an id chosen by the client could collide with another layer's rule.
	const id = `${scope === 'default' ? 'admin' : 'hh'}.${randomBytes(9).toString('base64url')}`;
	const result = validateRule(
		{
			id,
			scope,
			priority: values.priority ? Number(values.priority) : scope === 'household' ? 10 : 0,
			match: 'all',
			conditions,
			actions,
			description: conditions.map(describeCondition).join(' et ')
		},
		{ scope, categoryIds }
	);
	if ('errors' in result) {
		const errors: Record<string, string> = {};
		for (const e of result.errors) {
			const key = e.field.startsWith('conditions[0]')
				? 'value'
				: e.field.startsWith('actions.category')
					? 'category'
					: e.field.startsWith('priority')
						? 'priority'
						: 'value';
			errors[key] ??= e.message;
		}
		return { errors };
	}
	return { rule: result.rule };
}
