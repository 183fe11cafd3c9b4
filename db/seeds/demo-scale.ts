/**
 * The demo scaled for benchmarks (`bgv seed --demo --households N --months M`): the ordinary demo, then N
 * synthetic households with M months of statements up to yesterday, built from the demo scenarios (salary
 * and CAF credits, rent, energy, phone, insurance, credits, groceries, card payments, withdrawals, incident
 * fees after an overdraft), each amount and day varied by a seeded generator: every run writes the same rows.
 * Half of them are followed by the demo adviser, the others by extra advisers (one per 250 households); all
 * have shared their data, so the caseload shows their figures. Rows are categorised by the real categoriser,
 * keyed by the import's dedupe keys and written in batched INSERTs, 25 households per transaction; then each
 * household's derived figures (benefit alerts, forecast status, caseload row) are refreshed as after an import.
 * Idempotent: households already there are kept, only the missing ones are added.
 */
import type { Db } from '$lib/server/db';
import { rawSqlite } from '$lib/server/db';
import type { ParsedTransaction } from '$lib/server/import';
import { operatorScope } from '$lib/server/auth/access';
import { addDaysIso, dateToIso, isoToDate, today } from '$lib/dates';
import { seededRandom } from '$lib/server/random';
import { createHousehold } from '$lib/server/services/households';
import { recordConsent } from '$lib/server/services/membership';
import { createUser } from '$lib/server/services/users';
import { layersOf, loadCategoriser, type Categoriser } from '$lib/server/services/categoriser';
import { refreshDerived } from '$lib/server/services/derived-status';
import { accountKeys } from '$lib/server/services/import/lookups';
import { kyselyWriter, sqliteWriter, type SharedValues } from '$lib/server/services/import/writers';
import { startOfMonth, subMonths } from 'date-fns';
import { DEMO_PASSWORD, seedDemo, type DemoSeedResult } from './demo';
import { DEMO_SCENARIOS, generateTransactions, type DemoScenario } from './demo-statements';

export interface ScaleOptions {
	households: number;
	months: number;
}

export interface ScaleSeedResult extends DemoSeedResult {
	scaled: { households: number; added: number; transactions: number; seconds: number };
	/** the member of the first synthetic household (password: the demo's) */
	scaleMember: string;
}

export const SCALE_MEMBER = 'menage-1@demo.bgv.fr';
const PER_TRANSACTION = 25;
const PER_ADVISER = 250;
/** card payments and withdrawals this many times as often as in the demo, each smaller: ~50 rows a month */
const VARIABLE_FACTOR = 3.2;
const LAST_NAMES = [
	'Dubois',
	'Durand',
	'Leroy',
	'Moreau',
	'Simon',
	'Laurent',
	'Michel',
	'Garcia',
	'Roux',
	'Fournier',
	'Girard',
	'Bonnet',
	'Dupont',
	'Lambert',
	'Fontaine',
	'Rousseau',
	'Vincent',
	'Muller',
	'Faure',
	'Andre',
	'Mercier',
	'Blanc',
	'Guerin',
	'Boyer',
	'Garnier',
	'Chevalier',
	'Francois',
	'Legrand',
	'Gauthier',
	'Perrin',
	'Robin',
	'Clement'
];
const TITLES = ['Famille', 'M.', 'Mme', 'M. et Mme'];

