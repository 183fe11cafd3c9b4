/**
 * French wording of conditions, used in categorisation explanations ("pourquoi cette catégorie ?")
 * and in validation messages.
 */
import { formatEur } from '$lib/money';
import type { Condition, Field, Operator } from './types';

export const FIELD_LABELS_FR: Record<Field, string> = {
	payee: 'bénéficiaire',
	label: 'libellé',
	operationType: "type d'opération",
	amount: 'montant',
	dayOfMonth: 'jour du mois',
	account: 'compte'
};

const OPERATOR_LABELS_FR: Record<Operator, string> = {
	contains: 'contient',
	startsWith: 'commence par',
	equals: 'est',
	regex: "correspond à l'expression",
	oneOf: "est l'un de",
	sign: 'est un',
	between: 'est entre',
	approx: 'vaut environ',
	gt: 'est supérieur à',
	lt: 'est inférieur à'
};

function quote(s: string): string {
	return `« ${s} »`;
}

function formatValue(c: Condition, v: string | number): string {
	if (c.field === 'amount' && typeof v === 'number' && Number.isSafeInteger(v)) return formatEur(v);
	if (c.op === 'sign') return v === 'credit' || v === '+' ? 'crédit' : 'débit';
	return typeof v === 'number' ? String(v) : quote(v);
}

/** A condition in plain French, e.g. « libellé contient « CARREFOUR » (mot entier) ». */
export function describeCondition(c: Condition): string {
	const field = FIELD_LABELS_FR[c.field] ?? String(c.field);
	const op = OPERATOR_LABELS_FR[c.op] ?? String(c.op);
	let value: string;
	const v = c.value;
	if (Array.isArray(v)) {
		if (c.op === 'between' && v.length === 2) {
			value = `${formatValue(c, v[0])} et ${formatValue(c, v[1])}`;
		} else {
			value = (v as (string | number)[]).map((x) => formatValue(c, x)).join(' ou ');
		}
	} else {
		value = formatValue(c, v);
	}
	let text = `${field} ${op} ${value}`;
	if (c.op === 'approx')
		text += ` (± ${c.tolerance ?? (c.field === 'amount' ? 10 : 2)}${c.field === 'amount' ? ' %' : ' j'})`;
	if (c.wholeWord) text += ' (mot entier)';
	return c.negate ? `non (${text})` : text;
}
