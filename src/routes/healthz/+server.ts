import { json, type RequestHandler } from '@sveltejs/kit';
import { appContext } from '$lib/server/app-context';
import { checkHealth } from '$lib/server/services/health';

/** Process up and database reachable: 200 `{"status":"ok","database":"ok"}`, else 503. No session, no data. */
export const GET: RequestHandler = async () => {
	const health = await checkHealth(async () => (await appContext()).handle.db);
	return json(health, {
		status: health.status === 'ok' ? 200 : 503,
		headers: { 'cache-control': 'no-store' }
	});
};
