import { error } from '@sveltejs/kit';
import { requireHousehold } from '$lib/server/auth/guards';
import { feeLetterFilename, renderLetterPdf } from '$lib/server/services/fee-letter';
import { LETTER_MAX_LENGTH } from '$lib/server/services/fees-service';
import { pdfResponse } from '$lib/server/http/pdf-response';
import type { RequestHandler } from './$types';

/** The letter as edited on the fee page (the text posted), as a PDF. */
export const POST: RequestHandler = async (event) => {
	requireHousehold(event, 'read');
	const form = await event.request.formData().catch(() => null);
	const body = String(form?.get('body') ?? '').trim();
	if (body === '' || body.length > LETTER_MAX_LENGTH) error(400, 'Le texte de la lettre est vide ou trop long.');
	const now = new Date();
	const pdf = await renderLetterPdf(body, { now });
	return pdfResponse(pdf, feeLetterFilename(now));
};
