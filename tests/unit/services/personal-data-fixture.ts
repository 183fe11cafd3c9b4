/**
 * Two organisations, their staff and households for the personal-data tests: household A (two members, one
 * of whom also belongs to household B; an adviser with consent), household B (no consent for its adviser),
 * and household X of the other organisation. Every date is fixed (today is 2026-12-03).
 */
import type { Actor } from '$lib/server/auth/session';
import type { Db } from '$lib/server/db';
import type { Role } from '$lib/server/db/schema';
import { createHousehold } from '$lib/server/services/households';

export const NOW = new Date('2026-12-03T10:00:00Z');
const AT = '2026-11-20T09:00:00.000Z';

export interface World {
	org: number;
	otherOrg: number;
	a: number;
	b: number;
	x: number;
	actors: Record<
		| 'memberA'
		| 'sharedMember'
		| 'memberB'
		| 'adviser'
		| 'adviserNoConsent'
		| 'professional'
		| 'admin'
		| 'platformAdminOther'
		| 'otherAdmin'
		| 'otherAdviser',
		Actor
	>;
}

async function organisation(db: Db, name: string): Promise<number> {
	const r = await db
		.insertInto('organisation')
		.values({ name, created_at: AT })
		.returning('id')
		.executeTakeFirstOrThrow();
	return r.id;
}

async function user(db: Db, org: number, email: string, name: string, role: Role, platform = false): Promise<Actor> {
	const r = await db
		.insertInto('app_user')
		.values({
			organisation_id: org,
			email,
			name,
			password_hash: 'argon2-hash-secret',
			role,
			active: 1,
			created_at: AT,
			password_changed_at: null,
			platform_admin: platform ? 1 : 0
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return { id: r.id, organisationId: org, email, name, role, platformAdmin: platform };
}

async function member(db: Db, org: number, householdId: number, userId: number): Promise<void> {
	await db
		.insertInto('household_member')
		.values({ household_id: householdId, user_id: userId, organisation_id: org, created_at: AT })
		.execute();
}

async function assign(db: Db, org: number, householdId: number, adviserId: number, consent: boolean): Promise<void> {
	await db
		.insertInto('adviser_assignment')
		.values({ household_id: householdId, adviser_id: adviserId, organisation_id: org, created_at: AT })
		.execute();
	if (consent)
		await db
			.insertInto('consent')
			.values({
				household_id: householdId,
				organisation_id: org,
				given_at: AT,
				given_by: null,
				withdrawn_at: null,
				withdrawn_by: null
			})
			.execute();
}

/** An account and transactions, among them labels a spreadsheet would run as formulas. */
export async function addStatement(db: Db, org: number, householdId: number, labels: string[]): Promise<void> {
	const account = await db
		.insertInto('bank_account')
		.values({
			organisation_id: org,
			household_id: householdId,
			name: 'Compte courant',
			bank: 'La Banque Postale',
			account_number: '0123456A',
			iban: null,
			currency: 'EUR',
			overdraft_limit: 20000,
			overdraft_rate_bp: null,
			csv_mapping: null,
			created_at: AT
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	let i = 0;
	for (const label of labels) {
		i++;
		await db
			.insertInto('bank_transaction')
			.values({
				organisation_id: org,
				household_id: householdId,
				account_id: account.id,
				booking_date: `2026-11-${String(i).padStart(2, '0')}`,
				operation_date: null,
				amount: i % 2 ? -1234 * i : 150000,
				raw_label: label,
				normalised_label: label.toUpperCase(),
				payee: null,
				category_id: 'uncategorised',
				category_source: 'none',
				rule_id: null,
				categorised_by: null,
				categorised_at: null,
				import_batch_id: null,
				dedupe_key: `${householdId}-${i}`,
				bank_id: null,
				created_at: AT,
				tags: null,
				operation_type: null
			})
			.execute();
	}
	await db
		.insertInto('household_profile')
		.values({
			household_id: householdId,
			organisation_id: org,
			profile: JSON.stringify({ adults: 1, children: 2 }),
			updated_at: AT,
			updated_by: null
		})
		.execute();
	await db
		.insertInto('benefit_alert')
		.values({
			organisation_id: org,
			household_id: householdId,
			benefit: 'css',
			status: 'new',
			amount: 4200,
			period: 'month',
			month: '2026-11',
			reasons: JSON.stringify(['Vos ressources sont sous le plafond.']),
			active: 1,
			created_at: AT,
			updated_at: AT,
			updated_by: null
		})
		.execute();
	await db
		.insertInto('audit_log')
		.values({
			organisation_id: org,
			household_id: householdId,
			actor_id: null,
			action: 'import',
			target_type: null,
			target_id: null,
			details: JSON.stringify({ file: 'releve.csv' }),
			ip: '192.0.2.1',
			at: AT
		})
		.execute();
}

export async function buildWorld(db: Db): Promise<World> {
	const org = await organisation(db, 'CRÉSUS Test');
	const otherOrg = await organisation(db, 'Autre association');
	const adviser = await user(db, org, 'conseil@test.fr', 'Claire Conseil', 'adviser');
	const adviserNoConsent = await user(db, org, 'conseil2@test.fr', 'Paul Sansaccord', 'adviser');
	const a = await createHousehold(db, { organisationId: org, name: 'Famille Durand' }, NOW);
	const b = await createHousehold(db, { organisationId: org, name: 'Famille Petit' }, NOW);
	const x = await createHousehold(db, { organisationId: otherOrg, name: 'Famille Ailleurs' }, NOW);
	const memberA = await user(db, org, 'alice.durand@test.fr', 'Alice Durand', 'household');
	const sharedMember = await user(db, org, 'bob.durand@test.fr', 'Bob Durand', 'household');
	const memberB = await user(db, org, 'petit@test.fr', 'Paula Petit', 'household');
	await member(db, org, a, memberA.id);
	await member(db, org, a, sharedMember.id);
	await member(db, org, b, sharedMember.id);
	await member(db, org, b, memberB.id);
	await assign(db, org, a, adviser.id, true);
	// B gave no consent: its adviser sees that it exists, not its data
	await assign(db, org, b, adviserNoConsent.id, false);
	const otherAdviser = await user(db, otherOrg, 'conseil@ailleurs.fr', 'Oscar Ailleurs', 'adviser');
	await assign(db, otherOrg, x, otherAdviser.id, true);
	const actors = {
		memberA,
		sharedMember,
		memberB,
		adviser,
		adviserNoConsent,
		professional: await user(db, org, 'pro@test.fr', 'Pia Pro', 'professional'),
		admin: await user(db, org, 'admin@test.fr', 'Adam Admin', 'admin'),
		platformAdminOther: await user(db, otherOrg, 'plateforme@ailleurs.fr', 'Pat Plateforme', 'admin', true),
		otherAdmin: await user(db, otherOrg, 'admin@ailleurs.fr', 'Ada Ailleurs', 'admin'),
		otherAdviser
	};
	await addStatement(db, org, a, ['=HYPERLINK("http://evil")', '+33 CB', '-2+3', '@SUM(A1)', '\tTAB', 'CARREFOUR']);
	await addStatement(db, org, b, ['LOYER', 'EDF']);
	await addStatement(db, otherOrg, x, ['AILLEURS']);
	return { org, otherOrg, a, b, x, actors };
}
