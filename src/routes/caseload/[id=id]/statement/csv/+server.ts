import { requireHousehold } from '$lib/server/auth/guards';
import { statementCsvFile } from '$lib/server/services/statement-export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const scope = requireHousehold(event, 'write');
	const file = await statementCsvFile(event.locals.db, scope);
	return new Response(file.body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${file.filename}"`,
			'cache-control': 'no-store'
		}
	});
};
