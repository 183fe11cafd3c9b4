/**
 * The admin's benefit form (/admin/benefits/[benefit]) to a BenefitDefinition: one line per document or
 * bank phrase, the conditions as JSON (a syntax error is reported with its line), phrases normalised the
 * way bank labels are.
 */
import {
	PAYERS,
	type BenefitDefinition,
	type BenefitId,
	type BenefitPeriod,
	type Condition,
	type Payer
} from '../benefits';
import { normalisePhrases } from './benefit-definitions';

export interface DefinitionFormResult {
	definition: BenefitDefinition;
	note: string;
	/** Problems found before validation (unreadable JSON). */
	problems: string[];
	/** What was typed, to put back in the form. */
	values: Record<string, string | string[]>;
}

function lines(text: string): string[] {
	return text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter((l) => l !== '');
}

/** "Unexpected token } in JSON at position 41" → the line of that position. */
function jsonProblem(text: string, e: unknown): string {
	const message = e instanceof Error ? e.message : String(e);
	const pos = /position (\d+)/.exec(message);
	const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : null;
	return `Conditions : JSON illisible${line ? ` à la ligne ${line}` : ''} (vérifiez les virgules, guillemets et crochets).`;
}

export function definitionFromForm(form: FormData, id: BenefitId): DefinitionFormResult {
	const str = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v.trim() : '';
	};
	const values: Record<string, string | string[]> = {};
	for (const k of new Set(form.keys()))
		values[k] = form.getAll(k).length > 1 ? form.getAll(k).map(String) : String(form.get(k) ?? '');
	const problems: string[] = [];
	let conditions: unknown = [];
	const conditionsText = str('conditions');
	try {
		conditions = conditionsText === '' ? [] : JSON.parse(conditionsText);
	} catch (e) {
		problems.push(jsonProblem(conditionsText, e));
	}
	const payer = str('payer');
	const definition: BenefitDefinition = {
		id,
		label: str('label'),
		description: str('description'),
		payer: payer === '' ? null : (payer as Payer),
		period: str('period') as BenefitPeriod,
		crds: form.get('crds') === 'on',
		paymentThresholdKey: str('paymentThresholdKey') || null,
		claim: { where: str('where'), url: str('url'), how: str('how'), documents: lines(str('documents')) },
		evidence: {
			payers: form
				.getAll('evidencePayers')
				.map(String)
				.filter((p): p is Payer => PAYERS.includes(p as Payer)),
			phrases: normalisePhrases(lines(str('phrases')))
		},
		// Checked by validateDefinition (a list of well-formed conditions) before any use.
		conditions: conditions as Condition[],
		formula: str('formula')
	};
	return { definition, note: str('note'), problems, values };
}
