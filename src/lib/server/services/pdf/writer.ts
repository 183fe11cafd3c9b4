/**
 * A small layer over pdfkit for BGV's printed documents (the quick check, the letters, the budget
 * statement): A4, French metadata, the standard fonts, headings that stay with what follows, bullets,
 * "label : value" lines and a footer on every page. Plain TypeScript, no SvelteKit import.
 *
 * The standard PDF fonts (Helvetica) only have the WinAnsi characters: `pdfText` maps the rest (the narrow
 * no-break space of fr-FR number formatting, ≤, →…) to characters they have.
 */
import { createRequire } from 'node:module';
import type PDFKitDocument from 'pdfkit';

// pdfkit and its fonts weigh about 20 MB of a process's memory: loaded when the first document is written,
// not by every process that only imports or serves pages
const load = createRequire(import.meta.url);
let pdfkit: typeof PDFKitDocument | null = null;
function PDFDocument(): typeof PDFKitDocument {
	pdfkit ??= load('pdfkit') as typeof PDFKitDocument;
	return pdfkit;
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

export const PDF_COLOURS = {
	ink: '#1b1f24',
	muted: '#4b5563',
	brand: '#0b4f6c',
	link: '#0a4fa8',
	rule: '#c9d1da'
} as const;

export interface PdfOptions {
	title: string;
	subject: string;
	/** the moment of the document (metadata) */
	now: Date;
	/** compress the page streams (default true); tests read the text with `compress: false` */
	compress?: boolean;
}

/** A document being written, and the promise of its bytes once `finish` is called. */
export class PdfWriter {
	readonly doc: PDFKit.PDFDocument;
	readonly left: number;
	readonly width: number;
	readonly #done: Promise<Buffer>;

	constructor(options: PdfOptions) {
		this.doc = new (PDFDocument())({
			size: 'A4',
			margins: { top: 56, left: 56, right: 56, bottom: 64 },
			bufferPages: true,
			compress: options.compress ?? true,
			pdfVersion: '1.7',
			lang: 'fr-FR',
			displayTitle: true,
			info: {
				Title: options.title,
				Subject: options.subject,
				Author: 'BGV',
				Creator: 'BGV',
				Producer: 'BGV',
				CreationDate: options.now,
				ModDate: options.now
			}
		});
		const chunks: Buffer[] = [];
		this.doc.on('data', (c: Buffer) => chunks.push(c));
		this.#done = new Promise<Buffer>((resolve, reject) => {
			this.doc.on('end', () => resolve(Buffer.concat(chunks)));
			this.doc.on('error', reject);
		});
		this.left = this.doc.page.margins.left;
		this.width = this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
	}

	/** Starts a new page when less than `points` are left, so that a heading stays with what follows. */
	keepSpace(points: number): void {
		if (this.doc.y + points > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
	}

	text(
		s: string,
		font = 'Helvetica',
		size = 10.5,
		color: string = PDF_COLOURS.ink,
		opts: PDFKit.Mixins.TextOptions = {}
	): void {
		this.doc
			.font(font)
			.fontSize(size)
			.fillColor(color)
			.text(pdfText(s), this.left, this.doc.y, { width: this.width, ...opts });
	}

	/** "Label : value" with the label in bold. */
	labelled(label: string, value: string): void {
		this.doc
			.font('Helvetica-Bold')
			.fontSize(10.5)
			.fillColor(PDF_COLOURS.ink)
			.text(pdfText(`${label} : `), this.left, this.doc.y, { width: this.width, continued: true });
		this.doc.font('Helvetica').text(pdfText(value));
	}

	link(url: string): void {
		this.doc
			.font('Helvetica')
			.fontSize(10.5)
			.fillColor(PDF_COLOURS.link)
			.text(pdfText(url), this.left, this.doc.y, { width: this.width, link: url, underline: true });
		this.doc.fillColor(PDF_COLOURS.ink);
	}

	bullets(items: string[], color: string = PDF_COLOURS.ink): void {
		for (const item of items) {
			this.doc.font('Helvetica').fontSize(10.5).fillColor(color);
			const y = this.doc.y;
			this.doc.text('\u2022', this.left + 8, y, { width: 10, lineBreak: false });
			this.doc.text(pdfText(item), this.left + 20, y, { width: this.width - 20 });
		}
		this.doc.x = this.left;
	}

	/** Items with an empty box to tick by hand. */
	checklist(items: string[]): void {
		for (const item of items) {
			this.doc.font('Helvetica').fontSize(10.5).fillColor(PDF_COLOURS.ink);
			const y = this.doc.y;
			this.doc
				.rect(this.left + 6, y + 1.5, 8, 8)
				.lineWidth(0.8)
				.strokeColor(PDF_COLOURS.ink)
				.stroke();
			this.doc.text(pdfText(item), this.left + 20, y, { width: this.width - 20 });
		}
		this.doc.x = this.left;
	}

	/** A section heading with a rule under it. */
	section(s: string): void {
		this.keepSpace(80);
		this.doc.moveDown(0.8);
		this.text(s, 'Helvetica-Bold', 15, PDF_COLOURS.brand);
		const y = this.doc.y + 2;
		this.doc
			.moveTo(this.left, y)
			.lineTo(this.left + this.width, y)
			.lineWidth(0.8)
			.strokeColor(PDF_COLOURS.rule)
			.stroke();
		this.doc.y = y + 6;
	}

	/** The title of one item of a section. */
	item(s: string): void {
		this.keepSpace(70);
		this.doc.moveDown(0.5);
		this.text(s, 'Helvetica-Bold', 12, PDF_COLOURS.ink);
		this.doc.moveDown(0.15);
	}

	/** Writes `note` and the page number at the bottom of every page, then ends the document. */
	finish(note: string): Promise<Buffer> {
		const doc = this.doc;
		const range = doc.bufferedPageRange();
		for (let i = range.start; i < range.start + range.count; i++) {
			doc.switchToPage(i);
			const bottom = doc.page.margins.bottom;
			doc.page.margins.bottom = 0;
			const y = doc.page.height - 46;
			doc
				.moveTo(this.left, y - 6)
				.lineTo(this.left + this.width, y - 6)
				.lineWidth(0.5)
				.strokeColor(PDF_COLOURS.rule)
				.stroke();
			doc
				.font('Helvetica')
				.fontSize(8)
				.fillColor(PDF_COLOURS.muted)
				.text(pdfText(note), this.left, y, { width: this.width - 60, lineBreak: true });
			doc.text(`Page ${i - range.start + 1}/${range.count}`, this.left + this.width - 55, y, {
				width: 55,
				align: 'right',
				lineBreak: false
			});
			doc.page.margins.bottom = bottom;
		}
		doc.end();
		return this.#done;
	}
}
