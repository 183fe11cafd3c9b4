import { requireHousehold } from '$lib/server/auth/guards';
import { exportHousehold } from '$lib/server/services/household-export';
import type { RequestHandler } from './$types';

/** The household's data as a zip (JSON and CSV): for its members, and its adviser while consent is given. */
export const GET: RequestHandler = async (event) => {
	const scope = requireHousehold(event, 'read');
	const r = await exportHousehold(event.locals.db, scope);
	return new Response(new Uint8Array(r.zip), {
		headers: {
			'Content-Type': 'application/zip',
			'Content-Disposition': `attachment; filename="${r.fileName}"`,
			'Content-Length': String(r.zip.byteLength),
			'Cache-Control': 'private, no-store'
		}
	});
};
