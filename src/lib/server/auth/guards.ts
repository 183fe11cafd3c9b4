/**
 * Guards used at the top of every load and action: they turn the access module's answers into SvelteKit
 * responses (redirect to login, 404 for anything the actor may not see).
 */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Role } from '../db/schema';
import { may, type HouseholdPermission, type HouseholdScope } from './access';
import type { Actor } from './session';

export function requireActor(event: Pick<RequestEvent, 'locals' | 'url'>): Actor {
	const actor = event.locals.actor;
	if (!actor) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
	return actor;
}

export function requireRole(event: Pick<RequestEvent, 'locals' | 'url'>, ...roles: Role[]): Actor {
	const actor = requireActor(event);
	if (!roles.includes(actor.role)) error(404, 'Page introuvable');
	return actor;
}

/**
 * The household scope of the route (resolved once per request by the hooks) if it carries `permission`;
 * 404 otherwise, so that a household the actor may not see looks like one that does not exist.
 */
export function requireHousehold(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	permission: HouseholdPermission = 'read'
): HouseholdScope {
	requireActor(event);
	const scope = event.locals.scope;
	if (!scope || !may(scope, permission)) error(404, 'Page introuvable');
	return scope;
}

/** The client's address for throttling and the audit log. */
export function clientIp(event: Pick<RequestEvent, 'getClientAddress'>): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}
