/**
 * Validation of a rule coming from the admin or household forms or from the API: checks the shape,
 * the operators allowed per field, values, regexes and category ids, with French messages.
 */
import { foldRegexSource } from './engine';
import {
	FIELDS,
	OPERATIONS_ALLOWED,
	OPERATION_TYPES,
	type Condition,
	type Field,
	type Operator,
	type Rule
} from './rules-schema';

export interface RuleValidationError {
	/** Path of the faulty field, e.g. "conditions[1].value". */
	field: string;
	/** French message for the form. */
	message: string;
}

export interface ValidateOptions {
	/** Category ids that exist (built-in and the organisation's own). Unknown ids are rejected. */
	categoryIds?: Iterable<string>;
	/** Scope to force (the API sets it from the route); otherwise read from the input (default 'household'). */
	scope?: Rule['scope'];
}

const MAX_REGEX_LENGTH = 200;
const MAX_TEXT_LENGTH = 200;

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringList(v: unknown): v is string[] {
	return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x.trim().length > 0);
}

function isPair(v: unknown): v is [number, number] {
	return Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && Number.isFinite(x));
}

function validateCondition(raw: unknown, path: string, errors: RuleValidationError[]): Condition | null {
	if (!isRecord(raw)) {
		errors.push({ field: path, message: 'Condition invalide.' });
		return null;
	}
	const field = raw.field;
	const op = raw.op;
	const value = raw.value;
	if (typeof field !== 'string' || !FIELDS.includes(field as Field)) {
		errors.push({
			field: `${path}.field`,
			message: 'Champ inconnu : choisissez bénéficiaire, libellé, type, montant, jour ou compte.'
		});
		return null;
	}
	const f = field as Field;
	if (typeof op !== 'string' || !OPERATIONS_ALLOWED[f].includes(op as Operator)) {
		errors.push({ field: `${path}.op`, message: `Opérateur « ${String(op)} » impossible pour ce champ.` });
		return null;
	}
	const o = op as Operator;
	const before = errors.length;
	const textual = f === 'payee' || f === 'label';
	if (textual) {
		if (o === 'regex') {
			if (typeof value !== 'string' || value.length === 0)
				errors.push({ field: `${path}.value`, message: 'Expression régulière vide.' });
			else if (value.length > MAX_REGEX_LENGTH)
				errors.push({
					field: `${path}.value`,
					message: `Expression régulière trop longue (${MAX_REGEX_LENGTH} caractères au plus).`
				});
			else {
				try {
					new RegExp(foldRegexSource(value), 'i');
				} catch (e) {
					errors.push({
						field: `${path}.value`,
						message: `Expression régulière invalide : ${e instanceof Error ? e.message : String(e)}`
					});
				}
			}
		} else if (o === 'oneOf' || o === 'contains' || o === 'startsWith') {
			const ok = (o !== 'oneOf' && typeof value === 'string' && value.trim().length > 0) || isStringList(value);
			if (!ok) errors.push({ field: `${path}.value`, message: 'Indiquez un texte (ou une liste de textes) non vide.' });
			else if ((Array.isArray(value) ? value : [value]).some((v) => String(v).length > MAX_TEXT_LENGTH)) {
				errors.push({ field: `${path}.value`, message: `Texte trop long (${MAX_TEXT_LENGTH} caractères au plus).` });
			}
		} else if (typeof value !== 'string' || value.trim().length === 0) {
			errors.push({ field: `${path}.value`, message: 'Indiquez un texte non vide.' });
		}
	} else if (f === 'operationType') {
		const list = o === 'oneOf' ? value : [value];
		if (!Array.isArray(list) || list.length === 0 || !list.every((x) => OPERATION_TYPES.includes(x as never))) {
			errors.push({ field: `${path}.value`, message: "Type d'opération inconnu." });
		}
	} else if (f === 'account') {
		const ok =
			o === 'oneOf'
				? isStringList(value)
				: (typeof value === 'string' && value.length > 0) || typeof value === 'number';
		if (!ok) errors.push({ field: `${path}.value`, message: 'Compte manquant.' });
	} else if (f === 'amount' || f === 'dayOfMonth') {
		const isAmount = f === 'amount';
		if (o === 'sign') {
			if (value !== 'debit' && value !== 'credit')
				errors.push({ field: `${path}.value`, message: 'Le signe doit être « debit » ou « credit ».' });
		} else if (o === 'between') {
			if (!isPair(value) || !value.every((x) => Number.isSafeInteger(x) && x >= 0)) {
				errors.push({
					field: `${path}.value`,
					message: isAmount ? 'Indiquez deux montants positifs en centimes.' : 'Indiquez deux jours entre 1 et 31.'
				});
			}
		} else if (o === 'oneOf') {
			if (!isStringList(value) || !value.every((x) => /^\d{1,2}$/.test(x) && Number(x) >= 1 && Number(x) <= 31)) {
				errors.push({ field: `${path}.value`, message: 'Indiquez des jours entre 1 et 31.' });
			}
		} else if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
			errors.push({
				field: `${path}.value`,
				message: isAmount ? 'Indiquez un montant positif en centimes (entier).' : 'Indiquez un jour entre 1 et 31.'
			});
		} else if (!isAmount && (value < 1 || value > 31)) {
			errors.push({ field: `${path}.value`, message: 'Indiquez un jour entre 1 et 31.' });
		}
	}
	if (
		raw.tolerance !== undefined &&
		(typeof raw.tolerance !== 'number' || !(raw.tolerance >= 0) || raw.tolerance > 100)
	) {
		errors.push({ field: `${path}.tolerance`, message: 'La tolérance doit être un nombre entre 0 et 100.' });
	}
	if (errors.length > before) return null;
	const c: Condition = { field: f, op: o, value: value as Condition['value'] };
	if (raw.negate === true) c.negate = true;
	if (raw.wholeWord === true) c.wholeWord = true;
	if (typeof raw.tolerance === 'number') c.tolerance = raw.tolerance;
	return c;
}

