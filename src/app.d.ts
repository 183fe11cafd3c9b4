import type { Config } from '$lib/server/config';
import type { Db } from '$lib/server/db';
import type { Actor, SessionInfo } from '$lib/server/auth/session';

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
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
