/** Foundation commands: migrate, seed, household and user management. */
import { seedDemo, DEMO_PASSWORD, DEMO_USERS } from '$db/seeds/demo';
import { seedScaledDemo } from '$db/seeds/demo-scale';
import { migrateToLatest } from '../db/migrate';
import { InputError } from '../services/errors';
import { createHousehold } from '../services/households';
import { createUser } from '../services/users';
import type { Role } from '../db/schema';
import { output, stringOption } from './helpers';
import type { CliContext, Command } from './types';

const json = { type: 'boolean', description: 'sortie JSON sur stdout' } as const;

/** The organisation named by --organisation (id), else the only one, else a new default one. */
async function organisationFor(ctx: CliContext): Promise<number> {
	const db = ctx.handle.db;
	const raw = stringOption(ctx, 'organisation');
	if (raw !== undefined) {
		const row = await db.selectFrom('organisation').select('id').where('id', '=', Number(raw)).executeTakeFirst();
		if (!row) throw new InputError(`association ${raw} inconnue`, 'organisation');
		return row.id;
	}
	const rows = await db.selectFrom('organisation').select('id').orderBy('id').limit(2).execute();
	if (rows.length === 1) return rows[0].id;
	if (rows.length > 1)
		throw new InputError('plusieurs associations existent : précisez --organisation ID', 'organisation');
	const created = await db
		.insertInto('organisation')
		.values({ name: 'CRÉSUS', created_at: new Date().toISOString() })
		.returning('id')
		.executeTakeFirstOrThrow();
	return created.id;
}

/** A whole number option within [min, max]. */
function countOption(ctx: CliContext, name: string, fallback: number, min: number, max: number): number {
	const raw = stringOption(ctx, name);
	const n = raw === undefined ? fallback : Number(raw);
	if (!Number.isInteger(n) || n < min || n > max)
		throw new InputError(`--${name} : un nombre entier de ${min} à ${max}`, name);
	return n;
}

/** `seed --demo --households N --months M`: the demo plus N synthetic households (see db/seeds/demo-scale.ts). */
async function seedScaled(ctx: CliContext): Promise<void> {
	const households = countOption(ctx, 'households', 1000, 0, 100_000);
	const months = countOption(ctx, 'months', 24, 1, 120);
	const result = await seedScaledDemo(ctx.handle.db, { households, months });
	output(
		ctx,
		{
			organisationId: result.organisationId,
			users: result.users,
			households: result.households,
			scaled: result.scaled
		},
		() =>
			`Démo à l’échelle : ${result.scaled.added} ménages ajoutés (${result.scaled.households} demandés), ${result.scaled.transactions} opérations, ${result.scaled.seconds} s.`
	);
}