/** The synthetic household `i` (0-based): its name and its scenario, a demo one with varied amounts. */
export function scaledHousehold(i: number): { name: string; scenario: DemoScenario } {
	const random = seededRandom(50_000 + i);
	const base = DEMO_SCENARIOS[i % DEMO_SCENARIOS.length];
	const factor = 0.8 + random() * 0.4;
	const scale = (c: number) => Math.round(c * factor);
	const name = `${TITLES[i % TITLES.length]} ${LAST_NAMES[Math.floor(i / 4) % LAST_NAMES.length]} n° ${String(i + 1).padStart(4, '0')}`;
	return {
		name,
		scenario: {
			...base,
			household: name,
			accountId: `S${String(i + 1).padStart(9, '0')}`,
			openingBalance: scale(base.openingBalance) - Math.round(random() * 30_000),
			monthly: base.monthly.map((m) => ({ ...m, amount: scale(m.amount) })),
			// the generator charges a fee after half the debits made while overdrawn: one household in three keeps them
			incidents: base.incidents === true && i % 3 === 0,
			// card payments and withdrawals 3.2 times as often as the demo's, smaller, for the same spending: ~50 rows a month
			variable: base.variable.map((v) => ({
				...v,
				perMonth: Math.round(v.perMonth * VARIABLE_FACTOR),
				amount: scale(v.amount / VARIABLE_FACTOR)
			}))
		}
	};
}

function parsed(t: { date: string; amount: number; label: string; id: string }, line: number): ParsedTransaction {
	return {
		line,
		bookingDate: t.date,
		operationDate: null,
		amount: t.amount,
		rawLabel: t.label,
		payee: null,
		memo: null,
		bankId: null
	};
}

interface Context {
	db: Db;
	organisationId: number;
	advisers: number[];
	categorise: Categoriser;
	from: string;
	since: string;
	until: string;
	months: number;
	now: Date;
}

