import { error } from '@sveltejs/kit';
import { requireHousehold } from '$lib/server/auth/guards';
import { NotFoundError } from '$lib/server/services/errors';
import { planDebitLetterPdf } from '$lib/server/services/plan-debit-letter';
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
		return new Response(new Uint8Array(pdf), {
			headers: {
				'Content-Type': 'application/pdf',
				'Content-Disposition': `attachment; filename="${filename}"`,
				'Content-Length': String(pdf.length),
				'Cache-Control': 'no-store'
			}
		});
	} catch (e) {
		if (e instanceof NotFoundError) error(404, e.message);
		throw e;
	}
};
