import type { Config } from '$lib/server/config';
import type { Db } from '$lib/server/db';
import type { Actor, SessionInfo } from '$lib/server/auth/session';
import type { HouseholdScope } from '$lib/server/auth/access';

declare global {
	namespace App {
		interface Error {
			message: string;
			errorId?: string;
		}
		interface Locals {
			db: Db;
			config: Config;
			actor: Actor | null;
			session: SessionInfo | null;
			/** the actor's scope on the household of the route (`[id]` of /households and /caseload), once per request */
			scope: HouseholdScope | null;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
