/**
 * The budget statement as CSV for a spreadsheet: UTF-8 with a byte-order mark, `;` separators, French
 * decimals, quotes where needed, and every cell that a spreadsheet would read as a formula (starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return) prefixed with an apostrophe. Pure.
 */
import { centsToString, type Cents } from '$lib/money';
import { formatMonthFr } from '$lib/dates';
import type { BudgetStatement, StatementLine } from './statement';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised against formula injection, quoted when it holds `;`, a quote or a line break. */
export function csvCell(value: string): string {
	const safe = FORMULA_START.test(value) ? `'${value}` : value;
	return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** "1234,56" (no thousands separator, so that spreadsheets read it as a number). */
export function csvAmount(cents: Cents): string {
	return centsToString(cents).replace('.', ',');
}

function row(cells: string[]): string {
	return cells.map(csvCell).join(';');
}

function lineRow(section: string, l: StatementLine, extra: string[] = ['', '', '']): string {
	return row([
		section,
		l.label,
		csvAmount(l.amount),
		...extra,
		l.edited ? 'oui' : 'non',
		l.note ?? '',
		String(l.transactions.length)
	]);
}

export function statementCsv(s: BudgetStatement, household: string): string {
	const rows: string[] = [
		row(['Relevé budgétaire', household]),
		row(['Période', s.months.map(formatMonthFr).join(', ')]),
		row([
			'Rubrique',
			'Ligne',
			'Montant mensuel',
			'Capital restant dû',
			'Arriérés',
			'Statut',
			'Modifié',
			'Note',
			'Opérations'
		])
	];
	for (const l of s.resources.lines) rows.push(lineRow('Ressources', l));
	rows.push(row(['Ressources', 'Total des ressources', csvAmount(s.resources.total)]));
	for (const l of s.charges.lines) rows.push(lineRow('Charges', l));
	rows.push(row(['Charges', 'Total des charges', csvAmount(s.charges.total)]));
	for (const d of s.debts.lines)
		rows.push(lineRow('Dettes', d, [csvAmount(d.outstanding), csvAmount(d.arrears), d.status]));
	rows.push(
		row([
			'Dettes',
			'Total des dettes',
			csvAmount(s.debts.instalments),
			csvAmount(s.debts.outstanding),
			csvAmount(s.debts.arrears)
		])
	);
	rows.push(row(['Synthèse', 'Reste à vivre', csvAmount(s.resteAVivre)]));
	rows.push(row(['Synthèse', 'Quotité saisissable', csvAmount(s.seizable)]));
	rows.push(row(['Synthèse', 'RSA du foyer', csvAmount(s.rsaHousehold)]));
	rows.push(row(['Synthèse', 'Capacité de remboursement', csvAmount(s.capacity.value)]));
	return `\ufeff${rows.join('\r\n')}\r\n`;
}
