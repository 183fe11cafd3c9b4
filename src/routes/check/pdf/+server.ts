import { requireRole } from '$lib/server/auth/guards';
import { checkPdfFilename, renderCheckPdf } from '$lib/server/services/check-pdf';
import { CHECK_ROLES, checkMonth, runQuickCheck } from '$lib/server/services/quick-check';
import { organisationName } from '$lib/server/services/organisation';
import { pdfResponse } from '$lib/server/http/pdf-response';
import type { RequestHandler } from './$types';

const text = (status: number, message: string) =>
	new Response(message, {
		status,
		headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }
	});

/**
 * The quick check's result as a PDF. Nothing is stored, so the result page posts the same answers again; they
 * are read and evaluated exactly as by the page's action, but not counted a second time.
 */
export const POST: RequestHandler = async (event) => {
	const actor = requireRole(event, ...CHECK_ROLES);
	let form: FormData;
	try {
		form = await event.request.formData();
	} catch {
		return text(400, 'Les réponses au questionnaire sont manquantes : refaites la vérification sur /check.');
	}
	const now = new Date();
	const { errors, result, profile } = await runQuickCheck(event.locals.db, form, checkMonth(form, now));
	if (!result || !profile) return text(400, `Certaines réponses sont à corriger : ${Object.values(errors).join(' ')}`);
	const organisation = await organisationName(event.locals.db, actor);
	const pdf = await renderCheckPdf(result, { now, organisation, profile });
	return pdfResponse(pdf, checkPdfFilename(now));
};
