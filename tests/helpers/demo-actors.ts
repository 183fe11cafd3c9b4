import type { Actor } from '$lib/server/auth/session';
import type { Db } from '$lib/server/db';

/** One actor per role of an organisation's users (the demo seed has one of each), keyed by role. */
export async function actorsByRole(db: Db, organisationId: number): Promise<Record<string, Actor>> {
	const rows = await db
		.selectFrom('app_user')
		.select(['id', 'organisation_id', 'email', 'name', 'role'])
		.where('organisation_id', '=', organisationId)
		.execute();
	const actors: Record<string, Actor> = {};
	for (const r of rows)
		actors[r.role] = { id: r.id, organisationId: r.organisation_id, email: r.email, name: r.name, role: r.role };
	return actors;
}
