/**
 * The professional's quick check as a PDF in French, for the person to take home: benefits to claim (largest
 * first) with where, how and what to bring, then what to check, then what is already received. Only what the
 * result holds is printed (no name, nothing else about the person). Plain TypeScript, no SvelteKit import.
 *
 * The standard PDF fonts (Helvetica) only have the WinAnsi characters: `pdfText` maps the rest (the narrow
 * no-break space of fr-FR number formatting, ≤, →…) to characters they have.
 */
import PDFDocument from 'pdfkit';
import { formatEur, parseMoneyString } from '$lib/money';
import { formatDateFr, formatMonthFr, today } from '$lib/dates';
import { nonRecoursSummary, type BenefitPeriod, type BenefitResult, type BenefitsResult } from '../benefits';

export interface CheckPdfOptions {
	/** The moment of the check (date printed on the PDF); now by default. */
	now?: Date;
	/** Compress the page streams (default true); tests read the text with `compress: false`. */
	compress?: boolean;
}

export const CHECK_PDF_TITLE = 'Vos droits à vérifier';

/** "droits-a-verifier-2026-07-14.pdf" */
export function checkPdfFilename(now: Date = new Date()): string {
	return `droits-a-verifier-${today(now)}.pdf`;
}

/** Unicode code points outside Latin-1 that WinAnsi (and so pdfkit's standard fonts) has. */
const WIN_ANSI_EXTRA = new Set([
	0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x2018,
	0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178
]);

const REPLACEMENTS: Record<string, string> = {
	'\u202f': '\u00a0', // narrow no-break space (fr-FR thousands and before €) → no-break space
	'\u2007': '\u00a0', // figure space
	'\u2009': ' ', // thin space
	'\u200b': '', // zero-width space
	'\u2011': '-', // non-breaking hyphen
	'\u2212': '-', // minus sign
	'\u2264': '<=',
	'\u2265': '>=',
	'\u2260': '<>',
	'\u2248': '~',
	'\u2192': '->',
	'\u21c4': '<->',
	'\u2500': '-',
	'\u03a3': 'somme'
};

function winAnsi(code: number): boolean {
	return code === 0x0a || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(code);
}

/** Text the standard PDF fonts can show: known replacements, accents kept, other letters without their marks. */
export function pdfText(s: string): string {
	let out = '';
	for (const ch of s) {
		const code = ch.codePointAt(0)!;
		if (winAnsi(code)) out += ch;
		else if (ch in REPLACEMENTS) out += REPLACEMENTS[ch];
		else {
			const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
			out += [...base].every((c) => winAnsi(c.codePointAt(0)!)) && base !== '' ? base : '?';
		}
	}
	return out;
}

const per = (p: BenefitPeriod) => (p === 'month' ? 'par mois' : p === 'year' ? 'par an' : 'une fois');
const eur = (s: string) => formatEur(parseMoneyString(s));

/** "573,49 € par mois"; for the CSS "gratuite" or "participation de 14,00 € par mois" (as on the check page). */
function amountText(r: BenefitResult): string {
	if (r.benefit === 'css')
		return r.participation && r.participation !== '0.00'
			? `participation de ${eur(r.participation)} par mois`
			: 'gratuite';
	return r.amount ? `${eur(r.amount)} ${per(r.period)}` : '';
}

const INK = '#1b1f24';
const MUTED = '#4b5563';
const BRAND = '#0b4f6c';
const LINK = '#0a4fa8';
const RULE = '#c9d1da';

