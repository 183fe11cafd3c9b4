/**
 * The professional's quick check as a PDF in French, for the person to take home: benefits to claim (largest
 * first) with where, how and what to bring, then what to check, then what is already received. Only what the
 * result holds is printed (no name, nothing else about the person).
 */
import { formatEur, parseMoneyString } from '$lib/money';
import { formatDateFr, formatMonthFr, today } from '$lib/dates';
import {
	nonRecoursSummary,
	type BenefitPeriod,
	type BenefitResult,
	type BenefitsResult,
	type HouseholdProfile
} from '../benefits';
import { profileAnswers } from '../benefits/answers';
import { PDF_COLOURS, PdfWriter } from './pdf/writer';

export { pdfText } from './pdf/writer';

export interface CheckPdfOptions {
	/** The moment of the check (date printed on the PDF); now by default. */
	now?: Date;
	/** Compress the page streams (default true); tests read the text with `compress: false`. */
	compress?: boolean;
	/** The organisation that ran the check, printed under the title (never the person's name). */
	organisation?: string;
	/** The answers given, restated at the end. */
	profile?: HouseholdProfile;
}

export const CHECK_PDF_TITLE = 'Vos droits à vérifier';

/** "droits-a-verifier-2026-07-14.pdf" */
export function checkPdfFilename(now: Date = new Date()): string {
	return `droits-a-verifier-${today(now)}.pdf`;
}

const per = (p: BenefitPeriod) => (p === 'month' ? 'par mois' : p === 'year' ? 'par an' : 'une fois');
const eur = (s: string) => formatEur(parseMoneyString(s));
const { muted: MUTED, ink: INK } = PDF_COLOURS;

/** "573,49 € par mois"; for the CSS "gratuite" or "participation de 14,00 € par mois" (as on the check page). */
function amountText(r: BenefitResult): string {
	if (r.benefit === 'css')
		return r.participation && r.participation !== '0.00'
			? `participation de ${eur(r.participation)} par mois`
			: 'gratuite';
	return r.amount ? `${eur(r.amount)} ${per(r.period)}` : '';
}

/** One benefit to claim: amount, why, where and how, documents. */
function claimItem(pdf: PdfWriter, r: BenefitResult): void {
	const amount = amountText(r);
	pdf.item(amount ? `${r.label} : ${amount}` : r.label);
	if (r.interim)
		pdf.text(
			'Droit d’attente : à demander en attendant la réponse sur l’autre aide ; il n’est pas compté dans le total.',
			'Helvetica-Oblique',
			10,
			MUTED
		);
	const h = r.forHousehold;
	if (h.summary) pdf.text(h.summary);
	pdf.doc.moveDown(0.3);
	pdf.labelled('Où le demander', r.claim.where);
	pdf.link(h.link?.url ?? r.claim.url);
	if (r.claim.how) pdf.labelled('Comment', r.claim.how);
	pdf.keepSpace(40);
	pdf.text('À faire :', 'Helvetica-Bold');
	pdf.checklist([
		...(h.nextStep ? [h.nextStep] : []),
		...(h.documents.length ? h.documents : r.claim.documents).map((d) => `Préparer : ${d}`)
	]);
	pdf.doc.moveDown(0.2);
	pdf.text('Détail du calcul :', 'Helvetica-Bold', 9.5, MUTED);
	for (const reason of r.reasons) pdf.text(reason, 'Helvetica', 9.5, MUTED);
}

/** The answers the estimate rests on. */
function answersSection(pdf: PdfWriter, profile: HouseholdProfile): void {
	pdf.section('Les réponses données');
	for (const a of profileAnswers(profile)) pdf.labelled(a.label, a.value);
}

function claimSection(pdf: PdfWriter, result: BenefitsResult): void {
	const summary = nonRecoursSummary(result);
	const byId = new Map(result.results.map((r) => [r.benefit, r]));
	pdf.section('Droits à demander');
	if (summary.items.length === 0) {
		pdf.text('Aucun droit non réclamé n’apparaît avec les réponses données.');
		return;
	}
	const s = summary.count > 1 ? 's' : '';
	pdf.text(`${eur(summary.totalYearly)} par an`, 'Helvetica-Bold', 16, INK);
	pdf.text(
		`estimés pour ${summary.count} aide${s} probablement non demandée${s}, de la plus importante à la plus petite.`,
		'Helvetica',
		10.5,
		MUTED
	);
	for (const item of summary.items) {
		const r = byId.get(item.benefit);
		if (r) claimItem(pdf, r);
	}
}

function checkSection(pdf: PdfWriter, result: BenefitsResult): void {
	const maybe = result.results.filter((r) => r.status === 'maybe');
	if (!maybe.length) return;
	pdf.section('À vérifier');
	pdf.text(
		'Ces aides dépendent de réponses à préciser avec la personne ou avec l’organisme.',
		'Helvetica',
		10.5,
		MUTED
	);
	for (const r of maybe) {
		pdf.item(r.amount ? `${r.label} : jusqu’à ${eur(r.amount)} ${per(r.period)}` : r.label);
		if (r.questions.length) pdf.text('Questions à poser :', 'Helvetica-Bold');
		pdf.bullets(r.questions.length ? r.questions : r.reasons);
		pdf.labelled('Où se renseigner', `${r.claim.where} (${r.claim.url})`);
	}
}

function receivedSection(pdf: PdfWriter, result: BenefitsResult): void {
	const received = result.results.filter((r) => r.status === 'received' || r.status === 'info');
	if (!received.length && !result.cafCheck?.alert) return;
	pdf.section('Déjà perçu ou automatique');
	pdf.bullets(
		received.map(
			(r) =>
				`${r.label}${r.amount ? ` : ${eur(r.amount)} ${per(r.period)}` : ''}${r.evidence.length ? ` (${r.evidence[0]})` : ''}`
		)
	);
	if (result.cafCheck?.alert) pdf.text(result.cafCheck.message, 'Helvetica-Oblique', 10, MUTED);
}

/** Renders a benefits result to a PDF (A4, French). */
export async function renderCheckPdf(result: BenefitsResult, options: CheckPdfOptions = {}): Promise<Buffer> {
	const now = options.now ?? new Date();
	const checkDate = formatDateFr(today(now));
	const monthText = formatMonthFr(result.month);
	const pdf = new PdfWriter({
		title: CHECK_PDF_TITLE,
		subject: `Droits sociaux à vérifier, situation de ${monthText}`,
		now,
		compress: options.compress
	});
	pdf.text(CHECK_PDF_TITLE, 'Helvetica-Bold', 22, PDF_COLOURS.brand);
	pdf.doc.moveDown(0.3);
	pdf.text(`Vérification du ${checkDate}, situation évaluée pour le mois de ${monthText}.`, 'Helvetica', 11, MUTED);
	if (options.organisation) pdf.text(`Établie avec : ${options.organisation}.`, 'Helvetica', 11, MUTED);
	pdf.doc.moveDown(0.6);
	claimSection(pdf, result);
	checkSection(pdf, result);
	receivedSection(pdf, result);
	if (options.profile) answersSection(pdf, options.profile);
	// Estimates only: the official simulator and the organisations decide.
	return pdf.finish(
		`Estimations indicatives établies le ${checkDate} à partir des réponses données : seul l’organisme qui verse l’aide décide. Simulation officielle : mesdroitssociaux.gouv.fr`
	);
}
