/**
 * A second demo association, so that the demo (and the e2e tests) show what one association never sees of
 * another: its own admin and adviser (password `demo-bgv-2026`), no household. Created after the first
 * demo organisation's users, so their ids stay as they were. Idempotent.
 */
import type { Db } from '$lib/server/db';
import { createUser } from '$lib/server/services/users';

export const OTHER_ORGANISATION = 'CRÉSUS Démo (Hauts-de-France)';

export const OTHER_USERS = [
	{ email: 'admin@nord.demo.bgv.fr', name: 'Nora Administratrice', role: 'admin' },
	{ email: 'conseiller@nord.demo.bgv.fr', name: 'Hugo Conseiller', role: 'adviser' }
] as const;

export async function seedOtherOrganisation(db: Db, password: string, now: Date): Promise<number> {
	let org = await db.selectFrom('organisation').select('id').where('name', '=', OTHER_ORGANISATION).executeTakeFirst();
	if (!org)
		org = await db
			.insertInto('organisation')
			.values({ name: OTHER_ORGANISATION, created_at: now.toISOString(), accepts_referrals: 1 })
			.returning('id')
			.executeTakeFirstOrThrow();
	for (const u of OTHER_USERS) {
		const existing = await db.selectFrom('app_user').select('id').where('email', '=', u.email).executeTakeFirst();
		if (!existing) await createUser(db, org.id, { email: u.email, name: u.name, role: u.role, password }, null, now);
	}
	return org.id;
}

/** Referrals in the demo: both demo associations receive them (see services/referrals.ts). */
export async function seedReferralDemo(db: Db, organisationId: number, password: string, now: Date): Promise<void> {
	await db.updateTable('organisation').set({ accepts_referrals: 1 }).where('id', '=', organisationId).execute();
	await seedOtherOrganisation(db, password, now);
}
