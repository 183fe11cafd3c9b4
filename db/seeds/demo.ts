/**
 * Demo data: the CRÉSUS demo organisation, one user per role (password `demo-bgv-2026`) and believable
 * households followed by the demo adviser. Idempotent: running it again changes nothing.
 */
import type { Db } from '$lib/server/db';
import { recordConsent } from '$lib/server/services/membership';
import { createHousehold } from '$lib/server/services/households';
import { createUser } from '$lib/server/services/users';
import { importFile } from '$lib/server/services/import-service';
import { operatorScope, type HouseholdScope } from '$lib/server/auth/access';
import { addDaysIso, dateToIso, isoToDate, today } from '$lib/dates';
import { subMonths, startOfMonth } from 'date-fns';
import { DEMO_SCENARIOS, generateTransactions, renderStatement, statementBytes } from './demo-statements';
import { demoProfile } from './demo-profiles';
import { seedDemoCaseFiles } from './demo-case-file';
import { saveProfile } from '$lib/server/services/benefits-service';
import { setManualBalance } from '$lib/server/services/forecast-service';
import { seedReferralDemo } from './other-organisation';

export const DEMO_PASSWORD = 'demo-bgv-2026';
export const DEMO_ORGANISATION = 'CRÉSUS Démo (Île-de-France)';

export const DEMO_USERS = [
	{ email: 'admin@demo.bgv.fr', name: 'Alice Administratrice', role: 'admin' },
	{ email: 'conseillere@demo.bgv.fr', name: 'Claire Conseillère', role: 'adviser' },
	{ email: 'pro@demo.bgv.fr', name: 'Paul Professionnel', role: 'professional' },
	{ email: 'menage@demo.bgv.fr', name: 'Sophie Martin', role: 'household' }
] as const;

/** The demo households: name, situation, and whether they have shared their data with the adviser. */
export const DEMO_HOUSEHOLDS: readonly { name: string; situation: string; consent: boolean }[] = [
	{
		name: 'Famille Martin',
		situation: 'Mère seule avec deux enfants (8 et 13 ans), RSA et allocations familiales, locataire du parc privé',
		consent: true
	},
	{
		name: 'M. et Mme Bernard',
		situation: 'Couple de retraités, petites pensions, propriétaires, dépenses de santé en hausse',
		consent: true
	},
	{
		name: 'Lucas Petit',
		situation: 'Jeune de 23 ans, temps partiel en restauration, découverts fréquents',
		consent: true
	},
	{
		name: 'Famille Nguyen',
		situation: 'Couple avec trois enfants, un salaire, logement social, crédit auto',
		consent: true
	},
	{ name: 'Karim Benali', situation: 'Personne en situation de handicap (AAH), vit seul, loyer élevé', consent: true },
	{
		name: 'M. et Mme Moreau',
		situation: 'Couple en surendettement : quatre crédits renouvelables, dossier Banque de France à préparer',
		consent: true
	},
	{
		name: 'Nadia Haddad',
		situation: 'Aide-soignante, mère seule d’un enfant de 4 ans, pension alimentaire impayée',
		consent: true
	},
	{
		name: 'Julien Garnier',
		situation: 'Demandeur d’emploi indemnisé depuis 10 mois, fin de droits proche',
		consent: true
	},
	{
		name: 'Famille Lefèvre',
		situation: 'Couple d’intérimaires, deux enfants, revenus irréguliers, frais bancaires répétés',
		consent: true
	},
	{
		name: 'Mme Rousseau',
		situation: 'Veuve de 71 ans, petite pension de réversion, minimum vieillesse probablement non demandé',
		consent: true
	},
	{ name: 'Thomas Fontaine', situation: 'Étudiant salarié de 21 ans, APL, budget serré en fin de mois', consent: true },
	{
		name: 'Famille Diallo',
		situation: 'Couple avec quatre enfants, un salaire au SMIC, prime d’activité et complément familial',
		consent: true
	},
	{
		name: 'Mme Girard',
		situation: 'Travailleuse indépendante, revenus en baisse, dettes d’énergie et de loyer',
		consent: false
	},
	{
		name: 'M. Lambert',
		situation: 'Nouvellement orienté par le CCAS, en attente de son accord pour partager ses relevés',
		consent: false
	}
];

export interface DemoSeedResult {
	organisationId: number;
	users: Record<string, number>;
	households: Record<string, number>;
}

