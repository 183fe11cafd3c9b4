import { error } from '@sveltejs/kit';
import { requireHousehold } from '$lib/server/auth/guards';
import { NotFoundError } from '$lib/server/services/errors';
import { renderLetterPdf } from '$lib/server/services/fee-letter';
import { letterById } from '$lib/server/services/fees-service';
import { pdfResponse } from '$lib/server/http/pdf-response';
import type { RequestHandler } from './$types';

/** A letter kept in the household's file, as a PDF. */
export const GET: RequestHandler = async (event) => {
	const scope = requireHousehold(event, 'read');
	try {
		const letter = await letterById(event.locals.db, scope, Number(event.params.letter));
		const pdf = await renderLetterPdf(letter.body, { now: new Date(letter.createdAt) });
		return pdfResponse(pdf, `lettre-${letter.id}-${letter.createdAt.slice(0, 10)}.pdf`);
	} catch (e) {
		if (e instanceof NotFoundError) error(404, 'Page introuvable');
		throw e;
	}
};
