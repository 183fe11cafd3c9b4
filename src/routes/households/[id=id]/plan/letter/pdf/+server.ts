import { requireHousehold } from '$lib/server/auth/guards';
import { planFeeLetterPdf } from '$lib/server/services/plan-letter';
import { pdfResponse } from '$lib/server/http/pdf-response';
import type { RequestHandler } from './$types';

/** The plan's fee letter as a PDF to print. */
export const GET: RequestHandler = async (event) => {
	const scope = requireHousehold(event, 'read');
	const { pdf, filename } = await planFeeLetterPdf(event.locals.db, scope);
	return pdfResponse(pdf, filename);
};