async function ensureOrganisation(db: Db, name: string, now: Date): Promise<number> {
	const existing = await db.selectFrom('organisation').select('id').where('name', '=', name).executeTakeFirst();
	if (existing) return existing.id;
	const row = await db
		.insertInto('organisation')
		.values({ name, created_at: now.toISOString() })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function seedDemo(db: Db, now = new Date()): Promise<DemoSeedResult> {
	const organisationId = await ensureOrganisation(db, DEMO_ORGANISATION, now);
	const users: Record<string, number> = {};
	for (const u of DEMO_USERS) {
		const existing = await db.selectFrom('app_user').select('id').where('email', '=', u.email).executeTakeFirst();
		users[u.email] =
			existing?.id ??
			(await createUser(
				db,
				organisationId,
				{ email: u.email, name: u.name, role: u.role, password: DEMO_PASSWORD },
				null,
				now
			));
	}
	// The demo's admin also keeps the shared reference data (a platform admin), so the demo shows every page.
	await db.updateTable('app_user').set({ platform_admin: 1 }).where('id', '=', users['admin@demo.bgv.fr']).execute();
	const adviserId = users['conseillere@demo.bgv.fr'];
	const households: Record<string, number> = {};
	const existing = await db
		.selectFrom('household')
		.select(['id', 'name'])
		.where('organisation_id', '=', organisationId)
		.execute();
	const byName = new Map(existing.map((h) => [h.name, h.id]));
	for (const h of DEMO_HOUSEHOLDS) {
		let id = byName.get(h.name);
		if (id === undefined) {
			id = await createHousehold(db, { organisationId, name: h.name, situation: h.situation, adviserId }, now);
			if (h.consent) await recordConsent(db, id, organisationId, null, now);
		}
		households[h.name] = id;
	}
	const martin = households['Famille Martin'];
	const memberId = users['menage@demo.bgv.fr'];
	await db
		.insertInto('household_member')
		.values({ household_id: martin, user_id: memberId, organisation_id: organisationId, created_at: now.toISOString() })
		.onConflict((oc) => oc.columns(['household_id', 'user_id']).doNothing())
		.execute();
	await seedStatements(db, organisationId, households, now);
	for (const [name, householdId] of Object.entries(households)) {
		const has = await db
			.selectFrom('household_profile')
			.select('household_id')
			.where('household_id', '=', householdId)
			.executeTakeFirst();
		const profile = has ? null : demoProfile(name, today(now).slice(0, 7));
		if (profile) await saveProfile(db, await seedScope(db, householdId), profile, now);
	}
	await seedDemoCaseFiles(db, organisationId, households, adviserId, now);
	await seedReferralDemo(db, organisationId, DEMO_PASSWORD, now);
	return { organisationId, users, households };
}

/** The seed acts as the deployment's operator (it runs from the command line). */
async function seedScope(db: Db, householdId: number): Promise<HouseholdScope> {
	const scope = await operatorScope(db, householdId);
	if (!scope) throw new Error(`demo household ${householdId} not found`);
	return scope;
}

/** How many months of statements each demo household gets. */
export const DEMO_STATEMENT_MONTHS = 14;

/**
 * About 14 months of statements per demo household (the 14 months up to yesterday), written as the file
 * the household's bank exports (its own CSV layout, or OFX: see demo-bank-files.ts) and imported through
 * the import service, once.
 */
async function seedStatements(
	db: Db,
	organisationId: number,
	households: Record<string, number>,
	now: Date
): Promise<void> {
	const until = addDaysIso(today(now), -1);
	const since = addDaysIso(dateToIso(subMonths(isoToDate(until), DEMO_STATEMENT_MONTHS)), 1);
	const from = dateToIso(startOfMonth(isoToDate(since)));
	for (const [i, scenario] of DEMO_SCENARIOS.entries()) {
		const householdId = households[scenario.household];
		if (householdId === undefined) continue;
		const has = await db
			.selectFrom('bank_transaction')
			.select('id')
			.where('household_id', '=', householdId)
			.limit(1)
			.executeTakeFirst();
		if (has) continue;
		const txs = generateTransactions(scenario, from, DEMO_STATEMENT_MONTHS + 1, until, 1000 + i, since);
		const file = renderStatement(scenario, txs, { from: since, to: until });
		const scope = await seedScope(db, householdId);
		const result = await importFile(
			db,
			scope,
			{ fileName: file.fileName, bytes: statementBytes(file), accountName: `Compte courant ${scenario.bank}` },
			{ now }
		);
		if (result.status === 'rejected')
			throw new Error(`demo statement rejected for ${scenario.household}: ${result.error.message}`);
		const gaps = result.accounts.flatMap((a) => a.reconciliation);
		if (gaps.length)
			throw new Error(`demo statement of ${scenario.household} does not reconcile: ${JSON.stringify(gaps)}`);
		// A layout that states no balance (Shine): the adviser notes the balance the household's app shows.
		const account = result.accounts[0];
		if (account?.accountId && account.closingBalance === null) {
			const closing = txs.reduce((b, t) => b + t.amount, scenario.openingBalance);
			await setManualBalance(db, scope, account.accountId, until, closing, now);
		}
	}
}
