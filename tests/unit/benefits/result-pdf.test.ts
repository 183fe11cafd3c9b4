// The quick check's PDF: a real result (questionnaire → engine) rendered to a PDF whose text can be read back.
import { describe, expect, it } from 'vitest';
import { evaluateBenefits, nonRecoursSummary } from '$lib/server/benefits';
import { checkPdfFilename, pdfText, renderCheckPdf } from '$lib/server/services/check-pdf';
import { profileFromForm } from '$lib/server/services/profile-form';
import { formatEur, parseMoneyString } from '$lib/money';
import { pdfAllText as allText, pdfTextLines } from '../../helpers/pdf-text';

function form(fields: Record<string, string | string[]>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
	return f;
}

// The single parent of the e2e quick check: 38, unemployed without benefit, children 8 and 13, rent 550.
const SINGLE_PARENT = form({
	applicantAge: '38',
	applicantActivity: 'unemployed_no_benefit',
	couple: 'no',
	children: '8, 13',
	childSupportUnpaid: 'on',
	housing: 'tenant_private',
	rent: '550',
	zone: '2',
	received: ['af']
});
const NOW = new Date('2026-07-14T10:00:00+02:00');

function result() {
	const q = profileFromForm(SINGLE_PARENT, '2026-07');
	expect(q.errors).toEqual({});
	return evaluateBenefits(q.profile!);
}

describe('renderCheckPdf', () => {
	it('renders a real result as a PDF with its French text', async () => {
		const r = result();
		const pdf = await renderCheckPdf(r, { now: NOW, compress: false });
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(pdf.subarray(-8).toString('latin1')).toMatch(/%%EOF\s*$/);
		// The cross-reference table points inside the file.
		const startxref = Number(/startxref\s+(\d+)/.exec(pdf.toString('latin1'))![1]);
		expect(startxref).toBeGreaterThan(0);
		expect(startxref).toBeLessThan(pdf.length);
		expect(pdf.subarray(startxref, startxref + 4).toString('latin1')).toBe('xref');

		const text = allText(pdf);
		expect(text).toContain('Vos droits à vérifier');
		expect(text).toContain('Vérification du 14/07/2026');
		expect(text).toContain('juillet 2026');
		expect(text).toContain('Droits à demander');
		const summary = nonRecoursSummary(r);
		expect(summary.count).toBeGreaterThan(0);
		// The yearly total in fr-FR format, its spaces as no-break spaces the font has.
		expect(text).toContain(
			`${formatEur(parseMoneyString(summary.totalYearly)).replace(/[\u00a0\u202f]/g, ' ')} par an`
		);
		const rsa = r.results.find((x) => x.benefit === 'rsa')!;
		expect(rsa.status).toBe('eligible');
		expect(text).toContain(
			`${rsa.label} : ${formatEur(parseMoneyString(rsa.amount!)).replace(/[\u00a0\u202f]/g, ' ')} par mois`
		);
		expect(text).toContain('Où le demander');
		expect(text).toContain(rsa.claim.url);
		// a checklist per benefit: the next step, then each document to prepare
		expect(text).toContain('À faire');
		expect(text).toContain(rsa.forHousehold.nextStep.replace(/\s+/g, ' ').slice(0, 20));
		expect(text).toContain(`Préparer : ${rsa.forHousehold.documents[0].replace(/\s+/g, ' ').slice(0, 20)}`);
		expect(text).toContain('Détail du calcul');
		expect(text).toContain('Déjà perçu ou automatique');
		expect(text).toContain('Allocations familiales');
		expect(text).toContain('mesdroitssociaux.gouv.fr');
		// Only WinAnsi characters reach the page: no narrow no-break space or other glyph the font lacks.
		expect(pdfTextLines(pdf).join('')).not.toMatch(/[\u202f\u2009]/);
		// Metadata.
		const raw = pdf.toString('latin1');
		const titleRef = /\/Title (\d+) 0 R/.exec(raw)![1];
		const title = new RegExp(`\\n${titleRef} 0 obj\\n\\(([^]*?)\\)\\nendobj`).exec(raw)![1];
		expect(Buffer.from(title, 'latin1').swap16().toString('utf16le')).toBe('\ufeffVos droits à vérifier');
		expect(raw).toContain('/Lang (fr-FR)');
	});

	it('lists the benefits to check with their questions', async () => {
		const r = result();
		const maybe = r.results.filter((x) => x.status === 'maybe');
		const text = allText(await renderCheckPdf(r, { now: NOW, compress: false }));
		if (maybe.length) {
			expect(text).toContain('À vérifier');
			for (const m of maybe) expect(text).toContain(m.label);
		} else {
			expect(text).not.toContain('À vérifier');
		}
	});

	it('is compressed by default and still holds the same text', async () => {
		const r = result();
		const plain = await renderCheckPdf(r, { now: NOW, compress: false });
		const compressed = await renderCheckPdf(r, { now: NOW });
		expect(compressed.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(compressed.length).toBeLessThan(plain.length);
		expect(allText(compressed)).toBe(allText(plain));
	});

	it('says so when nothing is found', async () => {
		const q = profileFromForm(
			form({
				applicantAge: '45',
				applicantActivity: 'employed',
				applicantSalary: '4 800',
				couple: 'no',
				housing: 'owner',
				zone: '2'
			}),
			'2026-07'
		);
		const text = allText(await renderCheckPdf(evaluateBenefits(q.profile!), { now: NOW, compress: false }));
		expect(text).toContain('Aucun droit non réclamé n’apparaît');
	});

	it('names the organisation, never the person, and restates the answers given', async () => {
		const q = profileFromForm(SINGLE_PARENT, '2026-07');
		const text = allText(
			await renderCheckPdf(evaluateBenefits(q.profile!), {
				now: NOW,
				compress: false,
				organisation: 'CRÉSUS Gironde',
				profile: q.profile!
			})
		);
		expect(text).toContain('Établie avec : CRÉSUS Gironde.');
		expect(text).toContain('Les réponses données');
		expect(text).toContain('La personne : 38 ans ; au chômage, sans indemnité ; aucun revenu déclaré');
		expect(text).toContain('En couple : non');
		expect(text).toContain('Enfants à charge : 2 (8, 13 ans)');
		expect(text).toContain('Pension alimentaire : non versée ou trop faible');
		expect(text).toMatch(/Logement : locataire \(parc privé\), loyer 550,00 € par mois, zone 2/);
		expect(text).toContain('Aides déjà reçues : Allocations familiales');
	});

	it('names the file after the day of the check', () => {
		expect(checkPdfFilename(NOW)).toBe('droits-a-verifier-2026-07-14.pdf');
	});
});

describe('pdfText', () => {
	it('keeps French letters and the euro sign, maps spaces and signs the standard fonts lack', () => {
		expect(pdfText('1\u202f234,56\u00a0€')).toBe('1\u00a0234,56\u00a0€');
		expect(pdfText('Élève, œuvre, « à côté », l’aide — déjà…')).toBe('Élève, œuvre, « à côté », l’aide — déjà…');
		expect(pdfText('revenus ≤ 1 000 → RSA, ≥ 50 %, −3')).toBe('revenus <= 1 000 -> RSA, >= 50 %, -3');
		expect(pdfText('Dvořák ✓')).toBe('Dvorák ?');
	});
});