export const coreCommands: Command[] = [
	{
		words: ['migrate'],
		summary: 'applique les migrations en attente (idempotent)',
		usage: 'migrate [--json]',
		options: { json },
		async run(ctx) {
			// openDatabase already migrated; a second pass reports nothing pending.
			const applied = await migrateToLatest(ctx.handle.db);
			output(ctx, { applied, dialect: ctx.handle.dialect }, () =>
				applied.length ? `Migrations appliquées : ${applied.join(', ')}` : `Base à jour (${ctx.handle.dialect}).`
			);
		}
	},
	{
		words: ['seed'],
		summary: 'données de démonstration (association, utilisateurs, ménages) ; idempotent',
		usage: 'seed --demo [--households N --months M] [--json]',
		options: {
			demo: { type: 'boolean', description: 'les données de démonstration' },
			households: { type: 'string', description: 'ajoute N ménages synthétiques (bancs d’essai)' },
			months: { type: 'string', description: 'mois de relevés de chaque ménage synthétique (24 par défaut)' },
			e2e: { type: 'boolean', description: 'les données des tests de bout en bout (identiques à --demo)' },
			json
		},
		async run(ctx) {
			if (!ctx.options.demo && !ctx.options.e2e) throw new InputError('précisez --demo', 'demo');
			if (stringOption(ctx, 'households') !== undefined) return seedScaled(ctx);
			const result = await seedDemo(ctx.handle.db);
			output(ctx, { organisationId: result.organisationId, users: result.users, households: result.households }, () =>
				[
					`Démo prête : ${Object.keys(result.households).length} ménages.`,
					`Comptes (mot de passe ${DEMO_PASSWORD}) :`,
					...DEMO_USERS.map((u) => `  ${u.email} (${u.role})`)
				].join('\n')
			);
		}
	},
	{
		words: ['household', 'create'],
		summary: 'crée un ménage',
		usage: 'household create --name NOM [--situation TEXTE] [--adviser EMAIL] [--organisation ID] [--json]',
		options: {
			name: { type: 'string', description: 'nom du ménage' },
			situation: { type: 'string', description: 'situation en quelques mots' },
			adviser: { type: 'string', description: 'e-mail du conseiller qui le suit' },
			organisation: { type: 'string', description: "identifiant de l'association" },
			json
		},
		async run(ctx) {
			const name = stringOption(ctx, 'name', true);
			const organisationId = await organisationFor(ctx);
			let adviserId: number | null = null;
			const adviserEmail = stringOption(ctx, 'adviser');
			if (adviserEmail) {
				const row = await ctx.handle.db
					.selectFrom('app_user')
					.select('id')
					.where('email', '=', adviserEmail.trim().toLowerCase())
					.where('role', '=', 'adviser')
					.executeTakeFirst();
				if (!row) throw new InputError(`conseiller ${adviserEmail} inconnu`, 'adviser');
				adviserId = row.id;
			}
			const id = await createHousehold(ctx.handle.db, {
				organisationId,
				name,
				situation: stringOption(ctx, 'situation') ?? null,
				adviserId
			});
			output(ctx, { id: String(id) }, () => `Ménage créé : ${id}`);
		}
	},
	{
		words: ['household', 'list'],
		summary: 'liste les ménages',
		usage: 'household list [--json]',
		options: { json },
		async run(ctx) {
			const rows = await ctx.handle.db
				.selectFrom('household')
				.select(['id', 'name', 'organisation_id'])
				.orderBy('id')
				.execute();
			output(
				ctx,
				{ households: rows.map((r) => ({ id: String(r.id), name: r.name, organisation: String(r.organisation_id) })) },
				() => rows.map((r) => `${r.id}\t${r.name}`).join('\n') || 'Aucun ménage.'
			);
		}
	},
	{
		words: ['user', 'create'],
		summary: "crée un compte d'équipe (conseiller, professionnel, administrateur)",
		usage:
			'user create --email E --name N --role adviser|professional|admin [--organisation ID] [--json]  (mot de passe lu dans BGV_PASSWORD)',
		options: {
			email: { type: 'string', description: 'adresse e-mail' },
			name: { type: 'string', description: 'nom affiché' },
			role: { type: 'string', description: 'adviser, professional ou admin' },
			organisation: { type: 'string', description: "identifiant de l'association" },
			json
		},
		async run(ctx) {
			const role = stringOption(ctx, 'role', true) as Role;
			if (!['adviser', 'professional', 'admin'].includes(role))
				throw new InputError('--role : adviser, professional ou admin', 'role');
			const password = process.env.BGV_PASSWORD;
			if (!password)
				throw new InputError(
					'donnez le mot de passe dans la variable BGV_PASSWORD (jamais sur la ligne de commande)',
					'password'
				);
			const organisationId = await organisationFor(ctx);
			const id = await createUser(
				ctx.handle.db,
				organisationId,
				{
					email: stringOption(ctx, 'email', true),
					name: stringOption(ctx, 'name', true),
					role,
					password
				},
				null
			);
			output(ctx, { id: String(id) }, () => `Compte créé : ${id}`);
		}
	}
];
