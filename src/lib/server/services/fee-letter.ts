/**
 * The letter to the bank that claims the fees charged above the caps and asks for the offre spécifique:
 * its French text (which the adviser edits before printing) and its PDF. The text is what is printed.
 */
import { formatEur } from '$lib/money';
import { formatDateFr, formatMonthFr, today } from '$lib/dates';
import { FEE_REFERENCES } from '../fees/check';
import { PdfWriter } from './pdf/writer';
import type { Db } from '../db';
import type { HouseholdScope } from '../auth/access';
import { householdFees, listLetters, type FeeOptions, type FeesView, type LetterRow } from './fees-service';

export const FEE_LETTER_TITLE = 'Demande de remboursement de frais bancaires';

/** "reclamation-frais-2026-12-03.pdf" */
export function feeLetterFilename(now: Date = new Date()): string {
	return `reclamation-frais-${today(now)}.pdf`;
}

function monthLines(view: FeesView): string[] {
	return view.check.months
		.filter((m) => m.reclaimable > 0)
		.map((m) => {
			const why = m.breaches.map((b) => b.text).join(' ');
			return `- ${formatMonthFr(m.month)} : ${formatEur(m.incidentTotal)} de frais d'incident prélevés, dont ${formatEur(m.reclaimable)} au-delà des plafonds. ${why}`;
		});
}

function ocfParagraph(view: FeesView): string {
	if (view.options.ocf)
		return `Titulaire de l'offre spécifique destinée aux clients en situation de fragilité financière, je vous rappelle que mes frais d'incident sont plafonnés à 20 € par mois et 200 € par an, et mes commissions d'intervention à 4 € par opération et 20 € par mois (${FEE_REFERENCES.interventionOcf} ; ${FEE_REFERENCES.fragile}).`;
	const why = view.options.fragile
		? 'Les incidents répétés sur mon compte et le niveau de mes ressources font de moi un client en situation de fragilité financière au sens de l’article R312-4-3 du Code monétaire et financier : mes frais d’incident auraient dû être plafonnés à 25 € par mois et 300 € par an.'
		: 'Ma situation relève de la fragilité financière au sens de l’article R312-4-3 du Code monétaire et financier (incidents répétés, faibles ressources).';
	return `${why} Conformément à l’article L312-1-3 du même code, je vous demande de me proposer l’offre spécifique destinée aux clients en situation de fragilité financière, dont le coût est limité à 3 € par mois et les frais d’incident à 20 € par mois et 200 € par an.`;
}

/** The letter's text, ready to be edited. */
export function feeLetterText(view: FeesView, now: Date = new Date()): string {
	const account = view.accounts.find((a) => a.maskedNumber) ?? view.accounts[0];
	const bank = account?.bank ?? '[nom de la banque]';
	const { check } = view;
	const period =
		check.from && check.to ? `de ${formatMonthFr(check.from)} à ${formatMonthFr(check.to)}` : 'sur mes relevés';
	const lines = monthLines(view);
	const claim =
		lines.length > 0
			? [
					'En relisant mes relevés de compte, j’ai relevé des frais d’incident qui dépassent les plafonds fixés par la réglementation :',
					'',
					...lines,
					'',
					`Au total, ${formatEur(check.reclaimable)} ont été prélevés au-delà des plafonds ${period}. Je vous demande de bien vouloir me rembourser cette somme dans les meilleurs délais.`
				]
			: [
					`Mes relevés ${period} font apparaître des frais d’incident répétés. Je vous demande de bien vouloir réexaminer ces frais au regard des plafonds fixés par la réglementation.`
				];
	return [
		view.household.name,
		'[adresse]',
		'',
		`${bank}`,
		'Service clients',
		'[adresse de l’agence]',
		'',
		`Le ${formatDateFr(today(now))}`,
		'',
		'Objet : demande de remboursement de frais bancaires et de l’offre spécifique',
		`Compte : ${account ? (account.maskedNumber ?? account.name) : '[numéro de compte]'}`,
		`Titulaire : ${view.household.name}`,
		'',
		'Madame, Monsieur,',
		'',
		...claim,
		'',
		ocfParagraph(view),
		'',
		'À défaut de réponse satisfaisante dans un délai de deux mois, je saisirai le médiateur de la banque.',
		'',
		'Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.',
		'',
		view.household.name
	].join('\n');
}

export interface LetterPdfOptions {
	now?: Date;
	/** tests read the text with `compress: false` */
	compress?: boolean;
	/** the PDF's title and subject (default: the fee letter's) */
	title?: string;
	subject?: string;
}

/** The letter (its text as edited) as an A4 PDF. */
export async function renderLetterPdf(body: string, options: LetterPdfOptions = {}): Promise<Buffer> {
	const now = options.now ?? new Date();
	const pdf = new PdfWriter({
		title: options.title ?? FEE_LETTER_TITLE,
		subject: options.subject ?? 'Lettre à la banque',
		now,
		compress: options.compress
	});
	for (const paragraph of body.replace(/\r\n/g, '\n').split('\n')) {
		if (paragraph.trim() === '') pdf.doc.moveDown(0.6);
		else pdf.text(paragraph, 'Helvetica', 10.5);
	}
	return pdf.finish(`Lettre préparée avec BGV le ${formatDateFr(today(now))}`);
}

/** What the adviser's fee page shows: the check, the letter's generated text, the letters kept. */
export async function feesPage(
	db: Db,
	scope: HouseholdScope,
	options: FeeOptions,
	now: Date = new Date()
): Promise<{ view: FeesView; draft: string; letters: LetterRow[] }> {
	const view = await householdFees(db, scope, options);
	return { view, draft: feeLetterText(view, now), letters: await listLetters(db, scope) };
}
