import { requireHousehold } from '$lib/server/auth/guards';
import { planFeeLetterPdf } from '$lib/server/services/plan-letter';
import type { RequestHandler } from './$types';

/** The plan's fee letter as a PDF to print. */
export const GET: RequestHandler = async (event) => {
	const scope = requireHousehold(event, 'read');
	const { pdf, filename } = await planFeeLetterPdf(event.locals.db, scope);
	return new Response(new Uint8Array(pdf), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Content-Length': String(pdf.length),
			'Cache-Control': 'no-store'
		}
	});
};
