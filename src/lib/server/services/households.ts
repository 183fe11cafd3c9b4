/**
 * Households: creation, the adviser's caseload, one household's overview, consent. Reads of a household's
 * data go through the access module; a household the actor may not see is "not found", never its data.
 */
import type { Db } from '../db';
import { ensureDerived, ensureOrganisationDerived } from './derived-refresh';
import type { Actor } from '../auth/session';
import { caseloadScopes, may, requirePermission, type HouseholdScope } from '../auth/access';
import { audit } from './audit';
import { InputError, NotFoundError } from './errors';

export function checkHouseholdName(name: string): string {
	const n = name.trim().replace(/\s+/g, ' ');
	if (n.length < 2) throw new InputError('Saisissez le nom du ménage (au moins 2 caractères).', 'name');
	if (n.length > 120) throw new InputError('Le nom est trop long (120 caractères au plus).', 'name');
	return n;
}

/** Creates a household in an organisation, optionally assigned to an adviser. */
export async function createHousehold(
	db: Db,
	input: {
		organisationId: number;
		name: string;
		situation?: string | null;
		adviserId?: number | null;
		actorId?: number | null;
	},
	now = new Date()
): Promise<number> {
	const name = checkHouseholdName(input.name);
	const nowIso = now.toISOString();
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('household')
			.values({
				organisation_id: input.organisationId,
				name,
				situation: input.situation?.trim() || null,
				created_at: nowIso,
				archived_at: null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		if (input.adviserId) {
			const adviser = await trx
				.selectFrom('app_user')
				.select('id')
				.where('id', '=', input.adviserId)
				.where('role', '=', 'adviser')
				.where('organisation_id', '=', input.organisationId)
				.executeTakeFirst();
			if (!adviser) throw new InputError('Conseiller inconnu dans cette association.', 'adviser');
			await trx
				.insertInto('adviser_assignment')
				.values({
					household_id: row.id,
					adviser_id: input.adviserId,
					organisation_id: input.organisationId,
					created_at: nowIso
				})
				.execute();
		}
		await audit(
			trx,
			{
				organisationId: input.organisationId,
				actorId: input.actorId ?? null,
				householdId: row.id,
				action: 'household.created'
			},
			now
		);
		return row.id;
	});
}

export interface HouseholdSummary {
	id: number;
	name: string;
	situation: string | null;
	consent: boolean;
	members: number;
	transactions: number;
	lastTransactionDate: string | null;
	lastImportAt: string | null;
	/** incident fees (commissions, rejections, agios) over the last 3 months, cents (negative) */
	incidentFees3m: number;
	/** rejected operations over the last 3 months */
	rejected3m: number;
	/** benefits probably not claimed (open alerts) and their estimated yearly amount, cents */
	benefitsToClaim: number;
	benefitsYearly: number;
	/** the forecast as last computed: first projected overdraft, balance, alerts in plain French */
	firstOverdraft: string | null;
	balance: number | null;
	forecastAlerts: string[];
}