/** Renders a benefits result to a PDF (A4, French). */
export async function renderCheckPdf(result: BenefitsResult, options: CheckPdfOptions = {}): Promise<Buffer> {
	const now = options.now ?? new Date();
	const checkDate = formatDateFr(today(now));
	const monthText = formatMonthFr(result.month);
	const summary = nonRecoursSummary(result);
	const byId = new Map(result.results.map((r) => [r.benefit, r]));
	const maybe = result.results.filter((r) => r.status === 'maybe');
	const received = result.results.filter((r) => r.status === 'received' || r.status === 'info');

	const doc = new PDFDocument({
		size: 'A4',
		margins: { top: 56, left: 56, right: 56, bottom: 64 },
		bufferPages: true,
		compress: options.compress ?? true,
		pdfVersion: '1.7',
		lang: 'fr-FR',
		displayTitle: true,
		info: {
			Title: CHECK_PDF_TITLE,
			Subject: `Droits sociaux à vérifier, situation de ${monthText}`,
			Author: 'BGV',
			Creator: 'BGV',
			Producer: 'BGV',
			CreationDate: now,
			ModDate: now
		}
	});
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});

	const left = doc.page.margins.left;
	const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
	const bottomLimit = () => doc.page.height - doc.page.margins.bottom;
	/** Starts a new page when less than `points` are left, so that a heading stays with what follows. */
	const keepSpace = (points: number) => {
		if (doc.y + points > bottomLimit()) doc.addPage();
	};
	const text = (s: string, font = 'Helvetica', size = 10.5, color = INK, opts: PDFKit.Mixins.TextOptions = {}) =>
		doc
			.font(font)
			.fontSize(size)
			.fillColor(color)
			.text(pdfText(s), left, doc.y, { width, ...opts });
	/** "Label : value" with the label in bold. */
	const labelled = (label: string, value: string) => {
		doc
			.font('Helvetica-Bold')
			.fontSize(10.5)
			.fillColor(INK)
			.text(pdfText(`${label} : `), left, doc.y, { width, continued: true });
		doc.font('Helvetica').text(pdfText(value));
	};
	const bullets = (items: string[], color = INK) => {
		for (const item of items) {
			doc.font('Helvetica').fontSize(10.5).fillColor(color);
			const y = doc.y;
			doc.text('\u2022', left + 8, y, { width: 10, lineBreak: false });
			doc.text(pdfText(item), left + 20, y, { width: width - 20 });
		}
		doc.x = left;
	};
	const sectionTitle = (s: string) => {
		keepSpace(80);
		doc.moveDown(0.8);
		text(s, 'Helvetica-Bold', 15, BRAND);
		const y = doc.y + 2;
		doc
			.moveTo(left, y)
			.lineTo(left + width, y)
			.lineWidth(0.8)
			.strokeColor(RULE)
			.stroke();
		doc.y = y + 6;
	};
	const itemTitle = (s: string) => {
		keepSpace(70);
		doc.moveDown(0.5);
		text(s, 'Helvetica-Bold', 12, INK);
		doc.moveDown(0.15);
	};

	// Title and dates
	text(CHECK_PDF_TITLE, 'Helvetica-Bold', 22, BRAND);
	doc.moveDown(0.3);
	text(`Vérification du ${checkDate}, situation évaluée pour le mois de ${monthText}.`, 'Helvetica', 11, MUTED);
	doc.moveDown(0.6);

	// Benefits to claim
	sectionTitle('Droits à demander');
	if (summary.items.length === 0) {
		text("Aucun droit non réclamé n'apparaît avec les réponses données.");
	} else {
		const s = summary.count > 1 ? 's' : '';
		text(`${eur(summary.totalYearly)} par an`, 'Helvetica-Bold', 16, INK);
		text(
			`estimés pour ${summary.count} aide${s} probablement non demandée${s}, de la plus importante à la plus petite.`,
			'Helvetica',
			10.5,
			MUTED
		);
		for (const item of summary.items) {
			const r = byId.get(item.benefit);
			if (!r) continue;
			const amount = amountText(r);
			itemTitle(amount ? `${r.label} : ${amount}` : r.label);
			if (r.interim)
				text(
					"Droit d'attente : à demander en attendant la réponse sur l'autre aide ; il n'est pas compté dans le total.",
					'Helvetica-Oblique',
					10,
					MUTED
				);
			for (const reason of r.reasons) text(reason, 'Helvetica', 9.5, MUTED);
			doc.moveDown(0.3);
			labelled('Où le demander', r.claim.where);
			doc
				.font('Helvetica')
				.fontSize(10.5)
				.fillColor(LINK)
				.text(pdfText(r.claim.url), left, doc.y, { width, link: r.claim.url, underline: true });
			doc.fillColor(INK);
			if (r.claim.how) labelled('Comment', r.claim.how);
			if (r.claim.documents.length) {
				keepSpace(40);
				text('Documents à préparer :', 'Helvetica-Bold');
				bullets(r.claim.documents);
			}
		}
	}

	// To check
	if (maybe.length) {
		sectionTitle('À vérifier');
		text('Ces aides dépendent de réponses à préciser avec la personne ou avec l’organisme.', 'Helvetica', 10.5, MUTED);
		for (const r of maybe) {
			itemTitle(r.amount ? `${r.label} : jusqu'à ${eur(r.amount)} ${per(r.period)}` : r.label);
			const lines = r.questions.length ? r.questions : r.reasons;
			if (r.questions.length) text('Questions à poser :', 'Helvetica-Bold');
			bullets(lines);
			labelled('Où se renseigner', `${r.claim.where} (${r.claim.url})`);
		}
	}

	// Already received
	if (received.length || result.cafCheck?.alert) {
		sectionTitle('Déjà perçu ou automatique');
		bullets(
			received.map(
				(r) =>
					`${r.label}${r.amount ? ` : ${eur(r.amount)} ${per(r.period)}` : ''}${r.evidence.length ? ` (${r.evidence[0]})` : ''}`
			)
		);
		if (result.cafCheck?.alert) text(result.cafCheck.message, 'Helvetica-Oblique', 10, MUTED);
	}

	// Footer on every page: estimates only, the official simulator and the organisations decide.
	const range = doc.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		const bottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		const y = doc.page.height - 46;
		doc
			.moveTo(left, y - 6)
			.lineTo(left + width, y - 6)
			.lineWidth(0.5)
			.strokeColor(RULE)
			.stroke();
		doc
			.font('Helvetica')
			.fontSize(8)
			.fillColor(MUTED)
			.text(
				pdfText(
					`Estimations indicatives établies le ${checkDate} à partir des réponses données : seul l'organisme qui verse l'aide décide. Simulation officielle : mesdroitssociaux.gouv.fr`
				),
				left,
				y,
				{ width: width - 60, lineBreak: true }
			);
		doc.text(`Page ${i - range.start + 1}/${range.count}`, left + width - 55, y, {
			width: 55,
			align: 'right',
			lineBreak: false
		});
		doc.page.margins.bottom = bottom;
	}
	doc.end();
	return done;
}
