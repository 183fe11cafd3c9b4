/**
 * A household's data, handed to the household (right of access and portability): a zip holding one JSON
 * document with everything BGV keeps about the household, and CSV files for a spreadsheet (operations,
 * accounts, benefits). Members' password hashes, invitation tokens and uploaded files are never in it.
 */
import { strToU8, zipSync } from 'fflate';
import { requirePermission, type HouseholdScope } from '../auth/access';
import type { Db } from '../db';
import { ensureDerived } from './derived-refresh';
import { auditScope } from './audit';
import { toCsv, type CsvColumn } from './csv-export';
import { NotFoundError } from './errors';

export interface HouseholdExport {
	fileName: string;
	zip: Uint8Array;
	/** the files in the zip, in order */
	files: string[];
}

function parseJson(text: string | null): unknown {
	if (text === null) return null;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** Consents, planned items, forecast choices, balances set by hand, the action plan's decisions. */
async function history(db: Db, householdId: number) {
	const [consents, planned, series, balances, actionPlan] = await Promise.all([
		db
			.selectFrom('consent')
			.select(['given_at', 'given_by', 'withdrawn_at', 'withdrawn_by'])
			.where('household_id', '=', householdId)
			.orderBy('id')
			.execute(),
		db
			.selectFrom('planned_item')
			.select(['date', 'label', 'amount', 'cadence', 'until', 'created_at'])
			.where('household_id', '=', householdId)
			.orderBy('id')
			.execute(),
		db
			.selectFrom('series_override')
			.select(['key', 'status', 'amount', 'day_of_month', 'updated_at'])
			.where('household_id', '=', householdId)
			.orderBy('key')
			.execute(),
		db
			.selectFrom('account_balance')
			.select(['account_id', 'date', 'amount', 'source', 'created_at'])
			.where('household_id', '=', householdId)
			.orderBy('id')
			.execute(),
		// what the household sees of its plan: the actions the adviser hid are left out, as on the page
		db
			.selectFrom('action_plan_item')
			.select(['action_key', 'kind', 'title', 'detail', 'monthly_impact', 'one_off_impact', 'status', 'status_at'])
			.where('household_id', '=', householdId)
			.where('hidden', '=', 0)
			.orderBy('id')
			.execute()
	]);
	return { consents, planned, series, balances, actionPlan };
}

async function collect(db: Db, householdId: number) {
	const household = await db
		.selectFrom('household')
		.select(['id', 'name', 'situation', 'created_at', 'archived_at'])
		.where('id', '=', householdId)
		.executeTakeFirst();
	if (!household) throw new NotFoundError('Ménage introuvable.');
	const [members, accounts, transactions, imports, rules, profile, benefits, status, auditRows] = await Promise.all([
		db
			.selectFrom('household_member as m')
			.innerJoin('app_user as u', 'u.id', 'm.user_id')
			.select(['u.id', 'u.name', 'u.email', 'u.role', 'u.active', 'm.created_at as member_since'])
			.where('m.household_id', '=', householdId)
			.orderBy('u.id')
			.execute(),
		db
			.selectFrom('bank_account')
			.select(['id', 'name', 'bank', 'account_number', 'iban', 'currency', 'kind'])
			.select(['overdraft_limit', 'overdraft_rate_bp', 'created_at'])
			.where('household_id', '=', householdId)
			.orderBy('id')
			.execute(),
		db
			.selectFrom('bank_transaction as t')
			.innerJoin('bank_account as a', 'a.id', 't.account_id')
			.leftJoin('category as c', 'c.id', 't.category_id')
			.select(['t.id', 't.booking_date', 't.operation_date', 't.amount', 't.raw_label', 't.payee'])
			.select(['t.category_id', 'c.label as category', 't.category_source', 't.tags', 'a.name as account'])
			.where('t.household_id', '=', householdId)
			.orderBy('t.booking_date')
			.orderBy('t.id')
			.execute(),
		db
			.selectFrom('import_batch')
			.select(['id', 'file_name', 'format', 'layout', 'imported_count', 'duplicate_count', 'created_at'])
			.where('household_id', '=', householdId)
			.orderBy('id')
			.execute(),
		db
			.selectFrom('categorisation_rule')
			.select(['id', 'priority', 'definition', 'enabled', 'created_at', 'updated_at'])
			.where('household_id', '=', householdId)
			.orderBy('priority')
			.execute(),
		db.selectFrom('household_profile').selectAll().where('household_id', '=', householdId).executeTakeFirst(),
		db
			.selectFrom('benefit_alert')
			.select(['benefit', 'status', 'amount', 'period', 'month', 'reasons', 'active', 'created_at', 'updated_at'])
			.where('household_id', '=', householdId)
			.orderBy('id')
			.execute(),
		db.selectFrom('household_status').selectAll().where('household_id', '=', householdId).executeTakeFirst(),
		db
			.selectFrom('audit_log')
			.select(['at', 'action', 'actor_id', 'target_type', 'target_id', 'details'])
			.where('household_id', '=', householdId)
			.orderBy('id')
			.execute()
	]);
	const { consents, planned, series, balances, actionPlan } = await history(db, householdId);
	return {
		household,
		members,
		consents,
		accounts,
		balances,
		transactions: transactions.map((t) => ({ ...t, tags: parseJson(t.tags) })),
		imports,
		rules: rules.map((r) => ({ ...r, definition: parseJson(r.definition) })),
		profile: profile ? { ...(parseJson(profile.profile) as object), updatedAt: profile.updated_at } : null,
		benefits: benefits.map((b) => ({ ...b, reasons: parseJson(b.reasons) })),
		forecastAlerts: status ? parseJson(status.alerts) : [],
		plannedItems: planned,
		seriesChoices: series,
		actionPlan,
		auditLog: auditRows.map((a) => ({ ...a, details: parseJson(a.details) }))
	};
}

type Data = Awaited<ReturnType<typeof collect>>;

const OPERATIONS: CsvColumn<Data['transactions'][number]>[] = [
	{ header: 'Date', value: (t) => t.booking_date },
	{ header: 'Date d’opération', value: (t) => t.operation_date },
	{ header: 'Compte', value: (t) => t.account },
	{ header: 'Libellé', value: (t) => t.raw_label },
	{ header: 'Bénéficiaire', value: (t) => t.payee },
	{ header: 'Montant (€)', kind: 'amount', value: (t) => t.amount },
	{ header: 'Catégorie', value: (t) => t.category ?? t.category_id }
];

const ACCOUNTS: CsvColumn<Data['accounts'][number]>[] = [
	{ header: 'Compte', value: (a) => a.name },
	{ header: 'Banque', value: (a) => a.bank },
	{ header: 'Numéro', value: (a) => a.account_number },
	{ header: 'IBAN', value: (a) => a.iban },
	{ header: 'Découvert autorisé (€)', kind: 'amount', value: (a) => a.overdraft_limit },
	{ header: 'Ouvert dans BGV le', value: (a) => a.created_at.slice(0, 10) }
];

const BENEFITS: CsvColumn<Data['benefits'][number]>[] = [
	{ header: 'Droit', value: (b) => b.benefit },
	{ header: 'Suivi', value: (b) => b.status },
	{ header: 'Montant estimé (€)', kind: 'amount', value: (b) => b.amount },
	{ header: 'Période', value: (b) => b.period },
	{ header: 'Mois', value: (b) => b.month },
	{ header: 'Raisons', value: (b) => (Array.isArray(b.reasons) ? b.reasons.join(' ; ') : String(b.reasons)) }
];

const README = `Vos données dans BGV
====================

menage.json      tout ce que BGV garde sur votre ménage (membres, comptes, opérations, règles,
                 profil, droits repérés, alertes, journal des accès et des changements)
operations.csv   vos opérations bancaires, à ouvrir avec un tableur
comptes.csv      vos comptes
droits.csv       les aides repérées et leur suivi

Les montants sont en euros, les dates au format année-mois-jour.
`;

/** The zip of the household's data; writes `household.export` in the audit log. */
export async function exportHousehold(db: Db, scope: HouseholdScope, now = new Date()): Promise<HouseholdExport> {
	requirePermission(scope, 'read');
	await ensureDerived(db, scope, now);
	const data = await collect(db, scope.householdId);
	const exportedAt = now.toISOString();
	const entries: Record<string, Uint8Array> = {
		'LISEZMOI.txt': strToU8(README),
		'menage.json': strToU8(JSON.stringify({ exportedAt, ...data }, null, 2)),
		'operations.csv': strToU8(toCsv(OPERATIONS, data.transactions)),
		'comptes.csv': strToU8(toCsv(ACCOUNTS, data.accounts)),
		'droits.csv': strToU8(toCsv(BENEFITS, data.benefits))
	};
	const zip = zipSync(entries, { level: 6, mtime: now });
	const files = Object.keys(entries);
	await auditScope(
		db,
		scope,
		{ action: 'household.export', details: { files: files.length, transactions: data.transactions.length } },
		now
	);
	return { fileName: `bgv-menage-${scope.householdId}-${exportedAt.slice(0, 10)}.zip`, zip, files };
}
