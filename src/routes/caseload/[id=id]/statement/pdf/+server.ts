import { requireHousehold } from '$lib/server/auth/guards';
import { statementPdfFile } from '$lib/server/services/statement-export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const scope = requireHousehold(event, 'write');
	const file = await statementPdfFile(event.locals.db, scope);
	return new Response(new Uint8Array(file.body), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${file.filename}"`,
			'cache-control': 'no-store'
		}
	});
};
