/**
 * The budget statement as a PDF for the Banque de France file: one or two A4 pages in black and white,
 * the Cerfa 13594 headings, a star on every line the adviser edited, the totals, the reste à vivre, the
 * seizable part, the RSA of the household and the capacité de remboursement with its formula.
 */
import { formatEur } from '$lib/money';
import { formatDateFr, formatMonthFr } from '$lib/dates';
import { plural } from '$lib/words';
import { PdfWriter, pdfText } from './pdf/writer';
import type { StatementLine } from '../statement/statement';
import type { StatementView } from './statement-service';

const INK = '#000000';
const AMOUNT_WIDTH = 90;

function heading(w: PdfWriter, s: string): void {
	w.keepSpace(60);
	w.doc.moveDown(0.6);
	w.text(s, 'Helvetica-Bold', 12, INK);
	const y = w.doc.y + 1;
	w.doc
		.moveTo(w.left, y)
		.lineTo(w.left + w.width, y)
		.lineWidth(0.6)
		.strokeColor(INK)
		.stroke();
	w.doc.y = y + 4;
}

/** A row: text on the left, amount right-aligned. */
function row(w: PdfWriter, label: string, amount: string, bold = false): void {
	w.keepSpace(16);
	const doc = w.doc;
	const y = doc.y;
	doc
		.font(bold ? 'Helvetica-Bold' : 'Helvetica')
		.fontSize(9.5)
		.fillColor(INK);
	doc.text(pdfText(label), w.left, y, { width: w.width - AMOUNT_WIDTH - 8 });
	const after = doc.y;
	doc.text(pdfText(amount), w.left + w.width - AMOUNT_WIDTH, y, { width: AMOUNT_WIDTH, align: 'right' });
	doc.y = Math.max(after, doc.y) + 1.5;
	doc.x = w.left;
}

function lineLabel(l: StatementLine): string {
	return l.edited ? `${l.label} *` : l.label;
}

export async function renderStatementPdf(
	view: StatementView,
	options: { now: Date; compress?: boolean }
): Promise<Buffer> {
	const s = view.statement;
	const w = new PdfWriter({
		title: `Relevé budgétaire — ${view.household.name}`,
		subject: 'Budget pour un dossier de surendettement',
		now: options.now,
		compress: options.compress
	});
	w.text('Relevé budgétaire', 'Helvetica-Bold', 16, INK);
	w.text(`${view.household.name} — établi le ${formatDateFr(view.asOf)}`, 'Helvetica', 10, INK);
	w.text(
		`Moyennes mensuelles de ${s.months.map(formatMonthFr).join(', ')} ; ${plural(view.adults, 'adulte')}, ${plural(s.dependents, 'personne à charge', 'personnes à charge')}.`,
		'Helvetica',
		10,
		INK
	);
	heading(w, 'Ressources mensuelles');
	for (const l of s.resources.lines) row(w, lineLabel(l), formatEur(l.amount));
	row(w, 'Total des ressources', formatEur(s.resources.total), true);
	heading(w, 'Charges mensuelles');
	for (const l of s.charges.lines) row(w, lineLabel(l), formatEur(l.amount));
	row(w, 'Total des charges', formatEur(s.charges.total), true);
	heading(w, 'Dettes');
	if (s.debts.lines.length === 0) row(w, 'Aucune dette enregistrée', '');
	for (const d of s.debts.lines) {
		const detail = `restant dû ${formatEur(d.outstanding)}, arriérés ${formatEur(d.arrears)}, ${d.status.toLowerCase()}`;
		row(w, `${d.creditor} (${d.kind}) : ${detail}${d.edited ? ' *' : ''}`, formatEur(d.amount));
	}
	row(
		w,
		`Total des mensualités (restant dû ${formatEur(s.debts.outstanding)}, arriérés ${formatEur(s.debts.arrears)})`,
		formatEur(s.debts.instalments),
		true
	);
	heading(w, 'Synthèse');
	row(w, 'Reste à vivre (ressources − charges − mensualités)', formatEur(s.resteAVivre), true);
	row(w, 'RSA (montant forfaitaire) du foyer', formatEur(s.rsaHousehold));
	row(
		w,
		`Quotité saisissable (barème du ${formatDateFr(s.scale.effectiveFrom)}, ${plural(s.dependents, 'personne à charge', 'personnes à charge')})`,
		formatEur(s.seizable)
	);
	row(w, 'Ressources − charges courantes', formatEur(s.capacity.afterLivingBudget));
	row(w, 'Ressources − RSA du foyer', formatEur(s.capacity.aboveRsa));
	row(w, 'Capacité de remboursement', formatEur(s.capacity.value), true);
	w.doc.moveDown(0.4);
	w.text(
		'Capacité de remboursement = le plus petit de : ressources − charges courantes, quotité saisissable, ressources − RSA du foyer (jamais moins de 0 ; C. conso L731-1, L731-2, R731-1). La commission peut retenir un autre montant.',
		'Helvetica',
		8.5,
		INK
	);
	if ([...s.resources.lines, ...s.charges.lines, ...s.debts.lines].some((l) => l.edited))
		w.text('* montant corrigé par le conseiller ou la conseillère.', 'Helvetica', 8.5, INK);
	w.text(`Barème de saisie : ${s.scale.sources.join(' ; ')}`, 'Helvetica', 8, INK);
	return w.finish(
		'Relevé établi avec BGV à partir des relevés de compte ; à joindre au dossier de surendettement (Cerfa n° 13594).'
	);
}

export function statementFilename(view: StatementView, ext: 'pdf' | 'csv'): string {
	return `releve-budgetaire-${view.household.id}-${view.asOf}.${ext}`;
}
