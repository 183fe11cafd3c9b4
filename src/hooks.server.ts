import { building } from '$app/environment';
import { error, redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { randomUUID } from 'node:crypto';
import { householdScope, may, mayEnterSection } from '$lib/server/auth/access';
import { recordHouseholdVisit } from '$lib/server/services/access-log';
import { clientIp } from '$lib/server/auth/guards';
import { startPeriodicTasks } from '$lib/server/services/periodic';
import { SESSION_COOKIE, validateSession } from '$lib/server/auth/session';
import { appContext } from '$lib/server/app-context';
import { sessionCookieOptions } from '$lib/server/auth/cookie';
import { securityHeaders } from '../scripts/security-headers.js';

export const init: ServerInit = async () => {
	if (building) return;
	const { config, handle } = await appContext();
	startPeriodicTasks(handle.db, config);
};

/** The health check answers before any session or database work (it reports a database that is down). */
const HEALTH_PATH = '/healthz';

const authenticate: Handle = async ({ event, resolve }) => {
	if (event.url.pathname === HEALTH_PATH) return resolve(event);
	const { config, handle } = await appContext();
	event.locals.db = handle.db;
	event.locals.config = config;
	event.locals.actor = null;
	event.locals.session = null;
	event.locals.scope = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const result = await validateSession(handle.db, token, config.sessionDays);
		if (result) {
			event.locals.actor = result.actor;
			event.locals.session = result.session;
			if (result.renewed) {
				event.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(event.url, result.session.expiresAt));
			}
		} else {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}
	return resolve(event);
};

const HOUSEHOLD_ROUTE = /^\/(households|caseload)\/\[id=id\]/;
const PUBLIC_SECTIONS = new Set(['login', 'logout', 'invitation', 'aide', 'healthz', '']);

/** Sends anonymous visitors to the login page and keeps each role inside its sections. */
const authorizeRoute: Handle = async ({ event, resolve }) => {
	const routeId = event.route.id;
	if (routeId === null) return resolve(event);
	const section = routeId.split('/')[1] ?? '';
	if (PUBLIC_SECTIONS.has(section)) return resolve(event);
	const actor = event.locals.actor;
	if (!actor) {
		const target = event.url.pathname + event.url.search;
		redirect(303, `/login?next=${encodeURIComponent(target)}`);
	}
	if (!mayEnterSection(actor, section)) error(404, 'Page introuvable');
	// The household pages (and the adviser's invitation of a member) get their access decision once here.
	if (HOUSEHOLD_ROUTE.test(routeId)) {
		const id = Number(event.params.id);
		event.locals.scope = await householdScope(event.locals.db, actor, id);
		if (!event.locals.scope) error(404, 'Page introuvable');
		// Every read or change of a household's data by someone other than its members goes to its access log.
		if (may(event.locals.scope, 'read'))
			await recordHouseholdVisit(event.locals.db, event.locals.scope, {
				routeId,
				method: event.request.method,
				search: event.url.search,
				isExport: /\/(pdf|csv|export)(\/|$)/.test(routeId),
				ip: clientIp(event)
			});
	}
	return resolve(event);
};

const headersHandle: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of securityHeaders(event.locals.config?.origin)) response.headers.set(name, value);
	if (event.locals.actor) response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

export const handle = sequence(headersHandle, authenticate, authorizeRoute);

export const handleError: HandleServerError = ({ error: e, status }) => {
	const errorId = randomUUID();
	if (status !== 404) console.error(`[${errorId}]`, e);
	return { message: status === 404 ? 'Page introuvable' : 'Une erreur inattendue est survenue.', errorId };
};