/** Writes one household's account, import batch, transactions and closing balance; returns the row count. */
async function writeStatements(trx: Db, ctx: Context, householdId: number, i: number): Promise<number> {
	const { scenario } = scaledHousehold(i);
	const nowIso = ctx.now.toISOString();
	const txs = generateTransactions(scenario, ctx.from, ctx.months + 1, ctx.until, 70_000 + i, ctx.since);
	const account = await trx
		.insertInto('bank_account')
		.values({
			organisation_id: ctx.organisationId,
			household_id: householdId,
			name: `Compte courant ${scenario.bank}`,
			bank: scenario.bank,
			account_number: scenario.accountId,
			iban: null,
			currency: 'EUR',
			overdraft_limit: null,
			overdraft_rate_bp: null,
			csv_mapping: null,
			created_at: nowIso
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	// the last import: from a few days to two months ago, so that some files look stale in the caseload
	const importedAt = new Date(ctx.now.getTime() - (1 + ((i * 7) % 60)) * 86_400_000).toISOString();
	const batch = await trx
		.insertInto('import_batch')
		.values({
			organisation_id: ctx.organisationId,
			household_id: householdId,
			user_id: null,
			file_name: `releve-${scenario.accountId}.csv`,
			file_sha256: scenario.accountId.padEnd(64, '0'),
			format: 'csv',
			layout: null,
			encoding: 'utf-8',
			imported_count: txs.length,
			duplicate_count: 0,
			summary: null,
			created_at: importedAt
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const rows = txs.map(parsed);
	const keys = accountKeys(account.id, rows);
	const shared: SharedValues = {
		organisationId: ctx.organisationId,
		householdId,
		accountId: account.id,
		batchId: batch.id,
		now: nowIso
	};
	const raw = rawSqlite(ctx.db);
	const writer = raw ? sqliteWriter(raw, shared) : kyselyWriter(trx, shared);
	for (const [k, t] of rows.entries()) {
		const c = ctx.categorise({ rawLabel: t.rawLabel, amount: t.amount, date: t.bookingDate, accountId: account.id });
		const pending = writer.add(t, c, keys[k]);
		if (pending) await pending;
	}
	await writer.flush();
	const closing = txs.reduce((b, t) => b + t.amount, scenario.openingBalance);
	await trx
		.insertInto('account_balance')
		.values({
			organisation_id: ctx.organisationId,
			household_id: householdId,
			account_id: account.id,
			date: ctx.until,
			amount: closing,
			source: 'statement',
			import_batch_id: batch.id,
			created_at: nowIso
		})
		.execute();
	return txs.length;
}

async function ensureAdvisers(
	db: Db,
	organisationId: number,
	demoAdviser: number,
	n: number,
	now: Date
): Promise<number[]> {
	const advisers = [demoAdviser];
	for (let k = 1; k <= Math.ceil(n / PER_ADVISER); k++) {
		const email = `conseiller-${k}@demo.bgv.fr`;
		const found = await db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirst();
		advisers.push(
			found?.id ??
				(await createUser(
					db,
					organisationId,
					{ email, name: `Conseiller ${k}`, role: 'adviser', password: DEMO_PASSWORD },
					null,
					now
				))
		);
	}
	return advisers;
}

/** The adviser of household `i`: every other one is the demo adviser's, the rest go round the extra advisers. */
function adviserOf(advisers: number[], i: number): number {
	return i % 2 === 0 || advisers.length === 1
		? advisers[0]
		: advisers[1 + ((((i - 1) / 2) | 0) % (advisers.length - 1))];
}

export async function seedScaledDemo(db: Db, options: ScaleOptions, now = new Date()): Promise<ScaleSeedResult> {
	const started = performance.now();
	const base = await seedDemo(db, now);
	const organisationId = base.organisationId;
	const advisers = await ensureAdvisers(
		db,
		organisationId,
		base.users['conseillere@demo.bgv.fr'],
		options.households,
		now
	);
	const until = addDaysIso(today(now), -1);
	const since = addDaysIso(dateToIso(subMonths(isoToDate(until), options.months)), 1);
	const ctx: Context = {
		db,
		organisationId,
		advisers,
		now,
		until,
		since,
		months: options.months,
		from: dateToIso(startOfMonth(isoToDate(since))),
		categorise: await loadCategoriser(db, await layersOf(db, base.households['Famille Martin']))
	};
	const existing = new Set(
		(await db.selectFrom('household').select('name').where('organisation_id', '=', organisationId).execute()).map(
			(h) => h.name
		)
	);
	let added = 0;
	let transactions = 0;
	const ids: { id: number; i: number }[] = [];
	for (let i = 0; i < options.households; i++) {
		const { name } = scaledHousehold(i);
		if (existing.has(name)) continue;
		const id = await createHousehold(db, { organisationId, name, adviserId: adviserOf(advisers, i) }, now);
		await recordConsent(db, id, organisationId, null, now);
		ids.push({ id, i });
	}
	for (let k = 0; k < ids.length; k += PER_TRANSACTION) {
		const part = ids.slice(k, k + PER_TRANSACTION);
		transactions += await db.transaction().execute(async (trx) => {
			let n = 0;
			for (const h of part) n += await writeStatements(trx, ctx, h.id, h.i);
			return n;
		});
		added += part.length;
	}
	for (const h of ids) {
		const scope = await operatorScope(db, h.id);
		if (scope) await refreshDerived(db, scope, now);
	}
	await ensureScaleMember(db, organisationId, now);
	const seconds = Math.round((performance.now() - started) / 100) / 10;
	return {
		...base,
		scaled: { households: options.households, added, transactions, seconds },
		scaleMember: SCALE_MEMBER
	};
}

/** A household member of the first synthetic household, for the HTTP bench. */
async function ensureScaleMember(db: Db, organisationId: number, now: Date): Promise<void> {
	const first = await db
		.selectFrom('household')
		.select('id')
		.where('name', '=', scaledHousehold(0).name)
		.executeTakeFirst();
	if (!first) return;
	const found = await db.selectFrom('app_user').select('id').where('email', '=', SCALE_MEMBER).executeTakeFirst();
	const userId =
		found?.id ??
		(await createUser(
			db,
			organisationId,
			{ email: SCALE_MEMBER, name: 'Membre du ménage 1', role: 'household', password: DEMO_PASSWORD },
			null,
			now
		));
	await db
		.insertInto('household_member')
		.values({ household_id: first.id, user_id: userId, organisation_id: organisationId, created_at: now.toISOString() })
		.onConflict((oc) => oc.columns(['household_id', 'user_id']).doNothing())
		.execute();
}