/** The adviser's caseload: every assigned household with its consent state, activity, fees and benefits, in a fixed number of queries. */
export async function caseload(db: Db, actor: Actor): Promise<HouseholdSummary[]> {
	if (actor.role !== 'adviser') throw new NotFoundError();
	await ensureOrganisationDerived(db, actor.organisationId);
	const scopes = await caseloadScopes(db, actor);
	const ids = scopes.map((s) => s.householdId);
	if (ids.length === 0) return [];
	const households = await db
		.selectFrom('household')
		.select(['id', 'name', 'situation'])
		.where('id', 'in', ids)
		.where('organisation_id', '=', actor.organisationId)
		.where('archived_at', 'is', null)
		.orderBy('name')
		.execute();
	// The access module decides whose data the adviser may read (consent given and not withdrawn).
	const consenting = new Set(scopes.filter((s) => may(s, 'read')).map((s) => s.householdId));
	const members = await db
		.selectFrom('household_member')
		.select(['household_id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('household_id', 'in', ids)
		.groupBy('household_id')
		.execute();
	// Activity figures only for households that consented: the others' data stays private.
	const visible = ids.filter((id) => consenting.has(id));
	const activity = visible.length
		? await db
				.selectFrom('bank_transaction')
				.select([
					'household_id',
					(eb) => eb.fn.countAll<number>().as('n'),
					(eb) => eb.fn.max('booking_date').as('last')
				])
				.where('organisation_id', '=', actor.organisationId)
				.where('household_id', 'in', visible)
				.groupBy('household_id')
				.execute()
		: [];
	const imports = visible.length
		? await db
				.selectFrom('import_batch')
				.select(['household_id', (eb) => eb.fn.max('created_at').as('last')])
				.where('organisation_id', '=', actor.organisationId)
				.where('household_id', 'in', visible)
				.groupBy('household_id')
				.execute()
		: [];
	const since = new Date(Date.now() - 92 * 86_400_000).toISOString().slice(0, 10);
	const incidents = visible.length
		? await db
				.selectFrom('bank_transaction')
				.select([
					'household_id',
					'category_id',
					(eb) => eb.fn.sum<number>('amount').as('total'),
					(eb) => eb.fn.countAll<number>().as('n')
				])
				.where('organisation_id', '=', actor.organisationId)
				.where('household_id', 'in', visible)
				.where('booking_date', '>=', since)
				.where('category_id', 'in', ['bank.incident_fees', 'bank.rejected'])
				.groupBy(['household_id', 'category_id'])
				.execute()
		: [];
	const alerts = visible.length
		? await db
				.selectFrom('benefit_alert')
				.select(['household_id', 'benefit', 'amount', 'period'])
				.where('organisation_id', '=', actor.organisationId)
				.where('household_id', 'in', visible)
				.where('active', '=', 1)
				.where('status', 'in', ['new', 'seen', 'claim_in_progress'])
				.execute()
		: [];
	const statuses = visible.length
		? await db
				.selectFrom('household_status')
				.select(['household_id', 'first_overdraft', 'balance', 'alerts'])
				.where('organisation_id', '=', actor.organisationId)
				.where('household_id', 'in', visible)
				.execute()
		: [];
	const statusBy = new Map(statuses.map((s) => [s.household_id, s]));
	const membersBy = new Map(members.map((m) => [m.household_id, Number(m.n)]));
	const activityBy = new Map(activity.map((a) => [a.household_id, a]));
	const importsBy = new Map(imports.map((i) => [i.household_id, i.last as string | null]));
	const rows = households.map((h) => ({
		id: h.id,
		name: h.name,
		situation: h.situation,
		consent: consenting.has(h.id),
		members: membersBy.get(h.id) ?? 0,
		transactions: Number(activityBy.get(h.id)?.n ?? 0),
		lastTransactionDate: (activityBy.get(h.id)?.last as string | null | undefined) ?? null,
		lastImportAt: importsBy.get(h.id) ?? null,
		incidentFees3m: Number(
			incidents.find((i) => i.household_id === h.id && i.category_id === 'bank.incident_fees')?.total ?? 0
		),
		rejected3m: Number(incidents.find((i) => i.household_id === h.id && i.category_id === 'bank.rejected')?.n ?? 0),
		benefitsToClaim: alerts.filter((a) => a.household_id === h.id).length,
		benefitsYearly: alerts
			.filter((a) => a.household_id === h.id && a.benefit !== 'css')
			.reduce((s, a) => s + (a.amount ?? 0) * (a.period === 'month' ? 12 : 1), 0),
		firstOverdraft: statusBy.get(h.id)?.first_overdraft ?? null,
		balance: statusBy.get(h.id)?.balance ?? null,
		forecastAlerts: (JSON.parse(statusBy.get(h.id)?.alerts ?? '[]') as { message: string }[]).map((a) => a.message)
	}));
	// Who needs attention first: the soonest projected overdraft, then the most incident fees, then by name.
	return rows.sort(
		(a, b) =>
			(a.firstOverdraft ?? '9999').localeCompare(b.firstOverdraft ?? '9999') ||
			a.incidentFees3m - b.incidentFees3m ||
			a.name.localeCompare(b.name, 'fr')
	);
}

export interface NextLargeDebit {
	date: string;
	/** cents, negative; null in a status stored before amounts were kept */
	amount: number | null;
	message: string;
}

export interface HouseholdOverview {
	id: number;
	name: string;
	situation: string | null;
	consent: { givenAt: string } | null;
	members: { name: string; email: string }[];
	advisers: { name: string }[];
	accounts: { id: number; name: string; bank: string | null; maskedNumber: string | null }[];
	transactionCount: number;
	firstDate: string | null;
	lastDate: string | null;
	/** the forecast as last computed (after the latest import or change) */
	forecast: {
		balance: number | null;
		balanceDate: string | null;
		firstOverdraft: string | null;
		alerts: string[];
		/** the first big debit coming (a `large_debit` alert), its amount when the status stored it */
		nextLargeDebit: NextLargeDebit | null;
		/** the account is overdrawn since that day (the `overdrawn` alert) */
		overdrawnSince: string | null;
	} | null;
	/** the benefits to claim, in cents per month (yearly ones divided by 12, one-off ones left out) */
	benefitsPerMonth: number;
	/** benefits probably not claimed, still open */
	benefits: { benefit: string; amount: number | null; period: string }[];
}

function mask(n: string | null): string | null {
	if (!n) return null;
	const tail = n.replace(/\s/g, '').slice(-4);
	return `•••• ${tail}`;
}

/** The household's name, for the header of its pages (anyone who may know it exists). */
export async function householdHeader(db: Db, scope: HouseholdScope): Promise<{ id: number; name: string }> {
	requirePermission(scope, 'view');
	const h = await db
		.selectFrom('household')
		.select(['id', 'name'])
		.where('id', '=', scope.householdId)
		.where('organisation_id', '=', scope.organisationId)
		.executeTakeFirst();
	if (!h) throw new NotFoundError();
	return h;
}

type StoredAlert = { kind?: string; date?: string; amount?: number; message: string };

/** The stored alerts in French, the first big debit coming set apart for the overview's key figures. */
function statusAlerts(json: string): {
	alerts: string[];
	nextLargeDebit: NextLargeDebit | null;
	overdrawnSince: string | null;
} {
	const all = JSON.parse(json) as StoredAlert[];
	const overdrawn = all.find((a) => a.kind === 'overdrawn' && a.date);
	const big = all
		.filter((a) => a.kind === 'large_debit' && a.date)
		.sort((a, b) => (a.date as string).localeCompare(b.date as string))[0];
	return {
		alerts: all.filter((a) => a !== big).map((a) => a.message),
		nextLargeDebit: big ? { date: big.date as string, amount: big.amount ?? null, message: big.message } : null,
		overdrawnSince: overdrawn?.date ?? null
	};
}

/** One household's overview (its financial data: the scope must allow reading it). */
export async function householdOverview(db: Db, scope: HouseholdScope): Promise<HouseholdOverview> {
	requirePermission(scope, 'read');
	await ensureDerived(db, scope);
	const householdId = scope.householdId;
	const h = await db
		.selectFrom('household')
		.select(['id', 'name', 'situation'])
		.where('id', '=', householdId)
		.executeTakeFirst();
	if (!h) throw new NotFoundError();
	const [status, benefits] = await Promise.all([
		db.selectFrom('household_status').selectAll().where('household_id', '=', householdId).executeTakeFirst(),
		db
			.selectFrom('benefit_alert')
			.select(['benefit', 'amount', 'period'])
			.where('household_id', '=', householdId)
			.where('active', '=', 1)
			.where('status', 'in', ['new', 'seen', 'claim_in_progress'])
			.orderBy('amount', 'desc')
			.execute()
	]);
	const [consent, members, advisers, accounts, stats] = await Promise.all([
		db
			.selectFrom('consent')
			.select('given_at')
			.where('household_id', '=', householdId)
			.where('withdrawn_at', 'is', null)
			.executeTakeFirst(),
		db
			.selectFrom('household_member')
			.innerJoin('app_user', 'app_user.id', 'household_member.user_id')
			.select(['app_user.name', 'app_user.email'])
			.where('household_member.household_id', '=', householdId)
			.orderBy('app_user.name')
			.execute(),
		db
			.selectFrom('adviser_assignment')
			.innerJoin('app_user', 'app_user.id', 'adviser_assignment.adviser_id')
			.select(['app_user.name'])
			.where('adviser_assignment.household_id', '=', householdId)
			.orderBy('app_user.name')
			.execute(),
		db
			.selectFrom('bank_account')
			.select(['id', 'name', 'bank', 'account_number'])
			.where('household_id', '=', householdId)
			.orderBy('name')
			.execute(),
		db
			.selectFrom('bank_transaction')
			.select([
				(eb) => eb.fn.countAll<number>().as('n'),
				(eb) => eb.fn.min('booking_date').as('first'),
				(eb) => eb.fn.max('booking_date').as('last')
			])
			.where('household_id', '=', householdId)
			.executeTakeFirstOrThrow()
	]);
	return {
		id: h.id,
		name: h.name,
		situation: h.situation,
		consent: consent ? { givenAt: consent.given_at } : null,
		members,
		advisers,
		accounts: accounts.map((a) => ({ id: a.id, name: a.name, bank: a.bank, maskedNumber: mask(a.account_number) })),
		transactionCount: Number(stats.n),
		firstDate: (stats.first as string | null) ?? null,
		lastDate: (stats.last as string | null) ?? null,
		forecast: status
			? {
					balance: status.balance,
					balanceDate: status.balance_date,
					firstOverdraft: status.first_overdraft,
					...statusAlerts(status.alerts)
				}
			: null,
		benefits,
		benefitsPerMonth: benefits.reduce(
			(sum, b) =>
				sum +
				(b.amount === null ? 0 : b.period === 'month' ? b.amount : b.period === 'year' ? Math.round(b.amount / 12) : 0),
			0
		)
	};
}