/** Validates and normalises a rule. Returns the clean rule, or French errors per field. */
export function validateRule(
	input: unknown,
	options: ValidateOptions = {}
): { rule: Rule } | { errors: RuleValidationError[] } {
	const errors: RuleValidationError[] = [];
	if (!isRecord(input)) return { errors: [{ field: 'rule', message: 'Règle invalide.' }] };
	const id = input.id;
	if (typeof id !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(id)) {
		errors.push({
			field: 'id',
			message: 'Identifiant invalide (lettres, chiffres, point, tiret ; 100 caractères au plus).'
		});
	}
	const scope = options.scope ?? (input.scope === 'default' ? 'default' : 'household');
	const priority = input.priority ?? 0;
	if (typeof priority !== 'number' || !Number.isInteger(priority) || Math.abs(priority) > 1000) {
		errors.push({ field: 'priority', message: 'La priorité doit être un entier entre -1000 et 1000.' });
	}
	const match = input.match ?? 'all';
	if (match !== 'all' && match !== 'any')
		errors.push({ field: 'match', message: 'Choisissez « toutes » ou « au moins une » condition.' });
	const conditions: Condition[] = [];
	if (!Array.isArray(input.conditions) || input.conditions.length === 0) {
		errors.push({ field: 'conditions', message: 'Ajoutez au moins une condition.' });
	} else if (input.conditions.length > 20) {
		errors.push({ field: 'conditions', message: '20 conditions au plus.' });
	} else {
		input.conditions.forEach((c, i) => {
			const v = validateCondition(c, `conditions[${i}]`, errors);
			if (v) conditions.push(v);
		});
	}
	const actionsIn = isRecord(input.actions) ? input.actions : null;
	const actions: Rule['actions'] = {};
	if (!actionsIn) {
		errors.push({ field: 'actions', message: 'Indiquez au moins une action.' });
	} else {
		const known = options.categoryIds ? new Set(options.categoryIds) : null;
		if (actionsIn.category !== undefined) {
			if (typeof actionsIn.category !== 'string' || actionsIn.category.length === 0) {
				errors.push({ field: 'actions.category', message: 'Catégorie invalide.' });
			} else if (known && !known.has(actionsIn.category)) {
				errors.push({ field: 'actions.category', message: `Catégorie inconnue : « ${actionsIn.category} ».` });
			} else actions.category = actionsIn.category;
		}
		if (actionsIn.payee !== undefined) {
			if (typeof actionsIn.payee !== 'string' || actionsIn.payee.trim().length === 0 || actionsIn.payee.length > 100) {
				errors.push({ field: 'actions.payee', message: 'Bénéficiaire invalide (1 à 100 caractères).' });
			} else actions.payee = actionsIn.payee.trim();
		}
		if (actionsIn.tag !== undefined) {
			if (typeof actionsIn.tag !== 'string' || !/^[\p{L}\p{N}_ -]{1,40}$/u.test(actionsIn.tag)) {
				errors.push({ field: 'actions.tag', message: 'Étiquette invalide (40 caractères au plus).' });
			} else actions.tag = actionsIn.tag;
		}
		if (actionsIn.internalTransfer !== undefined) {
			if (typeof actionsIn.internalTransfer !== 'boolean')
				errors.push({ field: 'actions.internalTransfer', message: 'Valeur oui/non attendue.' });
			else actions.internalTransfer = actionsIn.internalTransfer;
		}
		if (Object.keys(actions).length === 0 && errors.every((e) => !e.field.startsWith('actions'))) {
			errors.push({
				field: 'actions',
				message: 'Indiquez au moins une action (catégorie, bénéficiaire, étiquette ou virement interne).'
			});
		}
	}
	if (input.description !== undefined && (typeof input.description !== 'string' || input.description.length > 500)) {
		errors.push({ field: 'description', message: 'Description trop longue (500 caractères au plus).' });
	}
	if (errors.length > 0) return { errors };
	const rule: Rule = {
		id: id as string,
		scope,
		priority: priority as number,
		match: match as 'all' | 'any',
		conditions,
		actions
	};
	if (input.negate === true) rule.negate = true;
	if (input.enabled === false) rule.enabled = false;
	if (typeof input.description === 'string' && input.description.length > 0) rule.description = input.description;
	return { rule };
}
