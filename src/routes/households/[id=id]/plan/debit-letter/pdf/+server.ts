import { error } from '@sveltejs/kit';
import { requireHousehold } from '$lib/server/auth/guards';
import { NotFoundError } from '$lib/server/services/errors';
import { planDebitLetterPdf } from '$lib/server/services/plan-debit-letter';
import { pdfResponse } from '$lib/server/http/pdf-response';
import type { RequestHandler } from './$types';

/** The plan's letter to move a direct debit, as a PDF to print. */
export const GET: RequestHandler = async (event) => {
	const scope = requireHousehold(event, 'read');
	try {
		const { pdf, filename } = await planDebitLetterPdf(
			event.locals.db,
			scope,
			event.url.searchParams.get('serie') ?? ''
		);
		return pdfResponse(pdf, filename);
	} catch (e) {
		if (e instanceof NotFoundError) error(404, e.message);
		throw e;
	}
};
