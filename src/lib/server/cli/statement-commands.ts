/** `bgv statement`: the over-indebtedness budget statement's figures (--json), its PDF (--pdf) and CSV (--csv). */
import { writeFile } from 'node:fs/promises';
import { centsToString } from '$lib/money';
import { isIsoDate, today } from '$lib/dates';
import { InputError } from '../services/errors';
import { householdStatement, type StatementView } from '../services/statement-service';
import { renderStatementPdf } from '../services/statement-pdf';
import { statementCsv } from '../statement/csv';
import type { StatementLine } from '../statement/statement';
import { householdOption, output, stringOption } from './helpers';
import type { Command } from './types';

const line = (l: StatementLine) => ({
	key: l.key,
	label: l.label,
	amount: centsToString(l.amount),
	computed: centsToString(l.computed),
	edited: l.edited,
	note: l.note,
	transactions: l.transactions.map((t) => t.id)
});

/** The contract's JSON of a statement (money as strings). */
export function statementJson(v: StatementView) {
	const s = v.statement;
	return {
		household: String(v.household.id),
		asOf: v.asOf,
		months: s.months,
		resources: { lines: s.resources.lines.map(line), total: centsToString(s.resources.total) },
		charges: { lines: s.charges.lines.map(line), total: centsToString(s.charges.total) },
		debts: {
			lines: s.debts.lines.map((d) => ({
				...line(d),
				creditor: d.creditor,
				kind: d.kind,
				status: d.status,
				outstanding: centsToString(d.outstanding),
				arrears: centsToString(d.arrears)
			})),
			instalments: centsToString(s.debts.instalments),
			outstanding: centsToString(s.debts.outstanding),
			arrears: centsToString(s.debts.arrears)
		},
		resteAVivre: centsToString(s.resteAVivre),
		dependents: s.dependents,
		seizable: centsToString(s.seizable),
		rsaHousehold: centsToString(s.rsaHousehold),
		capacity: {
			value: centsToString(s.capacity.value),
			resourcesMinusCharges: centsToString(s.capacity.afterLivingBudget),
			seizable: centsToString(s.capacity.seizable),
			resourcesMinusRsa: centsToString(s.capacity.aboveRsa),
			limitedBy: s.capacity.limitedBy,
			formula: s.capacity.formula
		},
		scale: s.scale
	};
}

export const statementCommand: Command = {
	words: ['statement'],
	summary: 'relevé budgétaire pour un dossier de surendettement (chiffres, PDF, CSV)',
	usage: 'statement --household ID [--date YYYY-MM-DD] [--pdf FILE] [--csv FILE] [--json]',
	options: {
		household: { type: 'string', description: 'identifiant du ménage' },
		date: { type: 'string', description: 'date du relevé (défaut : aujourd’hui)' },
		pdf: { type: 'string', description: 'écrit le PDF dans FILE' },
		csv: { type: 'string', description: 'écrit le CSV dans FILE' },
		json: { type: 'boolean', description: 'sortie JSON' }
	},
	async run(ctx) {
		const scope = await householdOption(ctx);
		const date = stringOption(ctx, 'date') ?? today();
		if (!isIsoDate(date)) throw new InputError(`--date attend AAAA-MM-JJ, reçu « ${date} »`, 'date');
		const view = await householdStatement(ctx.handle.db, scope, date);
		const pdf = stringOption(ctx, 'pdf');
		const csv = stringOption(ctx, 'csv');
		if (pdf) await writeFile(pdf, await renderStatementPdf(view, { now: new Date() }));
		if (csv) await writeFile(csv, statementCsv(view.statement, view.household.name), 'utf8');
		const s = view.statement;
		output(ctx, statementJson(view), () =>
			[
				`Relevé budgétaire de ${view.household.name} (${s.months.join(', ')})`,
				`Ressources : ${centsToString(s.resources.total)} ; charges : ${centsToString(s.charges.total)} ; mensualités : ${centsToString(s.debts.instalments)}`,
				`Reste à vivre : ${centsToString(s.resteAVivre)} ; quotité saisissable : ${centsToString(s.seizable)} ; capacité de remboursement : ${centsToString(s.capacity.value)}`,
				...(pdf ? [`PDF écrit : ${pdf}`] : []),
				...(csv ? [`CSV écrit : ${csv}`] : [])
			].join('\n')
		);
	}
};
