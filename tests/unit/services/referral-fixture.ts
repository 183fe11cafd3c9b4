/** Shared set-up of the referral tests: three organisations, one user per role, a quick check's answers. */
import type { DbHandle } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/session';
import type { Role } from '$lib/server/db/schema';
import { createUser } from '$lib/server/services/users';

export const NOW = new Date('2026-12-03T10:00:00Z');
export const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

/** A single parent out of work, renting: the check finds several benefits. */
export const ANSWERS: [string, string][] = [
	['applicantAge', '38'],
	['applicantActivity', 'unemployed_no_benefit'],
	['couple', 'no'],
	['children', '8, 13'],
	['housing', 'tenant_private'],
	['rent', '550'],
	['zone', '2'],
	['received', 'af']
];

export interface World {
	/** the receiving association, its twin, and a professional's organisation that takes no referral */
	orgA: number;
	orgB: number;
	orgC: number;
	pro: Actor;
	otherPro: Actor;
	adviserA: Actor;
	adminA: Actor;
	adviserB: Actor;
	adminB: Actor;
	member: Actor;
}

async function org(h: DbHandle, name: string, accepts: 0 | 1): Promise<number> {
	const row = await h.db
		.insertInto('organisation')
		.values({ name, created_at: NOW.toISOString(), accepts_referrals: accepts })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

async function user(h: DbHandle, organisationId: number, role: Role, email: string): Promise<Actor> {
	const name = `${role} ${email.split('@')[0]}`;
	const id = await createUser(
		h.db,
		organisationId,
		{ email, name, role, password: 'correct horse battery staple' },
		null,
		NOW
	);
	return { id, organisationId, email, name, role };
}

export async function makeWorld(h: DbHandle): Promise<World> {
	const orgA = await org(h, 'CRÉSUS A', 1);
	const orgB = await org(h, 'CRÉSUS B', 1);
	const orgC = await org(h, 'CCAS C', 0);
	return {
		orgA,
		orgB,
		orgC,
		pro: await user(h, orgC, 'professional', 'pro@c.fr'),
		otherPro: await user(h, orgC, 'professional', 'pro2@c.fr'),
		adviserA: await user(h, orgA, 'adviser', 'conseil@a.fr'),
		adminA: await user(h, orgA, 'admin', 'admin@a.fr'),
		adviserB: await user(h, orgB, 'adviser', 'conseil@b.fr'),
		adminB: await user(h, orgB, 'admin', 'admin@b.fr'),
		member: await user(h, orgA, 'household', 'menage@a.fr')
	};
}

/** The check's answers plus the referral's fields. */
export function referralForm(fields: Record<string, string>): FormData {
	const form = new FormData();
	for (const [k, v] of ANSWERS) form.append(k, v);
	for (const [k, v] of Object.entries(fields)) form.append(`referral_${k}`, v);
	return form;
}

export function goodFields(organisation: number, extra: Record<string, string> = {}): Record<string, string> {
	return {
		organisation: String(organisation),
		name: 'Mme Durand',
		email: 'durand@exemple.fr',
		phone: '06 12 34 56 78',
		situation: 'Mère seule de deux enfants, sans emploi depuis six mois, loyer impayé ce mois-ci.',
		urgency: 'urgent',
		consent: 'yes',
		...extra
	};
}
