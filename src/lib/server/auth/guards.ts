/**
 * Guards used at the top of every load and action: they turn the access module's answers into SvelteKit
 * responses (redirect to login, 404 for anything the actor may not see).
 */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Role } from '../db/schema';
import { canSeeHousehold } from './access';
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

/** The household id of the route if the actor may see that household's data; 404 otherwise. */
export async function requireHousehold(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>
): Promise<{ actor: Actor; householdId: number }> {
	const actor = requireActor(event);
	const householdId = Number((event.params as Record<string, string>).id);
	if (!Number.isSafeInteger(householdId) || !(await canSeeHousehold(event.locals.db, actor, householdId))) {
		error(404, 'Page introuvable');
	}
	return { actor, householdId };
}

/** The client's address for throttling and the audit log. */
export function clientIp(event: Pick<RequestEvent, 'getClientAddress'>): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}
